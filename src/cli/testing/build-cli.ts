import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Global setup of Vitest and Playwright: builds the `concord` command (`npm run build:cli`) so
 * that the tests which start it as a process (bin/concord.js) run today's sources, as a user's
 * `npm run build` would give them. Once per run: Vitest runs a global setup per project.
 */
export default function buildCli(): void {
  if (process.env.CONCORD_CLI_BUILT) return;
  execFileSync(process.execPath, ['scripts/build-cli.js', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.env.CONCORD_CLI_BUILT = '1';
}
