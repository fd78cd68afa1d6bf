import type { Scenario } from '../scenario.ts';

/** One person, several tabs; tabs closed, reloaded, frozen, or the browser crashing. */
export const tabScenarios: Scenario[] = [
  {
    name: 'MediaWiki: my own edit saved from a second tab is overwritten by the first',
    fault: 'second tab of the same person',
    people: ['alice', 'alice#2'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'alice#2' },
      { do: 'type', who: 'alice', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'type', who: 'alice#2', where: { after: 'in spring.' } },
      { do: 'finish-save', who: 'alice#2' },
      { do: 'finish-save', who: 'alice' },
    ],
  },
  {
    name: 'a reload in the middle of typing keeps every word',
    fault: 'reload',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'reload', who: 'bob' },
      { do: 'type', who: 'bob', where: 'start' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: "a closed tab's unsaved edits come back in the next tab",
    fault: 'tab closed',
    people: ['alice', 'alice#2'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'type', who: 'alice' },
      { do: 'close', who: 'alice' },
      { do: 'fault-over' },
      { do: 'open', who: 'alice#2' },
      { do: 'restore-closed-tab', who: 'alice#2' },
      { do: 'finish-save', who: 'alice#2' },
    ],
  },
  {
    name: 'a background tab frozen while a colleague saves resumes and merges',
    fault: 'tab frozen and resumed',
    people: ['alice', 'bob'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob', where: { after: 'in spring.' } },
      { do: 'freeze', who: 'bob' },
      { do: 'type', who: 'alice', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'finish-save', who: 'alice' },
      { do: 'resume', who: 'bob' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'the browser crashes with unsaved edits and is started again on the same profile',
    fault: 'browser SIGKILL',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'type', who: 'bob', where: 'start' },
      // The pause a person makes before the crash: drafts reach the disk within it.
      { do: 'wait', ms: 1500 },
      { do: 'crash-browser', who: 'bob' },
      { do: 'relaunch-browser', who: 'bob' },
      { do: 'fault-over' },
      { do: 'open', who: 'bob' },
      { do: 'restore-closed-tab', who: 'bob' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
];
