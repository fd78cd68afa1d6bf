import type { DraftBase, DraftResolution } from '../client/index.ts';
import { merge } from '../merge/index.ts';
import type { DocumentInput } from '../protocol/index.ts';
import { granularity, type EditorSession } from './editor-session.ts';

/**
 * "Restore my edits" after "Take theirs": the dropped edits replayed onto the version the editor
 * now starts from (`replayOnto`), then merged three-way into what was typed since, with that
 * version as the base, so nothing typed since is lost. Clean, it is the new session, still on that
 * version: the next save lands without meeting the conflict Take theirs settled. Overlapping, it is
 * a conflict for the dialog (`restore` mode, mine = the text now, theirs = the dropped edits on that
 * version), and nothing changes until the person decides.
 */
export function restoreDiscarded(
  session: EditorSession,
): { session: EditorSession } | { conflict: DraftResolution } | undefined {
  const { base, mine, discarded } = session;
  if (!discarded) return undefined;
  const dropped = replayOnto(discarded, base);
  const body = merge({ base: base.body, mine: mine.body, theirs: dropped.body }, { granularity });
  const title =
    mine.title === base.title || mine.title === dropped.title
      ? dropped.title
      : dropped.title === base.title
        ? mine.title
        : undefined;
  if (body.clean && title !== undefined) {
    return { session: { base, mine: { title, body: body.text } } };
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
          version: base.version,
          created_at: '',
          updated_at: '',
          updated_by: '',
        },
        etag: base.etag,
      },
      mode: 'restore',
    },
  };
}

/**
 * The dropped edits as a text on `onto` (their version, or a newer one followed since): every
 * change of that version kept, and every dropped edit put in. Where the two overlapped (the
 * conflict Take theirs settled), the dropped edits win: asking for them back is that choice.
 * Starting from `onto`, the restored text saves onto it without that conflict coming back.
 */
export function replayOnto(
  discarded: NonNullable<EditorSession['discarded']>,
  onto: DraftBase,
): DocumentInput {
  const { base, mine } = discarded;
  const { regions } = merge(
    { base: base.body, mine: mine.body, theirs: onto.body },
    { granularity },
  );
  return {
    title: mine.title !== base.title ? mine.title : onto.title,
    body: regions.map((r) => (r.kind === 'conflict' ? r.mine : r.text)).join(''),
  };
}
