import { containsControlCharacter } from './contains-control-character.ts';
import { limits } from './document.ts';

/**
 * Encodes a person's name for the `Concord-User` header. Header values are ISO-8859-1 on the
 * wire (RFC 9110 §5.5), names are not, so the name travels percent-encoded as UTF-8.
 *
 * @example encodeUserName('Zoë') // 'Zo%C3%AB'
 */
export function encodeUserName(name: string): string {
  return encodeURIComponent(name.trim());
}

// `fatal`: bytes that are not UTF-8 are refused, not replaced with U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a `Concord-User` header value. `''` when the header is absent; `undefined` when it is
 * malformed, too long, or holds control characters.
 *
 * Servers hand header bytes over one character per byte (ISO-8859-1), so a name a client sent
 * as raw UTF-8 arrives as `ZoÃ«`. Such bytes are read as the UTF-8 they are, or refused when
 * they are not UTF-8 (a Latin-1 `Zoë`): never kept as mojibake.
 *
 * @example decodeUserName('Zo%C3%AB') // 'Zoë'
 * @example decodeUserName('Zo\u00c3\u00ab') // 'Zoë' (the raw bytes C3 AB)
 */
export function decodeUserName(value: string | undefined): string | undefined {
  if (value === undefined) return '';
  let name: string;
  try {
    name = decodeURIComponent(readRawUtf8(value)).trim();
  } catch {
    return undefined; // broken percent-encoding or invalid UTF-8
  }
  if (name.length > limits.userNameMaxLength) return undefined;
  if (containsControlCharacter(name)) return undefined;
  return name;
}

/** `value` with its characters read as bytes and decoded as UTF-8; throws when they are not. */
function readRawUtf8(value: string): string {
  // Plain ASCII, the usual case (percent-encoded), needs nothing.
  // eslint-disable-next-line no-control-regex -- the ASCII range, not control characters
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  const bytes = Uint8Array.from(value, (char) => char.charCodeAt(0));
  if (bytes.some((byte, i) => byte !== value.charCodeAt(i))) throw new URIError('not bytes');
  return utf8.decode(bytes);
}
