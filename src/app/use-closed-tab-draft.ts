import { useEffect, useState } from 'react';
import {
  discardClosedTabDraft,
  findClosedTabDrafts,
  type ClosedTabDraft,
} from '../client/index.ts';
import { holdsWork } from './editor-session.ts';

/** What `useClosedTabDraft` found, and a way to forget it once taken or discarded. */
export interface ClosedTabDraftOffer {
  /** The newest draft with edits that a closed tab left of the document, if any. */
  found: ClosedTabDraft | undefined;
  /** Whether the search has finished (there may be nothing to offer). */
  searched: boolean;
  forget(): void;
}

/**
 * Looks for unsaved drafts of document `id` that closed tabs left, when `look` (this tab has no
 * draft of its own). Drafts that hold no edit are dropped as they are found.
 */
export function useClosedTabDraft(id: string, look: boolean): ClosedTabDraftOffer {
  const [found, setFound] = useState<ClosedTabDraft | undefined>();
  const [searched, setSearched] = useState(!look);
  useEffect(() => {
    if (!look) return;
    let current = true;
    void findClosedTabDrafts(id).then((drafts) => {
      const withEdits = drafts.filter(({ key, draft }) => {
        const keep = holdsWork(draft);
        if (!keep) discardClosedTabDraft(key);
        return keep;
      });
      if (!current) return;
      setFound(withEdits[0]);
      setSearched(true);
    });
    return () => {
      current = false;
    };
  }, [id, look]);
  const forget = () => {
    if (found) discardClosedTabDraft(found.key);
    setFound(undefined);
  };
  return { found, searched, forget };
}
