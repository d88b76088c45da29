/**
 * Opens a cycle year: one `twinningCycleWorkflow` per pair active in that year. Idempotent: a cycle that already
 * exists (running or finished) is counted and left alone, so a second run starts nothing, and a run after a
 * pair was added mid-year starts only that pair's cycle (whose past obligations are then not applicable).
 * Used by `twinning cycle open` and by the yearly Schedule's activity.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { PrismaClient } from '../generated/prisma';
import { cycleWorkflowId, twinningCycleWorkflow, type TwinningCycleInput } from '../workflows/twinning-cycle';
import { ESCALATION_LEVEL, OVERDUE, PHASE, RECIPIENT, SPONSOR, YEAR } from '../workflows/search-attributes';
import { loadCalendarDays, loadSettingsOverrides } from './calendar-store';

/** What opening a year did. */
export interface OpenYearResult {
  readonly year: number;
  readonly started: readonly string[];
  readonly existing: readonly string[];
}

/** Options of {@link openYear}. */
export interface OpenYearOptions {
  readonly year: number;
  readonly taskQueue: string;
  /** Called after each pair: `done` of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Set typed search attributes at start (false only on servers without them, e.g. the test server). */
  readonly searchAttributes?: boolean;
  /**
   * The injected clock: the business instant (ISO) at which the cycles open, so a test or a simulation can
   * open a year "on 15 January" whatever today is. Default: the engine's own time when each cycle starts.
   */
  readonly openedAt?: string;
}

/** Pairs whose period overlaps the year and that are not dissolved before it. */
export async function activePairs(
  prisma: PrismaClient,
  year: number,
): Promise<Array<{ code: string; sponsorCode: string; recipientCode: string }>> {
  const firstDay = new Date(Date.UTC(year, 0, 1));
  const lastDay = new Date(Date.UTC(year, 11, 31));
  const pairs = await prisma.pair.findMany({
    where: {
      status: 'ACTIVE',
      validFrom: { lte: lastDay },
      OR: [{ validTo: null }, { validTo: { gte: firstDay } }],
    },
    include: { sponsor: { select: { code: true } }, recipient: { select: { code: true } } },
    orderBy: { code: 'asc' },
  });
  return pairs.map((p) => ({ code: p.code, sponsorCode: p.sponsor.code, recipientCode: p.recipient.code }));
}

/** Starts the missing cycles of `options.year`. */
export async function openYear(
  prisma: PrismaClient,
  client: Client,
  options: OpenYearOptions,
): Promise<OpenYearResult> {
  const { year } = options;
  const pairs = await activePairs(prisma, year);
  const days = await loadCalendarDays(prisma, [year, year + 1]);
  const { overrides } = await loadSettingsOverrides(prisma, year);
  const started: string[] = [];
  const existing: string[] = [];
  let done = 0;
  for (const pair of pairs) {
    const input: TwinningCycleInput = {
      pairCode: pair.code,
      year,
      sponsorCode: pair.sponsorCode,
      recipientCode: pair.recipientCode,
      settings: overrides,
      calendarDays: days.entries,
      ...(options.searchAttributes === false ? { searchAttributes: false } : {}),
      ...(options.openedAt !== undefined ? { businessStart: options.openedAt } : {}),
    };
    try {
      await client.workflow.start(twinningCycleWorkflow, {
        workflowId: cycleWorkflowId(pair.code, year),
        taskQueue: options.taskQueue,
        args: [input],
        // The ID of a finished cycle is never reused: a year is opened once per pair.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...(options.searchAttributes === false
          ? {}
          : {
              typedSearchAttributes: [
                { key: YEAR, value: year },
                { key: SPONSOR, value: pair.sponsorCode },
                { key: RECIPIENT, value: pair.recipientCode },
                { key: PHASE, value: 'needsProposal' },
                { key: OVERDUE, value: false },
                { key: ESCALATION_LEVEL, value: 0 },
              ],
            }),
      });
      started.push(pair.code);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      existing.push(pair.code);
    }
    done += 1;
    options.onProgress?.(done, pairs.length);
  }
  return { year, started, existing };
}
