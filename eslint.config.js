import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'db/target/**',
      '.iamatlas/**',
      'ui/dist/**',
      'test-artifacts/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The start-up script in bin/ is plain JavaScript run by Node.
    files: ['bin/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Policy text is written by whoever can edit IAM in an audited account: a regular expression built
    // from it can backtrack for minutes. IAM wildcards go through engine/policy/wildcard.ts (linear);
    // a RegExp from a constant source needs an eslint-disable comment saying so.
    files: ['engine/**/*.ts', 'ingest/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='RegExp']",
          message:
            'Do not build a RegExp at run time here; match IAM wildcards with engine/policy/wildcard.ts.',
        },
        {
          selector: "CallExpression[callee.name='RegExp']",
          message:
            'Do not build a RegExp at run time here; match IAM wildcards with engine/policy/wildcard.ts.',
        },
      ],
    },
  },
);
