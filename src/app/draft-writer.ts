import type { DraftResolution } from '../client/index.ts';
import { holdsWork, largeBodyChars, type EditorSession } from './editor-session.ts';

/** What the writer stores: `storeDraft` and `clearDraft`, or a test's stand-ins. */
export interface DraftStore {
  store(draft: EditorSession & { resolving?: DraftResolution }, now: boolean): Promise<boolean>;
  clear(): void;
}

/** Backs one document's editor session up to this tab's draft (see `createDraftWriter`). */
export interface DraftWriter {
  /** Hands over the session as it now stands; the same one again writes nothing. */
  offer(session: EditorSession, conflict: DraftResolution | null): void;
  /** Writes the newest draft at once, ahead of writes still waiting (the page is hidden or left). */
  flush(): void;
  /** Writes a draft still waiting out its pause, if any (the editor is leaving). */
  finish(): void;
}

/** How long a large draft waits for typing to pause before it is written, in ms. */
export const largeDraftPause = 300;

/**
 * The editor's draft writes (docs/decisions/0020), apart from rendering: the change handler
 * offers a keystroke's session before the render it causes, so a render that throws cannot
 * lose it, and the render offers every other change; a session offered twice is written once.
 * Small drafts are written at once; a large one (megabytes of JSON take tens of ms to store)
 * once typing has paused for `largeDraftPause`. `stored` hears whether the latest write was kept.
 *
 * @example
 * const writer = createDraftWriter(store, (kept) => setBackupFailed(!kept));
 * writer.offer(nextSession, conflict); // in the change handler
 */
export function createDraftWriter(
  drafts: DraftStore,
  stored: (kept: boolean) => void,
): DraftWriter {
  let latest: { session: EditorSession; conflict: DraftResolution | null } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Answers may come back out of order: only the latest write's says whether the draft is kept.
  let writes = 0;

  const write = (now: boolean) => {
    clearTimeout(timer);
    timer = undefined;
    if (!latest) return;
    const { session, conflict } = latest;
    const draft = conflict ? { ...session, resolving: conflict } : session;
    const n = ++writes;
    if (!holdsWork(draft)) {
      drafts.clear();
      stored(true);
      return;
    }
    void drafts.store(draft, now).then((kept) => {
      if (n === writes) stored(kept);
    });
  };

  return {
    offer(session, conflict) {
      if (
        latest &&
        isSameConflict(conflict, latest.conflict) &&
        isSameSession(session, latest.session)
      )
        return;
      latest = { session, conflict };
      clearTimeout(timer);
      const large = session.mine.body.length + (conflict?.base.body.length ?? 0) >= largeBodyChars;
      if (large) timer = setTimeout(() => write(false), largeDraftPause);
      else write(false);
    },
    flush: () => write(true),
    finish: () => timer !== undefined && write(false),
  };
}

/**
 * Whether two sessions hold the same work. The change handler's session and the render's are
 * built apart from one edit, out of the same base and strings, so this is cheap where it counts.
 */
function isSameSession(a: EditorSession, b: EditorSession): boolean {
  return (
    a === b ||
    (a.base === b.base &&
      a.discarded === b.discarded &&
      a.mine.title === b.mine.title &&
      a.mine.body === b.mine.body)
  );
}

/**
 * Whether two open conflicts hold the same work. A report of the dialog's progress is offered
 * before the render and again by it, each time in a conflict built apart around the same progress.
 */
function isSameConflict(a: DraftResolution | null, b: DraftResolution | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.progress === b.progress &&
    a.base === b.base &&
    a.mine === b.mine &&
    a.theirs === b.theirs &&
    a.mode === b.mode &&
    a.setAside === b.setAside
  );
}
