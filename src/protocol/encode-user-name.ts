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

/**
 * Decodes a `Concord-User` header value. `''` when the header is absent; `undefined` when it is
 * malformed, too long, or holds control characters.
 */
export function decodeUserName(value: string | undefined): string | undefined {
  if (value === undefined) return '';
  let name: string;
  try {
    name = decodeURIComponent(value).trim();
  } catch {
    return undefined; // broken percent-encoding or invalid UTF-8
  }
  if (name.length > limits.userNameMaxLength) return undefined;
  if (containsControlCharacter(name)) return undefined;
  return name;
}
