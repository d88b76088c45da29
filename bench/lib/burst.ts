/**
 * N reminders due at one instant, through the whole product path: N cycles are opened on a business clock
 * that reaches 08:00 on 17 March (O3's D-14 reminder, the only reminder of that instant: O1 and O2 are past
 * when the cycles open, so not applicable) at one engine instant a "lead" after the opening starts. At that
 * instant every cycle's timer fires: a workflow task, the read-model write with the ledger row (a local
 * activity), then the delivery activity (claim, compose, SMTP, SENT). Shared by B2 (how fast) and B5 (how much
 * memory).
 */
import { openYear } from '../../services/cycle-opener';
import { BENCH_YEAR, type BenchContext } from './context';
import { secondsSince, sleep, until } from './util';
import type { World } from './world';

/** The business instant of the burst: O3's D-14 reminder, 08:00 local on 17 March. */
const BURST_AT_MS = Date.parse(`${BENCH_YEAR}-03-17T08:00:00+07:00`);

/**
 * The default lead: enough for this machine to open N cycles and run their first tasks before the instant
 * (30 s + 100 ms per pair: 1,030 s at 10,000 pairs, where the machines of BENCHMARKS.md took 176–220 s since
 * workflow tasks got cheaper). A machine too slow for it stops with a message asking for a longer
 * `--lead-seconds`, which overrides it.
 */
export function defaultLeadSeconds(pairs: number): number {
  return Math.ceil(30 + pairs * 0.1);
}

/** The opened cycles and when their reminders fall due. */
export interface OpenedForBurst {
  /** Engine time (epoch ms) of the burst. */
  readonly fireAtMs: number;
  /** Seconds the opening and the first tasks took. */
  readonly openS: number;
}

/** Opens N cycles whose O3 reminder falls due `leadS` from now; resolves once all are open. */
export async function openForBurst(ctx: BenchContext, world: World, leadS: number): Promise<OpenedForBurst> {
  const t0 = performance.now();
  const engineNow = Date.now();
  const fireAtMs = engineNow + leadS * 1000;
  const bar = ctx.phase('open the cycles of the burst', ctx.pairs);
  await openYear(world.db.prisma, world.temporal.client, {
    year: BENCH_YEAR,
    taskQueue: world.taskQueue,
    // Every cycle's clock reads BURST_AT_MS at engine time fireAtMs.
    openedAt: new Date(BURST_AT_MS - leadS * 1000).toISOString(),
    openedAtEngineMs: engineNow,
    concurrency: ctx.concurrency,
    onProgress: (done) => bar.update(done),
  });
  bar.stop();
  const first = ctx.phase('first tasks of the burst cycles', ctx.pairs);
  await until(
    () => world.db.prisma.cycle.count({ where: { year: BENCH_YEAR } }),
    (n) => n >= ctx.pairs || Date.now() > fireAtMs,
    {
      timeoutMs: leadS * 1000 + 60_000,
      intervalMs: 500,
      what: 'the cycles open',
      onValue: (n) => first.update(n),
    },
  );
  first.stop();
  const open = await world.db.prisma.cycle.count({ where: { year: BENCH_YEAR } });
  if (open < ctx.pairs || Date.now() > fireAtMs - 1000) {
    throw new Error(
      `only ${open} of ${ctx.pairs} cycles were open before the reminders fell due ${leadS} s after the opening ` +
        'began: run again with a longer --lead-seconds',
    );
  }
  const early = await world.db.prisma.notification.count();
  if (early > 0) throw new Error(`${early} messages were due before the burst: the burst instant is wrong`);
  return { fireAtMs, openS: secondsSince(t0) };
}

/** What the burst did, timed from its instant. */
export interface BurstOutcome {
  /** Seconds until every ledger row was written (every timer fired and its effects were applied). */
  readonly ledgerS: number;
  /** Seconds until the SMTP server had accepted every message. */
  readonly acceptedS: number;
  readonly ledgerRows: number;
  readonly sent: number;
  readonly accepted: number;
  readonly distinctMessageIds: number;
  readonly lost: number;
  /** Mean size of a message as accepted, in bytes. */
  readonly meanBytes: number;
}

/**
 * Waits for the instant, then until the SMTP catcher holds a message for every ledger row; `sample` is called
 * every half second meanwhile (memory sampling).
 */
export async function awaitBurst(
  ctx: BenchContext,
  world: World,
  fireAtMs: number,
  sample?: () => void,
): Promise<BurstOutcome> {
  const remaining = () => Math.max(0, Math.ceil((fireAtMs - Date.now()) / 1000));
  const total = Math.max(1, remaining());
  const wait = ctx.phase('until the reminders fall due (s)', total);
  while (Date.now() < fireAtMs) {
    await sleep(Math.min(500, Math.max(1, fireAtMs - Date.now())));
    wait.update(total - remaining());
    sample?.();
  }
  wait.stop();
  const t0 = performance.now() - (Date.now() - fireAtMs);
  const bar = ctx.phase('burst: messages accepted by SMTP', ctx.pairs);
  let ledgerS: number | undefined;
  const { prisma } = world.db;
  await until(
    async () => {
      sample?.();
      if (ledgerS === undefined && (await prisma.notification.count()) >= ctx.pairs)
        ledgerS = secondsSince(t0);
      return world.smtp.messages.length;
    },
    (n) => n >= ctx.pairs,
    {
      timeoutMs: 60 * 60_000,
      intervalMs: 100,
      what: 'every reminder at the SMTP server',
      onValue: (n) => bar.update(n),
    },
  );
  const acceptedS = secondsSince(t0);
  bar.stop();
  // The SENT writes follow the server's replies by a round trip.
  await until(
    () => prisma.notification.count({ where: { status: 'SENT' } }),
    (n) => n >= ctx.pairs,
    { timeoutMs: 120_000, what: 'every ledger row SENT' },
  ).catch(() => undefined);
  const ledgerRows = await prisma.notification.count();
  const sent = await prisma.notification.count({ where: { status: 'SENT' } });
  const ids = new Set(world.smtp.messages.map((m) => m.messageId));
  const rows = await prisma.notification.findMany({ select: { messageId: true } });
  // Lost: a reminder due that never reached the server (no ledger row, or a row whose message is not there).
  const lost = ctx.pairs - rows.filter((r) => r.messageId !== null && ids.has(r.messageId)).length;
  const bytes = world.smtp.messages.reduce((sum, m) => sum + m.raw.length, 0);
  return {
    ledgerS: ledgerS ?? acceptedS,
    acceptedS,
    ledgerRows,
    sent,
    accepted: world.smtp.messages.length,
    distinctMessageIds: ids.size,
    lost,
    meanBytes: Math.round(bytes / Math.max(1, world.smtp.messages.length)),
  };
}
