/**
 * The jest projects of jest.config.js: `unit` (what `npm run test:unit` runs) and `integration` together hold
 * every test file exactly once, only `integration` runs the global setup that starts PostgreSQL, and no
 * `unit` file reaches for a service.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { filesUnder, importsOf, repoRoot as root } from '../support/source-files';
const jestBin = path.join(root, 'node_modules', '.bin', 'jest');

function run(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(jestBin, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`jest ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    );
  });
}

/** The test files a project selects, relative to the repository. */
async function listed(project: string): Promise<string[]> {
  const files = JSON.parse(await run('--listTests', '--json', '--selectProjects', project, '--')) as string[];
  return files.map((f) => path.relative(root, f)).sort();
}

/** Modules through which this project's tests start a service: a database, Temporal, SMTP, a browser, a port. */
const SERVICE_MODULES =
  /^(\.\.\/)+(test\/)?support\/(db|postgres|cycle-world|system|chromium|mail|temporal)$|^@temporalio\/testing$|^(\.\.\/)+system\/(smtp-catcher|pglite-server|embedded)$|^(\.\.\/)+simulate\/(sandbox|database|run)$|^node:(net|http)$|^playwright-core$/;

let unit: string[];
let integration: string[];
beforeAll(async () => {
  [unit, integration] = await Promise.all([listed('unit'), listed('integration')]);
});

it('selects every test file exactly once', () => {
  expect([...unit, ...integration].sort()).toEqual(filesUnder('test', '.test.ts').sort());
  expect(unit.filter((f) => integration.includes(f))).toEqual([]);
  expect(unit).toEqual(expect.arrayContaining(['test/domain/format.test.ts', 'test/machines/cycle.test.ts']));
  expect(integration).toEqual(
    expect.arrayContaining(['test/roster/import.test.ts', 'test/e2e/system.test.ts']),
  );
});

it('starts PostgreSQL for the integration project only', async () => {
  const shown = JSON.parse(await run('--showConfig')) as {
    configs: { displayName: { name: string }; globalSetup?: string | null }[];
  };
  const setup = Object.fromEntries(shown.configs.map((c) => [c.displayName.name, c.globalSetup ?? null]));
  expect(setup).toEqual({
    unit: null,
    integration: path.join(root, 'test', 'support', 'global-setup.ts'),
  });
});

it('has no unit test that reaches for a service', () => {
  const offenders = unit.flatMap((f) =>
    importsOf(f)
      .filter((m) => SERVICE_MODULES.test(m))
      .map((m) => `${f}: ${m}`),
  );
  expect(offenders).toEqual([]);
  // The check itself must see what the integration tests import.
  expect(importsOf('test/roster/import.test.ts')).toContain('../support/db');
});
