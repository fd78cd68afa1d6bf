import { useNavigate } from '@tanstack/react-router';
import { ApiError, clearDraft, useCreateDocument } from '../client/index.ts';
import type { DocumentInput } from '../protocol/index.ts';

/**
 * Saves the text of a deleted document as a new one and opens it; the old title may be taken
 * again already, so one retry adds " (recovered)".
 */
export function useSaveAsNew(id: string, onError: (error: unknown) => void) {
  const create = useCreateDocument();
  const navigate = useNavigate();
  const saveAsNew = (mine: DocumentInput) => {
    const attempt = (title: string, retry: boolean) =>
      create.mutate(
        { input: { title, body: mine.body }, idempotencyKey: crypto.randomUUID() },
        {
          onSuccess: ({ doc }) => {
            clearDraft(id);
            void navigate({ to: '/docs/$id', params: { id: doc.id } });
          },
          onError: (createError) => {
            if (retry && createError instanceof ApiError && createError.status === 409) {
              attempt(`${mine.title} (recovered)`, false);
            } else onError(createError);
          },
        },
      );
    attempt(mine.title, true);
  };
  return { saveAsNew, isPending: create.isPending };
}
