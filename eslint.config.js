// Lint rules that carry the house style (../shared/STYLE.md): size limits, ESM hygiene, and the
// boundaries between the parts (cli/ never imports ethers or the marketplace client; provider/ never
// imports devnet/; devnet/ never imports cli/; wire/ imports neither side).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'artifacts/**',
      'coverage/**',
      'cdktf.out/**',
      'examples/**/cdktf.out/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    ignores: ['cli/providers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['ethers', 'ethers/*'],
              message: 'The core never talks to a chain: go through cli/providers.ts.',
            },
            {
              group: ['**/provider/**'],
              message: 'Only cli/providers.ts loads provider/, lazily.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['provider/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/devnet/**'],
              message:
                'provider/ never imports devnet/: shared wire formats live in wire/, the devnet is injected.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['devnet/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/**', '**/provider/**'],
              message: 'devnet/ never imports cli/ or provider/: use wire/ and common/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['wire/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/**', '**/provider/**', '**/devnet/**'],
              message: 'wire/ is shared by both sides: it imports only common/, node and ethers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['cli/commands/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': ['error', { max: 600 }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
