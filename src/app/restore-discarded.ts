import type { DraftResolution } from '../client/index.ts';
import { merge } from '../merge/index.ts';
import { granularity, type EditorSession } from './editor-session.ts';

/**
 * "Restore my edits" after "Take theirs": the dropped edits merged three-way into what was typed
 * since, with their version (the session's base) as the base, so nothing typed since is lost.
 * Clean, it is the new session, which starts again from where the dropped edits did (a later save
 * merges their version back in). Overlapping, it is a conflict for the dialog (`restore` mode,
 * mine = the text now, theirs = the dropped edits), and nothing changes until the person decides.
 */
export function restoreDiscarded(
  session: EditorSession,
): { session: EditorSession } | { conflict: DraftResolution } | undefined {
  const { base, mine, discarded } = session;
  if (!discarded) return undefined;
  const dropped = discarded.mine;
  const body = merge({ base: base.body, mine: mine.body, theirs: dropped.body }, { granularity });
  const title =
    mine.title === base.title || mine.title === dropped.title
      ? dropped.title
      : dropped.title === base.title
        ? mine.title
        : undefined;
  if (body.clean && title !== undefined) {
    return { session: { base: discarded.base, mine: { title, body: body.text } } };
  }
  return {
    conflict: {
      base: { title: base.title, body: base.body },
      mine,
      // Not a stored version: the dropped edits, in the dialog's place for "theirs".
      theirs: {
        doc: {
          id: '',
          title: dropped.title,
          body: dropped.body,
          version: discarded.base.version,
          created_at: '',
          updated_at: '',
          updated_by: '',
        },
        etag: discarded.base.etag,
      },
      mode: 'restore',
    },
  };
}
