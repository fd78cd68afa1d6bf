import type { ConflictLabels } from '../conflict/index.ts';

/** Merging a newer version into the editor (draft mode): nothing is saved, the merge is put in. */
export const draftLabels: Partial<ConflictLabels> = {
  saveMerged: 'Use merged version',
  // Keep mine saves nothing here either: the loss it warns of comes with the next save.
  discardIntro: (who) =>
    `Keep mine leaves your version as it is; your next save then undoes these changes ${who || 'they'} made:`,
};

/**
 * "Restore my edits" when the edits dropped by Take theirs overlap what was typed since (restore
 * mode). Both sides are the person's own, so the dialog's "mine" and "theirs" would mislead:
 * "Take theirs" would take their own earlier edits, and Keep mine would warn of undoing changes
 * "they made". Every name says which of the two it means; nothing is saved here either.
 */
export const restoreLabels: Partial<ConflictLabels> = {
  saveMerged: 'Use merged version',
  mine: 'Typed since',
  theirs: 'Your earlier edits',
  base: 'Their version (that you took)',
  useMine: 'Use typed since',
  useTheirs: 'Use earlier edits',
  useBothTheirsFirst: 'Both, earlier edits first',
  allMine: 'All typed since',
  allTheirs: 'All earlier edits',
  keepMine: 'Keep typed since',
  takeTheirs: 'Take earlier edits',
  useMyTitle: 'Use title typed since',
  useTheirTitle: 'Use earlier title',
  titleNotChosen: 'not chosen yet (the box shows the title typed since)',
  describeChoice: (choice) =>
    ({
      mine: 'typed since',
      theirs: 'earlier edits',
      both: 'both, typed since first',
      'both-theirs-first': 'both, earlier edits first',
      base: 'their version',
    })[choice],
  announceConflict: (name, mine, theirs) =>
    `${name}. Typed since: ${mine || 'deleted'}. Earlier edits: ${theirs || 'deleted'}.`,
  shortcuts:
    'Keys: Alt+↓/↑ next/previous conflict · on a conflict M typed since, T earlier edits, B both, Shift+B earlier edits first · Ctrl+Z undo, Ctrl+Shift+Z redo · Ctrl+Enter use the merged version · Esc cancel',
  intro: () =>
    'Your earlier edits overlap what you typed since you took their version. Choose what to keep where they overlap.',
  discardTitle: 'Leave out your earlier edits?',
  discardIntro: () =>
    'Keep typed since leaves out these earlier edits of yours (Restore my edits still brings them back until your next save):',
  discard: 'Leave them out',
};
