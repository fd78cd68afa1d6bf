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
  // (megabytes of JSON take tens of ms to store) at most every 300 ms and whenever the page is
  // hidden or left, so typing and choosing stay fast and a closed or crashed tab loses nothing.
  const [backupFailed, setBackupFailed] = useState(false);
  const pendingWrite = useRef<(() => void) | null>(null);
  useEffect(() => () => pendingWrite.current?.(), []); // leaving the editor writes at once
  useEffect(() => {
    const write = () => {
      pendingWrite.current = null;
      const draft = conflict ? { ...session, resolving: conflict } : session;
      if (holdsWork(draft)) setBackupFailed(!storeDraft(id, draft));
      else clearDraft(id);
    };
    if (session.mine.body.length + (conflict?.base.body.length ?? 0) < largeBodyChars) {
      write();
      return;
    }
    pendingWrite.current = write;
    const timer = setTimeout(write, 300);
    const flush = () => {
      clearTimeout(timer);
      write();
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
