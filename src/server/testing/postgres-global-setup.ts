import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './start-test-postgres.ts';

/**
 * Vitest global setup of the `postgres` project: one throwaway cluster for the whole run
 * (each test then takes a schema of its own), stopped and removed at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
