import type { DraftResolution } from '../client/index.ts';

/**
 * The open conflict with `body` typed into its merged result: the choices as last reported (a
 * reopened dialog replays them, then puts this text in), and the title as last reported or, before
 * any report, the one the dialog opens with (so an undecided title stays undecided).
 */
export function typedIntoResult(conflict: DraftResolution, body: string): DraftResolution {
  const { base, mine, theirs, progress } = conflict;
  const title = progress?.title ?? (mine.title === base.title ? theirs.doc.title : mine.title);
  return { ...conflict, progress: { ...progress, title, body } };
}
