import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way (see ../shared/design.md, "Parts and what each may import").
// Each zone forbids `target` from importing `from`.
const layers = {
  merge: ['protocol', 'server', 'client', 'conflict', 'app', 'cli'],
  protocol: ['merge', 'server', 'client', 'conflict', 'app', 'cli'],
  server: ['client', 'conflict', 'app', 'cli'],
  client: ['merge', 'server', 'conflict', 'app', 'cli'],
  conflict: ['server', 'client', 'app', 'cli'],
  app: ['server', 'cli'],
  cli: ['client', 'conflict', 'app'],
};
const zones = Object.entries(layers).flatMap(([target, forbidden]) =>
  forbidden.map((from) => ({
    target: `./src/${target}`,
    from: `./src/${from}`,
    message: `src/${target} may not import src/${from} (design.md: imports flow one way).`,
  })),
);
zones.push({
  target: './e2e',
  from: './src',
  except: ['./protocol', './conflict/testing'],
  message: 'e2e may import only src/protocol and the public testing helpers.',
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // React code only: Playwright fixtures call their `use` callback, which is not a hook.
    files: ['src/app/**', 'src/client/**', 'src/conflict/**'],
    ignores: ['src/conflict/testing/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/merge/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'react', 'react-dom'],
              message: 'src/merge is pure: no Node or React.',
            },
          ],
        },
      ],
    },
  },
);
