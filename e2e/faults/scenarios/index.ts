import type { Scenario } from '../scenario.ts';
import { combinedScenarios } from './combined.ts';
import { connectionScenarios } from './connection.ts';
import { dialogScenarios } from './dialog.ts';
import { postgresScenarios } from './postgres.ts';
import { serverScenarios } from './server.ts';
import { tabScenarios } from './tabs.ts';
import { variantScenarios } from './variants.ts';

const onSqlite: Scenario[] = [
  ...connectionScenarios,
  ...serverScenarios,
  ...tabScenarios,
  ...dialogScenarios,
  ...combinedScenarios,
  ...variantScenarios,
];

// The faults whose outcome hangs on the store's answers (a killed server, a lost answer, a third
// save while resolving) again on the scale-out store: its transactions, not SQLite's, decide.
const againOnPostgres = [
  'the server is killed as a save arrives, and restarted',
  'a third person saves twice while the dialog is open',
  'my second tab saves while my first tab is resolving',
  'two answers lost in a row, then the save goes through',
  'MediaWiki: my own edit saved from a second tab is overwritten by the first',
  'a slow resolution save while a third person saves is merged again, not overwritten',
  'two writers keep typing through a server restart and both saves merge',
  'overlapping edits resolved with Use both keep both sentences',
  'a reload in the middle of typing keeps every word',
  'a background tab frozen while a colleague saves resumes and merges',
];

/** Every fault scenario, by the kind of fault. */
export const scenarios: Scenario[] = [
  ...onSqlite,
  ...postgresScenarios,
  ...againOnPostgres.map((name): Scenario => {
    const scenario = onSqlite.find((s) => s.name === name);
    if (!scenario) throw new Error(`No scenario named ${JSON.stringify(name)}`);
    return { ...scenario, name: `${name} (on PostgreSQL)`, store: 'postgres' };
  }),
];
