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
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
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
    { name: 'chromium', use: { browserName: 'chromium' } },
    // An app outside src/ that uses the package through its exports (npm run build:embed).
    { name: 'embed', testDir: 'examples/embed', use: { browserName: 'chromium' } },
  ],
});
