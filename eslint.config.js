// ESLint (flat config): typescript-eslint's recommended rules over the sources, tests, scripts
// and benchmarks. Formatting is prettier's job (see .prettierrc.json), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused bindings are errors, but `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The HTML report's page scripts run in the browser.
    files: ['src/format/report-html/page.js', 'src/format/report-html/page-summary.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
);
