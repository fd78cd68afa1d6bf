/**
 * The request header a save sends when it resolves a conflict, saying how. The server counts
 * resolutions by it (`GET /metrics`); it changes nothing about the save itself.
 */
export const resolutionHeader = 'Concord-Resolution';

/**
 * How a resolving save was made: `auto-merged` (the merge had nothing to decide and was saved
 * without the dialog), `resolved` (decided in the dialog), `kept-mine` (Keep mine), `took-theirs`
 * (Take theirs), `restored` (an earlier version restored, or set-aside edits brought back).
 */
export const resolutionHows = [
  'auto-merged',
  'resolved',
  'kept-mine',
  'took-theirs',
  'restored',
] as const;

/** One of {@link resolutionHows}. */
export type ResolutionHow = (typeof resolutionHows)[number];

/** Whether `value` is a `Concord-Resolution` the server accepts. */
export function isResolutionHow(value: string): value is ResolutionHow {
  return (resolutionHows as readonly string[]).includes(value);
}
