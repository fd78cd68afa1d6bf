import { fileURLToPath } from 'node:url';
import { definePackageConfig } from '../../scripts/define-package-config.ts';

// @concord/playwright: the testing kit in src/conflict/testing, from the entry src/lib/testing.ts.
// It carries the dialog's default labels (a module of strings), not the dialog: a test run
// loads no React.
export default definePackageConfig({
  packageDir: fileURLToPath(new URL('.', import.meta.url)),
  entry: { 'lib/testing': 'lib/testing.ts' },
  external: ['@playwright/test'],
});
