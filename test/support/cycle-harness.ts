/**
 * Drives cycle workflows on the time-skipping test server in business time: `at('2026-03-10T12:00+07:00')`
 * advances the server until business time reaches that instant. Histories can be saved for the replay tests
 * under a new prefix (RECORD_HISTORIES=v3 writes `v3-<scenario>.json`).
 */
import { promises as fs, readdirSync } from 'node:fs';
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
import { decodePayloadsIn } from './payloads';

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
  // The cycle's business clock is anchored on the same engine instant as `at()` below.
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
        businessStartEngineMs: startedAtMs,
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

/** Where the replay tests read saved histories. */
export const HISTORY_DIR = path.resolve(__dirname, '..', 'replay', 'histories');

/**
 * The prefix under which to record histories, from the value of RECORD_HISTORIES (undefined when it is unset
 * or empty). Refuses anything but a version prefix (`v3`) and a prefix that `dir` already holds histories of:
 * re-recording under an old name would make the replay test pass by definition.
 */
export function historyPrefix(value: string | undefined, dir: string = HISTORY_DIR): string | undefined {
  if (value === undefined || value === '') return undefined;
  const taken = readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.json'))
    .map((f) => f.name);
  const used = taken.map((n) => /^v(\d+)-/.exec(n)?.[1]).filter((v) => v !== undefined);
  const next = `v${Math.max(0, ...used.map(Number)) + 1}`;
  if (!/^v\d+$/.test(value)) {
    throw new Error(
      `RECORD_HISTORIES=${value} is refused: name a new prefix, e.g. RECORD_HISTORIES=${next} ` +
        `(writes ${next}-<scenario>.json in ${path.relative(process.cwd(), dir)})`,
    );
  }
  const existing = taken.filter((n) => n.startsWith(`${value}-`)).sort();
  if (existing.length > 0) {
    throw new Error(
      `RECORD_HISTORIES=${value} is refused: ${path.relative(process.cwd(), dir)} already holds ` +
        `${existing.join(', ')}; saved histories are never overwritten, name a new prefix (next free: ${next})`,
    );
  }
  return value;
}

/** Writes one history as `<prefix>-<scenario>.json` in `dir`; fails when that file already exists. */
export async function writeHistory(
  dir: string,
  prefix: string,
  scenario: string,
  json: string,
): Promise<string> {
  const file = path.join(dir, `${prefix}-${scenario}.json`);
  try {
    // 'wx' makes the existence check and the write one step: nothing can slip in between.
    await fs.writeFile(file, json, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${path.basename(file)} already exists: saved histories are never overwritten`);
    }
    throw error;
  }
  return file;
}

// Decided once per test file, before the first history is written: the scenarios of one run share a prefix.
let recording: { prefix: string | undefined } | undefined;

/**
 * The prefix this run records under (see {@link historyPrefix}); call it before the scenarios run so that a
 * refused prefix fails the run before any work is done.
 */
export function recordingPrefix(): string | undefined {
  recording ??= { prefix: historyPrefix(process.env.RECORD_HISTORIES) };
  return recording.prefix;
}

/**
 * A workflow's history as JSON with every payload decoded through the codecs of the handle's client: the form
 * histories are saved in, since the sandbox's key dies with the sandbox (a saved history holds fixture data only).
 */
export async function historyInClear(handle: WorkflowHandle): Promise<string> {
  const history = await handle.fetchHistory();
  const decoded = await decodePayloadsIn(
    JSON.parse(historyToJSON(history)),
    handle.client.options.loadedDataConverter.payloadCodecs,
  );
  return JSON.stringify(decoded, null, 2);
}

/** Saves a workflow's history for the replay tests as `<prefix>-<scenario>.json` when recording. */
export async function maybeRecordHistory(handle: WorkflowHandle, scenario: string): Promise<void> {
  const prefix = recordingPrefix();
  if (prefix === undefined) return;
  await writeHistory(HISTORY_DIR, prefix, scenario, await historyInClear(handle));
}
