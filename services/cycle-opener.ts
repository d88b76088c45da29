/**
 * Opens a cycle year: one `twinningCycleWorkflow` per pair active in that year. Idempotent: a cycle that already
 * exists (running or finished) is counted and left alone, so a second run starts nothing, and a run after a
 * pair was added mid-year starts only that pair's cycle (whose past obligations are then not applicable).
 * Used by `twinning cycle open` and by the yearly Schedule's activity.
 */
import {
  WorkflowExecutionAlreadyStartedError,
  type Client,
  type WorkflowStartOptions,
} from '@temporalio/client';
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
  /** Pairs whose cycle this run started, in pair-code order. */
  readonly started: readonly string[];
  /** Pairs whose cycle already existed (running or finished), in pair-code order. */
  readonly existing: readonly string[];
  /**
   * When the run resumed an interrupted one (the year opener's retry after a worker crash): the pair code it
   * went on after, and what the earlier runs had done up to there. Those pairs are in neither list above.
   */
  readonly resumed?: { readonly after: string; readonly started: number; readonly existing: number };
}

/** Where an opening stands; also what a later run needs to resume it ({@link OpenYearOptions.resume}). */
export interface OpenYearProgress {
  /** Pairs handled so far, of `total` (resumed ones included). */
  readonly done: number;
  readonly total: number;
  /**
   * The last pair code of the longest run of pairs, from the first, that are all handled (with concurrent
   * starts a later pair may finish first): a resumed run goes on after it. Undefined until the first is done.
   */
  readonly through?: string;
  /** Of the pairs up to `through`: cycles started, and cycles that already existed. */
  readonly started: number;
  readonly existing: number;
}

/** Default number of cycles started at once (`CYCLE_OPEN_CONCURRENCY`). */
export const DEFAULT_OPEN_CONCURRENCY = 32;

/** Options of {@link openYear}. */
export interface OpenYearOptions {
  readonly year: number;
  readonly taskQueue: string;
  /**
   * Called after each pair: `done` of `total`, and where the opening stands (what a retry resumes from). With
   * `resume`, `done` counts the resumed pairs too.
   */
  readonly onProgress?: (done: number, total: number, progress: OpenYearProgress) => void;
  /** Set typed search attributes at start (false only on servers without them, e.g. the test server). */
  readonly searchAttributes?: boolean;
  /**
   * The injected clock: the business instant (ISO) at which the cycles open, so a test or a simulation can
   * open a year "on 15 January" whatever today is. Default: the engine's own time when each cycle starts.
   */
  readonly openedAt?: string;
  /** With `openedAt`: the engine time it stands for, shared by every cycle opened (see the cycle's input). */
  readonly openedAtEngineMs?: number;
  /** How many cycles are started at once (default {@link DEFAULT_OPEN_CONCURRENCY}). */
  readonly concurrency?: number;
  /**
   * Go on after the pair `through` of an earlier, interrupted run (its last {@link OpenYearProgress}): pairs up
   * to it are neither listed nor started again.
   */
  readonly resume?: Pick<OpenYearProgress, 'through' | 'started' | 'existing'>;
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
 * Pairs whose period overlaps the year (only those whose code sorts after `options.after`, when given): an open-ended pair while it is active, and a pair with an end date
 * (dissolved, re-paired or ended by a merger on that day) up to that date.
 */
export async function activePairs(
  prisma: PrismaClient,
  year: number,
  options: { readonly after?: string } = {},
): Promise<ActivePair[]> {
  const firstDay = new Date(Date.UTC(year, 0, 1));
  const lastDay = new Date(Date.UTC(year, 11, 31));
  const pairs = await prisma.pair.findMany({
    where: {
      ...(options.after !== undefined ? { code: { gt: options.after } } : {}),
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

/** What every cycle of a year is started with, read once per opening. */
export interface YearStartContext {
  readonly year: number;
  readonly taskQueue: string;
  /** The year's calendar settings overrides (`YearSettings`). */
  readonly settings: Record<string, unknown>;
  /** The holiday table of the year and the next. */
  readonly calendarDays: TwinningCycleInput['calendarDays'];
  readonly searchAttributes?: boolean;
  readonly openedAt?: string;
  readonly openedAtEngineMs?: number;
}

/** Reads what every cycle of `year` starts with (settings, holiday table). */
export async function yearStartContext(
  prisma: PrismaClient,
  options: Pick<OpenYearOptions, 'year' | 'taskQueue' | 'searchAttributes' | 'openedAt' | 'openedAtEngineMs'>,
): Promise<YearStartContext> {
  const days = await loadCalendarDays(prisma, [options.year, options.year + 1]);
  const { overrides } = await loadSettingsOverrides(prisma, options.year);
  return {
    year: options.year,
    taskQueue: options.taskQueue,
    settings: overrides,
    calendarDays: days.entries,
    ...(options.searchAttributes !== undefined ? { searchAttributes: options.searchAttributes } : {}),
    ...(options.openedAt !== undefined ? { openedAt: options.openedAt } : {}),
    ...(options.openedAtEngineMs !== undefined ? { openedAtEngineMs: options.openedAtEngineMs } : {}),
  };
}

/** The start options of one pair's cycle (what `client.workflow.start` is given). */
export function cycleStartOptions(
  pair: ActivePair,
  context: YearStartContext,
): WorkflowStartOptions<typeof twinningCycleWorkflow> {
  const { year } = context;
  const input: TwinningCycleInput = {
    pairCode: pair.code,
    year,
    sponsorCode: pair.sponsorCode,
    recipientCode: pair.recipientCode,
    settings: context.settings,
    calendarDays: context.calendarDays,
    ...(pair.period.from !== undefined || pair.period.to !== undefined ? { period: pair.period } : {}),
    ...(pair.communes.length > 0 ? { communes: pair.communes } : {}),
    ...(context.searchAttributes === false ? { searchAttributes: false } : {}),
    ...(context.openedAt !== undefined ? { businessStart: context.openedAt } : {}),
    ...(context.openedAtEngineMs !== undefined ? { businessStartEngineMs: context.openedAtEngineMs } : {}),
  };
  return {
    workflowId: cycleWorkflowId(pair.code, year),
    taskQueue: context.taskQueue,
    args: [input],
    // The ID of a finished cycle is never reused: a year is opened once per pair.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    ...(context.searchAttributes === false
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
  };
}

/**
 * Starts the missing cycles of `options.year`, `options.concurrency` at a time (one start is one round trip
 * to the server, so starting them one after the other leaves the server and the worker mostly idle). Pairs
 * are taken in code order and progress is reported as the longest handled prefix, so a run interrupted at any
 * point can be resumed after it (`options.resume`) without listing those pairs again. A failed start other
 * than "already exists" lets the starts under way finish, starts no more, and is thrown.
 */
export async function openYear(
  prisma: PrismaClient,
  client: Client,
  options: OpenYearOptions,
): Promise<OpenYearResult> {
  const { year } = options;
  const after = options.resume?.through;
  const earlier = { started: options.resume?.started ?? 0, existing: options.resume?.existing ?? 0 };
  const skipped = earlier.started + earlier.existing;
  const pairs = await activePairs(prisma, year, after !== undefined ? { after } : {});
  const context = await yearStartContext(prisma, options);
  const total = skipped + pairs.length;
  const outcome: Array<'started' | 'existing' | undefined> = new Array<undefined>(pairs.length);
  let next = 0;
  let done = 0;
  // The handled prefix: every pair before index `through` is done, and how each went.
  let through = 0;
  const prefix = { started: 0, existing: 0 };
  let failure: { error: unknown } | undefined;

  const startOne = async (index: number): Promise<void> => {
    const pair = pairs[index]!;
    try {
      await client.workflow.start<typeof twinningCycleWorkflow>(
        CYCLE_WORKFLOW,
        cycleStartOptions(pair, context),
      );
      outcome[index] = 'started';
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      outcome[index] = 'existing';
    }
    done += 1;
    while (through < pairs.length && outcome[through] !== undefined) {
      prefix[outcome[through]!] += 1;
      through += 1;
    }
    const last = through > 0 ? pairs[through - 1]!.code : after;
    options.onProgress?.(skipped + done, total, {
      done: skipped + done,
      total,
      ...(last !== undefined ? { through: last } : {}),
      started: earlier.started + prefix.started,
      existing: earlier.existing + prefix.existing,
    });
  };

  const lane = async (): Promise<void> => {
    while (failure === undefined && next < pairs.length) {
      const index = next++;
      try {
        await startOne(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? DEFAULT_OPEN_CONCURRENCY, pairs.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure) throw failure.error;

  const codes = (kind: 'started' | 'existing') =>
    pairs.filter((_, i) => outcome[i] === kind).map((p) => p.code);
  return {
    year,
    started: codes('started'),
    existing: codes('existing'),
    ...(after !== undefined ? { resumed: { after, ...earlier } } : {}),
  };
}
