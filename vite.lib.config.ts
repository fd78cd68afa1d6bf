import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The `concord` library (docs/decisions/0006-packaging-the-dialog.md): ESM entries for
// `concord` and `concord/testing`, and the dialog's CSS as one style.css. Declarations come from
// `tsc -p tsconfig.lib.json`. Everything an embedder already has or chooses the version of stays
// external: React (peer), TanStack Query (peer) and Playwright (the test author's). The library
// imports no other package (its word diff is the merge engine's own, decision 22).
const external = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@tanstack/react-query',
  '@playwright/test',
];

/**
 * Fails the build when a module that imports React does not begin with "use client": React
 * Server Components (Next.js) may import the package only through modules that say so. Rollup
 * drops module directives when it bundles; with one file per module they survive, and this
 * checks that they did.
 */
function requireUseClient(): Plugin {
  const react = ['react', 'react/jsx-runtime', '@tanstack/react-query'];
  return {
    name: 'concord:require-use-client',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.imports.some((id) => react.includes(id))) continue;
        if (!/^\s*['"]use client['"]/.test(chunk.code)) {
          this.error(`${chunk.fileName} uses React but does not begin with "use client"`);
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), requireUseClient()],
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
      // engine, whose module-level scratch arrays a single file would keep).
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
});
