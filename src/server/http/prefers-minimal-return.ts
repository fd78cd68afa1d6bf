/**
 * Whether a `Prefer` header (RFC 7240) asks for `return=minimal`: a client that already holds
 * the current version asks a refused save not to send it back. Preferences are
 * comma-separated, names and values case-insensitive, parameters after `;` ignored, and an
 * unknown preference is no error (§2).
 *
 * @example prefersMinimalReturn('respond-async, return=minimal') // true
 */
export function prefersMinimalReturn(prefer: string | undefined): boolean {
  if (!prefer) return false;
  return prefer.split(',').some((preference) => {
    const [token = ''] = preference.split(';');
    const [name = '', value = ''] = token.split('=').map((part) => part.trim().toLowerCase());
    return name === 'return' && value.replace(/^"(.*)"$/, '$1') === 'minimal';
  });
}
