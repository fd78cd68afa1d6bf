'use client';

import { useLayoutEffect, useRef } from 'react';

/**
 * Opens a native `<dialog>` modally on mount, focuses what `focusFirst` picks, turns Escape
 * into `onCancel`, and gives focus back on close (WAI-ARIA dialog pattern): to `returnFocus`
 * when given, else to where focus was when it opened. The conflict dialog and the "Discard their
 * changes?" alertdialog above it share it (one copy of this in an embedder's bundle).
 */
export function useModal(
  ref: React.RefObject<HTMLDialogElement | null>,
  onCancel: () => void,
  focusFirst: (dialog: HTMLDialogElement) => void,
  returnFocus?: React.RefObject<HTMLElement | null>,
) {
  // The latest callbacks, read when the dialog opens and when Escape is pressed.
  const latest = useRef({ onCancel, focusFirst });
  latest.current = { onCancel, focusFirst };
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const active = document.activeElement;
    const opener = returnFocus
      ? returnFocus.current
      : active instanceof HTMLElement
        ? active
        : null;
    if (!dialog.open) dialog.showModal();
    latest.current.focusFirst(dialog);
    const cancel = (event: Event) => {
      // The browser would close the dialog itself; the caller decides instead.
      event.preventDefault();
      latest.current.onCancel();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [ref, returnFocus]);
}
