import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useDeleteDocument } from '../client/index.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { describeDeleteFailure } from './describe-delete-failure.ts';

/** What the document list says after a delete (kept in the history entry, so Back shows it). */
export interface DeletedNotice {
  deleted: { id: string; title: string };
}

/**
 * The editor's "Delete": asks first ("Delete this document?"), then moves the document to the
 * trash guarded by the ETag of the newest version this tab knows, and lands on the list with a
 * notice. Unsaved edits stay in this tab's draft, so restoring the document brings them back.
 */
export function DeleteDocumentButton(props: {
  id: string;
  title: string;
  etag: string;
  dirty: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const remove = useDeleteDocument(props.id);
  const navigate = useNavigate();
  const land = () => {
    const notice: DeletedNotice = { deleted: { id: props.id, title: props.title } };
    void navigate({ to: '/', state: notice });
  };
  const confirm = () =>
    remove.mutate(props.etag, {
      onSuccess: land,
      onError: (failure) => {
        const message = describeDeleteFailure(failure);
        if (message === undefined) land();
        else setError(message);
      },
    });
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(undefined);
          setAsking(true);
        }}
      >
        Delete
      </button>
      {asking && (
        <ConfirmDialog
          title="Delete this document?"
          confirmLabel="Delete"
          keepLabel="Keep it"
          busy={remove.isPending}
          error={error}
          onConfirm={confirm}
          onKeep={() => setAsking(false)}
        >
          <p>
            “{props.title}” moves to the trash with its whole history. You can restore it from the
            Trash, linked from your documents.
          </p>
          {props.dirty && (
            <p>
              Your unsaved changes are not in the trash: they stay in this tab and come back if you
              restore the document and open it here.
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
