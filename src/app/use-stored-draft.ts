import { useEffect, useState } from 'react';
import { loadDraft, type Draft } from '../client/index.ts';

/** This tab's stored draft of document `id` as read once on opening, or `pending` until read. */
export type StoredDraft = { pending: true } | { pending: false; draft: Draft | undefined };

/**
 * Reads this tab's draft of document `id` once (from sessionStorage, or IndexedDB where it was
 * too large), so that the editor starts from it: the editor must not start before it is read, or
 * it would start from the server's text and the draft would be overwritten by the next backup.
 */
export function useStoredDraft(id: string): StoredDraft {
  const [stored, setStored] = useState<{ id: string; draft: Draft | undefined }>();
  useEffect(() => {
    let current = true;
    void loadDraft(id).then((draft) => current && setStored({ id, draft }));
    return () => {
      current = false;
    };
  }, [id]);
  return stored?.id === id ? { pending: false, draft: stored.draft } : { pending: true };
}
