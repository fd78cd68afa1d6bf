// npm run size: what the `concord` package adds to an embedder's bundle. Builds the library
// (npm run build:lib), then bundles tiny embedder entries with Vite as an app would — through the
// package's `exports`, tree-shaken, minified, React and TanStack Query external (the embedder has
// them anyway) — and prints the gzipped JS and CSS. Target (issue 4): the dialog and the merge
// engine at or under 15 KB gzipped.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rollup } from 'vite';

const targetBytes = 15 * 1024;

/** Entries as an embedder writes them; each line imports through 'concord'. */
const embedders: Record<string, string> = {
  'ConflictDialog + merge + style.css': `import { ConflictDialog, merge } from 'concord';\nimport 'concord/style.css';\nuse(ConflictDialog, merge);`,
  'merge only': `import { merge } from 'concord';\nuse(merge);`,
  'useGuardedSave only': `import { useGuardedSave } from 'concord';\nuse(useGuardedSave);`,
  'everything in concord': `import * as concord from 'concord';\nimport 'concord/style.css';\nuse(concord);`,
};

const external = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];
// A path inside the package, so 'concord' resolves by self-reference as from an app's file.
const entryPath = fileURLToPath(new URL('./size-embedder.virtual.js', import.meta.url));

interface Measure {
  js: number;
  css: number;
  /** Bytes of each source module in the bundle before minifying, largest first. */
  modules: Array<[string, number]>;
}

async function measure(code: string): Promise<Measure> {
  const entry: Plugin = {
    name: 'embedder-entry',
    resolveId: (id) => (id === entryPath ? id : undefined),
    // `use` keeps the imports alive the way rendering them would, without a DOM.
    load: (id) =>
      id === entryPath ? `${code}\nfunction use(...x) { globalThis.keep = x; }` : undefined,
  };
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [entry],
    build: {
      write: false,
      minify: true,
      cssMinify: true,
      rollupOptions: {
        input: entryPath,
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  let js = 0;
  let css = 0;
  const modules = new Map<string, number>();
  for (const file of files) {
    if (file.type === 'chunk') {
      js += gzipSync(file.code, { level: 9 }).length;
      for (const [id, info] of Object.entries(file.modules)) {
        const name = id.replace(/^.*node_modules\//, '').replace(/^.*\/(dist|src)\//, '$1/');
        modules.set(name, (modules.get(name) ?? 0) + info.renderedLength);
      }
    } else if (file.fileName.endsWith('.css')) {
      css += gzipSync(file.source, { level: 9 }).length;
    }
  }
  return { js, css, modules: [...modules].sort((a, b) => b[1] - a[1]) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(
  'embedder bundle (minified, gzip -9; react, react-dom, @tanstack/react-query external)\n',
);
console.log(`${'imports'.padEnd(36)} ${'JS'.padStart(9)} ${'CSS'.padStart(9)}`);
const results: Record<string, Measure> = {};
for (const [name, code] of Object.entries(embedders)) {
  const result = await measure(code);
  results[name] = result;
  console.log(`${name.padEnd(36)} ${kb(result.js).padStart(9)} ${kb(result.css).padStart(9)}`);
}

const main = results['ConflictDialog + merge + style.css']!;
console.log('\nlargest parts of "ConflictDialog + merge" (bytes before minifying):');
for (const [name, bytes] of main.modules.slice(0, 6)) {
  console.log(`  ${name.padEnd(48)} ${String(bytes).padStart(7)}`);
}
const verdict = main.js <= targetBytes ? 'within' : 'OVER';
console.log(
  `\nConflictDialog + merge: ${kb(main.js)} JS gzipped, ${verdict} the ${kb(targetBytes)} target (CSS ${kb(main.css)} apart).`,
);
if (main.js > targetBytes) process.exitCode = 1;
