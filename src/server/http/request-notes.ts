import type { Context } from 'hono';
import type { ResolutionHow } from '../../protocol/resolution.ts';

/** What a route tells the request log and the metrics about its answer, beyond the status. */
export interface RequestNotes {
  /** The `type` of a problem answered without throwing (thrown ones are in `c.error`). */
  problemType?: string;
  /** A save that landed and said how it resolved a conflict (`Concord-Resolution`). */
  resolution?: ResolutionHow;
}

// Keyed by the request's context, so notes go away with it and nothing has to be typed into
// Hono's variables. A WeakMap rather than AsyncLocalStorage: no cost for every promise on Node 20.
const notesByContext = new WeakMap<Context, RequestNotes>();

const noNotes: Readonly<RequestNotes> = Object.freeze({});

/** Records that the answer is the problem `type`, for a problem returned rather than thrown. */
export function noteProblemType(c: Context, type: string): void {
  notesOf(c).problemType = type;
}

/** Records that this save landed and resolved a conflict `how`. */
export function noteResolution(c: Context, how: ResolutionHow): void {
  notesOf(c).resolution = how;
}

/** The notes of the request `c` (empty when no route wrote one, as for most requests). */
export function readRequestNotes(c: Context): Readonly<RequestNotes> {
  return notesByContext.get(c) ?? noNotes;
}

function notesOf(c: Context): RequestNotes {
  let notes = notesByContext.get(c);
  if (!notes) notesByContext.set(c, (notes = {}));
  return notes;
}
