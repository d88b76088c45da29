/**
 * `twinning simulate`: plays a scenario through a whole year with the real workflows and activities in a
 * sandbox (simulate/sandbox.ts: the time-skipping test server, a throw-away in-memory database and a local
 * SMTP catcher). It never touches live data and never sends real e-mail. The result is the timeline.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../db/client';
import { formatRosterError } from '../domain/roster';
import { bilingual } from '../domain/messages';
import { buildYearSummary, renderReport, REPORT_FORMATS, type ReportFormat } from '../reports';
import { loadRoster } from '../roster/load';
import { activePairs, openYear } from '../services/cycle-opener';
import { CycleCommands, type CommandResult } from '../services/cycle-commands';
import type { AppConfig } from '../worker/config';
import { startSandbox, type Sandbox } from './sandbox';
import {
  readScenario,
  requestOf,
  ScenarioError,
  type Scenario,
  type ScenarioEvent,
  type TimelineLine,
} from './scenario';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  readonly config: AppConfig;
  /** Writes the year-end summary of the simulated year to this file (format from its extension). */
  readonly reportFile?: string;
  /** Told of progress through the events. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Given the sandbox once the year is played, before it is torn down (bench/b3 reads the histories). */
  readonly beforeTeardown?: (sandbox: Sandbox) => Promise<void>;
}

/** What a simulation produced. */
export interface SimulationResult {
  readonly timeline: TimelineLine[];
  /** Rating proposals at the end: one per unit whose cycles reached evaluation. */
  readonly evaluations: ReadonlyArray<{
    unit: string;
    side: string;
    proposed: string | null;
    final: string | null;
  }>;
  /** The summary file written, if one was asked for. */
  readonly reportFile?: string;
}

function reportFormatOf(file: string): ReportFormat {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(ext)) {
    throw new ScenarioError(bilingual('simulate.reportFormat', { formats: REPORT_FORMATS.join(', '), file }));
  }
  return ext as ReportFormat;
}

/** The configuration of a simulation: messages for Ban Dân tộc and leadership need an address even when none is configured. */
function simulationConfig(config: AppConfig): AppConfig {
  return {
    ...config,
    mail: {
      ...config.mail,
      coordinatorEmails:
        config.mail.coordinatorEmails.length > 0
          ? config.mail.coordinatorEmails
          : ['ban-dan-toc@simulation.invalid'],
      leadershipEmails:
        config.mail.leadershipEmails.length > 0
          ? config.mail.leadershipEmails
          : ['ubnd-tinh@simulation.invalid'],
    },
  };
}

/** Sends one event's request: an Update of its cycle, or the ratings of its pair's units. */
async function send(
  commands: CycleCommands,
  units: ReadonlyMap<string, { sponsor: string; recipient: string }>,
  event: ScenarioEvent,
  year: number,
): Promise<CommandResult<unknown>> {
  const request = requestOf(event);
  if ('update' in request) {
    const result = await commands.cycleUpdate(event.pair, year, request.update, request.args[0], {});
    // A re-pairing into a successor pair the roster does not have is refused before it is sent.
    return result;
  }
  let last: CommandResult<unknown> = { ok: true, value: undefined };
  for (const { side, request: rating } of request.rateUnits) {
    const unit = units.get(event.pair)?.[side];
    if (unit === undefined) continue;
    last = await commands.rateUnit(unit, year, rating);
    if (!last.ok) return last;
  }
  return last;
}

/** Runs a scenario and returns its timeline, oldest first, with the year's rating proposals. */
export async function simulate(file: string, options: SimulateOptions): Promise<SimulationResult> {
  const reportFormat = options.reportFile ? reportFormatOf(options.reportFile) : undefined;
  const { scenario, rosterPath } = await readScenario(file);
  const loaded = await loadRoster([rosterPath]);
  if (!loaded.ok) {
    throw new ScenarioError(loaded.errors.map((e) => formatRosterError(e)).join('\n'));
  }
  const sandbox = await startSandbox({
    roster: loaded.roster,
    staffYear: scenario.year,
    actor: 'simulate',
    config: simulationConfig(options.config),
    taskQueue: 'simulate',
  });
  let result: SimulationResult;
  try {
    result = await play(sandbox, scenario, options, reportFormat);
    await options.beforeTeardown?.(sandbox);
  } catch (error) {
    // The scenario's own error matters more than one of stopping the sandbox after it.
    await sandbox.teardown().catch(() => undefined);
    throw error;
  }
  await sandbox.teardown();
  return result;
}

/** Opens the year's cycles, plays the events at their business times and reads what the year left behind. */
async function play(
  sandbox: Sandbox,
  scenario: Scenario,
  options: SimulateOptions,
  reportFormat: ReportFormat | undefined,
): Promise<SimulationResult> {
  const { prisma, env, client, taskQueue } = sandbox;
  const pairs = await activePairs(prisma, scenario.year);
  const unknown = [...new Set(scenario.events.map((e) => e.pair))].filter(
    (p) => !pairs.some((x) => x.code === p),
  );
  if (unknown.length > 0) {
    throw new ScenarioError(
      bilingual('simulate.unknownPairs', { year: scenario.year, pairs: unknown.join(', ') }),
    );
  }

  const start = scenario.start ?? `${scenario.year}-01-01T00:05:00+07:00`;
  const until = scenario.until ?? `${scenario.year + 1}-02-01T00:00:00+07:00`;
  // The scenario's policy is the year's setting in this throw-away database, so the opener reads it as it
  // reads any year's settings.
  await prisma.yearSettings.upsert({
    where: { year: scenario.year },
    create: { year: scenario.year, policy: scenario.policy },
    update: { policy: scenario.policy },
  });
  // Every cycle's business clock is anchored on the same engine instant as the simulator's, so each event
  // reaches its cycle exactly at its business time.
  const startedAtMs = await env.currentTimeMs();
  await openYear(prisma, client, {
    year: scenario.year,
    taskQueue,
    searchAttributes: false,
    openedAt: start,
    openedAtEngineMs: startedAtMs,
  });
  const commands = new CycleCommands(client, prisma);
  const units = new Map(pairs.map((p) => [p.code, { sponsor: p.sponsorCode, recipient: p.recipientCode }]));
  const advanceTo = async (instant: string): Promise<void> => {
    const target = Date.parse(instant) - Date.parse(start);
    const elapsed = (await env.currentTimeMs()) - startedAtMs;
    if (target > elapsed) await env.sleep(target - elapsed);
  };

  const rejections: TimelineLine[] = [];
  const events = [...scenario.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let done = 0;
  for (const event of events) {
    await advanceTo(event.at);
    let message: string | undefined;
    try {
      const result = await send(commands, units, event, scenario.year);
      if (!result.ok) message = result.refusal.text;
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      message = error.message;
    }
    if (message !== undefined) {
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
  const rows = await prisma.unitEvaluation.findMany({
    where: { year: scenario.year },
    include: { unit: { select: { code: true } } },
    orderBy: [{ side: 'asc' }, { unit: { code: 'asc' } }],
  });
  const evaluations = rows.map((e) => ({
    unit: e.unit.code,
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
}

/** The timeline of every cycle of `year` from the audit trail and the notification ledger. */
async function timelineOf(prisma: PrismaClient, year: number): Promise<TimelineLine[]> {
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
