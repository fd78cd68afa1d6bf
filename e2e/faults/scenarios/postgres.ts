import type { Scenario } from '../scenario.ts';
import { bobMeetsAConflict } from './shared-steps.ts';

/** The scale-out store restarts (as after a crash) under a running server and open editors. */
export const postgresScenarios: Scenario[] = [
  {
    name: 'PostgreSQL restarts while the writer types; the next save lands',
    fault: 'PostgreSQL restart',
    store: 'postgres',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'restart-postgres' },
      { do: 'type', who: 'bob' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'PostgreSQL restarts as a save arrives; the writer saves again',
    fault: 'PostgreSQL restart mid-save',
    store: 'postgres',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'network', who: 'bob', fault: { kind: 'delay', ms: 300 }, only: 'PUT' },
      { do: 'save', who: 'bob' },
      { do: 'restart-postgres' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'PostgreSQL restarts while the dialog is open; the resolution lands after',
    fault: 'PostgreSQL restart during the dialog',
    store: 'postgres',
    people: ['alice', 'bob'],
    steps: [
      ...bobMeetsAConflict,
      { do: 'restart-postgres' },
      { do: 'dialog', who: 'bob', action: 'use-both' },
      { do: 'dialog', who: 'bob', action: 'save-merged' },
      { do: 'fault-over' },
      { do: 'expect-saved', who: 'bob' },
    ],
  },
  {
    name: 'two writers on PostgreSQL through a restart: both saves merge, live events come back',
    fault: 'PostgreSQL restart, two writers',
    store: 'postgres',
    people: ['alice', 'bob'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'alice', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'restart-postgres' },
      { do: 'finish-save', who: 'alice' },
      { do: 'type', who: 'bob', where: { after: 'the launch date.' } },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
];
