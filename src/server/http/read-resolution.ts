import type { Context } from 'hono';
import { isResolutionHow, resolutionHeader, resolutionHows } from '../../protocol/resolution.ts';
import type { ResolutionHow } from '../../protocol/resolution.ts';
import { createInvalidBodyProblem } from './read-document-input.ts';
import { readRequestHeader } from './read-request-header.ts';

/**
 * How a resolving save says it resolved a conflict (`Concord-Resolution`); `undefined` when the
 * save sends none. Any other value (a repeated header included) is 400, so that a client's typo
 * shows at once instead of silently skewing the counts.
 *
 * @example readResolution(c) // 'kept-mine' for `Concord-Resolution: kept-mine`
 */
export function readResolution(c: Context): ResolutionHow | undefined {
  const value = readRequestHeader(c, resolutionHeader);
  if (value === undefined) return undefined;
  const how = value.trim();
  if (isResolutionHow(how)) return how;
  throw createInvalidBodyProblem([
    { name: resolutionHeader, reason: `must be one of ${resolutionHows.join(', ')}` },
  ]);
}
