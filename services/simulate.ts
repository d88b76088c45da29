/**
 * `twinning simulate`: plays a scenario through a whole year with the real workflows and activities on the
 * time-skipping test server, against a throw-away in-memory database (PGlite) and a local SMTP catcher. It
 * never touches live data and never sends real e-mail. The result is the timeline in local time.
 */
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { createActivities } from '../activities';
import { createPrismaClient } from '../db/client';
import { migrate } from '../db/migrate';
import { POLICIES } from '../domain/calendar';
import { OBLIGATION_IDS, type ObligationId } from '../domain/cycle/types';
import { formatRosterError } from '../domain/roster';
import { createMailTransport } from '../mail/transport';
import { buildYearSummary, renderReport, REPORT_FORMATS, type ReportFormat } from '../reports';
import { importRoster } from '../roster/import';
import { loadRoster } from '../roster/load';
import { startPgliteServer } from '../system/embedded';
import { silentLogger } from '../system/silent-logger';
import { startSmtpCatcher } from '../system/smtp-catcher';
import { temporalTestServerPath } from '../system/toolchain';
import type { AppConfig } from '../worker/config';
import {
  cycleWorkflowId,
  dissolveUpdate,
  extendUpdate,
  progressUpdate,
  rateUpdate,
  resendUpdate,
  submitUpdate,
  twinningCycleWorkflow,
  waiveUpdate,
} from '../workflows/twinning-cycle';
import { activePairs } from './cycle-opener';
import { loadCalendarDays } from './calendar-store';

const ACTIONS = [
  'plan',
  'needs-proposal',
  'sign',
  'progress',
  'sponsor-report',
  'recipient-report',
  'extend',
  'waive',
  'resend',
  'dissolve',
  'rating',
] as const;

const eventSchema = z.strictObject({
  at: z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v), {
      message: 'must be an ISO instant with its offset, e.g. 2026-02-20T09:00:00+07:00',
    }),
  pair: z.string().min(1),
  as: z.enum(['sponsor', 'recipient', 'admin']),
  action: z.enum(ACTIONS),
  data: z.record(z.string(), z.unknown()).default({}),
});

/** The scenario file's format (see README, "Simulation"). */
export const scenarioSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  roster: z.string().min(1),
  policy: z.enum(POLICIES).default('roll-forward'),
  /** Business time at which the year's cycles open (default 00:05 local on 1 January). */
  start: z.string().optional(),
  /** Business time the simulation runs to (default 1 February of the next year, after O7 escalations). */
  until: z.string().optional(),
  events: z.array(eventSchema).default([]),
});

/** A parsed scenario. */
export type Scenario = z.output<typeof scenarioSchema>;
/** One scenario event. */
export type ScenarioEvent = Scenario['events'][number];

/** One line of the timeline (the `--json` shape). */
export interface TimelineLine {
  readonly at: string;
  readonly pair: string;
  readonly kind: string;
  readonly obligation: string | null;
  readonly level: number | null;
  readonly to: readonly string[];
  readonly detail: string;
}

/** Thrown for a scenario an official must fix; the message lists every problem. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** Reads and validates a scenario file; the roster path is resolved beside it. */
export async function readScenario(file: string): Promise<{ scenario: Scenario; rosterPath: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new ScenarioError(
      `Không đọc được kịch bản ${file}: ${(error as Error).message} / Cannot read the scenario ${file}: ${(error as Error).message}`,
    );
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ScenarioError(`Kịch bản không hợp lệ / Invalid scenario ${file}:\n${lines.join('\n')}`);
  }
  return { scenario: parsed.data, rosterPath: path.resolve(path.dirname(file), parsed.data.roster) };
}

function reportFormatOf(file: string): ReportFormat {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(ext)) {
    throw new ScenarioError(
      `Tệp báo cáo phải có đuôi ${REPORT_FORMATS.join(', ')}: ${file} / The report file must end in ${REPORT_FORMATS.join(', ')}: ${file}`,
    );
  }
  return ext as ReportFormat;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const OBLIGATION_OF_ACTION = {
  plan: 'O1',
  'needs-proposal': 'O2',
  sign: 'O3',
  'sponsor-report': 'O5',
  'recipient-report': 'O6',
} as const;

type Handle = ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>;

const obligationField = z.object({ obligation: z.enum(OBLIGATION_IDS) });

/** The `obligation` of an admin event's data; a missing or unknown one is a scenario error. */
function obligationOf(event: ScenarioEvent): ObligationId {
  const parsed = obligationField.safeParse(event.data);
  if (!parsed.success) {
    throw new ScenarioError(
      `«${event.action}» cần data.obligation (O1…O7) / "${event.action}" needs data.obligation (O1…O7)`,
    );
  }
  return parsed.data.obligation;
}

/** A text field of an event's data, passed on as is: the workflow's validator judges it. */
function text(event: ScenarioEvent, name: string): string {
  const value = event.data[name];
  return typeof value === 'string' ? value : value === undefined ? '' : String(value as string | number);
}

function optionalText(event: ScenarioEvent, name: string): { [key: string]: string } {
  const value = event.data[name];
  return typeof value === 'string' ? { [name]: value } : {};
}

async function apply(handle: Handle, event: ScenarioEvent): Promise<void> {
  const actor = `simulate:${event.as}`;
  switch (event.action) {
    case 'plan':
    case 'needs-proposal':
    case 'sign':
    case 'sponsor-report':
    case 'recipient-report': {
      if (event.as === 'admin')
        throw new ScenarioError(`"${event.action}" is done by a sponsor or a recipient`);
      await handle.executeUpdate(submitUpdate, {
        args: [{ obligation: OBLIGATION_OF_ACTION[event.action], side: event.as, actor, data: event.data }],
      });
      return;
    }
    case 'progress':
      if (event.as === 'admin') throw new ScenarioError('"progress" is entered by a sponsor or a recipient');
      await handle.executeUpdate(progressUpdate, { args: [{ side: event.as, actor, data: event.data }] });
      return;
    case 'extend':
      await handle.executeUpdate(extendUpdate, {
        args: [
          {
            actor,
            obligation: obligationOf(event),
            newDate: text(event, 'newDate'),
            reason: text(event, 'reason'),
            ...optionalText(event, 'decisionNumber'),
          },
        ],
      });
      return;
    case 'waive':
      await handle.executeUpdate(waiveUpdate, {
        args: [{ actor, obligation: obligationOf(event), reason: text(event, 'reason') }],
      });
      return;
    case 'resend':
      await handle.executeUpdate(resendUpdate, { args: [{ actor, obligation: obligationOf(event) }] });
      return;
    case 'dissolve':
      await handle.executeUpdate(dissolveUpdate, {
        args: [{ actor, reason: text(event, 'reason'), ...optionalText(event, 'successorPairCode') }],
      });
      return;
    case 'rating':
      await handle.executeUpdate(rateUpdate, {
        args: [
          {
            actor,
            sponsorRating: text(event, 'sponsorRating'),
            recipientRating: text(event, 'recipientRating'),
            ...optionalText(event, 'reason'),
            ...optionalText(event, 'decisionNumber'),
          },
        ],
      });
      return;
  }
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  readonly config: AppConfig;
  /** Writes the year-end summary of the simulated year to this file (format from its extension). */
  readonly reportFile?: string;
  /** Told of progress through the events. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a simulation produced. */
export interface SimulationResult {
  readonly timeline: TimelineLine[];
  /** Rating proposals at the end: one per side of every cycle that reached evaluation. */
  readonly evaluations: ReadonlyArray<{
    pair: string;
    side: string;
    proposed: string | null;
    final: string | null;
  }>;
  /** The summary file written, if one was asked for. */
  readonly reportFile?: string;
}

/** Runs a scenario and returns its timeline, oldest first, with the year's rating proposals. */
export async function simulate(file: string, options: SimulateOptions): Promise<SimulationResult> {
  const reportFormat = options.reportFile ? reportFormatOf(options.reportFile) : undefined;
  const { scenario, rosterPath } = await readScenario(file);
  const loaded = await loadRoster([rosterPath]);
  if (!loaded.ok) {
    throw new ScenarioError(loaded.errors.map((e) => formatRosterError(e)).join('\n'));
  }

  // The throw-away database runs in its own process: PGlite is WebAssembly on one thread, and in this process
  // it would stall the worker's event loop.
  const pgPort = await freePort();
  const logDir = await fs.mkdtemp(path.join(os.tmpdir(), 'twinning-simulate-'));
  const pgServer = await startPgliteServer({ db: 'memory://', port: pgPort, logDir });
  const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${pgPort}/postgres`;
  const smtp = await startSmtpCatcher({ port: 0 });
  // One connection: PGlite runs one query at a time, and a single client-side pool keeps transactions whole.
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 1 });
  const mailer = createMailTransport(`smtp://127.0.0.1:${smtp.port}`);
  let env: TestWorkflowEnvironment | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const rejections: TimelineLine[] = [];
  try {
    await migrate(databaseUrl);
    await importRoster(prisma, loaded.roster, { staffYear: scenario.year, actor: 'simulate' });
    const pairs = await activePairs(prisma, scenario.year);
    const unknown = [...new Set(scenario.events.map((e) => e.pair))].filter(
      (p) => !pairs.some((x) => x.code === p),
    );
    if (unknown.length > 0) {
      throw new ScenarioError(
        `Các cặp không có trong danh mục hoặc không hoạt động năm ${scenario.year}: ${unknown.join(', ')} / ` +
          `Pairs not in the roster or not active in ${scenario.year}: ${unknown.join(', ')}`,
      );
    }
    const days = await loadCalendarDays(prisma, [scenario.year, scenario.year + 1]);

    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerPath(options.config) } },
    });
    const taskQueue = 'simulate';
    const client = env.client;
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: require.resolve('../workflows'),
        logger: silentLogger,
      }),
      activities: createActivities({
        prisma,
        mailer,
        config: {
          ...options.config,
          databaseUrl,
          smtp: { ...options.config.smtp, url: `smtp://127.0.0.1:${smtp.port}` },
          // Messages for Ban Dân tộc and leadership need an address even when none is configured.
          mail: {
            ...options.config.mail,
            coordinatorEmails:
              options.config.mail.coordinatorEmails.length > 0
                ? options.config.mail.coordinatorEmails
                : ['ban-dan-toc@simulation.invalid'],
            leadershipEmails:
              options.config.mail.leadershipEmails.length > 0
                ? options.config.mail.leadershipEmails
                : ['ubnd-tinh@simulation.invalid'],
          },
        },
        temporalClient: () => Promise.resolve(client),
      }),
    });
    running = worker.run();

    const start = scenario.start ?? `${scenario.year}-01-01T00:05:00+07:00`;
    const until = scenario.until ?? `${scenario.year + 1}-02-01T00:00:00+07:00`;
    const startedAtMs = await env.currentTimeMs();
    const handles = new Map<string, Handle>();
    for (const pair of pairs) {
      handles.set(
        pair.code,
        await client.workflow.start(twinningCycleWorkflow, {
          workflowId: cycleWorkflowId(pair.code, scenario.year),
          taskQueue,
          args: [
            {
              pairCode: pair.code,
              year: scenario.year,
              sponsorCode: pair.sponsorCode,
              recipientCode: pair.recipientCode,
              settings: { policy: scenario.policy },
              calendarDays: days.entries,
              businessStart: start,
              searchAttributes: false,
            },
          ],
        }),
      );
    }
    const advanceTo = async (instant: string): Promise<void> => {
      const target = Date.parse(instant) - Date.parse(start);
      const elapsed = (await env!.currentTimeMs()) - startedAtMs;
      if (target > elapsed) await env!.sleep(target - elapsed);
    };

    const events = [...scenario.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    let done = 0;
    for (const event of events) {
      await advanceTo(event.at);
      try {
        await apply(handles.get(event.pair)!, event);
      } catch (error) {
        const message =
          error instanceof WorkflowUpdateFailedError
            ? (error.cause?.message ?? error.message)
            : (error as Error).message;
        rejections.push({
          at: new Date(Date.parse(event.at)).toISOString(),
          pair: event.pair,
          kind: 'rejected',
          obligation: null,
          level: null,
          to: [],
          detail: `${event.as} ${event.action}: ${message}`,
        });
      }
      done += 1;
      options.onProgress?.(done, events.length);
    }
    await advanceTo(until);
    // Let deliveries and proposals still under way finish before the database is read and thrown away.
    await env.sleep(60_000);
    const timeline = [...(await timelineOf(prisma, scenario.year)), ...rejections].sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : a.pair.localeCompare(b.pair),
    );
    const rows = await prisma.evaluation.findMany({
      include: { cycle: { include: { pair: true } } },
      orderBy: [{ cycle: { pair: { code: 'asc' } } }, { side: 'asc' }],
    });
    const evaluations = rows.map((e) => ({
      pair: e.cycle.pair.code,
      side: e.side,
      proposed: e.proposedRating,
      final: e.finalRating,
    }));
    if (options.reportFile && reportFormat) {
      const summary = await buildYearSummary(prisma, scenario.year);
      await fs.writeFile(options.reportFile, await renderReport(summary, reportFormat));
      return { timeline, evaluations, reportFile: options.reportFile };
    }
    return { timeline, evaluations };
  } finally {
    worker?.shutdown();
    await running?.catch(() => undefined);
    await env?.teardown();
    mailer.close();
    await prisma.$disconnect();
    await smtp.close();
    await pgServer.stop();
    await fs.rm(logDir, { recursive: true, force: true });
  }
}

/** The timeline of every cycle of `year` from the audit trail and the notification ledger. */
async function timelineOf(
  prisma: ReturnType<typeof createPrismaClient>,
  year: number,
): Promise<TimelineLine[]> {
  const cycles = await prisma.cycle.findMany({
    where: { year },
    include: { pair: true, notifications: true },
  });
  const lines: TimelineLine[] = [];
  for (const cycle of cycles) {
    for (const n of cycle.notifications) {
      lines.push({
        at: n.scheduledFor.toISOString(),
        pair: cycle.pair.code,
        kind:
          n.kind === 'ESCALATION'
            ? 'escalation'
            : n.kind === 'PROGRESS_REMINDER'
              ? 'progress-reminder'
              : 'reminder',
        obligation: n.obligation,
        level: n.level,
        to: n.recipients,
        detail: n.idempotencyKey.slice(cycle.workflowId.length + 1),
      });
    }
    const audit = await prisma.auditEvent.findMany({
      where: { entityType: 'Cycle', entityId: cycle.workflowId },
      orderBy: { id: 'asc' },
    });
    for (const a of audit) {
      const [kind, obligation] = a.action.split(':');
      // Escalations are already in the timeline from the ledger, with their recipients.
      if (kind === 'escalated') continue;
      lines.push({
        at: a.at.toISOString(),
        pair: cycle.pair.code,
        kind: kind ?? a.action,
        obligation: obligation ?? null,
        level: null,
        to: [],
        detail: JSON.stringify(a.after ?? {}),
      });
    }
  }
  return lines;
}
