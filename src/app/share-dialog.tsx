import { useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMembers, useRemoveMember, useSetMember } from '../client/index.ts';
import type { DocumentRole, MemberRole } from '../protocol/index.ts';
import { describeError } from './describe-error.ts';

const roleNames: Record<DocumentRole, string> = {
  owner: 'Owner',
  editor: 'Editor',
  viewer: 'Viewer',
};

/**
 * The editor's "Share" (shown to the owner only): opens the `dialog` "Share document" to give
 * people the viewer or editor role, or take it away.
 */
export function ShareButton({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Share
      </button>
      {/* Out of the editor's form in the page (a form holds no form); React events still
          bubble to the editor, so the dialog stops its own. */}
      {open && createPortal(<ShareDialog id={id} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

/**
 * A modal dialog (WAI-ARIA dialog pattern, on a native `<dialog>`: focus stays inside, the page
 * behind is inert): focus starts in "Username", Escape or Close closes it, and focus goes back
 * to the control that opened it. What failed (an unknown account…) is said in an alert.
 */
function ShareDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const members = useMembers(id);
  const setMember = useSetMember(id);
  const removeMember = useRemoveMember(id);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<MemberRole>('editor');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState('');
  const headingId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    nameRef.current?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      opener?.focus();
    };
  }, []);

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    // Not a save of the document: the editor's form must not hear of it.
    event.stopPropagation();
    const name = username.trim();
    if (!name) {
      setError('Type the username of the person to share with.');
      nameRef.current?.focus();
      return;
    }
    setError(undefined);
    setDone('');
    setMember.mutate(
      { username: name, role },
      {
        onSuccess: (member) => {
          setUsername('');
          setDone(`Shared with ${member.username} as ${roleNames[member.role].toLowerCase()}.`);
        },
        onError: (failure) => setError(describeError(failure)),
        onSettled: () => nameRef.current?.focus(),
      },
    );
  };
  const remove = (name: string) => {
    setError(undefined);
    setDone('');
    removeMember.mutate(name, {
      onSuccess: () => setDone(`No longer shared with ${name}.`),
      onError: (failure) => setError(describeError(failure)),
      // The button pressed is gone with its row: focus goes back where people are added.
      onSettled: () => nameRef.current?.focus(),
    });
  };

  return (
    <dialog
      ref={ref}
      className="confirm-dialog share-dialog"
      aria-labelledby={headingId}
      // The page's keys (Ctrl+S saves the editor) are not for this dialog.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id={headingId}>Share document</h2>
      <form className="share-dialog__add" onSubmit={add}>
        <label>
          Username
          <input
            ref={nameRef}
            value={username}
            autoComplete="off"
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            <option value="viewer">Viewer</option>
            <option value="editor">Editor</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={setMember.isPending}>
          Add
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status" className="muted">
        {done}
      </p>
      <h3>People with access</h3>
      {members.data ? (
        <ul className="share-dialog__people" aria-label="People with access">
          {members.data.items.map((member) => (
            <li key={member.username}>
              <span>
                {member.username} <span className="muted">· {roleNames[member.role]}</span>
              </span>
              {member.role !== 'owner' && (
                <button
                  type="button"
                  onClick={() => remove(member.username)}
                  disabled={removeMember.isPending}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : members.error ? (
        <p role="alert">{describeError(members.error)}</p>
      ) : (
        <p>Loading…</p>
      )}
      <div className="confirm-dialog__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
