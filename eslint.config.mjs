// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const electronImport = {
  name: 'electron',
  message:
    'Only electron/main/shell/** and electron/preload/** may import electron (the core must run under plain Node).',
}

const restrictedSyntax = [
  {
    selector: "CallExpression[callee.object.name='shell'][callee.property.name='openExternal']",
    message: 'Use safeOpenExternal (electron/main/shell/safe-open-external.ts).',
  },
  {
    selector: "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
    message: 'Send events through the IPC adapter (typed, skips destroyed windows).',
  },
]

const sandboxMessage =
  'The sandbox (fake API) is a test and demo tool: only electron/main/services/demo-sandbox.ts loads it, lazily, as its own chunk.'

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', '.electron-native/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { paths: [electronImport] }],
      'no-restricted-syntax': ['error', ...restrictedSyntax],
    },
  },
  // The Electron shell may import electron, but raw ipcMain only in the IPC adapter.
  {
    files: ['electron/main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'ipcMain only in shell/ipc-adapter.ts; ipcRenderer only in the preload.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/shell/ipc-adapter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer only in the preload.' }] },
      ],
    },
  },
  // The production main bundle carries no sandbox code: electron/main/** reaches it only through the seam.
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/services/demo-sandbox.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)sandbox(/|$)', message: sandboxMessage, allowTypeImports: true }] },
      ],
      'no-restricted-syntax': [
        'error',
        ...restrictedSyntax,
        { selector: 'ImportExpression[source.value=/(^|\\/)sandbox(\\/|$)/]', message: sandboxMessage },
      ],
    },
  },
  {
    files: ['electron/main/shell/safe-open-external.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // The preload: electron (ipcRenderer, contextBridge) and the dependency-free channel list only.
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\./|\\.\\./\\.\\./shared/ipc/(channels|bridge|result)$).*',
              message: 'The sandboxed preload may import only electron and shared/ipc/channels.',
            },
          ],
        },
      ],
    },
  },
  // shared/: portable code, no Node, no Electron, no React.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, { name: 'react', message: 'shared/ is UI-free.' }],
          patterns: [
            {
              group: ['node:*', '**/electron/**', '**/renderer/**'],
              message: 'shared/ may not depend on Node, electron/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  // renderer/: browser code, no Node or Electron.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'keytar'],
              message: 'The renderer runs sandboxed: no Node modules.',
            },
            { group: ['**/electron/**'], message: 'The renderer talks to main only through window.api (lib/ipc.ts).' },
          ],
        },
      ],
    },
  },
  // Tests may mock electron.
  {
    files: ['test/**/*.{ts,tsx,mts}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
)
