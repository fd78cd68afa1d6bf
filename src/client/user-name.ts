import { limits } from '../protocol/index.ts';

const key = 'concord:user-name';

/** The name this browser saves under ("Your name"), shared by its tabs. */
export function loadUserName(): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the name this browser saves under, cut to the length the server accepts. */
export function storeUserName(name: string): void {
  try {
    globalThis.localStorage?.setItem(key, name.slice(0, limits.userNameMaxLength));
  } catch {
    // Not remembered across reloads, but still used for this session's saves.
  }
}
