/** A line with nothing but white space (its line break included). */
const BLANK = /^\s*$/;
/** An ATX heading (`# Title`). */
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|\r?\n|$)/;
/** A setext heading's underline (`=====`, `-----`), also a thematic break. */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*(?:\r?\n)?$/;
/** A list item's first line: a bullet or an ordinal, then white space. */
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|\r?\n|$)/;

/**
 * Whether a line starts a new unit of prose after `previous`: a paragraph (after or at a blank
 * line), a heading, or the next list item. Word granularity never joins conflicts across such a
 * boundary, so each paragraph, heading and list item is its own decision. A setext underline
 * stays with its heading's text. `previous` is `undefined` at the start of the text.
 *
 * @example
 * startsProseUnit('- jam\n', '- eggs\n'); // true: the next list item
 * startsProseUnit('and more.\n', 'A sentence\n'); // false: the same paragraph
 */
export function startsProseUnit(line: string, previous: string | undefined): boolean {
  if (previous === undefined) return true;
  if (UNDERLINE.test(line) && !BLANK.test(previous)) return false;
  return (
    BLANK.test(line) ||
    HEADING.test(line) ||
    LIST_ITEM.test(line) ||
    BLANK.test(previous) ||
    HEADING.test(previous) ||
    UNDERLINE.test(previous)
  );
}
