/**
 * B2: N reminders due at one instant, until the SMTP server has accepted all of them.
 *
 * Ours: the whole product path from the instant (see lib/burst.ts): timers fire in N cycles, each writes its
 * ledger row and runs the delivery activity (claim, compose from the database, pooled transport, SENT). Floor:
 * N messages of the same mean size sent by a bare pooled nodemailer transport with the product's pool size
 * (3 connections), all handed to it at once, to a fresh SMTP catcher of the same kind.
 */
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { awaitBurst, defaultLeadSeconds, openForBurst } from './lib/burst';
import type { BenchContext, BenchmarkOutput } from './lib/context';
import { figure } from './lib/report';
import { secondsSince } from './lib/util';
import { startSmtp } from './lib/world';

/** The product transport's pool size (mail/transport.ts), used by the floor too. */
const POOL_CONNECTIONS = 3;

/** Sends `count` messages of about `bytes` each through a bare pooled transport; returns the seconds. */
async function floorRun(ctx: BenchContext, count: number, bytes: number) {
  const smtp = await startSmtp();
  // `maxRequeues` is a real pool option (nodemailer ≥ 6.9) that the published types do not list yet.
  const options: SMTPPool.Options & { maxRequeues: number } = {
    pool: true,
    host: '127.0.0.1',
    port: smtp.port,
    maxConnections: POOL_CONNECTIONS,
    maxRequeues: 0,
    ignoreTLS: true,
  };
  const transport = nodemailer.createTransport(options);
  try {
    const body = 'Nhắc hạn nghĩa vụ kết nghĩa / obligation reminder. '.repeat(
      Math.max(1, Math.floor(bytes / 60)),
    );
    const bar = ctx.phase('B2 floor: bare pooled nodemailer', count);
    let done = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        transport
          .sendMail({
            from: 'Ban Dân tộc tỉnh <bandantoc@example.gov.vn>',
            to: [`lanhdao@floor-${i}.bench.example.gov.vn`, `vanphong@floor-${i}.bench.example.gov.vn`],
            subject: `[Kết nghĩa] Nhắc hạn O3 — floor ${i}`,
            text: body,
            messageId: `<floor-${i}@bench.example.gov.vn>`,
          })
          .then(() => bar.update(++done)),
      ),
    );
    const seconds = secondsSince(t0);
    bar.stop();
    const ids = new Set(smtp.messages.map((m) => m.messageId));
    const meanBytes = Math.round(smtp.messages.reduce((s, m) => s + m.raw.length, 0) / Math.max(1, count));
    return { seconds, accepted: smtp.messages.length, distinct: ids.size, meanBytes };
  } finally {
    transport.close();
    await smtp.close();
  }
}

/** Runs B2. */
export async function runB2(ctx: BenchContext): Promise<BenchmarkOutput> {
  const lead = ctx.leadSeconds ?? defaultLeadSeconds(ctx.pairs);
  const world = await ctx.world();
  let ours;
  let opened;
  try {
    opened = await openForBurst(ctx, world, lead);
    ours = await awaitBurst(ctx, world, opened.fireAtMs);
  } finally {
    await world.teardown();
  }
  const floor = await floorRun(ctx, ctx.pairs, ours.meanBytes);
  const n = ctx.pairs;
  return {
    figures: [
      figure({
        name: 'reminders accepted by SMTP per second',
        unit: 'msg/s',
        ours: n / ours.acceptedS,
        floor: n / floor.seconds,
        better: 'higher',
        goal: { of: 'ratio', op: '>=', value: 0.7 },
        note: `ours ${ours.acceptedS.toFixed(1)} s from the instant, floor ${floor.seconds.toFixed(1)} s`,
      }),
      figure({
        name: 'reminders lost',
        unit: 'msg',
        ours: ours.lost,
        better: 'count',
        goal: { of: 'ours', op: '<=', value: 0 },
      }),
      figure({
        name: 'distinct Message-IDs at the server',
        unit: 'ids',
        ours: ours.distinctMessageIds,
        better: 'count',
        goal: { of: 'ours', op: '>=', value: n },
      }),
      figure({
        name: 'until every ledger row was written (timers fired, effects applied)',
        unit: 's',
        ours: ours.ledgerS,
        better: 'lower',
      }),
    ],
    details: { leadSeconds: lead, openS: opened.openS, ours, floor, poolConnections: POOL_CONNECTIONS },
  };
}
