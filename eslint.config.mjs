// ESLint flat config: strict TypeScript, floating promises are errors, the determinism boundary of
// workflows/, machines/ and domain/ is enforced (no Node builtins, Prisma or nodemailer there), and so are the
// layers (which folder may import which: docs/architecture.md, "Layers").
import boundaries from 'eslint-plugin-boundaries';
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

// The project's folders as layers (docs/architecture.md, "Layers"). Each is anchored at the repository root
// (`partialMatch: false`), so that test/domain/… is not taken for domain/.
const LAYERS = [
  'domain',
  'machines',
  'workflows',
  'activities',
  'mail',
  'services',
  'schedules',
  'reports',
  'roster',
  'db',
  'system',
  'worker',
  'cli',
  'web',
  'bench',
  'generated',
];

/** The dependencies on the given layers (of any kind unless `kind` is 'type' or 'value'). */
const on = (layers, kind) => ({
  to: { element: { type: layers } },
  ...(kind ? { dependency: { kind } } : {}),
});
const allBut = (...allowed) => LAYERS.filter((layer) => !allowed.includes(layer));
const from = (...layers) => ({ element: { type: layers } });

/**
 * Who may import whom. Anything not refused here is allowed; a later policy overrides an earlier one, which is
 * how "as types only" is written: refuse every import of a layer, then allow its `import type`.
 */
const layerPolicies = [
  {
    from: from('domain'),
    disallow: on(allBut('domain')),
    message: 'domain/ is pure: it imports nothing of the project outside domain/.',
  },
  {
    from: from('machines'),
    disallow: on(allBut('machines', 'domain')),
    message: 'machines/ imports only machines/ and domain/.',
  },
  {
    from: from('workflows'),
    disallow: on(allBut('workflows', 'machines', 'domain')),
    message:
      'workflows/ imports only workflows/, machines/, domain/, and activities/ with `import type` (the workflow bundle stays deterministic).',
  },
  { from: from('workflows'), allow: on(['activities', 'generated'], 'type') },
  {
    from: from('activities'),
    disallow: on(allBut('activities', 'services', 'mail', 'db', 'domain', 'generated')),
    message:
      'activities/ uses services/, mail/, db/ and domain/; machines/, workflows/ and worker/config only with `import type`.',
  },
  { from: from('activities'), allow: on(['machines', 'workflows', 'worker'], 'type') },
  {
    from: from('mail'),
    disallow: on(['activities', 'workflows', 'machines', 'schedules', 'cli', 'web']),
    message: 'mail/ serves activities/, cli/ and web/: it never imports them, nor workflows/.',
  },
  {
    from: from('services', 'schedules', 'system'),
    disallow: on(['activities', 'workflows', 'cli', 'web']),
    message:
      'services/, schedules/ and system/ start workflows by type name (`import type` and the name as a string): no workflow or activity code.',
  },
  { from: from('services', 'schedules', 'system'), allow: on(['workflows'], 'type') },
  {
    from: from('cli', 'web'),
    disallow: on(['activities', 'workflows', 'machines']),
    message:
      'cli/ and web/ go through services/, mail/, reports/, roster/, db/, system/ and worker/config: never activities/, and workflows/ only with `import type`.',
  },
  { from: from('cli', 'web'), allow: on(['workflows'], 'type') },
  {
    // The benchmarks measure the product as an operator runs it: its services, the worker as a process, the
    // simulator; never activity or workflow code directly.
    from: from('bench'),
    disallow: on(['activities', 'workflows', 'machines', 'web']),
    message:
      'bench/ drives the product through services/, roster/, db/, system/, simulate/ and the worker process: never activities/, machines/ or web/, and workflows/ only with `import type`.',
  },
  { from: from('bench'), allow: on(['workflows'], 'type') },
];

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
    files: ['**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map((layer) => ({
        type: layer,
        pattern: `${layer}/**`,
        partialMatch: false,
      })),
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies: layerPolicies }],
    },
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
