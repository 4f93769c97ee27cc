import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import doors from './build/eslint/doors.mjs';
import rooms from './build/eslint/rooms.mjs';
import cycles from './build/eslint/cycles.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'test/e2e/artifacts/**',
      // the benchmark's corpora, and its builds of other revisions (whole checkouts, ten
      // thousand files that `eslint .` would otherwise lint along with this one's)
      'bench-corpus*/**',
      'bench-builds/**',
      '**/__pycache__/**',
      'shared/validation/generated/**',
      'shared/profile/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'electron', '**/electron/**'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'fs/*', 'path', 'electron', '**/electron/**', '**/renderer/**'] },
      ],
    },
  },
  {
    // A folder with an index.ts is entered through it (build/eslint/doors.mjs).
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { doors },
    rules: { 'doors/no-deep-import': 'error' },
  },
  {
    // A renderer unit test opens only the room it tests, the one its path mirrors
    // (test/unit/renderer/convert/ opens renderer/src/convert/), and every other through its door.
    files: ['test/unit/renderer/**/*.{ts,tsx}'],
    plugins: { doors },
    rules: { 'doors/no-deep-import': ['error', { mirrors: { 'test/unit/renderer': 'renderer/src' } }] },
  },
  {
    // No circle of imports, types included, in a folder or across folders (build/eslint/cycles.mjs).
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { cycles },
    rules: { 'cycles/no-cycle': 'error' },
  },
  {
    // The rooms of electron/services/ and renderer/src/ import each other one way (build/eslint/rooms.mjs).
    files: ['electron/services/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { rooms },
    rules: { 'rooms/one-way': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
