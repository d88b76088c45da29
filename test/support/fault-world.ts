/**
 * The world of the fault-injection suite: every part a real process that a test can kill or stop — the Temporal
 * dev server on a SQLite file (stopped and started again on the same port and file), worker processes
 * (`worker/main.ts`, exactly as production runs it), a database on the test PostgreSQL, and an SMTP catcher
 * that can be down, answer 4xx, or refuse an address with 550. A generated roster gives as many pairs as a
 * burst needs, each with an address on both sides.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../../domain/cycle/search-attributes';
import { messageIdFor } from '../../domain/mail';
import { importRoster } from '../../roster/import';
import { loadRoster, type LoadRosterResult } from '../../roster/load';
import { openYear } from '../../services/cycle-opener';
import { startProcess, waitForOutput, type ManagedProcess } from '../../system/child-process';
import { temporalSqliteArgs } from '../../system/embedded';
import { freePort, waitForPort, waitForPortsFree } from '../../system/ports';
import { startSmtpCatcher, type CatcherReply, type SmtpCatcher } from '../../system/smtp-catcher';
import { formatPayloadKeys, generatePayloadKey } from '../../system/payload-keys';
import { connectClient } from '../../system/temporal-connection';
import { temporalCliPath } from '../../system/toolchain';
import { loadConfig, type AppConfig } from '../../worker/config';
import { createTestDatabase, type TestDatabase } from './db';

const root = path.resolve(__dirname, '..', '..');

/** Ban Dân tộc and leadership addresses every fault test configures (escalations have addressees). */
const STANDING = { COORDINATOR_EMAILS: 'bandantoc@example.gov.vn', LEADERSHIP_EMAILS: 'ubnd@example.gov.vn' };

type Roster = Extract<LoadRosterResult, { ok: true }>['roster'];

/** A roster of `pairs` pairs: departments of 10 pairs each, one commune per pair, every unit with an address. */
export async function generatedRoster(dir: string, pairs: number): Promise<Roster> {
  const departments = Math.ceil(pairs / 10);
  const units = [
    ...Array.from({ length: departments }, (_, i) => ({
      code: `SO-${i + 1}`,
      name: `Sở số ${i + 1}`,
      kind: 'DEPARTMENT',
      staff: 50,
      emails: [`so${i + 1}@example.gov.vn`],
    })),
    ...Array.from({ length: pairs }, (_, i) => ({
      code: `XA-${i + 1}`,
      name: `Xã số ${i + 1}`,
      kind: 'COMMUNE',
      emails: [`xa${i + 1}@example.gov.vn`],
    })),
  ];
  const rows = Array.from({ length: pairs }, (_, i) => ({
    code: `P${String(i + 1).padStart(5, '0')}`,
    sponsor: `SO-${Math.floor(i / 10) + 1}`,
    recipient: `XA-${i + 1}`,
    from: '2020-01-01',
  }));
  const file = path.join(dir, 'roster.json');
  await fs.writeFile(file, JSON.stringify({ units, pairs: rows }));
  const loaded = await loadRoster([file]);
  if (!loaded.ok) throw new Error(`generated roster invalid: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  return loaded.roster;
}

/** What the SMTP catcher does with the next message. */
export type SmtpMode = 'accept' | 'down' | { readonly reply: CatcherReply };

/** A running fault world. */
export interface FaultWorld {
  readonly dir: string;
  readonly db: TestDatabase;
  readonly taskQueue: string;
  readonly temporalAddress: string;
  /** The world's Temporal configuration (address, namespace, payload keys), as its workers get it. */
  readonly config: AppConfig;
  /** The catcher's messages (kept across its restarts). */
  readonly messages: () => readonly { messageId: string; to: string[]; raw: Buffer }[];
  /** Switches the SMTP server: down (port closed), answering a reply to every message, or accepting. */
  smtp(mode: SmtpMode): Promise<void>;
  /** Refuses one address at RCPT TO (e.g. 550 5.1.1: a permanent failure), whatever the mode. */
  refuseAddress(address: string, reply: CatcherReply): void;
  /** Starts a worker process (`worker/main.ts`) and resolves once it polls; `env` adds to its environment. */
  startWorker(name: string, env?: Readonly<Record<string, string>>): Promise<ManagedProcess>;
  /** Stops the Temporal dev server (its SQLite file is kept). */
  stopTemporal(): Promise<void>;
  /** Starts the Temporal dev server again on the same port and file. */
  startTemporal(): Promise<void>;
  /** A client of the dev server. */
  client(): Promise<Client>;
  /**
   * Opens the year's cycles of every pair, their business clocks all anchored on one engine instant (`engineMs`,
   * default the wall clock: the dev server's time).
   */
  openAt(year: number, openedAt: string, engineMs?: number): Promise<number>;
  teardown(): Promise<void>;
}

/** Options of {@link startFaultWorld}. */
export interface FaultWorldOptions {
  /**
   * An already started Temporal server to use instead of the world's own dev server (the time-skipping test
   * server, when a test needs hours of retries to pass in seconds); the world then cannot stop it, and opens
   * cycles without search attributes (the test server cannot register them).
   */
  readonly temporalAddress?: string;
  /**
   * A database to use instead of a fresh one on the shared test PostgreSQL (a test that restarts its own
   * PostgreSQL server); migrated and empty. The world's teardown calls its `drop`.
   */
  readonly database?: TestDatabase;
}

/** Starts the world with `pairs` generated pairs. */
export async function startFaultWorld(
  prefix: string,
  pairs: number,
  options: FaultWorldOptions = {},
): Promise<FaultWorld> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `twinning-${prefix}-`));
  const db = options.database ?? (await createTestDatabase());
  await importRoster(db.prisma, await generatedRoster(dir, pairs), { staffYear: 2026 });
  const taskQueue = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  const temporalPort = options.temporalAddress
    ? Number(options.temporalAddress.split(':')[1])
    : await freePort();
  const temporalAddress = options.temporalAddress ?? `127.0.0.1:${temporalPort}`;
  // Payloads are encrypted as in production: the world's own key, handed to every worker and client.
  const payloadKeys = formatPayloadKeys([generatePayloadKey('fault')]);
  const config = loadConfig({ TEMPORAL_ADDRESS: temporalAddress, PAYLOAD_KEYS: payloadKeys });
  const caught: { messageId: string; to: string[]; raw: Buffer }[] = [];
  const refused = new Map<string, CatcherReply>();
  let mode: SmtpMode = 'accept';
  const smtpPort = await freePort();
  let catcher: SmtpCatcher | undefined;
  const startCatcher = async (): Promise<void> => {
    catcher = await startSmtpCatcher({
      port: smtpPort,
      rejectRecipient: (address) => refused.get(address),
      reject: () => (typeof mode === 'object' ? mode.reply : undefined),
      // The world's list survives the catcher's restarts.
      onMessage: (m) => caught.push({ messageId: m.messageId, to: m.to, raw: m.raw }),
    });
  };
  await startCatcher();

  let temporal: ManagedProcess | undefined;
  const startTemporal = async (): Promise<void> => {
    await waitForPortsFree([temporalPort]);
    temporal = startProcess({
      name: 'temporal',
      command: temporalCliPath(config),
      args: [
        'server',
        'start-dev',
        ...temporalSqliteArgs(path.join(dir, 'temporal.db')),
        '--ip',
        '127.0.0.1',
        '--port',
        String(temporalPort),
        '--headless',
        '--log-level',
        'error',
        ...SEARCH_ATTRIBUTES.flatMap((a) => ['--search-attribute', `${a.name}=${a.cliType}`]),
      ],
      logDir: dir,
    });
    await waitForPort(temporalPort, '127.0.0.1', 60_000);
    // The frontend answers before the namespace is ready: wait until a client can describe it.
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const probe = await connectClient(config);
        try {
          await probe.connection.workflowService.describeNamespace({ namespace: config.temporal.namespace });
        } finally {
          await probe.connection.close();
        }
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  };
  if (!options.temporalAddress) await startTemporal();

  const workers = new Set<ManagedProcess>();
  const clients: Client[] = [];
  const world: FaultWorld = {
    dir,
    db,
    taskQueue,
    temporalAddress,
    config,
    messages: () => caught,
    async smtp(next) {
      mode = next;
      if (next === 'down' && catcher) {
        await catcher.close();
        catcher = undefined;
      } else if (next !== 'down' && !catcher) {
        await startCatcher();
      }
    },
    refuseAddress(address, reply) {
      refused.set(address, reply);
    },
    async startWorker(name, extraEnv = {}) {
      const proc = startProcess({
        name,
        command: process.execPath,
        args: ['--import', 'tsx', path.join(root, 'worker', 'main.ts')],
        cwd: root,
        logDir: dir,
        env: {
          ...process.env,
          ...STANDING,
          DATABASE_URL: db.url,
          DATABASE_POOL_SIZE: '10',
          TEMPORAL_ADDRESS: temporalAddress,
          PAYLOAD_KEYS: payloadKeys,
          TEMPORAL_TASK_QUEUE: taskQueue,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          LOG_LEVEL: 'warn',
          ...extraEnv,
        },
      });
      workers.add(proc);
      void proc.exited.then(() => workers.delete(proc));
      await waitForOutput(proc, /worker: polling/, 120_000);
      return proc;
    },
    async stopTemporal() {
      if (options.temporalAddress) throw new Error('this world does not own its Temporal server');
      await temporal?.stop();
      temporal = undefined;
    },
    startTemporal,
    async client() {
      const client = await connectClient(config);
      clients.push(client);
      return client;
    },
    async openAt(year, openedAt, engineMs = Date.now()) {
      const client = await world.client();
      const result = await openYear(db.prisma, client, {
        year,
        taskQueue,
        openedAt,
        openedAtEngineMs: engineMs,
        ...(options.temporalAddress ? { searchAttributes: false } : {}),
      });
      return result.started.length;
    },
    async teardown() {
      for (const w of [...workers]) await w.stop(5_000);
      for (const c of clients) await c.connection.close().catch(() => undefined);
      await temporal?.stop();
      await catcher?.close();
      await db.drop();
      if (!process.env.KEEP_FAULT_DATA) await fs.rm(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Counts of one fault test, printed at its end. */
export interface FaultCounts {
  readonly cycles: number;
  readonly submissions?: number;
  readonly due: number;
  readonly delivered: number;
  /** Due messages the ledger marks FAILED (a permanent refusal, shown to the administrators): not lost. */
  readonly failed: number;
  readonly duplicated: number;
  /** Due messages neither delivered nor failed. */
  readonly lost: number;
}

/**
 * What the receiver got against what the ledger says is due: every due row's Message-ID (derived from its
 * key) must have arrived; a Message-ID that arrived more than once is a duplicate (SMTP cannot promise never
 * twice, but every resend carries the same Message-ID, so the receiver can drop it).
 */
export async function deliveryCounts(world: FaultWorld, cycles: number): Promise<FaultCounts> {
  const rows = await world.db.prisma.notification.findMany({
    select: { idempotencyKey: true, status: true },
  });
  const due = new Set(rows.map((r) => messageIdFor(r.idempotencyKey)));
  const failed = new Set(
    rows.filter((r) => r.status === 'FAILED').map((r) => messageIdFor(r.idempotencyKey)),
  );
  const arrived = world.messages().map((m) => m.messageId);
  const distinct = new Set(arrived);
  return {
    cycles,
    due: due.size,
    delivered: [...due].filter((id) => distinct.has(id)).length,
    failed: failed.size,
    duplicated: arrived.length - distinct.size,
    lost: [...due].filter((id) => !distinct.has(id) && !failed.has(id)).length,
  };
}

/** Prints a fault test's counts in one line (the suite's report). */
export function printCounts(test: string, counts: FaultCounts): void {
  console.log(`[faults] ${test}: ${JSON.stringify(counts)}`);
}
