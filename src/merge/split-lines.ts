/**
 * Splits text into lines that keep their terminators, so joining them gives the text back
 * exactly. Only `\n` ends a line, as in git: `\r\n` stays whole at the end of its line and a lone
 * `\r` is ordinary text. The last line may lack a terminator; empty text has no lines.
 *
 * @example
 * splitLines('a\r\nb\nc'); // ['a\r\n', 'b\n', 'c']
 */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}
