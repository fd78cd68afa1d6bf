import { ApiError } from '../client/index.ts';
import type { InvalidParam } from '../protocol/index.ts';

/** A sentence for a person: the server's own detail, with each invalid field named. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const params = error.problem?.invalid_params as InvalidParam[] | undefined;
    if (Array.isArray(params) && params.length > 0) {
      return params.map((p) => `${capitalize(p.name)}: ${p.reason}`).join(' ');
    }
    return error.message;
  }
  if (error instanceof TypeError)
    return 'The server could not be reached. Your edits are kept here; try again.';
  return error instanceof Error ? error.message : String(error);
}

/**
 * A sentence for a save that failed: as {@link describeError}, and when the server was only
 * unable for now (5xx, 429) it says so and that nothing typed is lost.
 *
 * @example describeSaveError(new ApiError(503, { title: 'Service Unavailable' }, undefined))
 * // 'Not saved: the server is unable just now (Service Unavailable). Your edits are kept here; try Save again in a moment.'
 */
export function describeSaveError(error: unknown): string {
  if (error instanceof ApiError && (error.status >= 500 || error.status === 429))
    return `Not saved: the server is unable just now (${error.message}). Your edits are kept here; try Save again in a moment.`;
  return describeError(error);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
