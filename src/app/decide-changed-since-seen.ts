import type { VersionSummary } from '../protocol/index.ts';
import type { SeenVersion } from './seen-versions.ts';

/** What the editor points out on opening a document others changed since it was last shown. */
export interface ChangedSinceSeen {
  /** The version this browser last showed. */
  seenVersion: number;
  /** The version the editor opened on. */
  currentVersion: number;
  /** How many versions were saved in between (the current one included). */
  versions: number;
  /** Who saved them, other than the person, oldest first, each once ("" for no name). */
  others: string[];
  /** Whether some of them are the person's own (saved elsewhere, under their name). */
  byYouToo: boolean;
}

/**
 * Whether the editor should point out that a document changed since this browser last showed
 * it, and what to say. Nothing on a first visit (nothing seen), when the version
 * opened is no newer than the one seen, or when every newer version is the person's own.
 * `newer` is the history from the version opened down (newest first, as the server lists it;
 * `undefined` while loading); `me` is the name the person saves under ("" when none).
 *
 * @example
 * decideChangedSinceSeen({
 *   seen: { version: 1, etag: '"a"' },
 *   opened: { version: 2, etag: '"b"' },
 *   newer: [{ version: 2, etag: '"b"', updated_by: 'Bob', updated_at: '…' }],
 *   me: 'Alice',
 * }) // { seenVersion: 1, currentVersion: 2, versions: 1, others: ['Bob'], byYouToo: false }
 */
export function decideChangedSinceSeen(input: {
  seen: SeenVersion | undefined;
  opened: SeenVersion;
  newer: readonly VersionSummary[] | undefined;
  me: string;
}): ChangedSinceSeen | undefined {
  const { seen, opened, newer, me } = input;
  if (!needsNewerVersions(seen, opened) || !newer) return undefined;
  const between = newer
    .filter((v) => v.version > seen.version && v.version <= opened.version)
    .sort((a, b) => a.version - b.version);
  const isMine = (v: VersionSummary) => me !== '' && v.updated_by === me;
  const others = [...new Set(between.filter((v) => !isMine(v)).map((v) => v.updated_by))];
  if (others.length === 0) return undefined;
  return {
    seenVersion: seen.version,
    currentVersion: opened.version,
    versions: opened.version - seen.version,
    others,
    byYouToo: between.some(isMine),
  };
}

/**
 * Whether the history between the version seen and the one opened is worth fetching: only when
 * something was seen before and the document has moved on since.
 */
export function needsNewerVersions(
  seen: SeenVersion | undefined,
  opened: SeenVersion,
): seen is SeenVersion {
  return seen !== undefined && opened.version > seen.version;
}

/**
 * Whether the version the editor shows may be recorded as seen. Not while the notice points out
 * the changes that led to it (or is still finding out whether to): until the person dismisses
 * it, leaving and coming back shows it again. Once the editor moves on to another version (their
 * own save, a version taken or followed live), that one is seen as usual.
 *
 * @example mayRecordShown({ shownVersion: 3, openedVersion: 3, notice: 'showing' }) // false
 */
export function mayRecordShown(input: {
  shownVersion: number;
  openedVersion: number;
  notice: 'deciding' | 'showing' | 'none';
}): boolean {
  return input.notice === 'none' || input.shownVersion !== input.openedVersion;
}

/**
 * The sentence of the "Changed since you last saw it" notice.
 *
 * @example
 * describeChangedSinceSeen({ seenVersion: 1, currentVersion: 3, versions: 2, others: ['Bob'], byYouToo: false })
 * // 'Bob changed this document since you last saw it: 2 new versions (you saw version 1; this is version 3).'
 */
export function describeChangedSinceSeen(change: ChangedSinceSeen): string {
  const names = change.others.map((name) => name || 'someone');
  if (change.byYouToo) names.push('you');
  // A name is shown as its person spells it ("bob" stays "bob", as everywhere else in the
  // app); only the app's own words ("someone", "you") are capitalised to start the sentence.
  const who = change.others[0] ? joinNames(names) : capitalize(joinNames(names));
  const count = change.versions === 1 ? '1 new version' : `${change.versions} new versions`;
  return `${who} changed this document since you last saw it: ${count} (you saw version ${change.seenVersion}; this is version ${change.currentVersion}).`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
