/**
 * One token: a line break; a run of spaces; a word (letters, digits, `_`, with their combining
 * marks and joiners); a single CJK character (those scripts do not separate words with spaces); an
 * emoji with its modifiers and zero-width-joined parts, or a flag; else one code point with its
 * combining marks. Matching whole code points (`u` flag) never splits a surrogate pair.
 */
const TOKEN = new RegExp(
  [
    String.raw`\r\n|\n`,
    String.raw`[^\S\r\n]+`,
    String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]\p{M}*`,
    String.raw`(?:[\p{L}\p{N}_][\p{M}\u200C\u200D]*)+`,
    String.raw`\p{Regional_Indicator}{2}`,
    String.raw`\p{Extended_Pictographic}[\p{M}\p{Emoji_Modifier}]*(?:\u200D\p{Extended_Pictographic}[\p{M}\p{Emoji_Modifier}]*)*`,
    String.raw`[\s\S]\p{M}*`,
  ].join('|'),
  'gu',
);

/**
 * Splits text into words, spaces, line breaks and punctuation for a merge at word granularity.
 * Joining the tokens gives the text back exactly.
 *
 * @example
 * tokenizeWords('Hi, café!\n'); // ['Hi', ',', ' ', 'café', '!', '\n']
 */
export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN) ?? [];
}
