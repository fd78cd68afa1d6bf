/**
 * The editor bar's "version N · last saved by X". N is the version the edits started from, and
 * the name is said only when it is that version's: once a newer version has arrived (shown in
 * its own notice), the loaded document's author saved that one, not version N.
 *
 * @example describeVersionLine(1, { version: 2, updated_by: 'bob' }) // 'version 1'
 */
export function describeVersionLine(
  baseVersion: number,
  loaded: { version: number; updated_by: string },
): string {
  const by = loaded.version === baseVersion && loaded.updated_by;
  return by ? `version ${baseVersion} · last saved by ${by}` : `version ${baseVersion}`;
}
