import { useEffect, useState } from 'react';
import { clearDraft, storeDraft, type DraftResolution } from '../client/index.ts';
import { createDraftWriter, type DraftWriter } from './draft-writer.ts';
import type { EditorSession } from './editor-session.ts';

/**
 * Backs the editor's session (and an open conflict's progress) up to this tab's draft, and says
 * whether the browser refused to store it. Returns the writer, for the change handler to offer
 * each edit before the render it causes (a render that throws would otherwise lose it).
 */
export function useDraftBackup(
  id: string,
  session: EditorSession,
  conflict: DraftResolution | null,
): { backupFailed: boolean; writer: DraftWriter } {
  // Every change is backed up to this tab's draft (draft-writer.ts), and written again, ahead of
  // slower writes, whenever the page is hidden or left, so typing and choosing stay fast and a
  // closed, reloaded or crashed tab loses nothing.
  const [backupFailed, setBackupFailed] = useState(false);
  // One writer per editor: the route mounts a new editor for another document.
  const [writer] = useState(() =>
    createDraftWriter(
      {
        store: (draft, now) => storeDraft(id, draft, { now }),
        clear: () => clearDraft(id),
      },
      (kept) => setBackupFailed(!kept),
    ),
  );
  // Changes the change handler did not offer (a save landed, a dialog's progress, a live update).
  useEffect(() => writer.offer(session, conflict), [writer, session, conflict]);
  useEffect(() => {
    const onHidden = () => document.visibilityState === 'hidden' && writer.flush();
    window.addEventListener('pagehide', writer.flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', writer.flush);
      document.removeEventListener('visibilitychange', onHidden);
      // Leaving the editor (a render that threw takes it away too) writes what still waits.
      writer.finish();
    };
  }, [writer]);
  return { backupFailed, writer };
}
