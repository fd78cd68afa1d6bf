import type { Scenario } from '../scenario.ts';

/** The server process dies (SIGKILL: no clean shutdown) and comes back on the same store. */
export const serverScenarios: Scenario[] = [
  {
    name: 'the server is killed while the writer types; the save after its restart lands',
    fault: 'server SIGKILL',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'kill-server' },
      { do: 'type', who: 'bob' },
      { do: 'save', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'restart-server' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'the server is killed as a save arrives, and restarted',
    fault: 'server SIGKILL mid-save',
    people: ['bob'],
    steps: [
      { do: 'open', who: 'bob' },
      { do: 'type', who: 'bob' },
      { do: 'network', who: 'bob', fault: { kind: 'delay', ms: 800 }, only: 'PUT' },
      { do: 'save', who: 'bob' },
      { do: 'kill-server' },
      { do: 'wait', ms: 1000 },
      { do: 'restart-server' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
  {
    name: 'two writers keep typing through a server restart and both saves merge',
    fault: 'server SIGKILL, two writers',
    people: ['alice', 'bob'],
    steps: [
      { do: 'open', who: 'alice' },
      { do: 'open', who: 'bob' },
      { do: 'kill-server' },
      { do: 'type', who: 'alice', where: { after: 'Attendees: Alice, Bob.' } },
      { do: 'type', who: 'bob', where: { after: 'the launch date.' } },
      { do: 'restart-server' },
      { do: 'fault-over' },
      { do: 'finish-save', who: 'alice' },
      { do: 'finish-save', who: 'bob' },
    ],
  },
];
