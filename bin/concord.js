#!/usr/bin/env node
// The `concord` command runs its compiled JavaScript (`npm run build:cli`, part of `npm run build`).
try {
  await import('../dist/cli/concord.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/')) {
    throw error;
  }
  process.stderr.write('concord: not built yet; run `npm run build:cli` in the concord package\n');
  process.exitCode = 1;
}
