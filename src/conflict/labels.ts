import { defaultMarkerLabels, type MarkerLabels } from '../protocol/engine-markers.ts';

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
  allMine: string;
  allTheirs: string;
  resolveSimple: string;
  redo: string;
  /** The disclosure button that shows the toolbar on narrow screens. */
  moreActions: string;
  useMine: string;
  useTheirs: string;
  useBoth: string;
  /** Both sides, theirs before mine. */
  useBothTheirsFirst: string;
  deleted: string;
  mergedResult: string;
  /** The button that opens a large merged result for editing. */
  showMergedResult: (lines: number) => string;
  mine: string;
  theirs: string;
  base: string;
  titleConflict: string;
  useMyTitle: string;
  useTheirTitle: string;
  mergedTitle: string;
  /** The title group's status until a title is chosen or typed. */
  titleNotChosen: string;
  /** After "N conflicts left" while the title is one of them. */
  includingTitle: string;
  resolved: string;
  editedByHand: string;
  /** "Conflict 2 of 5". */
  conflictOf: (n: number, m: number) => string;
  /** "Merged change 1 of 3": a place merged by itself, shown for review. */
  mergedChangeOf: (n: number, m: number) => string;
  reviewReason: (reason: 'within-line' | 'both-inserted') => string;
  describeChoice: (choice: 'mine' | 'theirs' | 'both' | 'both-theirs-first' | 'base') => string;
  /** What a screen reader hears when focus enters a conflict. */
  announceConflict: (name: string, mine: string, theirs: string) => string;
  shortcuts: string;
  /** "3 conflicts left". */
  conflictsLeft: (n: number) => string;
  /** The explanation under the heading. */
  intro: (who: string | undefined) => string;
  reviewNote: (n: number) => string;
  /** Where an engine marker is left in a merged result whose block was partly deleted. */
  markerLeft: (line: number) => string;
  /** The alertdialog "Keep mine" opens when theirs holds changes mine lacks. */
  discardTitle: string;
  discardIntro: (who: string | undefined) => string;
  discard: string;
  /** Where a listed change is: after the line it follows (`''`: at the very start). */
  discardWhere: (lineBefore: string) => string;
  goBack: string;
  /** Marks their change of the title in that list. */
  titleChange: string;
  /** Another save landed while the person was resolving: who, and what changed (or ''). */
  savedAgain: (
    who: string | undefined,
    again: boolean,
    version: number | undefined,
    what: string,
  ) => string;
  /** One change in words: the words removed and the words added (either may be ''). */
  describeChange: (removed: string, added: string) => string;
  /**
   * The marker lines around each conflict in the merged result, `{n}` for its number; a save of a
   * resolution that still holds one is refused (see {@link MarkerLabels}).
   */
  markers: MarkerLabels;
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
  allMine: 'All mine',
  allTheirs: 'All theirs',
  resolveSimple: 'Resolve simple ones',
  redo: 'Redo',
  moreActions: 'More actions',
  useMine: 'Use mine',
  useTheirs: 'Use theirs',
  useBoth: 'Use both',
  useBothTheirsFirst: 'Both, theirs first',
  deleted: '(deleted)',
  mergedResult: 'Merged result',
  showMergedResult: (lines) => `Show and edit the merged result (${lines} lines)`,
  mine: 'Your change',
  theirs: 'Their change',
  base: 'Original (where you both started)',
  titleConflict: 'Title conflict',
  useMyTitle: 'Use my title',
  useTheirTitle: 'Use their title',
  mergedTitle: 'Merged title',
  titleNotChosen: 'not chosen yet (the box shows your title)',
  includingTitle: ', including the title',
  resolved: 'Resolved',
  editedByHand: 'Edited by hand in the merged result',
  conflictOf: (n, m) => `Conflict ${n} of ${m}`,
  mergedChangeOf: (n, m) => `Merged change ${n} of ${m}`,
  reviewReason: (reason) =>
    reason === 'within-line'
      ? 'you both edited it, different words: both kept'
      : 'you both added lines: both kept, yours first',
  describeChoice: (choice) =>
    ({
      mine: 'yours',
      theirs: 'theirs',
      both: 'both, yours first',
      'both-theirs-first': 'both, theirs first',
      base: 'the original',
    })[choice],
  announceConflict: (name, mine, theirs) =>
    `${name}. Yours: ${mine || 'deleted'}. Theirs: ${theirs || 'deleted'}.`,
  shortcuts:
    'Keys: Alt+↓/↑ next/previous conflict · on a conflict M mine, T theirs, B both, Shift+B theirs first · Ctrl+Z undo, Ctrl+Shift+Z redo · Ctrl+Enter save · Esc cancel',
  conflictsLeft: (n) => (n === 1 ? '1 conflict left' : `${n} conflicts left`),
  intro: (who) =>
    `${who || 'Someone'} saved a newer version while you were editing. What does not overlap is merged; choose what to keep where you both changed the same passage.`,
  reviewNote: (n) =>
    n === 1
      ? 'One more place you both changed merged by itself: check it below.'
      : `${n} more places you both changed merged by themselves: check them below.`,
  markerLeft: (line) => `A conflict marker is left on line ${line}`,
  discardTitle: 'Discard their changes?',
  discardIntro: (who) =>
    `Keep mine saves your version as it is, which undoes these changes ${who || 'they'} made:`,
  discard: 'Discard their changes',
  discardWhere: (line) => (line ? `After “${line}”:` : 'At the start:'),
  goBack: 'Go back',
  titleChange: 'Title:',
  savedAgain: (who, again, version, what) =>
    `${who || 'Someone'} saved ${again ? 'again' : 'a newer version'}${version ? ` (version ${version})` : ''} while you were resolving${what ? `: ${what}` : ''}. Your choices are kept; check the merge again.`,
  describeChange: (removed, added) =>
    removed && added
      ? `changed “${removed}” to “${added}”`
      : added
        ? `added “${added}”`
        : `deleted “${removed}”`,
  markers: defaultMarkerLabels,
};
