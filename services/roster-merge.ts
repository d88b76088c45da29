/**
 * A merger of units (`twinning roster merge --into NEW --from A,B --on DATE`): the roster first, in one
 * transaction (the old units end the day before and name NEW as successor; each of their pairs running on DATE
 * ends then too, continued by a pair with NEW in its place), then the engine (each old pair's running cycle of
 * DATE's year is told its period ends, and the year's missing cycles are started, so the successor pairs owe
 * nothing before DATE). Nothing is deleted: the old units and pairs keep their history, cycles and reports.
 *
 * Running the same merger again writes nothing and finishes the engine step if it was left undone (the
 * Temporal server was down after the commit): the old pairs to tell are read back from their history lines,
 * a cycle already told is not told twice, and each Update carries a request ID.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { fromDbDate, toDbDate } from '../domain/calendar/time';
import { formatDate } from '../domain/format';
import { t, type Message } from '../domain/messages';
import {
  planMerge,
  successorPairCode,
  type MergePair,
  type MergePlan,
  type MergeRequest,
  type MergeUnit,
} from '../domain/roster';
import { cycleWorkflowId } from '../domain/workflow-ids';
import type { Prisma, PrismaClient } from '../generated/prisma';
import { ROSTER_LOCK } from '../roster/import';
import { CycleCommands, type Refusal } from './cycle-commands';
import { openYear, type OpenYearOptions } from './cycle-opener';

/** Options of {@link mergeUnits}. */
export interface MergeUnitsOptions {
  /** Who merges, for the audit trail and the cycles (`cli:<operator>`). */
  readonly actor: string;
  readonly decisionNumber?: string;
  /** Why; default: "Sáp nhập A, B vào NEW từ ngày DATE". */
  readonly reason?: string;
  /** Connects to Temporal; called only once the roster is written, so a server that is down loses nothing. */
  readonly temporal: () => Promise<Client>;
  readonly taskQueue: string;
  /** How the year's missing cycles are started: the injected clock, and search attributes (see openYear). */
  readonly open?: Pick<OpenYearOptions, 'openedAt' | 'openedAtEngineMs' | 'searchAttributes'>;
}

/** What the engine step did, for DATE's year. */
export interface MergeEngineReport {
  readonly year: number;
  /** Old pairs whose running cycle was told now that its period ends on the last day. */
  readonly told: readonly string[];
  /** Old pairs whose cycle had been told already (an earlier run of the same merger). */
  readonly alreadyTold: readonly string[];
  /** Old pairs without a running cycle in the year (never opened, or closed). */
  readonly notRunning: readonly string[];
  /** Cycles that refused the end of their period (e.g. it already ends earlier). */
  readonly refused: readonly { readonly pair: string; readonly refusal: Refusal }[];
  /** Cycles started for the year; null when the year is not open yet (its opening will start them). */
  readonly opened: readonly string[] | null;
}

/** The outcome of a merger. */
export type MergeResult =
  | { readonly ok: false; readonly refusals: readonly Message[] }
  | {
      readonly ok: true;
      readonly plan: MergePlan;
      /** Successor pairs created and reused by this run, as `old → successor`. */
      readonly created: readonly { readonly pair: string; readonly successor: string }[];
      readonly reused: readonly { readonly pair: string; readonly successor: string }[];
      /** The engine step, or why it could not be done (the roster is written: run the merger again). */
      readonly engine:
        | ({ readonly ok: true } & MergeEngineReport)
        | { readonly ok: false; readonly detail: string };
    };

/** What a pair's history line of a merger records (action `merged`, on the old pair). */
interface MergedLine {
  readonly into: string;
  readonly on: string;
  readonly successorPairCode: string;
}

type Tx = Prisma.TransactionClient;

const PAIR_INCLUDE = {
  sponsor: { select: { id: true, code: true } },
  recipient: { select: { id: true, code: true } },
} as const;

type LoadedPair = Prisma.PairGetPayload<{ include: typeof PAIR_INCLUDE }>;

function mergePair(p: LoadedPair): MergePair {
  return {
    code: p.code,
    sponsor: p.sponsor.code,
    recipient: p.recipient.code,
    from: fromDbDate(p.validFrom),
    to: p.validTo ? fromDbDate(p.validTo) : null,
    active: p.status === 'ACTIVE',
    communes: p.communes,
  };
}

function json(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

/** Merges `request.from` into `request.into` on `request.on`; see the file's comment. */
export async function mergeUnits(
  prisma: PrismaClient,
  request: MergeRequest,
  options: MergeUnitsOptions,
): Promise<MergeResult> {
  const written = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ROSTER_LOCK})`);
      return writeMerger(tx, request, options);
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  if (!written.ok) return written;
  const { plan } = written;
  let engine: Extract<MergeResult, { ok: true }>['engine'];
  try {
    engine = { ok: true, ...(await tellEngine(prisma, plan, request, options)) };
  } catch (error) {
    engine = { ok: false, detail: (error as Error).message ?? String(error) };
  }
  return { ...written, engine };
}

/** Plans the merger against what is stored and writes it; refusals write nothing. */
async function writeMerger(
  tx: Tx,
  request: MergeRequest,
  options: MergeUnitsOptions,
): Promise<
  | { ok: false; refusals: readonly Message[] }
  | {
      ok: true;
      plan: MergePlan;
      created: { pair: string; successor: string }[];
      reused: { pair: string; successor: string }[];
    }
> {
  const codes = [request.into, ...request.from.map((c) => c.trim())];
  const unitRows = await tx.unit.findMany({
    where: { code: { in: codes } },
    include: { successor: { select: { code: true } } },
  });
  const units = new Map(
    unitRows.map((u): [string, MergeUnit] => [
      u.code,
      {
        code: u.code,
        kind: u.kind,
        from: u.validFrom ? fromDbDate(u.validFrom) : null,
        to: u.validTo ? fromDbDate(u.validTo) : null,
        successor: u.successor?.code ?? null,
      },
    ]),
  );
  const ids = new Map(unitRows.map((u) => [u.code, u.id]));
  const involved = await tx.pair.findMany({
    where: { OR: [{ sponsor: { code: { in: codes } } }, { recipient: { code: { in: codes } } }] },
    include: PAIR_INCLUDE,
  });
  // A successor code may already be held by a pair of other units: the plan must see it to refuse it.
  const candidates = involved.map((p) => successorPairCode(p.code, request.into));
  const holders = await tx.pair.findMany({
    where: { code: { in: candidates }, id: { notIn: involved.map((p) => p.id) } },
    include: PAIR_INCLUDE,
  });
  const loaded = [...involved, ...holders];
  for (const p of loaded) {
    ids.set(p.sponsor.code, p.sponsor.id);
    ids.set(p.recipient.code, p.recipient.id);
  }
  const planning = planMerge(request, units, loaded.map(mergePair));
  if (!planning.ok) return planning;
  const { plan } = planning;
  const created: { pair: string; successor: string }[] = [];
  const reused: { pair: string; successor: string }[] = [];
  if (plan.merge.length === 0) return { ok: true, plan, created, reused };

  const idOf = (code: string): string => ids.get(code)!;
  const pairByCode = new Map(loaded.map((p) => [p.code, p]));
  const reason = options.reason ?? defaultReason(plan);
  const decision = options.decisionNumber !== undefined ? { decisionNumber: options.decisionNumber } : {};
  const lastDay = toDbDate(plan.lastDay);
  const on = toDbDate(plan.on);
  const intoId = idOf(plan.into);

  await tx.unit.updateMany({
    where: { code: { in: [...plan.merge] } },
    data: { validTo: lastDay, successorId: intoId },
  });
  if (plan.intoFrom) await tx.unit.update({ where: { id: intoId }, data: { validFrom: on } });

  for (const { code, successor } of plan.pairs) {
    const old = pairByCode.get(code)!;
    let successorId: string;
    if (successor.create) {
      successorId = randomUUID();
      const after = {
        code: successor.code,
        sponsor: successor.sponsor,
        recipient: successor.recipient,
        from: successor.create.from,
        to: successor.create.to,
        communes: successor.create.communes,
      };
      await tx.pair.create({
        data: {
          id: successorId,
          code: successor.code,
          sponsorId: idOf(successor.sponsor),
          recipientId: idOf(successor.recipient),
          validFrom: on,
          validTo: successor.create.to === null ? null : toDbDate(successor.create.to),
          communes: [...successor.create.communes],
          predecessorId: old.id,
        },
      });
      await tx.pairHistory.create({
        data: {
          pairId: successorId,
          action: 'created',
          reason,
          after: json({ ...after, predecessorPairCode: code, actor: options.actor, ...decision }),
        },
      });
      created.push({ pair: code, successor: successor.code });
    } else {
      const existing = await tx.pair.findUniqueOrThrow({ where: { code: successor.code } });
      successorId = existing.id;
      if (existing.predecessorId === null) {
        await tx.pair.update({ where: { id: existing.id }, data: { predecessorId: old.id } });
      }
      await tx.pairHistory.create({
        data: {
          pairId: existing.id,
          action: 'continued',
          reason,
          after: json({ predecessorPairCode: code, from: plan.on, actor: options.actor, ...decision }),
        },
      });
      reused.push({ pair: code, successor: successor.code });
    }
    await tx.pair.update({ where: { id: old.id }, data: { validTo: lastDay } });
    const line: MergedLine = { into: plan.into, on: plan.on, successorPairCode: successor.code };
    await tx.pairHistory.create({
      data: {
        pairId: old.id,
        action: 'merged',
        reason,
        before: json({ to: old.validTo ? fromDbDate(old.validTo) : null }),
        after: json({ to: plan.lastDay, ...line, actor: options.actor, ...decision }),
      },
    });
  }

  await tx.auditEvent.create({
    data: {
      actor: options.actor,
      action: 'roster.merge',
      entityType: 'Unit',
      entityId: intoId,
      after: json({
        into: plan.into,
        units: plan.merge,
        on: plan.on,
        lastDay: plan.lastDay,
        reason,
        ...decision,
        pairsEnded: plan.pairs.map((p) => p.code),
        successorPairs: [
          ...created.map((c) => ({ ...c, created: true })),
          ...reused.map((r) => ({ ...r, created: false })),
        ],
      }),
    },
  });
  return { ok: true, plan, created, reused };
}

/** The reason stored when none is given (in Vietnamese, the language of the record). */
function defaultReason(plan: MergePlan): string {
  return t('roster.merge.reason', {
    units: [...plan.already, ...plan.merge].join(', '),
    into: plan.into,
    date: formatDate(plan.on),
  });
}

/**
 * Tells the running cycles of the old pairs that their period ends on the last day, then starts the year's
 * missing cycles (the successor pairs') if the year is open. The old pairs come from their `merged` history
 * lines, so a second run after a failure finds every one of them, also those merged by the first run.
 */
async function tellEngine(
  prisma: PrismaClient,
  plan: MergePlan,
  request: MergeRequest,
  options: MergeUnitsOptions,
): Promise<MergeEngineReport> {
  const year = Number(plan.on.slice(0, 4));
  const fromCodes = [...plan.already, ...plan.merge];
  const lines = await prisma.pairHistory.findMany({
    where: {
      action: 'merged',
      pair: {
        OR: [{ sponsor: { code: { in: fromCodes } } }, { recipient: { code: { in: fromCodes } } }],
      },
    },
    include: { pair: { select: { code: true } } },
    orderBy: { pair: { code: 'asc' } },
  });
  const oldPairs = lines
    .map((l) => ({ pair: l.pair.code, line: l.after as unknown as MergedLine }))
    .filter(({ line }) => line.into === plan.into && line.on === plan.on);

  const client = await options.temporal();
  const commands = new CycleCommands(client, prisma);
  const report = {
    told: [] as string[],
    alreadyTold: [] as string[],
    notRunning: [] as string[],
    refused: [] as { pair: string; refusal: Refusal }[],
  };
  for (const { pair, line } of oldPairs) {
    const handle = client.workflow.getHandle(cycleWorkflowId(pair, year));
    let running: boolean;
    try {
      running = (await handle.describe()).status.name === 'RUNNING';
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      running = false;
    }
    const status = running ? await commands.status(pair, year) : undefined;
    if (!status?.ok) {
      report.notRunning.push(pair);
      continue;
    }
    if (status.value.periodEndsOn === plan.lastDay) {
      report.alreadyTold.push(pair);
      continue;
    }
    const result = await commands.endPeriod(
      pair,
      year,
      {
        actor: options.actor,
        lastDay: plan.lastDay,
        reason: options.reason ?? defaultReason(plan),
        successorPairCode: line.successorPairCode,
        ...(options.decisionNumber !== undefined ? { decisionNumber: options.decisionNumber } : {}),
      },
      { requestId: `merge:${request.into}:${plan.on}:${pair}` },
    );
    if (result.ok) report.told.push(pair);
    else report.refused.push({ pair, refusal: result.refusal });
  }

  // A year nobody has opened yet is left to its opening (the Schedule or `cycle open`), which starts the
  // successor pairs with the rest; opening it here would start every pair of that year early.
  const open =
    report.told.length + report.alreadyTold.length > 0 || (await prisma.cycle.count({ where: { year } })) > 0;
  const opened = open
    ? (await openYear(prisma, client, { year, taskQueue: options.taskQueue, ...options.open })).started
    : null;
  return { year, ...report, opened };
}
