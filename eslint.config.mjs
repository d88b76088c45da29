// ESLint flat config: strict TypeScript, floating promises are errors, and the determinism boundary of
// workflows/, machines/ and domain/ is enforced (no Node builtins, Prisma or nodemailer there).
import tseslint from 'typescript-eslint';

const forbiddenInPureCode = {
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'util'],
      message: 'Pure code (workflows/, machines/, domain/) must not use Node builtins.',
    },
    {
      group: ['@prisma/*', 'nodemailer', 'pg', '../generated/*', '../../generated/*'],
      message: 'Pure code must not do I/O; use an activity.',
      allowTypeImports: true,
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'generated/**',
      'data/**',
      '.tools/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts', 'machines/**/*.ts', 'domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbiddenInPureCode] },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
