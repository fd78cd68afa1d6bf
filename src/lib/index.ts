// The public entry of the `concord` package (`import { ConflictDialog } from 'concord'`): the
// conflict dialog and its headless state, the merge engine, and the guarded-save hook. Its
// styles are a separate import, 'concord/style.css'. Client code is imported file by file, not
// through src/client's barrel, so the package carries none of the editor app's Concord-specific
// client (drafts, change events).
export * from '../conflict/index.ts';
export * from '../merge/index.ts';
export { ApiError, isSaveConflict, type SaveConflictError } from '../client/api-error.ts';
export type { Problem } from '../protocol/problem.ts';
export {
  createTextSaveAdapter,
  guardedSave,
  readConcordTheirs,
  readVersioned,
  type GuardedSaveResult,
  type GuardedValueResult,
  type SaveAdapter,
  type StoredValue,
  type ValueConflict,
  type ValueDraft,
  type RequestSaveTarget,
  type SaveConflict,
  type SaveDraft,
  type SaveReading,
  type SaveTarget,
  type UrlSaveTarget,
  type Versioned,
} from '../client/guarded-save.ts';
export {
  decideResolution,
  shouldRetrySave,
  useGuardedSave,
  type GuardedSave,
  type GuardedResolution,
  type GuardedValueSave,
  type ResolutionStep,
  type SavedValue,
  type SavedVersion,
  type UseGuardedSaveOptions,
  type UseGuardedValueSaveOptions,
  type ValueResolution,
} from '../client/use-guarded-save.ts';
