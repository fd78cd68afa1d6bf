// npm run test:packages (part of npm test; docs/decisions/0024-workspace-packages.md): proves
// what an embedder gets. Packs @concord/merge, @concord/react and @concord/playwright, checks
// what each tarball holds, installs them into a fresh Vite + React + TypeScript app outside the
// repository, next to the host's own stack from the registry, and in that app: no native build,
// nothing of the server, strict TypeScript passes, `vite build` passes, and a Playwright story
// resolves a conflict through @concord/playwright. Prints the footprint. KEEP=1 keeps the
// scratch folder for a look.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();

/**
 * What each package may ship, as path patterns of its tarball (besides package.json, README.md
 * and CHANGELOG.md), and the folders of the repository's src/ its source maps may name. Anything
 * else fails the check: the app, the server, the CLI, tests, another package's code.
 */
const packages = {
  merge: {
    name: '@concord/merge',
    files: [/^dist\/merge\/[\w-]+\.(js|js\.map|d\.ts)$/],
    sources: [/^src\/merge\/[\w-]+\.ts$/],
  },
  react: {
    name: '@concord/react',
    files: [
      /^dist\/lib\/index\.(js|d\.ts)$/,
      /^dist\/conflict\/[\w-]+\.(js|js\.map|d\.ts)$/,
      /^dist\/client\/(api-error|guarded-save|use-guarded-save)\.(js|js\.map|d\.ts)$/,
      /^dist\/protocol\/[\w-]+\.(js|js\.map|d\.ts)$/,
      /^dist\/style\.css$/,
    ],
    sources: [/^src\/(conflict|protocol)\/[\w-]+\.tsx?$/, /^src\/client\/[\w-]+\.ts$/],
  },
  playwright: {
    name: '@concord/playwright',
    files: [
      /^dist\/lib\/testing\.(js|d\.ts)$/,
      /^dist\/conflict\/labels\.(js|js\.map|d\.ts)$/,
      /^dist\/conflict\/testing\/[\w-]+\.(js|js\.map|d\.ts)$/,
      // The labels' marker lines ({n} templates), which the default labels hold.
      /^dist\/protocol\/engine-markers\.(js|js\.map|d\.ts)$/,
    ],
    sources: [
      /^src\/conflict\/labels\.ts$/,
      /^src\/conflict\/testing\/[\w-]+\.ts$/,
      /^src\/protocol\/engine-markers\.ts$/,
    ],
  },
};
const always = ['package.json', 'README.md', 'CHANGELOG.md'];
/** Never in any tarball, whatever the patterns above say. */
const neverShipped = /(\.test\.|\.spec\.|(^|\/)(app|server|cli|e2e|bench)\/)/;
/** The server's and the CLI's packages: an embedder's install must not contain any of them. */
const serverPackages = [
  'hono',
  '@hono/node-server',
  'better-sqlite3',
  'pg',
  'pino',
  'prom-client',
  'tsx',
  'esbuild',
  'diff-match-patch',
  'idb',
];
/** The host app's own stack, at the versions the repository itself is tested with. */
const hostStack = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'vite',
  '@vitejs/plugin-react',
  'typescript',
  '@playwright/test',
  '@types/react',
  '@types/react-dom',
  '@types/node',
];

const failures = [];
const fail = (message) => {
  failures.push(message);
  console.log(`  FAIL ${message}`);
};

const scratch = await mkdtemp(join(tmpdir(), 'concord-packages-'));
try {
  console.log(`scratch folder: ${scratch}`);
  const tarballs = await packAll(join(scratch, 'tarballs'));
  const app = join(scratch, 'app');
  await writeScratchApp(app);

  step('install the host stack (react, vite, typescript, @playwright/test, …) from the registry');
  npm(app, ['install', ...(await hostVersions())]);
  const host = await measureNodeModules(app);

  step('install the three tarballs');
  npm(app, ['install', ...tarballs.map((t) => t.path)]);
  const withConcord = await measureNodeModules(app);
  const added = [...withConcord.packages.keys()].filter((name) => !host.packages.has(name));
  checkInstall(host, withConcord, added);

  step('tsc (strict, exactOptionalPropertyTypes, skipLibCheck off for @concord/*)');
  checkTypes(app);
  step('vite build');
  run(app, 'npx', ['vite', 'build', '--logLevel', 'warn']);
  step('playwright: a conflict made and resolved through @concord/playwright');
  run(app, 'npx', ['playwright', 'test', '--reporter=line'], {
    PORT: String(await findFreePort()),
  });

  printFootprint(tarballs, host, withConcord, added);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  if (process.env.KEEP) console.log(`kept ${scratch}`);
  else await rm(scratch, { recursive: true, force: true });
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  console.log(`\n0 passed, ${failures.length} failed (check-packages, ${seconds} s)`);
  process.exit(1);
}
console.log(`\ncheck-packages: every check passed in ${seconds} s`);

/** Builds and packs each package, and checks what each tarball holds. */
async function packAll(destination) {
  step('build and npm pack each package');
  runQuietly(repo, 'npm', ['run', 'build:packages']);
  await mkdir(destination, { recursive: true });
  // Built just above: --ignore-scripts skips prepack's second build and keeps stdout JSON only.
  const output = execFileSync(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--workspaces', '--pack-destination', destination],
    { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const packed = JSON.parse(output);
  const tarballs = [];
  for (const [folder, rule] of Object.entries(packages)) {
    const entry = packed.find((p) => p.name === rule.name);
    if (!entry) throw new Error(`npm pack did not pack ${rule.name}`);
    const files = entry.files.map((f) => f.path);
    console.log(`  ${entry.filename}: ${files.length} files, ${kb(entry.size)} packed`);
    for (const file of files) {
      const allowed = always.includes(file) || rule.files.some((pattern) => pattern.test(file));
      if (!allowed || neverShipped.test(file)) fail(`${rule.name} ships ${file}`);
    }
    const path = join(destination, entry.filename);
    for (const required of [...always, ...Object.values(exportTargets(path))]) {
      if (!files.includes(required)) fail(`${rule.name} lacks ${required}`);
    }
    await checkSourceMaps(folder, rule, files);
    await checkReadme(folder, rule);
    tarballs.push({ ...entry, path });
  }
  const reactFiles = await readFile(
    join(repo, 'packages/react/dist/conflict/word-diff.js'),
    'utf8',
  );
  if (!reactFiles.includes('from "@concord/merge"')) {
    fail('@concord/react does not import @concord/merge as a package');
  }
  return tarballs;
}

/** The files the packed package.json's `exports` point at, relative to the package. */
function exportTargets(tarball) {
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  );
  const targets = {};
  const walk = (value, key) => {
    if (typeof value === 'string') targets[key] = value.replace(/^\.\//, '');
    else for (const [k, v] of Object.entries(value)) walk(v, `${key} ${k}`);
  };
  walk(manifest.exports, '');
  return targets;
}

/** Every source map of a package names only the source folders that package is made of. */
async function checkSourceMaps(folder, rule, files) {
  for (const file of files.filter((f) => f.endsWith('.map'))) {
    const path = join(repo, 'packages', folder, file);
    const map = JSON.parse(await readFile(path, 'utf8'));
    for (const source of map.sources) {
      const fromRepo = resolve(path, '..', source).slice(repo.length);
      if (!rule.sources.some((pattern) => pattern.test(fromRepo))) {
        fail(`${rule.name} ${file} maps ${fromRepo}, which is not part of it`);
      }
    }
  }
}

/** A README read on the registry page: no relative links or images, which would not resolve. */
async function checkReadme(folder, rule) {
  const text = await readFile(join(repo, 'packages', folder, 'README.md'), 'utf8');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)[^)]*\)/g)) {
    if (!/^(https:\/\/|#)/.test(target)) fail(`${rule.name} README links to ${target}`);
  }
  for (const [, target] of text.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)) {
    if (!/^https:\/\//.test(target)) fail(`${rule.name} README links to ${target}`);
  }
}

/** `name@version` of the host stack as the repository has it installed. */
async function hostVersions() {
  return Promise.all(
    hostStack.map(async (name) => {
      const manifest = join(repo, 'node_modules', name, 'package.json');
      const { version } = JSON.parse(await readFile(manifest, 'utf8'));
      return `${name}@${version}`;
    }),
  );
}

/** No native build, nothing of the server, and only the three packages added by Concord. */
function checkInstall(host, withConcord, added) {
  for (const [name, info] of withConcord.packages) {
    if (info.native) fail(`${name} builds native code at install (${info.native})`);
  }
  for (const name of serverPackages) {
    if (withConcord.packages.has(name)) fail(`the app's node_modules holds ${name}`);
  }
  const expected = Object.values(packages).map((p) => p.name);
  for (const name of added) {
    if (!expected.includes(name)) fail(`installing Concord added ${name}`);
  }
  console.log(`  added by Concord: ${added.join(', ')}`);
}

/**
 * The app's strict check with the packages' declarations checked too (skipLibCheck off):
 * errors in the app or in @concord/* fail; errors in other libraries' declarations are theirs.
 */
function checkTypes(app) {
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json', '--skipLibCheck', 'false'], {
      cwd: app,
      encoding: 'utf8',
    });
  } catch (error) {
    const errors = String(error.stdout)
      .split('\n')
      .filter((line) => /error TS\d+/.test(line));
    const ours = errors.filter(
      (line) => !line.startsWith('node_modules/') || line.startsWith('node_modules/@concord/'),
    );
    for (const line of ours) fail(`tsc: ${line}`);
    if (errors.length > ours.length) {
      console.log(`  (${errors.length - ours.length} errors in other libraries' declarations)`);
    }
  }
}

/**
 * Each installed package (by name; nested copies counted apart) with whether it builds native
 * code at install (a binding.gyp, or an install script), and the bytes of node_modules.
 */
async function measureNodeModules(app) {
  const found = new Map();
  let bytes = 0;
  let count = 0;
  async function sizeOf(path) {
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) return 0;
    if (!stat.isDirectory()) return stat.size;
    let total = 0;
    for (const entry of await readdir(path)) total += await sizeOf(join(path, entry));
    return total;
  }
  async function visit(nodeModules) {
    if (!existsSync(nodeModules)) return;
    for (const entry of await readdir(nodeModules)) {
      if (entry.startsWith('.')) continue;
      const path = join(nodeModules, entry);
      const dirs = entry.startsWith('@')
        ? (await readdir(path)).map((name) => [`${entry}/${name}`, join(path, name)])
        : [[entry, path]];
      for (const [name, dir] of dirs) {
        const manifestPath = join(dir, 'package.json');
        if (!existsSync(manifestPath)) continue;
        const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
        const scripts = manifest.scripts ?? {};
        const install = ['preinstall', 'install', 'postinstall'].find((s) => scripts[s]);
        const native = existsSync(join(dir, 'binding.gyp'))
          ? 'binding.gyp'
          : install && `${install}: ${scripts[install]}`;
        found.set(name, { native });
        count += 1;
        await visit(join(dir, 'node_modules'));
      }
    }
  }
  await visit(join(app, 'node_modules'));
  bytes = await sizeOf(join(app, 'node_modules'));
  return { packages: found, count, bytes };
}

function printFootprint(tarballs, host, withConcord, added) {
  const addedBytes = withConcord.bytes - host.bytes;
  console.log('\nfootprint in a fresh Vite + React + TypeScript app');
  for (const t of tarballs) {
    console.log(
      `  ${t.name.padEnd(22)} ${kb(t.size).padStart(9)} packed ${kb(t.unpackedSize).padStart(9)} unpacked ${String(t.entryCount).padStart(4)} files`,
    );
  }
  console.log(
    `  host stack alone:      ${host.count} packages, ${mb(host.bytes)} (react, vite, typescript, @playwright/test, …)`,
  );
  console.log(
    `  Concord's three add:   ${withConcord.count - host.count} packages (${added.join(', ')}), ${mb(addedBytes)}`,
  );
  console.log(`  native builds: none; server packages (${serverPackages.join(', ')}): none`);
}

function step(title) {
  console.log(`\n[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${title}`);
}

function npm(cwd, args) {
  run(cwd, 'npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
}

/** Runs a command whose output matters only when it fails. */
function runQuietly(cwd, command, args) {
  try {
    execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    process.stdout.write(`${error.stdout}${error.stderr}`);
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
}

function run(cwd, command, args, env = {}) {
  execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
}

function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/** The scratch app: what `npm create vite` gives for react-ts, with Concord embedded. */
async function writeScratchApp(app) {
  const files = {
    'package.json': JSON.stringify(
      {
        name: 'scratch-embedder',
        private: true,
        type: 'module',
        scripts: { build: 'tsc && vite build', test: 'playwright test' },
      },
      null,
      2,
    ),
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noImplicitOverride: true,
          noUnusedLocals: true,
          noUnusedParameters: true,
          noFallthroughCasesInSwitch: true,
          isolatedModules: true,
          verbatimModuleSyntax: true,
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          noEmit: true,
          types: ['node', 'vite/client'],
        },
        include: ['src', 'tests', 'vite.config.ts', 'playwright.config.ts', 'note-server.ts'],
      },
      null,
      2,
    ),
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Scratch embedder</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,
    'note-server.ts': `import type { Plugin } from 'vite';

/**
 * The app's own server, not Concord's: one text at /api/note with an ETag; a stale If-Match
 * gets a bare 412, the way object stores answer. Lives in Vite's dev and preview servers.
 */
export function noteServer(): Plugin {
  let text = 'One.\\nTwo.\\nThree.\\nFour.\\nFive.\\n';
  let version = 1;
  const etag = () => \`"v\${version}"\`;
  const middleware = (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
    next: () => void,
  ) => {
    if (req.url !== '/api/note') return next();
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/plain', ETag: etag(), 'Cache-Control': 'no-cache' });
      return res.end(text);
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const ifMatch = req.headers['if-match'];
      if (!ifMatch) return res.writeHead(428).end();
      if (ifMatch !== etag()) return res.writeHead(412).end();
      text = body;
      version += 1;
      res.writeHead(204, { ETag: etag() }).end();
    });
  };
  return {
    name: 'note-server',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}
`,
    'vite.config.ts': `import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { noteServer } from './note-server.ts';

export default defineConfig({ plugins: [react(), noteServer()] });
`,
    'src/main.tsx': `import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@concord/react/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NoteEditor } from './note-editor.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <NoteEditor url="/api/note" />
    </QueryClientProvider>
  </StrictMode>,
);
`,
    'src/note-editor.tsx': `import { ConflictDialog, readVersioned, useGuardedSave, type Versioned } from '@concord/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

export function NoteEditor({ url }: { url: string }) {
  const note = useQuery({
    queryKey: ['note', url],
    queryFn: async () => readVersioned(await fetch(url, { cache: 'no-store' })),
    staleTime: Infinity,
  });
  if (note.isPending) return <p>Loading…</p>;
  if (note.isError) return <p role="alert">{note.error.message}</p>;
  return <NoteForm url={url} loaded={note.data} />;
}

function NoteForm({ url, loaded }: { url: string; loaded: Versioned }) {
  const [version, setVersion] = useState(loaded);
  const [draft, setDraft] = useState(loaded.text);
  const saving = useGuardedSave(
    { url },
    {
      onSaved: (saved) => {
        setVersion(saved);
        setDraft(saved.text);
      },
    },
  );
  return (
    <main>
      <textarea aria-label="Note" value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button
        type="button"
        disabled={saving.isPending}
        onClick={() => saving.save({ base: version.text, text: draft, etag: version.etag })}
      >
        Save
      </button>
      <span role="status">{draft === version.text ? 'Saved' : 'Unsaved changes'}</span>
      {saving.conflict && (
        <ConflictDialog
          base={saving.conflict.base}
          mine={saving.conflict.mine}
          theirs={saving.conflict.theirs}
          onResolve={saving.resolve}
          onCancel={saving.cancel}
          busy={saving.isPending}
          error={saving.error?.message}
        />
      )}
    </main>
  );
}
`,
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';

const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
  testDir: 'tests',
  retries: 0,
  use: {
    baseURL: \`http://127.0.0.1:\${port}\`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    },
  },
  webServer: {
    command: \`npx vite preview --host 127.0.0.1 --port \${port} --strictPort\`,
    url: \`http://127.0.0.1:\${port}/api/note\`,
  },
});
`,
    'tests/conflict.spec.ts': `import { ConflictDialogPage, expect, saveNewerVersion, test } from '@concord/playwright';

test('Bob meets Alice on line 4, keeps his line, and the server holds both edits', async ({
  alice,
  bob,
  request,
}) => {
  await alice.goto('/');
  await bob.goto('/');
  await expect(bob.getByRole('textbox', { name: 'Note' })).toHaveValue(/^One\\./);

  const aliceNote = alice.getByRole('textbox', { name: 'Note' });
  await aliceNote.fill((await aliceNote.inputValue()).replace('Four.', 'Four, Alice.').replace('One.', 'One, Alice.'));
  await alice.getByRole('button', { name: 'Save' }).click();
  await expect(alice.getByRole('status')).toHaveText('Saved');

  const bobNote = bob.getByRole('textbox', { name: 'Note' });
  await bobNote.fill((await bobNote.inputValue()).replace('Four.', 'Four, Bob.'));
  await bob.getByRole('button', { name: 'Save' }).click();

  const dialog = new ConflictDialogPage(bob);
  await dialog.expectOpen();
  await dialog.expectConflictsLeft(1);
  await dialog.useMine(1);
  await dialog.expectConflictsLeft(0);
  await dialog.saveMerged();
  await dialog.expectClosed();

  const merged = 'One, Alice.\\nTwo.\\nThree.\\nFour, Bob.\\nFive.\\n';
  await expect(bob.getByRole('status')).toHaveText('Saved');
  await expect(bobNote).toHaveValue(merged);
  expect(await (await request.get('/api/note')).text()).toBe(merged);

  // A newer version saved behind Bob's page: his next save meets it, and he takes theirs.
  const behind = await saveNewerVersion(request, {
    url: '/api/note',
    change: (text) => text.replace('Two.', 'Two, someone.'),
  });
  await bobNote.fill(merged.replace('Two.', 'Two, Bob.'));
  await bob.getByRole('button', { name: 'Save' }).click();
  await dialog.expectOpen();
  await dialog.takeTheirs();
  await dialog.expectClosed();
  await expect(bobNote).toHaveValue(behind.text);
  expect(await (await request.get('/api/note')).text()).toBe(behind.text);
});
`,
  };
  for (const [name, content] of Object.entries(files)) {
    const path = join(app, name);
    await mkdir(resolve(path, '..'), { recursive: true });
    await writeFile(path, content);
  }
}
