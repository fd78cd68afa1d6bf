/** Every text the dialog shows. Defaults are design.md's public names; pass `labels` to translate. */
export interface ConflictLabels {
  dialog: string;
  keepMine: string;
  takeTheirs: string;
  saveMerged: string;
  cancel: string;
  nextConflict: string;
  previousConflict: string;
  undo: string;
  redo: string;
  useMine: string;
  useTheirs: string;
  useBoth: string;
  mergedResult: string;
  mine: string;
  theirs: string;
  base: string;
  titleConflict: string;
  useMyTitle: string;
  useTheirTitle: string;
  mergedTitle: string;
  resolved: string;
  editedByHand: string;
  /** "Conflict 2 of 5". */
  conflictOf: (n: number, m: number) => string;
  /** "3 conflicts left". */
  conflictsLeft: (n: number) => string;
  /** The explanation under the heading. */
  intro: (who: string | undefined) => string;
  reviewNote: (n: number) => string;
}

export const defaultLabels: ConflictLabels = {
  dialog: 'Resolve edit conflict',
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  saveMerged: 'Save merged version',
  cancel: 'Cancel',
  nextConflict: 'Next conflict',
  previousConflict: 'Previous conflict',
  undo: 'Undo',
  redo: 'Redo',
  useMine: 'Use mine',
  useTheirs: 'Use theirs',
  useBoth: 'Use both',
  mergedResult: 'Merged result',
  mine: 'Your version',
  theirs: 'Their version',
  base: 'Original (where you both started)',
  titleConflict: 'Title conflict',
  useMyTitle: 'Use my title',
  useTheirTitle: 'Use their title',
  mergedTitle: 'Merged title',
  resolved: 'Resolved',
  editedByHand: 'Edited by hand in the merged result',
  conflictOf: (n, m) => `Conflict ${n} of ${m}`,
  conflictsLeft: (n) => (n === 1 ? '1 conflict left' : `${n} conflicts left`),
  intro: (who) =>
    `${who ? who : 'Someone'} saved a newer version while you were editing. Changes that do not overlap are already merged below; choose what to keep where you both changed the same lines.`,
  reviewNote: (n) =>
    n === 1
      ? '1 place was merged within a line: check it in the merged result.'
      : `${n} places were merged within a line: check them in the merged result.`,
};
