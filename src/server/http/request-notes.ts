import type { Context } from 'hono';
import type { ResolutionHow } from '../../protocol/resolution.ts';

/** What a route tells the request log and the metrics about its answer, beyond the status. */
export interface RequestNotes {
  /** The `type` of a problem answered without throwing (thrown ones are in `c.error`). */
  problemType?: string;
  /** A save that landed and said how it resolved a conflict (`Concord-Resolution`). */
  resolution?: ResolutionHow;
}

// A context variable, so notes go away with the request; not a WeakMap keyed by the context,
// whose entries cost the garbage collector more (see `readAccount`), nor AsyncLocalStorage,
// which costs every promise on Node 20.
declare module 'hono' {
  interface ContextVariableMap {
    /** What the route noted for the request log and the metrics (`noteProblemType`, …). */
    'concord.notes': RequestNotes;
  }
}

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
  return c.get('concord.notes') ?? noNotes;
}

function notesOf(c: Context): RequestNotes {
  let notes = c.get('concord.notes');
  if (!notes) c.set('concord.notes', (notes = {}));
  return notes;
}
