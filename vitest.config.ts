import { defineConfig } from 'vitest/config';
import {
  findPostgresBin,
  postgresMissingMessage,
} from './src/server/testing/start-test-postgres.ts';

// The server's contract tests run twice: on SQLite in the default project, and on a real
// PostgreSQL that the `postgres` project's global setup starts for the run. Without PostgreSQL
// installed, CI fails (the setup throws); a local run skips that project and says so.
const withPostgres = findPostgresBin() !== undefined || !!process.env.CI;
if (!withPostgres) console.warn(`\n⚠ Skipping the PostgreSQL tests: ${postgresMissingMessage}\n`);

// Tests of one adapter alone; everything else under src/server is the shared contract.
const sqliteOnly = [
  'src/server/auth/cache-access.test.ts',
  'src/server/store/sqlite/sqlite-store.test.ts',
  'src/server/store/group-commit.test.ts',
  'src/server/auth/cache-credentials.test.ts',
];
const postgresOnly = ['src/server/store/postgres/postgres-*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Tests that start `concord` as a process run the compiled command.
    globalSetup: ['src/cli/testing/build-cli.ts'],
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts'],
          exclude: postgresOnly,
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/server/**/*.test.ts'],
                exclude: sqliteOnly,
                env: { CONCORD_TEST_STORE: 'postgres' },
                globalSetup: ['src/server/testing/postgres-global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
