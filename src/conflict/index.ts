export {
  ConflictDialog,
  ConflictDialogView,
  type ConflictDialogProps,
  type ConflictDialogViewProps,
  type Resolution,
} from './conflict-dialog.tsx';
export {
  useResolution,
  type ResolutionController,
  type ResolutionProgress,
  type UseResolutionOptions,
} from './use-resolution.ts';
export { defaultLabels, type ConflictLabels } from './labels.ts';
export { defaultMarkerLabels, type MarkerLabels } from '../protocol/engine-markers.ts';
export {
  canRedo,
  canUndo,
  countConflictsLeft,
  createResolution,
  findStatuses,
  findUnresolved,
  isUnresolved,
  rebaseResolution,
  resolveReducer,
  sameResolutionInput,
  simpleChoice,
  type Choice,
  type ConflictEntry,
  type ConflictStatus,
  type ResolutionAction,
  type ResolutionInput,
  type ResolutionOptions,
  type ResolutionState,
  type ReviewEntry,
  type TitleResolution,
} from './resolution-state.ts';
