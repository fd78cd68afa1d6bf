import type { Scenario } from '../scenario.ts';
import { bobMeetsAConflict } from './shared-steps.ts';

/** The conflict dialog's paths, with more saves landing and reloads in between. */
export const dialogScenarios: Scenario[] = [
  {
    name: 'overlapping edits resolved with Use both keep both sentences',
    fault: 'concurrent save',
    people: ['alice', 'bob'],
    steps: [
      ...bobMeetsAConflict,
      { do: 'dialog', who: 'bob', action: 'use-both' },
      { do: 'dialog', who: 'bob', action: 'save-merged' },
      { do: 'expect-saved', who: 'bob' },
    ],
  },
  {
    name: 'a reload while resolving keeps the choice and the words typed in the dialog',
    fault: 'reload while resolving',
    people: ['alice', 'bob'],
    steps: [
      ...bobMeetsAConflict,
      { do: 'dialog', who: 'bob', action: 'use-both' },
      { do: 'type-in-merged-result', who: 'bob' },
      { do: 'reload', who: 'bob' },
      { do: 'fault-over' },
      { do: 'expect-dialog', who: 'bob' },
      { do: 'dialog', who: 'bob', action: 'save-merged' },
      { do: 'expect-saved', who: 'bob' },
    ],
  },
  {
    name: 'a third person saves while the dialog is open; the resolution merges onto it',
    fault: 'third save during the dialog',
    people: ['alice', 'bob'],
    steps: [
      ...bobMeetsAConflict,
      { do: 'api-save', as: 'Carol', where: { after: 'Minutes of the planning meeting.' } },
      { do: 'dialog', who: 'bob', action: 'use-both' },
      { do: 'dialog', who: 'bob', action: 'save-merged' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'a third person saves twice while the dialog is open',
    fault: 'two saves during the dialog',
    people: ['alice', 'bob'],
    steps: [
      ...bobMeetsAConflict,
      { do: 'api-save', as: 'Carol', where: { after: 'Minutes of the planning meeting.' } },
      { do: 'api-save', as: 'Carol', where: 'end' },
      { do: 'dialog', who: 'bob', action: 'use-mine' },
      { do: 'dialog', who: 'bob', action: 'save-merged' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'Wiki.js: "use remote" discards local work — Take theirs, then Restore my edits',
    fault: 'take theirs',
    people: ['alice', 'bob'],
    steps: [
      ...bobMeetsAConflict,
      { do: 'dialog', who: 'bob', action: 'take-theirs' },
      { do: 'restore-my-edits', who: 'bob' },
      { do: 'fault-over' },
      // Restoring chose his edits over the version he took: the save lands without the conflict.
      { do: 'save', who: 'bob' },
      { do: 'expect-saved', who: 'bob' },
    ],
  },
  {
    name: 'the document is deleted while a writer edits; Save as a new document keeps the text',
    fault: 'deleted while editing',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'api-delete', as: 'Carol' },
      { do: 'type', who: 'bob' },
      { do: 'fault-over' },
      { do: 'save-as-new', who: 'bob' },
    ],
  },
];
