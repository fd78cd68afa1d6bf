import { useEffect, useRef, useState } from 'react';
import { clearDraft, storeDraft, type DraftResolution } from '../client/index.ts';
import { holdsWork, largeBodyChars, type EditorSession } from './editor-session.ts';

/**
 * Backs the editor's session (and an open conflict's progress) up to this tab's draft, and says
 * whether the browser refused to store it.
 */
export function useDraftBackup(
  id: string,
  session: EditorSession,
  conflict: DraftResolution | null,
): boolean {
  // Every change is backed up to this tab's draft. Small drafts are written at once; a large one
  // (megabytes of JSON take tens of ms to store) at most every 300 ms. Either is written again,
  // ahead of slower writes, whenever the page is hidden or left, so typing and choosing stay fast
  // and a closed, reloaded or crashed tab loses nothing.
  const [backupFailed, setBackupFailed] = useState(false);
  const pendingWrite = useRef<(() => void) | null>(null);
  // Answers may come back out of order: only the latest write's says whether the draft is kept.
  const writes = useRef(0);
  useEffect(() => () => pendingWrite.current?.(), []); // leaving the editor writes at once
  useEffect(() => {
    // `now`: as the page is hidden or left, ahead of writes still waiting for the disk.
    const write = (now = false) => {
      pendingWrite.current = null;
      const draft = conflict ? { ...session, resolving: conflict } : session;
      const n = ++writes.current;
      if (!holdsWork(draft)) {
        clearDraft(id);
        setBackupFailed(false);
        return;
      }
      void storeDraft(id, draft, { now }).then((stored) => {
        if (n === writes.current) setBackupFailed(!stored);
      });
    };
    const large = session.mine.body.length + (conflict?.base.body.length ?? 0) >= largeBodyChars;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (large) {
      pendingWrite.current = write;
      timer = setTimeout(write, 300);
    } else write();
    const flush = () => {
      clearTimeout(timer);
      write(true);
    };
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      // A newer change schedules a newer write; an unmount runs this one (above).
      clearTimeout(timer);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [id, session, conflict]);
  return backupFailed;
}
