// Usage: node ../../scripts/rewrite-declarations.mjs [--external merge=@concord/merge]
// Run in a package's folder after `tsc -p tsconfig.build.json` (docs/decisions/0024).
import { readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Rewrites the imports of the declarations in `dist/` so that they resolve where the package is
 * installed: `./x.ts` becomes `./x.js` (the file beside it that the JavaScript build wrote, which
 * TypeScript maps to `x.d.ts` under every `moduleResolution`), and an import that reaches into a
 * folder published as a package of its own becomes that package, whose declarations are then
 * removed from this one (as its JavaScript was, by the Vite build).
 *
 * @example
 * // packages/react/dist/conflict/use-resolution.d.ts
 * import type { Granularity } from '../merge/types.ts'; // before
 * import type { Granularity } from '@concord/merge'; // after `--external merge=@concord/merge`
 */
export async function rewriteDeclarations(dist, externals) {
  const files = (await readdir(dist, { recursive: true }))
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => join(dist, file));
  const externalDirs = Object.entries(externals).map(([dir, name]) => [
    resolve(dist, dir) + sep,
    name,
  ]);
  const packageOf = (path) => externalDirs.find(([dir]) => path.startsWith(dir))?.[1];
  // `from '…'`, `import '…'` and `import('…')` (TypeScript writes the last for inferred types).
  const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]+)\2/g;
  for (const file of files) {
    if (packageOf(file)) {
      await rm(file);
      continue;
    }
    const text = await readFile(file, 'utf8');
    const rewritten = text.replace(specifier, (_match, keyword, quote, path) => {
      const name = packageOf(resolve(dirname(file), path));
      const target = name ?? path.replace(/\.tsx?$/, '.js');
      return `${keyword}${quote}${target}${quote}`;
    });
    if (rewritten !== text) await writeFile(file, rewritten);
  }
  // Drop the folders of the other packages once empty. One that still holds JavaScript means
  // the build bundled a copy: it stays, for the package check to report.
  for (const [dir] of externalDirs) await rmdir(dir).catch(() => {});
}

const { values } = parseArgs({ options: { external: { type: 'string', multiple: true } } });
const externals = Object.fromEntries((values.external ?? []).map((pair) => pair.split('=')));
await rewriteDeclarations(resolve('dist'), externals);
