import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { applyBodyDeltas, createBodyDelta } from './body-delta.ts';

/**
 * How a version's body is kept (the `body_form` column; docs/decisions/0021):
 * - `whole`: the UTF-8 bytes as they are. Always the newest version, so that reading and
 *   saving the current document never rebuild anything.
 * - `snapshot`: the UTF-8 bytes, deflated (raw DEFLATE, level 6). Every `snapshotInterval`-th version, and
 *   any version whose delta would not be much smaller.
 * - `delta`: `createBodyDelta(body of version + 1, this body)`: a reverse delta against the
 *   next newer version, so that the history's newest end is the cheap one to read.
 */
export type BodyForm = 'whole' | 'snapshot' | 'delta';

/** A version's body as stored: its form and its bytes. */
export interface KeptBody {
  form: BodyForm;
  content: Buffer;
}

/**
 * Versions that are multiples of this stay snapshots, so reading any version applies at most
 * `snapshotInterval - 1` deltas (each a pass over the body): that bounds the read time of an
 * old version of a large document (bench/storage.ts measures it).
 */
export const snapshotInterval = 64;

// A delta up to this share of the body's UTF-8 size is kept without a second thought; a bigger
// one only when it is at most half the snapshot, since each delta lengthens reads of older
// versions (a rewrite gives a delta about as big as the text).
const smallDeltaShare = 1 / 32;

// Deflate rather than brotli: on prose brotli's quality 5 is ~20% smaller but ~3× slower to
// write (about a second for 5 MiB on a loaded machine), and a snapshot is written inside a
// save, once in `snapshotInterval` versions (bench/storage.ts measures both).
const snapshotLevel = 6;

/** The newest version's body, kept as it is. */
export function keepWhole(body: string): KeptBody {
  return { form: 'whole', content: Buffer.from(body, 'utf8') };
}

/**
 * How version `version` (whose text is `body`) is kept once `next` (the body of
 * `version + 1`) is saved on top of it: a snapshot on the interval, else a delta from `next`
 * unless that delta is no real saving (a rewrite), then a snapshot too.
 */
export function keepSuperseded(version: number, body: string, next: string): KeptBody {
  if (version % snapshotInterval === 0) return { form: 'snapshot', content: compressBody(body) };
  const delta = createBodyDelta(next, body);
  // Most saves are small edits: their delta is tiny, and no snapshot need be compressed.
  if (delta.length <= Buffer.byteLength(body, 'utf8') * smallDeltaShare) {
    return { form: 'delta', content: delta };
  }
  const snapshot = compressBody(body);
  return delta.length * 2 <= snapshot.length
    ? { form: 'delta', content: delta }
    : { form: 'snapshot', content: snapshot };
}

/** The body of a version kept `whole` or as a `snapshot`. */
export function readKeptText(kept: KeptBody): string {
  if (kept.form === 'whole') return kept.content.toString('utf8');
  if (kept.form === 'snapshot') return inflateRawSync(kept.content).toString('utf8');
  throw new Error('a delta needs the newer version it was made from');
}

/**
 * The body of the oldest of `chain`: consecutive versions, oldest first, where every one but
 * the last is a `delta` and the last is `whole` or a `snapshot` .
 */
export function rebuildBody(chain: readonly KeptBody[]): string {
  const last = chain.at(-1);
  if (!last) throw new Error('an empty chain has no body');
  const deltas = chain.slice(0, -1).reverse();
  for (const link of deltas) {
    if (link.form !== 'delta') throw new Error(`a chain link is a ${link.form}, not a delta`);
  }
  return applyBodyDeltas(
    readKeptText(last),
    deltas.map((link) => link.content),
  );
}

/** A body's UTF-8 bytes, compressed as a `snapshot` keeps them. */
export function compressBody(body: string): Buffer {
  return deflateRawSync(Buffer.from(body, 'utf8'), { level: snapshotLevel });
}

/**
 * How version `version` of a document whose newest version is `newest` is kept: `whole` for
 * the newest, else as `keepSuperseded` says given the next version's body. What a store
 * writes version by version, and what the migration of whole-copy histories recomputes.
 */
export function keepVersion(
  version: number,
  newest: number,
  body: string,
  next: string | undefined,
): KeptBody {
  if (version === newest) return keepWhole(body);
  if (next === undefined) throw new Error(`version ${version} is kept without the next one`);
  return keepSuperseded(version, body, next);
}
