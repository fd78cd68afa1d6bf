import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The `concord` library (docs/decisions/0006-packaging-the-dialog.md): ESM entries for
// `concord` and `concord/testing`, and the dialog's CSS as one style.css. Declarations come from
// `tsc -p tsconfig.lib.json`. Everything an embedder already has or chooses the version of stays
// external: React (peer), TanStack Query (peer), Playwright (the test author's), and
// diff-match-patch (a dependency, so npm dedupes it and its licence travels with it).
const external = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@tanstack/react-query',
  '@playwright/test',
  'diff-match-patch',
];

export default defineConfig({
  plugins: [react()],
  // The app's index.html and public folder are not part of the library.
  publicDir: false,
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    sourcemap: true,
    // Embedders minify; readable output makes their stack traces and reviews easier.
    minify: false,
    lib: {
      entry: { index: 'src/lib/index.ts', testing: 'src/lib/testing.ts' },
      formats: ['es'],
      cssFileName: 'style',
    },
    rollupOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      // One file per source module, so that with package.json `sideEffects` an embedder's bundler
      // drops whole modules it does not use (useGuardedSave alone does not pull in the merge
      // engine and diff-match-patch, whose module-level setup a single file would keep).
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
});
