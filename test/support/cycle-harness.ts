/**
 * Drives cycle workflows on the time-skipping test server in business time: `at('2026-03-10T12:00+07:00')`
 * advances the server until business time reaches that instant. Histories can be saved for the replay tests
 * (RECORD_HISTORIES=1).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { seedCalendarDays } from '../../domain/calendar';
import { formatDateTime } from '../../domain/format';
import type { PrismaClient } from '../../generated/prisma';
import {
  cycleWorkflowId,
  twinningCycleWorkflow,
  type TwinningCycleInput,
} from '../../workflows/twinning-cycle';

/** Business time at which every test cycle opens: 00:05 local on 1 January 2026. */
export const BUSINESS_START = '2026-01-01T00:05:00+07:00';

/** A started cycle and a clock in business time. */
export interface CycleUnderTest {
  readonly handle: WorkflowHandle<typeof twinningCycleWorkflow>;
  readonly workflowId: string;
  /** Advances the server until business time reaches `instant` (ISO with offset). */
  at(instant: string): Promise<void>;
}

/** Starts the cycle of `pairCode` for 2026 with business time at {@link BUSINESS_START}. */
export async function startCycle(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  pairCode: string,
  overrides: Partial<TwinningCycleInput> = {},
): Promise<CycleUnderTest> {
  const workflowId = cycleWorkflowId(pairCode, 2026);
  const startedAtMs = await env.currentTimeMs();
  const businessStart = overrides.businessStart ?? BUSINESS_START;
  const handle = await env.client.workflow.start(twinningCycleWorkflow, {
    workflowId,
    taskQueue,
    args: [
      {
        pairCode,
        year: 2026,
        sponsorCode: 'S',
        recipientCode: 'R',
        calendarDays: [...seedCalendarDays(2026), ...seedCalendarDays(2027)],
        businessStart,
        searchAttributes: false,
        ...overrides,
      },
    ],
  });
  return {
    handle,
    workflowId,
    async at(instant) {
      const target = Date.parse(instant) - Date.parse(businessStart);
      const elapsed = (await env.currentTimeMs()) - startedAtMs;
      if (target > elapsed) await env.sleep(target - elapsed);
    },
  };
}

/** One ledger row as tests compare it: kind, level, local time, obligation. */
export interface LedgerLine {
  readonly obligation: string | null;
  readonly kind: string;
  readonly level: number | null;
  readonly at: string;
  readonly key: string;
}

/** The notification ledger of one cycle, oldest first. */
export async function ledgerOf(prisma: PrismaClient, workflowId: string): Promise<LedgerLine[]> {
  const rows = await prisma.notification.findMany({
    where: { idempotencyKey: { startsWith: `${workflowId}:` } },
    orderBy: [{ scheduledFor: 'asc' }, { idempotencyKey: 'asc' }],
  });
  return rows.map((r) => ({
    obligation: r.obligation,
    kind: r.kind,
    level: r.level,
    at: formatDateTime(r.scheduledFor),
    key: r.idempotencyKey,
  }));
}

/** Saves a workflow's history for the replay tests when RECORD_HISTORIES=1. */
export async function maybeRecordHistory(
  handle: WorkflowHandle<typeof twinningCycleWorkflow>,
  name: string,
): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  const dir = path.resolve(__dirname, '..', 'replay', 'histories');
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, `${name}.json`), historyToJSON(history));
}
