// npm run size: what @concord/react and @concord/merge add to an embedder's bundle. Builds the
// packages (npm run build:packages), then bundles tiny embedder entries as an app would, with Vite and with
// esbuild — through the packages' `exports` (npm's workspace links in node_modules/@concord), tree-shaken, minified, React and TanStack Query
// external (the embedder has them anyway) — and prints the gzipped JS (gzip -9) of each and the
// CSS. Targets (issues 4 and 11): the dialog and the merge engine at or under 15 KB gzipped with
// either bundler, useGuardedSave alone at or under 2 KB, and no diff-match-patch in any of it.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build, type Plugin, type Rollup } from 'vite';

/** Entries as an embedder writes them, importing the installed packages. */
const embedders: Record<string, string> = {
  'ConflictDialog + merge + style.css': `import { ConflictDialog } from '@concord/react';\nimport { merge } from '@concord/merge';\nimport '@concord/react/style.css';\nuse(ConflictDialog, merge);`,
  'merge only': `import { merge } from '@concord/merge';\nuse(merge);`,
  'useGuardedSave only': `import { useGuardedSave } from '@concord/react';\nuse(useGuardedSave);`,
  'everything in both': `import * as dialog from '@concord/react';\nimport * as engine from '@concord/merge';\nimport '@concord/react/style.css';\nuse(dialog, engine);`,
};

/** Most gzipped JS bytes an entry may add, with each bundler. */
const targets: Record<string, number> = {
  'ConflictDialog + merge + style.css': 15 * 1024,
  'useGuardedSave only': 2 * 1024,
};

const external = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];
const isExternal = (id: string) =>
  external.some((name) => id === name || id.startsWith(`${name}/`));
// A path inside the repository, so that '@concord/…' resolves as from an app's file.
const entryPath = fileURLToPath(new URL('./size-embedder.virtual.js', import.meta.url));
// `use` keeps the imports alive the way rendering them would, without a DOM.
const withUse = (code: string) => `${code}\nfunction use(...x) { globalThis.keep = x; }`;

interface Measure {
  js: number;
  css: number;
  /** Bytes of each source module in the bundle (Vite: before minifying), largest first. */
  modules: Array<[string, number]>;
}

const gzip = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;
const shortName = (id: string) =>
  id
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/packages\/(\w+)\/dist\//, '@concord/$1/')
    .replace(/^.*\/(dist|src)\//, '$1/');
const largestFirst = (modules: Map<string, number>) => [...modules].sort((a, b) => b[1] - a[1]);

async function measureWithVite(code: string): Promise<Measure> {
  const entry: Plugin = {
    name: 'embedder-entry',
    resolveId: (id) => (id === entryPath ? id : undefined),
    load: (id) => (id === entryPath ? withUse(code) : undefined),
  };
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [entry],
    build: {
      write: false,
      minify: true,
      cssMinify: true,
      rollupOptions: { input: entryPath, external: isExternal },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  let js = 0;
  let css = 0;
  const modules = new Map<string, number>();
  for (const file of files) {
    if (file.type === 'chunk') {
      js += gzip(file.code);
      for (const [id, info] of Object.entries(file.modules)) {
        const name = shortName(id);
        modules.set(name, (modules.get(name) ?? 0) + info.renderedLength);
      }
    } else if (file.fileName.endsWith('.css')) {
      css += gzip(file.source);
    }
  }
  return { js, css, modules: largestFirst(modules) };
}

async function measureWithEsbuild(code: string): Promise<Measure> {
  const result = await esbuild({
    stdin: {
      contents: withUse(code),
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      sourcefile: 'size-embedder.js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external,
    write: false,
    metafile: true,
    // Never written (write: false); esbuild needs a folder to name the CSS beside the JS.
    outdir: '/tmp/concord-size-esbuild',
    logLevel: 'warning',
  });
  let js = 0;
  let css = 0;
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.js')) js += gzip(file.contents);
    else if (file.path.endsWith('.css')) css += gzip(file.contents);
  }
  const modules = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [id, info] of Object.entries(output.inputs)) {
      modules.set(shortName(id), (modules.get(shortName(id)) ?? 0) + info.bytesInOutput);
    }
  }
  return { js, css, modules: largestFirst(modules) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(
  'embedder bundle (minified, gzip -9; react, react-dom, @tanstack/react-query external)\n',
);
console.log(
  `${'imports'.padEnd(36)} ${'Vite JS'.padStart(10)} ${'esbuild JS'.padStart(10)} ${'CSS'.padStart(9)}`,
);
const results: Record<string, { vite: Measure; esbuild: Measure }> = {};
for (const [name, code] of Object.entries(embedders)) {
  const result = { vite: await measureWithVite(code), esbuild: await measureWithEsbuild(code) };
  results[name] = result;
  console.log(
    `${name.padEnd(36)} ${kb(result.vite.js).padStart(10)} ${kb(result.esbuild.js).padStart(10)} ${kb(result.vite.css).padStart(9)}`,
  );
}

const main = results['ConflictDialog + merge + style.css']!.vite;
console.log('\nlargest parts of "ConflictDialog + merge", Vite (bytes before minifying):');
for (const [name, bytes] of main.modules.slice(0, 6)) {
  console.log(`  ${name.padEnd(48)} ${String(bytes).padStart(7)}`);
}

console.log('');
for (const [name, target] of Object.entries(targets)) {
  for (const bundler of ['vite', 'esbuild'] as const) {
    const { js } = results[name]![bundler];
    const verdict = js <= target ? 'within' : 'OVER';
    console.log(`${name}, ${bundler}: ${kb(js)} JS gzipped, ${verdict} the ${kb(target)} target.`);
    if (js > target) process.exitCode = 1;
  }
}
// The library diffs with the merge engine (decision 22): diff-match-patch must not come back.
const everything = results['everything in both']!;
const strays = [...everything.vite.modules, ...everything.esbuild.modules]
  .map(([name]) => name)
  .filter((name) => name.startsWith('diff-match-patch/'));
if (strays.length > 0) {
  console.log(`The library bundles diff-match-patch (${strays[0]}): it should not.`);
  process.exitCode = 1;
} else {
  console.log('No diff-match-patch in the library bundle.');
}
