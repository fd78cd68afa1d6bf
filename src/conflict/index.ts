export {
  ConflictDialog,
  type ConflictDialogProps,
  type Resolution,
  type ResolutionProgress,
} from './conflict-dialog.tsx';
export { defaultLabels, type ConflictLabels } from './labels.ts';
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
  type ResolutionState,
  type ReviewEntry,
  type TitleResolution,
} from './resolution-state.ts';
