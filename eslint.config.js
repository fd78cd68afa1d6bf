import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way (see ../shared/design.md, "Parts and what each may import"): each folder
// lists the folders of src/ it may NOT import. Core `no-restricted-imports` holds it by regex on
// the import path, so it needs no resolver.
const forbidden = {
  merge: ['protocol', 'server', 'client', 'conflict', 'app', 'cli', 'lib'],
  protocol: ['merge', 'server', 'client', 'conflict', 'app', 'cli', 'lib'],
  server: ['client', 'conflict', 'app', 'cli', 'lib'],
  client: ['merge', 'server', 'conflict', 'app', 'cli', 'lib'],
  conflict: ['server', 'client', 'app', 'cli', 'lib'],
  lib: ['server', 'app', 'cli'],
  app: ['server', 'cli', 'lib'],
  cli: ['client', 'conflict', 'app', 'lib'],
};
const pureMerge = {
  regex: '^(node:|react$|react-dom)',
  message: 'src/merge is pure: no Node or React.',
};
// What the library bundles (docs/decisions/0022-word-diff-on-the-merge-diff.md): the app and
// the server may use diff-match-patch, the dialog and the merge engine have their own diff.
const inLibrary = ['merge', 'protocol', 'client', 'conflict', 'lib'];
const noDiffMatchPatch = {
  regex: '^diff-match-patch$',
  message: 'The library diffs with src/merge (diffIds, diffWords), not diff-match-patch.',
};

const layerRules = Object.entries(forbidden).map(([layer, others]) => ({
  files: [`src/${layer}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            // A relative path that climbs into a sibling folder, e.g. '../server/x.ts'.
            regex: `^(\\.\\./)+(${others.join('|')})(/|$)`,
            message: `src/${layer} may import only what design.md allows (imports flow one way).`,
          },
          ...(layer === 'merge' ? [pureMerge] : []),
          ...(inLibrary.includes(layer) ? [noDiffMatchPatch] : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'data',
      '**/*.tmp.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
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
  ...layerRules,
  {
    // The example is an outside app: it sees Concord only through the packages' exports.
    files: ['examples/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(src|dist)/',
              message:
                "examples import Concord as '@concord/react', '@concord/react/style.css', '@concord/playwright'.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!protocol/|conflict/testing/)',
              message: 'e2e may import only src/protocol and the public testing helpers.',
            },
          ],
        },
      ],
    },
  },
);
