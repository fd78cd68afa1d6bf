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
  const start = pushEndedLines(text, lines);
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * Pushes the lines that end in `\n`; returns where the rest starts. A function of its own: V8
 * compiles a long loop while it runs, and code after the loop that had not run yet then threw the
 * compiled code away (see mark-changes-like-git.ts).
 */
function pushEndedLines(text: string, lines: string[]): number {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) return start;
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
}
