// Lint: ESLint's recommended rules, typescript-eslint with type information, the React hooks
// rules for the islands and the Astro plugin for .astro files. Formatting is Prettier's job, so
// eslint-config-prettier turns off every rule that would argue with it.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'release/', 'test-results/', 'playwright-report/', 'node_modules/', 'src/rules/catalogue/index.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // Template strings with numbers are everywhere in messages; they read well.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `_unused` names mark values dropped on purpose (destructuring to omit a key).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // `import { type A } from './m.ts'` keeps `import './m.ts'` in the output (verbatim module
      // syntax): the module runs and ships though nothing of it is used. That shipped the port
      // tables with the checker.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
  {
    // Tests read JSON the code under test printed; checking its shape is what the assertions do.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...astro.configs.recommended,
  {
    // Plain JavaScript (scripts, configs) and Astro components are linted without type information.
    files: ['**/*.mjs', '**/*.js', '**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
