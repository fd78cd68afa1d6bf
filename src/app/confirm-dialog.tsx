import { useId, useLayoutEffect, useRef } from 'react';

/**
 * A question to answer before something happens (WAI-ARIA alertdialog): a native modal
 * `<dialog>`, so focus stays inside and the page behind is inert. Focus starts on the choice that
 * changes nothing (`keepLabel`), Escape means that choice too, and focus goes back to the control
 * that was focused before it opened.
 */
export function ConfirmDialog(props: {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  keepLabel: string;
  busy?: boolean;
  error?: string | undefined;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const onKeep = useRef(props.onKeep);
  onKeep.current = props.onKeep;
  const id = useId();
  useLayoutEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    keep.current?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onKeep.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="confirm-dialog"
      aria-labelledby={`${id}h`}
      aria-describedby={`${id}d`}
      // The page's keys (Ctrl+S saves the editor) are not for this dialog.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id={`${id}h`}>{props.title}</h2>
      <div id={`${id}d`}>{props.children}</div>
      {props.error && (
        <p role="alert" className="error">
          {props.error}
        </p>
      )}
      <div className="confirm-dialog__actions">
        <button type="button" ref={keep} onClick={props.onKeep}>
          {props.keepLabel}
        </button>
        <button type="button" className="danger" onClick={props.onConfirm} disabled={props.busy}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
