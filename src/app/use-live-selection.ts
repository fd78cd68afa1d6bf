import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { isChangeBefore, mapSelection } from './map-selection.ts';

type TextBox = HTMLTextAreaElement | HTMLInputElement;

/** What the box showed when the person last typed, moved or scrolled. */
interface Seen {
  value: string;
  start: number;
  end: number;
  direction: 'forward' | 'backward' | 'none';
  scrollTop: number;
  scrollHeight: number;
}

// Every way the person moves the caret or the view; `input` too, so typing is never "a change".
const watchedEvents = ['input', 'select', 'selectionchange', 'keyup', 'mouseup', 'focus', 'scroll'];

/**
 * Keeps the caret, the selection and the scroll position of a controlled text box where they
 * were when its value is replaced from outside (a live update of a version someone else saved):
 * React sets the new value, which throws the caret to the end; this maps it back through the
 * change, and keeps the caret's line in place on screen when the change was above it.
 */
export function useLiveSelection(ref: RefObject<TextBox | null>, value: string): void {
  const seen = useRef<Seen | undefined>(undefined);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const remember = () => {
      seen.current = {
        value: box.value,
        start: box.selectionStart ?? 0,
        end: box.selectionEnd ?? 0,
        direction: box.selectionDirection ?? 'none',
        scrollTop: box.scrollTop,
        scrollHeight: box.scrollHeight,
      };
    };
    remember();
    for (const type of watchedEvents) box.addEventListener(type, remember);
    return () => {
      for (const type of watchedEvents) box.removeEventListener(type, remember);
    };
  }, [ref]);

  // Before paint, so the caret never visibly jumps.
  useLayoutEffect(() => {
    const box = ref.current;
    const last = seen.current;
    if (!box || !last || last.value === value) return;
    const { start, end } = mapSelection(last.value, value, last);
    box.setSelectionRange(start, end, last.direction);
    const above = isChangeBefore(last.value, value, last.start);
    box.scrollTop = last.scrollTop + (above ? box.scrollHeight - last.scrollHeight : 0);
    seen.current = {
      ...last,
      value,
      start,
      end,
      scrollTop: box.scrollTop,
      scrollHeight: box.scrollHeight,
    };
  }, [ref, value]);
}
