import { limits } from '../../protocol/index.ts';

const key = 'concord:user-name';

/** The name this browser saves under ("Your name"), shared by its tabs. */
export function loadUserName(): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/**
 * The name as the server accepts it: no control characters, well-formed UTF-16, at most
 * `limits.userNameMaxLength` long (cut between characters, never inside a surrogate pair).
 *
 * @example toSendableUserName('  Zoë\n ') // 'Zoë'
 */
export function toSendableUserName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  const wellFormed = [...clean].filter((c) => !/^[\ud800-\udfff]$/.test(c));
  let out = '';
  for (const char of wellFormed) {
    if (out.length + char.length > limits.userNameMaxLength) break;
    out += char;
  }
  return out.trim();
}

/** Remembers the name this browser saves under, cut to the length the server accepts. */
export function storeUserName(name: string): void {
  try {
    globalThis.localStorage?.setItem(key, name.slice(0, limits.userNameMaxLength));
  } catch {
    // Not remembered across reloads, but still used for this session's saves.
  }
}
