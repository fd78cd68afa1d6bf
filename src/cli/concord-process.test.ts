import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The compiled command; Vitest's global setup builds it (npm run build:cli).
const distDir = fileURLToPath(new URL('../../dist/cli/', import.meta.url));

/** The modules `file` imports statically (`import … from "x"`), not its `import("x")` calls. */
function readStaticImports(file: string): string[] {
  const code = readFileSync(join(distDir, file), 'utf8');
  return [...code.matchAll(/^import\b[^;]*?"([^"]+)";?$/gm)].map((match) => match[1]!);
}

describe('the concord command as a process', () => {
  it('loads no package to merge files, and the server only for serve', () => {
    const loaded = new Set<string>();
    const toRead = ['concord.js'];
    for (let file = toRead.pop(); file !== undefined; file = toRead.pop()) {
      for (const specifier of readStaticImports(file)) {
        if (specifier.startsWith('./') && !loaded.has(specifier)) toRead.push(specifier.slice(2));
        loaded.add(specifier);
      }
    }
    // Only Node's own modules and the command's shared chunk: diff-match-patch is bundled, and
    // Hono, better-sqlite3 and pg come with run-serve.js, which `serve` imports when it runs.
    expect([...loaded].filter((specifier) => !specifier.startsWith('node:'))).toEqual([
      './chunk.js',
    ]);
    expect(readFileSync(join(distDir, 'concord.js'), 'utf8')).toContain('import("./run-serve.js")');
    expect(readStaticImports('run-serve.js')).toEqual(
      expect.arrayContaining(['hono', '@hono/node-server']),
    );
  });
});
