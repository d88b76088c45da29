/**
 * Opens a cycle year: one `twinningCycleWorkflow` per pair active in that year. Idempotent: a cycle that already
 * exists (running or finished) is counted and left alone, so a second run starts nothing, and a run after a
 * pair was added mid-year starts only that pair's cycle (whose past obligations are then not applicable).
 * Used by `twinning cycle open` and by the yearly Schedule's activity.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { fromDbDate } from '../domain/calendar/time';
import { CYCLE_WORKFLOW, cycleWorkflowId } from '../domain/workflow-ids';
import type { PrismaClient } from '../generated/prisma';
import { validDuring } from './validity';
import type { TwinningCycleInput, twinningCycleWorkflow } from '../workflows/twinning-cycle';
import {
  ESCALATION_LEVEL,
  OVERDUE,
  PHASE,
  RECIPIENT,
  SPONSOR,
  YEAR,
} from '../domain/cycle/search-attributes';
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
  /** With `openedAt`: the engine time it stands for, shared by every cycle opened (see the cycle's input). */
  readonly openedAtEngineMs?: number;
}

/** A pair active in a year, with what its cycle needs to know of it. */
export interface ActivePair {
  readonly code: string;
  readonly sponsorCode: string;
  readonly recipientCode: string;
  /** The pair's period within the year, when it starts or ends inside it (yyyy-mm-dd). */
  readonly period: { readonly from?: string; readonly to?: string };
  /** The communes the pair covers (its own list, a mountain district's communes by default, or the commune). */
  readonly communes: readonly string[];
}

/**
 * Pairs whose period overlaps the year: an open-ended pair while it is active, and a pair with an end date
 * (dissolved, re-paired or ended by a merger on that day) up to that date.
 */
export async function activePairs(prisma: PrismaClient, year: number): Promise<ActivePair[]> {
  const firstDay = new Date(Date.UTC(year, 0, 1));
  const lastDay = new Date(Date.UTC(year, 11, 31));
  const pairs = await prisma.pair.findMany({
    where: {
      validFrom: { lte: lastDay },
      OR: [{ validTo: null, status: 'ACTIVE' }, { validTo: { gte: firstDay } }],
    },
    include: {
      sponsor: { select: { code: true } },
      recipient: {
        select: {
          code: true,
          kind: true,
          children: {
            where: { kind: 'COMMUNE', ...validDuring(year) },
            select: { code: true },
            orderBy: { code: 'asc' },
          },
        },
      },
    },
    orderBy: { code: 'asc' },
  });
  return pairs.map((p) => {
    const from = fromDbDate(p.validFrom);
    const to = p.validTo ? fromDbDate(p.validTo) : undefined;
    const communes =
      p.recipient.kind !== 'MOUNTAIN_DISTRICT'
        ? [p.recipient.code]
        : p.communes.length > 0
          ? [...p.communes].sort()
          : p.recipient.children.map((c) => c.code);
    return {
      code: p.code,
      sponsorCode: p.sponsor.code,
      recipientCode: p.recipient.code,
      period: {
        ...(from > `${year}-01-01` ? { from } : {}),
        ...(to !== undefined && to < `${year}-12-31` ? { to } : {}),
      },
      communes,
    };
  });
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
      ...(pair.period.from !== undefined || pair.period.to !== undefined ? { period: pair.period } : {}),
      ...(pair.communes.length > 0 ? { communes: pair.communes } : {}),
      ...(options.searchAttributes === false ? { searchAttributes: false } : {}),
      ...(options.openedAt !== undefined ? { businessStart: options.openedAt } : {}),
      ...(options.openedAtEngineMs !== undefined ? { businessStartEngineMs: options.openedAtEngineMs } : {}),
    };
    try {
      await client.workflow.start<typeof twinningCycleWorkflow>(CYCLE_WORKFLOW, {
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
