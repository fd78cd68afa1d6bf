import { limits, type DocumentInput } from '../protocol/index.ts';

/** How close a field is to the server's limit, in words a writer understands. */
export type LimitState =
  { level: 'ok' } | { level: 'near'; message: string } | { level: 'over'; message: string };

// The counter appears once this share of the limit is used, so it does not distract before.
const titleWarnShare = 0.75;
const bodyWarnShare = 0.9;
// Below this many characters an amount is said in characters ("3 characters too long"), above
// it in words ("about 1,200 words too long"): nobody counts 900 characters.
const wordsFrom = 60;

const formatNumber = new Intl.NumberFormat('en');

/**
 * The title's counter: nothing until three quarters of `limits.titleMaxLength`, then how many
 * characters are left, then how many too many. Counts what the server counts (trimmed, UTF-16).
 *
 * @example describeTitleLimit('x'.repeat(203)) // { level: 'over', message: '3 characters too long' }
 */
export function describeTitleLimit(title: string): LimitState {
  const length = title.trim().length;
  const max = limits.titleMaxLength;
  if (length > max)
    return { level: 'over', message: `${countOf(length - max, 'character')} too long` };
  if (length >= max * titleWarnShare) {
    return { level: 'near', message: `${countOf(max - length, 'character')} left` };
  }
  return { level: 'ok' };
}

/**
 * The body's counter against the server's request size (`limits.maxBodyBytes`, the whole JSON
 * request in UTF-8): nothing until 90 %, then how much is left or how much to cut, said in this
 * text's own words (its average bytes per word), or in characters when it is only a few.
 *
 * @example describeBodyLimit({ title: 'Plan', body: hugeText }) // { level: 'over', message: 'about 1,200 words too long' }
 */
export function describeBodyLimit(input: DocumentInput): LimitState {
  const max = limits.maxBodyBytes;
  // Cheap bound first: a JSON string takes at most 6 bytes per UTF-16 unit ("\u001f").
  if ((input.title.length + input.body.length) * 6 + 64 < max * bodyWarnShare)
    return { level: 'ok' };
  const bytes = measureRequestBytes(input);
  if (bytes < max * bodyWarnShare) return { level: 'ok' };
  // Past the limit an estimate rounds up (cutting it is enough), before it down (it fits).
  const amount = describeAmount(Math.abs(max - bytes), input.body, bytes, bytes > max);
  return bytes > max
    ? { level: 'over', message: `${amount} too long` }
    : { level: 'near', message: `${amount} left` };
}

/**
 * The size in bytes of the save request the server measures: `{ title, body }` as UTF-8 JSON,
 * counted without building it (the body field asks at every keystroke; encoding a megabyte
 * document each time took tens of milliseconds).
 */
export function measureRequestBytes(input: DocumentInput): number {
  // {"title":"…","body":"…"}
  return 22 + measureJsonStringBytes(input.title) + measureJsonStringBytes(input.body);
}

/** The UTF-8 bytes of a string's contents as `JSON.stringify` writes them (quotes left out). */
function measureJsonStringBytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x80) bytes += code === 0x22 || code === 0x5c ? 2 : 1;
    // \b \t \n \f \r, or \u00XX for the other control characters.
    else if (code < 0x20) bytes += code >= 8 && code <= 13 && code !== 11 ? 2 : 6;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      const paired = code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      // A pair is one four-byte character; a lone surrogate is written as \uXXXX.
      bytes += paired ? 4 : 6;
      if (paired) i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A sentence for Save refused before sending because a field is past its limit, or `undefined`
 * when both fit.
 */
export function describeOverLimit(input: DocumentInput): string | undefined {
  const title = describeTitleLimit(input.title);
  if (title.level === 'over') return `The title is ${title.message} to save: shorten it.`;
  const body = describeBodyLimit(input);
  if (body.level === 'over') {
    return `The body is ${body.message} to save: cut some text, or move part of it to a new document.`;
  }
  return undefined;
}

// Turns a number of bytes into this text's characters or words.
function describeAmount(bytes: number, body: string, totalBytes: number, up: boolean): string {
  const bytesPerChar = totalBytes / Math.max(1, body.length);
  const chars = Math.max(1, Math.ceil(bytes / bytesPerChar));
  if (chars < wordsFrom) return countOf(chars, 'character');
  const words = countWords(body);
  const bytesPerWord = words > 0 ? totalBytes / words : 6 * bytesPerChar;
  return `about ${countOf(roundToTwoFigures(Math.max(1, bytes / bytesPerWord), up), 'word')}`;
}

// "about 1,200 words", not "about 1,187 words": the estimate is not that precise.
function roundToTwoFigures(n: number, up: boolean): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return (up ? Math.ceil(n / step) : Math.floor(n / step)) * step;
}

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function countOf(n: number, unit: string): string {
  return `${formatNumber.format(n)} ${unit}${n === 1 ? '' : 's'}`;
}
