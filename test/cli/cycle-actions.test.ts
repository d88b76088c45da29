/**
 * The administrator's `cycle` commands against a real cycle on the time-skipping server, with the real
 * activities on PostgreSQL: a refusal prints the workflow's bilingual message; positive factors and the final
 * ratings land in the evaluation rows.
 */
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { Command } from 'commander';
import { createActivities } from '../../activities';
import { registerCycleCommands } from '../../cli/commands/cycle';
import type { CliDeps } from '../../cli/deps';
import { createMailTransport } from '../../mail/transport';
import { importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import { silentLogger } from '../../system/silent-logger';
import { startSmtpCatcher, type SmtpCatcher } from '../../system/smtp-catcher';
import { loadConfig } from '../../worker/config';
import { startCycle } from '../support/cycle-harness';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTimeSkippingEnv, uniqueTaskQueue } from '../support/temporal';

let env: TestWorkflowEnvironment;
let db: TestDatabase;
let smtp: SmtpCatcher | undefined;
let worker: Worker;
let running: Promise<void>;
const taskQueue = uniqueTaskQueue('cycle-actions');

beforeAll(async () => {
  db = await createTestDatabase();
  const loaded = await loadRoster([path.join(__dirname, '..', 'fixtures', 'cycle-roster.json')]);
  if (!loaded.ok) throw new Error('fixture roster invalid');
  await importRoster(db.prisma, loaded.roster, { staffYear: 2026 });
  env = await createTimeSkippingEnv();
  smtp = await startSmtpCatcher({ port: 0 });
  const config = loadConfig({
    COORDINATOR_EMAILS: 'bandantoc@example.gov.vn',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  });
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: silentLogger,
    }),
    activities: createActivities({
      prisma: db.prisma,
      mailer: createMailTransport(config.smtp.url),
      config,
      temporalClient: () => Promise.resolve(env.client),
    }),
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await smtp?.close();
  await db?.drop();
});

async function twinning(...args: string[]): Promise<string[]> {
  const out: string[] = [];
  const deps: CliDeps = {
    getPrisma: () => Promise.resolve(db.prisma),
    getTemporal: () => Promise.resolve(env.client),
    config: loadConfig({}),
    out: (line) => out.push(line),
    err: (line) => out.push(line),
  };
  const program = new Command('twinning').exitOverride();
  registerCycleCommands(program, deps);
  await program.parseAsync(['node', 'twinning', ...args]);
  return out;
}

it('refuses an action in the wrong phase with the message, then records factors and ratings in evaluation', async () => {
  const cycle = await startCycle(env, taskQueue, 'P07', { sponsorCode: 'QN-SNN', recipientCode: 'XA-A-XAN' });
  await cycle.at('2026-03-05T09:00:00+07:00');
  await expect(
    twinning('cycle', 'rate', 'P07', '--year', '2026', '--sponsor', 'Tốt', '--recipient', 'Tốt'),
  ).rejects.toThrow(/ \/ /);
  await expect(
    twinning(
      'cycle',
      'extend',
      'P07',
      '--year',
      '2026',
      '--obligation',
      'O9',
      '--date',
      '2026-04-01',
      '--reason',
      'x',
    ),
  ).rejects.toThrow('Nghĩa vụ không hợp lệ: «O9» (O1…O7). / Unknown obligation "O9" (O1…O7).');

  // Nothing was ever submitted: by 20 January 2027 the cycle is in evaluation with proposals for both sides.
  await cycle.at('2027-01-20T09:00:00+07:00');
  await env.sleep(60_000);
  expect(
    await twinning(
      'cycle',
      'factors',
      'P07',
      '--year',
      '2026',
      '--side',
      'recipient',
      '--text',
      'Tích cực phòng chống lũ',
    ),
  ).toEqual(['Đã ghi yếu tố tích cực / positive factors recorded — P07 2026: evaluation']);
  await twinning(
    'cycle',
    'rate',
    'P07',
    '--year',
    '2026',
    '--sponsor',
    'Yếu',
    '--recipient',
    'Trung bình',
    '--reason',
    'Theo đề nghị của Hội đồng thi đua',
    '--decision',
    '99/QĐ-UBND',
  );
  const evaluations = await db.prisma.evaluation.findMany({
    where: { cycle: { workflowId: cycle.workflowId } },
    orderBy: { side: 'asc' },
  });
  expect(evaluations.map((e) => [e.side, e.decisionNumber])).toEqual([
    ['SPONSOR', '99/QĐ-UBND'],
    ['RECIPIENT', '99/QĐ-UBND'],
  ]);
  expect(evaluations.every((e) => e.finalRating !== null && e.proposedRating !== null)).toBe(true);
  expect(evaluations.find((e) => e.side === 'RECIPIENT')?.positiveFactors).toBe('Tích cực phòng chống lũ');
  const result = await cycle.handle.result();
  expect(result.closedBy).toBe('rated');
});
