import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/** The repository's `src/`: the packages build from it in place (docs/decisions/0024). */
export const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

export interface PackageConfigOptions {
  /** The package's folder (its vite.config.ts's own): the build writes `dist/` there. */
  packageDir: string;
  /** Output name → source file under `src/`, e.g. `{ index: 'merge/index.ts' }`. */
  entry: Record<string, string>;
  /** Packages the build leaves as imports: peers, and the other @concord packages. */
  external: string[];
  /** A React package: JSX, one style.css, and every module importing React says "use client". */
  react?: boolean;
}

/**
 * The Vite library build shared by packages/merge, packages/react and packages/playwright: ESM,
 * one output file per source module (so that with `sideEffects` an embedder's bundler drops
 * whole modules it does not import), unminified (embedders minify; readable output makes their
 * stack traces and reviews easier), with source maps.
 *
 * @example
 * // packages/merge/vite.config.ts
 * export default definePackageConfig({
 *   packageDir: fileURLToPath(new URL('.', import.meta.url)),
 *   entry: { 'merge/index': 'merge/index.ts' },
 *   external: [],
 * });
 */
export function definePackageConfig(options: PackageConfigOptions): UserConfig {
  const isExternal = (id: string, importer: string | undefined) =>
    options.external.some((name) => id === name || id.startsWith(`${name}/`)) &&
    !(options.react && findSharedReactImport(id, importer));
  return defineConfig({
    root: options.packageDir,
    plugins: [
      importMergeAsPackage(),
      ...(options.react ? [react(), shareReactImports(), requireUseClient()] : []),
    ],
    // The app's index.html and public folder are not part of any package.
    publicDir: false,
    build: {
      outDir: resolve(options.packageDir, 'dist'),
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      lib: {
        entry: Object.fromEntries(
          Object.entries(options.entry).map(([name, file]) => [name, resolve(srcDir, file)]),
        ),
        formats: ['es'],
        ...(options.react && { cssFileName: 'style' }),
      },
      rollupOptions: {
        external: isExternal,
        output: {
          preserveModules: true,
          preserveModulesRoot: srcDir,
          banner: (chunk) => readLicenceHeader(chunk.facadeModuleId),
        },
      },
    },
  });
}

/**
 * Makes every import of `src/merge/` from outside it an import of the package `@concord/merge`,
 * so that @concord/react depends on the merge engine instead of carrying a copy of it (an
 * embedder who also imports @concord/merge gets it once). The sources keep their relative
 * imports, which the app and the tests use as they are. What reaches into src/merge must be
 * exported by src/merge/index.ts, the package's entry; the declarations get the same rewrite
 * (scripts/rewrite-declarations.mjs).
 */
function importMergeAsPackage(): Plugin {
  const mergeDir = resolve(srcDir, 'merge') + sep;
  return {
    name: 'concord:merge-as-package',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || importer.startsWith(mergeDir)) return null;
      const target = resolve(dirname(importer), source);
      return target.startsWith(mergeDir) ? { id: '@concord/merge', external: true } : null;
    },
  };
}

/**
 * Makes the dialog's imports of 'react' and 'react/jsx-runtime' (src/conflict, the JSX
 * compiler's included) imports of src/conflict/react-imports.ts, which re-exports them. Rollup
 * and Vite join the imports of one external package across modules into one statement; esbuild
 * does not: with one file per module, an embedder's esbuild bundle of ConflictDialog held 13
 * import statements of the two, each naming `jsx`, `jsxs`, `useMemo`… anew under other local
 * names — 15,492 bytes gzipped, over the 15 KB target, 221 of them gone this way. Through one
 * module esbuild writes one statement per package and the same short names everywhere. Vite's
 * bundles do not change. src/client keeps its own imports: useGuardedSave alone would otherwise import every
 * name the dialog uses (esbuild keeps a module's re-exports of an external package whole).
 */
function shareReactImports(): Plugin {
  return {
    name: 'concord:share-react-imports',
    enforce: 'pre',
    resolveId: (source, importer) => findSharedReactImport(source, importer),
  };
}

const conflictDir = resolve(srcDir, 'conflict') + sep;
const sharedReactImports = resolve(conflictDir, 'react-imports.ts');

/** src/conflict/react-imports.ts for an import of React by src/conflict (shareReactImports). */
function findSharedReactImport(source: string, importer: string | undefined): string | null {
  if (source !== 'react' && source !== 'react/jsx-runtime') return null;
  if (!importer?.startsWith(conflictDir) || importer === sharedReactImports) return null;
  return sharedReactImports;
}

/**
 * Fails the build when a module that imports React does not begin with "use client": React
 * Server Components (Next.js) may import the package only through modules that say so. Rollup
 * drops module directives when it bundles; with one file per module they survive, and this
 * checks that they did.
 */
function requireUseClient(): Plugin {
  const react = new Set(['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']);
  return {
    name: 'concord:require-use-client',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (!chunk.imports.some((id) => react.has(id))) continue;
        if (!/^\s*['"]use client['"]/.test(chunk.code)) {
          this.error(`${chunk.fileName} uses React but does not begin with "use client"`);
        }
      }
    },
  };
}

/**
 * The leading `// SPDX-License-Identifier: …` comment block of a source module, which the
 * bundler would drop with every other comment before the first import: the LGPL files of the
 * merge engine (decision 19) keep saying so in the published JavaScript.
 */
function readLicenceHeader(file: string | null): string {
  if (!file || !file.startsWith(srcDir)) return '';
  const header = /^\/\/ SPDX-License-Identifier:.*\n(?:\/\/.*\n)*/.exec(readFileSync(file, 'utf8'));
  return header ? header[0].trimEnd() : '';
}
