// C0 controls, DEL and C1 controls: invisible, and they break single-line display and logs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether `text` holds a control character (C0, DEL or C1), which titles and names may not. */
export function containsControlCharacter(text: string): boolean {
  return controlCharacter.test(text);
}
