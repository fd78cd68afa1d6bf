import type { Scenario } from '../scenario.ts';
import { bobMeetsAConflict, overlapping } from './shared-steps.ts';

/** A long document: paragraphs of prose up to about `bytes`. */
function longDocument(bytes: number): string {
  const paragraph =
    'The committee reviewed the quarterly figures in detail and asked for a clearer account of ' +
    'the costs, the schedule and the risks that remain open before the launch.';
  const parts = ['Minutes of the planning meeting.', 'Attendees: Alice, Bob.'];
  // Counted as it grows: joining at every step would be quadratic (minutes at 5 MB).
  let length = parts.join('\n\n').length;
  for (let n = 1; length < bytes; n++) {
    const part = `${n}. ${paragraph}`;
    parts.push(part);
    length += part.length + 2;
  }
  parts.push(overlapping, 'Open questions: pricing, the name, the launch date.');
  return `${parts.join('\n\n')}\n`;
}

/** More of the same faults in other combinations and at other sizes. */
export const variantScenarios: Scenario[] = [
  {
    name: 'offline for ten seconds while a colleague saves twice',
    fault: 'offline 10 s, two saves meanwhile',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'offline', who: 'bob' },
      { do: 'type', who: 'bob', where: { after: 'the launch date.' } },
      { do: 'api-save', as: 'Carol', where: { after: 'Minutes of the planning meeting.' } },
      { do: 'api-save', as: 'Carol', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'wait', ms: 10_000 },
      { do: 'type', who: 'bob', where: { after: 'in spring.' } },
      { do: 'online', who: 'bob' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'Etherpad: two writers add a line at the same place and one is dropped',
    fault: 'both inserted at one place',
    people: ['alice', 'bob'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'alice' },
      { do: 'type', who: 'bob' },
      { do: 'finish-save', who: 'alice' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'a reload while the save is on its way keeps the words',
    fault: 'reload mid-save',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'network', who: 'bob', fault: { kind: 'delay', ms: 1500 }, only: 'PUT' },
      { do: 'save', who: 'bob' },
      { do: 'reload', who: 'bob' },
      { do: 'fault-over' },
      { do: 'type', who: 'bob', where: 'start' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'two answers lost in a row, then the save goes through',
    fault: 'answer lost twice',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'network', who: 'bob', fault: { kind: 'lose-answer' }, only: 'PUT', times: 2 },
      { do: 'save', who: 'bob' },
      { do: 'wait', ms: 300 },
      { do: 'save', who: 'bob' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'the document fails to load (503) at first, then opens and saves',
    fault: '5xx on open',
    people: ['bob'],
    steps: [
      { do: 'network', who: 'bob', fault: { kind: 'fail-5xx' }, only: 'GET' },
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'my two tabs rewrite the same sentence; the second save asks, Use both keeps both',
    fault: 'own tabs overlapping',
    people: ['alice', 'alice#2'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'alice#2' },
      { do: 'rewrite', who: 'alice', passage: overlapping },
      { do: 'rewrite', who: 'alice#2', passage: overlapping },
      { do: 'finish-save', who: 'alice' },
      { do: 'save', who: 'alice#2' },
      { do: 'expect-dialog', who: 'alice#2' },
      { do: 'dialog', who: 'alice#2', action: 'use-both' },
      { do: 'dialog', who: 'alice#2', action: 'save-merged' },
      { do: 'expect-saved', who: 'alice#2' },
    ],
  },
  {
    name: 'three tabs of one person each add a line and save in turn',
    fault: 'three own tabs',
    people: ['alice', 'alice#2', 'alice#3'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'alice#2' },
      { do: 'open', who: 'alice#3' },
      { do: 'type', who: 'alice', where: { after: 'Minutes of the planning meeting.' } },
      { do: 'type', who: 'alice#2', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'type', who: 'alice#3', where: { after: 'the launch date.' } },
      { do: 'finish-save', who: 'alice#3' },
      { do: 'finish-save', who: 'alice' },
      { do: 'finish-save', who: 'alice#2' },
    ],
  },
  {
    name: 'two reloads while resolving keep the work each time',
    fault: 'reloads during the dialog',
    people: ['alice', 'bob'],
    steps: [
      ...bobMeetsAConflict,
      { do: 'dialog', who: 'bob', action: 'use-both' },
      { do: 'reload', who: 'bob' },
      { do: 'type-in-merged-result', who: 'bob' },
      { do: 'reload', who: 'bob' },
      { do: 'fault-over' },
      { do: 'expect-dialog', who: 'bob' },
      { do: 'dialog', who: 'bob', action: 'save-merged' },
      { do: 'expect-saved', who: 'bob' },
    ],
  },
  {
    name: 'a frozen tab resumes after my other tab saved, and merges my own change',
    fault: 'frozen, own second tab saves',
    people: ['alice', 'alice#2'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'alice#2' },
      { do: 'type', who: 'alice', where: { after: 'in spring.' } },
      { do: 'freeze', who: 'alice' },
      { do: 'type', who: 'alice#2', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'finish-save', who: 'alice#2' },
      { do: 'resume', who: 'alice' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'alice' },
    ],
  },
  {
    name: 'the server dies while the writer is offline; both come back',
    fault: 'offline and server SIGKILL',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'offline', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'kill-server' },
      { do: 'save', who: 'bob' },
      { do: 'type', who: 'bob', where: 'start' },
      { do: 'restart-server' },
      { do: 'online', who: 'bob' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'the document is deleted while the writer is offline; the text becomes a new document',
    fault: 'offline, deleted meanwhile',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'offline', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'api-delete', as: 'Carol' },
      { do: 'online', who: 'bob' },
      { do: 'save', who: 'bob' },
      { do: 'fault-over' },
      { do: 'save-as-new', who: 'bob' },
    ],
  },
  {
    name: 'a long document (1 MB): two writers at both ends merge by themselves',
    fault: 'large document',
    people: ['alice', 'bob'],
    slow: true,
    seed: longDocument(1_000_000),
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'alice', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'type', who: 'bob', where: { after: 'the launch date.' } },
      { do: 'finish-save', who: 'alice' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'a document near the size limit (4.5 MB): a reload and a save keep the last words',
    fault: 'near the size limit',
    people: ['bob'],
    slow: true,
    seed: longDocument(4_500_000),
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'reload', who: 'bob' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: "a client whose clock is a year ahead still gets its closed tab's edits back",
    fault: 'clock far ahead',
    people: ['bob', 'bob#2'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'clock-offset', who: 'bob', ms: 365 * 24 * 3600 * 1000 },
      { do: 'type', who: 'bob' },
      { do: 'close', who: 'bob' },
      { do: 'open', who: 'bob#2' },
      { do: 'restore-closed-tab', who: 'bob#2' },
      { do: 'finish-save', who: 'bob#2' },
    ],
  },
  {
    name: 'an offline save and a third person who saved meanwhile: Use both keeps both',
    fault: 'offline, overlapping save meanwhile',
    people: ['alice', 'bob'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'bob' },
      { do: 'offline', who: 'bob' },
      { do: 'rewrite', who: 'bob', passage: overlapping },
      { do: 'save', who: 'bob' },
      { do: 'rewrite', who: 'alice', passage: overlapping },
      { do: 'finish-save', who: 'alice' },
      { do: 'online', who: 'bob' },
      { do: 'fault-over' },
      { do: 'expect-dialog', who: 'bob' },
      { do: 'dialog', who: 'bob', action: 'use-both' },
      { do: 'dialog', who: 'bob', action: 'save-merged' },
      { do: 'expect-saved', who: 'bob' },
    ],
  },
];
