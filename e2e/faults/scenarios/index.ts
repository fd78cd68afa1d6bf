import type { Scenario } from '../scenario.ts';
import { combinedScenarios } from './combined.ts';
import { connectionScenarios } from './connection.ts';
import { dialogScenarios } from './dialog.ts';
import { postgresScenarios } from './postgres.ts';
import { serverScenarios } from './server.ts';
import { tabScenarios } from './tabs.ts';
import { variantScenarios } from './variants.ts';

/** Every fault scenario, by the kind of fault. */
export const scenarios: Scenario[] = [
  ...connectionScenarios,
  ...serverScenarios,
  ...tabScenarios,
  ...dialogScenarios,
  ...combinedScenarios,
  ...variantScenarios,
  ...postgresScenarios,
];
