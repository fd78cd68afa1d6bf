import { fileURLToPath } from 'node:url';
import { definePackageConfig } from '../../scripts/define-package-config.ts';

// @concord/merge: src/merge as it is, its entry src/merge/index.ts. It imports nothing.
export default definePackageConfig({
  packageDir: fileURLToPath(new URL('.', import.meta.url)),
  entry: { 'merge/index': 'merge/index.ts' },
  external: [],
});
