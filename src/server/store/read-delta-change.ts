import type { VersionChange, VersionSummary } from '../../protocol/document.ts';
import { measureReverseDelta } from './body-delta.ts';
import type { BodyForm } from './kept-body.ts';

/**
 * A row of a store's version page: the version, and how the version before it is kept (its
 * bytes only when they are a delta, which is all the measure needs).
 */
export interface VersionPageRow extends VersionSummary {
  /** `null` for version 1. */
  before_form: BodyForm | null;
  before_delta: Uint8Array | null;
}

/**
 * How much the row's version changed, when that can be read without rebuilding a body: `null`
 * for version 1; the predecessor's reverse delta (made from this version's body) measured;
 * `undefined` when the predecessor is a snapshot, so the caller compares the two bodies.
 */
export function readDeltaChange(row: VersionPageRow): VersionChange | null | undefined {
  if (row.before_form === null) return null;
  if (row.before_form === 'delta' && row.before_delta) return measureReverseDelta(row.before_delta);
  return undefined;
}

/**
 * The SQL of a page of versions with each predecessor's form and delta, for both stores.
 * Parameters: the document id, `before` (or NULL for the newest), the limit, named by
 * `placeholders` as the store's driver spells them.
 */
export function selectVersionPage(placeholders: [id: string, before: string, limit: string]) {
  const [id, before, limit] = placeholders;
  return `
    SELECT v.version, v.etag, v.updated_at, v.updated_by, p.body_form AS before_form,
           CASE WHEN p.body_form = 'delta' THEN p.body END AS before_delta
    FROM document_versions v
    LEFT JOIN document_versions p ON p.document_id = v.document_id AND p.version = v.version - 1
    WHERE v.document_id = ${id} AND (${before} IS NULL OR v.version < ${before})
    ORDER BY v.version DESC
    LIMIT ${limit}`;
}
