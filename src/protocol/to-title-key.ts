/**
 * The key under which titles must be unique: trimmed, Unicode-normalized (NFC) and lower-cased,
 * so "Plan", " plan " and "PLAN" are one title. Server stores compare these keys; a client may
 * use it to warn before creating.
 *
 * @example toTitleKey('  Café PLAN ') === toTitleKey('cafe\u0301 plan') // true
 */
export function toTitleKey(title: string): string {
  return title.trim().normalize('NFC').toLowerCase();
}
