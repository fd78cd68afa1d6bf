/** A version a tab with nothing unsaved followed: what it showed before, and who saved it. */
export interface LiveUpdate {
  before: { title: string; body: string };
  after: { title: string; body: string };
  version: number;
  etag: string;
  updatedBy: string;
}

/** Who saved a version, as far as this tab can tell. */
export interface Saver {
  /** The name the version was saved under ("" when none was given). */
  updatedBy: string;
  /** Whether another tab of this browser saved it: the person's own save, whatever the name. */
  savedInThisBrowser: boolean;
}

/**
 * The newer-version notice of a tab with unsaved edits. The person's own save in another tab is
 * theirs, not a colleague's (design.md: "You saved a newer version in another tab").
 *
 * @example describeNewerVersion({ updatedBy: 'Dana', savedInThisBrowser: true }, 4)
 * // 'You saved a newer version in another tab (version 4).'
 */
export function describeNewerVersion(saver: Saver, version: number): string {
  if (saver.savedInThisBrowser)
    return `You saved a newer version in another tab (version ${version}).`;
  return `${saver.updatedBy || 'Someone'} saved a newer version (version ${version}) while you were editing.`;
}

/**
 * The newer-version notice's button. Their changes are a colleague's; the person's own, saved in
 * another tab, are not "theirs", and the name says where they come from instead.
 *
 * @example nameMergeNewerButton({ updatedBy: 'Dana', savedInThisBrowser: true })
 * // 'Merge the changes from your other tab'
 */
export function nameMergeNewerButton(saver: Saver): string {
  return saver.savedInThisBrowser ? 'Merge the changes from your other tab' : 'Merge their changes';
}

/**
 * The sentence of a live update followed by a tab with nothing unsaved: who saved which version.
 *
 * @example describeLiveUpdate({ updatedBy: 'Alice', savedInThisBrowser: false }, 3)
 * // 'Alice saved version 3; the text is updated.'
 */
export function describeLiveUpdate(saver: Saver, version: number): string {
  const who = saver.savedInThisBrowser ? 'You saved' : `${saver.updatedBy || 'Someone'} saved`;
  const where = saver.savedInThisBrowser ? ' in another tab' : '';
  return `${who} version ${version}${where}; the text is updated.`;
}
