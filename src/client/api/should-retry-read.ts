import { ApiError } from '../api-error.ts';

/**
 * Whether to read again after a failed GET: a network error or a server error (5xx) may pass, so
 * up to three retries; an answer about the request itself (4xx: not found, refused) would only
 * come again, so the person is told at once.
 *
 * @example shouldRetryRead(0, new ApiError(404, undefined, undefined)) // false
 */
export function shouldRetryRead(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 3;
}
