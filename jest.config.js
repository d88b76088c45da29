/**
 * Jest configuration. One test environment and one worker bundle per file; few workers because the
 * machines have 2 cores and integration tests start real servers.
 *
 * Two projects: `unit` are the test files that start no service at all (pure rules, the statechart, replays
 * of saved histories, roster files read from disk, the check of this file), so `npm run test:unit` needs no
 * PostgreSQL; `integration` is every other test file, and only it runs the global setup that starts
 * PostgreSQL and builds the template database. A new test file is integration unless its path is listed here
 * (test/config/jest-projects.test.ts refuses a unit file that imports what starts a service).
 * @type {import('jest').Config}
 */
const UNIT = [
  'test/cli/options.test.ts',
  'test/config/',
  'test/domain/',
  'test/machines/',
  'test/properties/',
  'test/replay/',
  'test/reports/charts.test.ts',
  'test/roster/bare-years.test.ts',
  'test/roster/read-file.test.ts',
  'test/system/payload-codec.test.ts',
  'test/system/payload-keys.test.ts',
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

module.exports = {
  testTimeout: 180000,
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: UNIT.map((p) => `<rootDir>/${p}${p.endsWith('/') ? '**/*.test.ts' : ''}`),
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...UNIT.map((p) => `^<rootDir>/${escape(p)}`)],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
