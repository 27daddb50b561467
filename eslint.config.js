// Lint, and the layering of DESIGN.md as errors: `shared` imports nothing of
// ours and no I/O; `backend` and `cli` never import Electron or the renderer;
// the renderer imports `shared` and its own files only.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (files, rules) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
  },
});

const NODE_BUILTINS =
  '^(node:.*|fs|path|os|child_process|crypto|http|https|net|url|util|stream|worker_threads|process|module)(/.*)?$';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'bench/', 'coverage/', 'tests/e2e/screenshots/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(
    ['shared/**/*.ts'],
    [
      ['(^|/)(electron|renderer|tests)(/|$)', 'shared/ imports nothing of ours outside shared/ (DESIGN.md, layering).'],
      ['^electron$', 'shared/ never imports Electron.'],
      ['^better-sqlite3$', 'shared/ is pure: no database.'],
      ['^papaparse$|^exceljs$', 'shared/ is pure: file formats belong to electron/backend/io.'],
      [NODE_BUILTINS, 'shared/ is pure and runs in the renderer: no Node built-ins.'],
    ],
  ),
  layer(
    ['electron/backend/**/*.ts', 'electron/cli/**/*.ts'],
    [
      ['^electron$', 'The backend and the CLI run without Electron: only electron/main and electron/preload import it.'],
      ['(^|/)renderer(/|$)', 'The backend never imports the renderer.'],
      ['(^|/)(main|preload)(/|$)', 'The backend never imports the Electron shell.'],
    ],
  ),
  layer(
    ['electron/main/**/*.ts'],
    [
      ['(^|/)renderer(/|$)', 'The shell never imports the renderer: it loads its bundle.'],
      ['(^|/)backend/(?!api$)', 'The shell uses the backend through electron/backend/api.ts only (and calls it through the RPC contract).'],
    ],
  ),
  {
    // SQL lives under db/: the rest of the backend asks the repositories.
    files: ['electron/backend/**/*.ts'],
    ignores: ['electron/backend/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(prepare|exec|pragma|transaction)$/]", message: 'SQL lives under electron/backend/db/: call a repository function instead.' },
      ],
    },
  },
  layer(
    ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    [
      ['^electron$', 'The renderer never touches Electron: it calls the RPC client.'],
      ['(^|/)electron/', 'The renderer imports shared/ and its own files only.'],
      ['^better-sqlite3$', 'The renderer never touches the file system or the database.'],
      [NODE_BUILTINS, 'The renderer never touches Node.'],
    ],
  ),
  // After the renderer's own layer, so that these narrower rules are the ones that apply to their folders.
  layer(
    ['renderer/src/components/**/*.ts', 'renderer/src/components/**/*.tsx'],
    [
      ['^electron$', 'The renderer never touches Electron: it calls the RPC client.'],
      ['(^|/)electron/', 'The renderer imports shared/ and its own files only.'],
      ['^better-sqlite3$', 'The renderer never touches the file system or the database.'],
      [NODE_BUILTINS, 'The renderer never touches Node.'],
      ['(^|/)(features|state)(/|$)', 'components/ are shared UI: they import no feature and no state (they are given what they show).'],
    ],
  ),
  layer(
    ['renderer/src/state/**/*.ts', 'renderer/src/state/**/*.tsx'],
    [
      ['^electron$', 'The renderer never touches Electron: it calls the RPC client.'],
      ['(^|/)electron/', 'The renderer imports shared/ and its own files only.'],
      ['^better-sqlite3$', 'The renderer never touches the file system or the database.'],
      [NODE_BUILTINS, 'The renderer never touches Node.'],
      ['(^|/)features(/|$)', 'state/ holds the window\'s model: it imports no feature (features import it).'],
    ],
  ),
);
