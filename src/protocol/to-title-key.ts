// Characters that render as nothing (Unicode's Default_Ignorable_Code_Point): zero-width
// spaces and joiners, the soft hyphen, bidi marks, embeddings, overrides and isolates,
// variation selectors, the BOM. A title that differs only by them looks the same.
const invisible = /\p{Default_Ignorable_Code_Point}/gu;
const whitespace = /\s+/gu;

/**
 * The key under which titles must be unique, so that titles that look alike are one title:
 * compatibility forms folded (NFKC: fullwidth `Ｐｌａｎ`, the ligature `ﬁ`, a no-break space),
 * invisible characters dropped, case folded (`Straße` and `STRASSE` too), runs of white space
 * made one space, and trimmed. Titles are stored as typed; stores compare these keys, and a
 * client may use it to warn before creating.
 *
 * @example toTitleKey('  Café PLAN ') === toTitleKey('cafe\u0301 plan') // true
 * @example toTitleKey('Ｐｌａｎ\u200b') === toTitleKey('plan') // true
 */
export function toTitleKey(title: string): string {
  const folded = title.normalize('NFKC').replace(invisible, '').toUpperCase().toLowerCase();
  // Case mapping can leave text unnormalized (a dotted capital I gains a combining dot).
  return folded.normalize('NFKC').replace(whitespace, ' ').trim();
}
