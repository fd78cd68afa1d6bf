// `npm run build:cli`: compiles the `concord` command (src/cli/concord.ts) to plain JavaScript in
// dist/cli/, so that bin/concord.js starts without compiling TypeScript
// (docs/decisions/0014-compiled-cli.md). concord.js holds what every command needs, with
// diff-match-patch inside (imported as a CommonJS package it took as long as starting Node);
// run-serve.js is the server, loaded only by `concord serve`, and leaves its packages to npm.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const bundled = ['diff-match-patch'];
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));

const started = performance.now();
const { outputFiles } = await build({
  entryPoints: { concord: 'src/cli/concord.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: Object.keys(dependencies).filter((name) => !bundled.includes(name)),
  // Names without a hash, so each build replaces the last one's files instead of adding to them.
  chunkNames: '[name]',
  logLevel: 'warning',
  write: false,
});
// Each file is written beside its place and renamed over it, so that a `concord` started while
// this runs (a test run in another terminal) reads whole files; the entry goes last.
outputFiles.sort(
  (a, b) => Number(a.path.endsWith('/concord.js')) - Number(b.path.endsWith('/concord.js')),
);
for (const file of outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(`${file.path}.${process.pid}.tmp`, file.contents);
  renameSync(`${file.path}.${process.pid}.tmp`, file.path);
}
if (!process.argv.includes('--quiet')) {
  console.log(`dist/cli built in ${(performance.now() - started).toFixed(0)} ms`);
}
