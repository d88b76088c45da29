/**
 * `twinning simulate`: plays a scenario through a whole year with the real workflows and activities in a
 * sandbox (simulate/sandbox.ts: the time-skipping test server, a throw-away in-memory database and a local
 * SMTP catcher). It never touches live data and never sends real e-mail. The result is the timeline.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { PrismaClient } from '../db/client';
import { formatRosterError } from '../domain/roster';
import { bilingual } from '../domain/messages';
import { buildYearSummary, renderReport, REPORT_FORMATS, type ReportFormat } from '../reports';
import { loadRoster } from '../roster/load';
import { loadCalendarDays } from '../services/calendar-store';
import { activePairs } from '../services/cycle-opener';
import type { AppConfig } from '../worker/config';
import { cycleWorkflowId, twinningCycleWorkflow } from '../workflows/twinning-cycle';
import { startSandbox, type Sandbox } from './sandbox';
import { readScenario, requestOf, ScenarioError, type Scenario, type TimelineLine } from './scenario';

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
  const days = await loadCalendarDays(prisma, [scenario.year, scenario.year + 1]);

  const start = scenario.start ?? `${scenario.year}-01-01T00:05:00+07:00`;
  const until = scenario.until ?? `${scenario.year + 1}-02-01T00:00:00+07:00`;
  const handles = new Map<string, WorkflowHandle<typeof twinningCycleWorkflow>>();
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
  // Each cycle's business time starts at its first workflow task. Measuring from after every cycle's first
  // task makes each event reach its cycle at or a moment after its business time, never a moment before
  // (which would print a 09:00 event as 08:59, or put a submission on the wrong side of a deadline).
  await Promise.all([...handles.values()].map((handle) => firstTaskCompleted(handle)));
  const startedAtMs = await env.currentTimeMs();
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
    try {
      const { update, args } = requestOf(event);
      await handles.get(event.pair)!.executeUpdate(update, { args });
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
}

/** Resolves once a workflow has completed its first workflow task (waiting in real time, at most a minute). */
async function firstTaskCompleted(handle: WorkflowHandle): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const history = await handle.fetchHistory();
    if (history.events?.some((event) => event.workflowTaskCompletedEventAttributes)) return;
    if (Date.now() > deadline) {
      throw new Error(bilingual('simulate.workerSilent', { workflowId: handle.workflowId, seconds: 60 }));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
