// ESLint (`npm run lint`): the recommended JavaScript and typescript-eslint rules everywhere,
// plus the type-aware ones on the TypeScript sources (each file is checked against the
// tsconfig.json that includes it: the root project, or test/vscode's for the editor suites).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/', '**/node_modules/', '.vscode-test/', 'examples/', 'packages/',
      'test/vscode/fixture-workspace/', 'test/ui/fixture-workspace/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_` marks a parameter or binding kept for its position (callbacks, destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // CommonJS on purpose (preloaded with `node --require`), so require() is its import.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // The glue and the CLI use the core through its entry, server/src/core/index.ts: what they
    // may call is listed there, and the core's files can move without touching them. The calendar
    // parser is a second entry (core/calendars.ts): the web build loads it on demand.
    files: ['server/src/lsp/**/*.ts', 'server/src/node/**/*.ts', 'server/src/browser/**/*.ts', 'cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/core/*', '!**/core/calendars'], message: 'Import the core through its entry (server/src/core/index.ts), adding the export there if needed.' }] }],
    },
  },
  {
    // The client reaches the server only through the messages both halves share.
    files: ['client/src/**/*.ts'],
    rules: {
      // server/src/feeds/ is neither server nor core: the calendar feed, pad and upload readers the CLI and the client share.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/src/**', '!**/server/src/protocol', '!**/server/src/feeds', '!**/server/src/feeds/fetchFeed', '!**/server/src/feeds/fetchPad', '!**/server/src/feeds/fetchUpload'], message: 'The client imports nothing of the server but server/src/protocol.ts.' }] }],
    },
  },
);
