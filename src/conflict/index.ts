export {
  ConflictDialog,
  type ConflictDialogProps,
  type Resolution,
  type ResolutionProgress,
} from './conflict-dialog.tsx';
export { defaultLabels, type ConflictLabels } from './labels.ts';
export * from './resolution-state.ts';
