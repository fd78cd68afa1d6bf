import { defineConfig } from '@playwright/test';
import { chromiumPath } from './e2e/concord-process.ts';

export default defineConfig({
  testDir: 'e2e',
  // The fixtures start the compiled `concord serve`: build it from today's sources.
  globalSetup: './src/cli/testing/build-cli.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [
    ['list'],
    // The fault scenarios' table: characters typed, lost, recovered (npm run test:faults).
    ['./e2e/faults/fault-reporter.ts'],
    ...(process.env.CI ? [] : [['html', { open: 'never' }] as const]),
  ],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // The fault scenarios (e2e/faults): last in npm test, or alone with npm run test:faults.
    { name: 'chromium', testIgnore: /e2e[\\/]faults[\\/]/, use: { browserName: 'chromium' } },
    // Its judge's unit tests (judge.test.ts) are Vitest's.
    {
      name: 'faults',
      testDir: 'e2e/faults',
      testMatch: 'faults.spec.ts',
      use: { browserName: 'chromium' },
    },
    // An app outside src/ that uses the package through its exports (npm run build:embed).
    { name: 'embed', testDir: 'examples/embed', use: { browserName: 'chromium' } },
  ],
});
