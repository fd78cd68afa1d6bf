/**
 * Whose something is, for a sentence: "Alice’s", "James’", or "someone else’s" when the server
 * gives no name (a version saved without a signed-in user, or by an older server). Where the
 * phrase starts a sentence (`at: 'start'`), the app's own words are capitalised; a name stays as
 * its person spells it ("bob" stays "bob", as everywhere else in the app).
 *
 * @example describeWhose('', 'start') // 'Someone else’s'
 * @example describeWhose('Chris', 'inside') // 'Chris’'
 */
export function describeWhose(who: string, at: 'start' | 'inside'): string {
  if (!who) return at === 'start' ? 'Someone else’s' : 'someone else’s';
  return who.endsWith('s') ? `${who}’` : `${who}’s`;
}
