import type { DocumentDto } from './document.ts';

/** RFC 9457 problem details, as every Concord error is sent (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string | undefined;
  instance?: string | undefined;
  [extension: string]: unknown;
}

/** One entry of a 400's `invalid_params`: which field, and why. */
export interface InvalidParam {
  name: string;
  reason: string;
}

// The types a client tells apart on its save path, one constant each: a bundler drops what an
// embedder's code never names, while the whole `problemTypes` object would come along (issue 11:
// useGuardedSave alone ≤ 2 KB gzipped).
/** A stale `If-Match`: the 409 carries the current document. */
export const editConflictType = 'https://concord.dev/problems/edit-conflict';
/** A create or rename whose title is already used. */
export const titleTakenType = 'https://concord.dev/problems/title-taken';
/** The first request with this `Idempotency-Key` is still running. */
export const idempotencyKeyInFlightType = 'https://concord.dev/problems/idempotency-key-in-flight';
/** A save or delete of a document in the trash. */
export const documentDeletedType = 'https://concord.dev/problems/document-deleted';

/** Stable `type` URIs. Clients recognise a problem by these, never by its text. */
export const problemTypes = {
  editConflict: editConflictType,
  titleTaken: titleTakenType,
  preconditionRequired: 'https://concord.dev/problems/precondition-required',
  invalidBody: 'https://concord.dev/problems/invalid-body',
  invalidPrecondition: 'https://concord.dev/problems/invalid-precondition',
  notFound: 'https://concord.dev/problems/not-found',
  methodNotAllowed: 'https://concord.dev/problems/method-not-allowed',
  unsupportedMediaType: 'https://concord.dev/problems/unsupported-media-type',
  tooLarge: 'https://concord.dev/problems/too-large',
  preconditionFailed: 'https://concord.dev/problems/precondition-failed',
  idempotencyKeyReused: 'https://concord.dev/problems/idempotency-key-reused',
  idempotencyKeyInFlight: idempotencyKeyInFlightType,
  invalidQuery: 'https://concord.dev/problems/invalid-query',
  forbiddenOrigin: 'https://concord.dev/problems/forbidden-origin',
  unauthenticated: 'https://concord.dev/problems/unauthenticated',
  forbidden: 'https://concord.dev/problems/forbidden',
  rateLimited: 'https://concord.dev/problems/rate-limited',
  internal: 'https://concord.dev/problems/internal',
  storeUnavailable: 'https://concord.dev/problems/store-unavailable',
  documentDeleted: documentDeletedType,
  misdirectedRequest: 'https://concord.dev/problems/misdirected-request',
  tooManyStreams: 'https://concord.dev/problems/too-many-streams',
  serverBusy: 'https://concord.dev/problems/server-busy',
  usernameTaken: 'https://concord.dev/problems/username-taken',
} as const;

/** 409 to a stale `If-Match`: carries everything a client needs to merge. */
export interface EditConflictProblem extends Problem {
  type: typeof editConflictType;
  status: 409;
  current: DocumentDto;
  current_etag: string;
}

/** 409 to a create whose title is already used. */
export interface TitleTakenProblem extends Problem {
  type: typeof titleTakenType;
  status: 409;
  existing: { id: string; title: string };
}

/**
 * 409 to a save or delete of a document in the trash: `restore` is the path to POST to bring it
 * back (then save again).
 */
export interface DocumentDeletedProblem extends Problem {
  type: typeof documentDeletedType;
  status: 409;
  deleted_at: string;
  restore: string;
}

/** Whether a parsed JSON value looks like a problem document. */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && typeof v.title === 'string' && typeof v.status === 'number';
}

/** Whether a problem is an edit conflict that carries the current document. */
export function isEditConflict(problem: Problem | undefined): problem is EditConflictProblem {
  return (
    problem !== undefined &&
    problem.type === editConflictType &&
    typeof problem.current_etag === 'string' &&
    typeof problem.current === 'object' &&
    problem.current !== null
  );
}

/** Whether a problem says the document is in the trash (and how to restore it). */
export function isDocumentDeleted(problem: Problem | undefined): problem is DocumentDeletedProblem {
  return (
    problem !== undefined &&
    problem.type === documentDeletedType &&
    typeof problem.restore === 'string'
  );
}

/** Whether a problem is a refused title (create or rename) that names the document holding it. */
export function isTitleTaken(problem: Problem | undefined): problem is TitleTakenProblem {
  if (problem === undefined || problem.type !== titleTakenType) return false;
  const existing = problem.existing as Record<string, unknown> | null | undefined;
  return (
    typeof existing === 'object' &&
    existing !== null &&
    typeof existing.id === 'string' &&
    typeof existing.title === 'string'
  );
}
