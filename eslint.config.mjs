import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nextVitals from 'eslint-config-next/core-web-vitals';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// Layer boundaries from docs/architecture.md: server never imports UI; UI never imports server; lib imports neither.
const noUi = {
  group: ['@/components/*', '@/app/*', '**/components/*', '**/app/*'],
  message: 'server/ and lib/ must not import UI code',
};
const noServer = { group: ['@/server/*', '**/server/*'], message: 'UI and lib/ must not import server code' };

export default tseslint.config(
  {
    ignores: ['node_modules', '.next', 'dist', 'data', 'test-results', 'playwright-report', 'next-env.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...nextVitals,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': 'allow-with-description', minimumDescriptionLength: 10 },
      ],
    },
  },
  { files: ['server/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noUi] }] } },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noUi, noServer] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer] }] },
  },
  // No React in tests/: `useTestServer()` registers Vitest hooks, it is not a React hook.
  { files: ['tests/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
);
