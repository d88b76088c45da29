/**
 * The administrator's `cycle` commands against a real cycle on the time-skipping server, with the real
 * activities on PostgreSQL: a refusal prints the workflow's bilingual message; positive factors and the final
 * ratings land in the evaluation rows.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Command } from 'commander';
import { registerCycleCommands } from '../../cli/commands/cycle';
import type { CliDeps } from '../../cli/deps';
import { loadConfig } from '../../worker/config';
import { startCycle } from '../support/cycle-harness';
import { startCycleWorld, type CycleWorld } from '../support/cycle-world';
import type { TestDatabase } from '../support/db';

let world: CycleWorld;
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let taskQueue: string;

beforeAll(async () => {
  world = await startCycleWorld('cycle-actions');
  ({ env, db, taskQueue } = world);
});

afterAll(async () => {
  await world?.teardown();
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
