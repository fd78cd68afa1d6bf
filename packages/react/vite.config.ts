import { fileURLToPath } from 'node:url';
import { definePackageConfig } from '../../scripts/define-package-config.ts';

// @concord/react: the dialog, its headless state and the guarded save, from the entry
// src/lib/index.ts. The merge engine stays an import of @concord/merge; React, react-dom and
// TanStack Query are the embedder's (peers).
export default definePackageConfig({
  packageDir: fileURLToPath(new URL('.', import.meta.url)),
  entry: { 'lib/index': 'lib/index.ts' },
  external: ['@concord/merge', 'react', 'react-dom', '@tanstack/react-query'],
  react: true,
});
