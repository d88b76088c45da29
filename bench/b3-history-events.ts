/**
 * B3: history events per pair-year, for each scenario of a year (on time, late, never signs, extension,
 * dissolution), played by the simulator (`twinning simulate`: the real workflows and activities on the
 * time-skipping test server) with one pair per scenario; its size does not depend on `--pairs`.
 *
 * The minimum of a scenario is counted from its own history, as the events any workflow needs for what
 * happened in it under Temporal's event model: the start and the close (2); per timer that fired, its
 * TimerStarted and TimerFired (2); per Update accepted, Accepted and Completed (2); per activity run, Scheduled,
 * Started and Completed (3; each asks for the units' evaluation, or sends an e-mail that the read-model write's
 * first attempt did not settle); and one workflow task (Scheduled, Started, Completed: 3) per wake-up — the
 * start, each fired timer, each Update, each activity result. Everything else is our overhead: timers armed and
 * cancelled, search-attribute upserts, markers (local activities, among them the read-model writes that send
 * the e-mail, and patches), workflow tasks beyond one per wake-up.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { simulate } from '../simulate/run';
import { loadConfig } from '../worker/config';
import type { BenchContext, BenchmarkOutput } from './lib/context';
import { figure, type Figure } from './lib/report';
import { pairCode, writeRoster } from './lib/roster';

const EventType = temporal.api.enums.v1.EventType;

/** The plan and the needs proposal (O1, O2), submitted at 09:00 and 09:30 on `day`. */
function planned(day = '2026-02-20'): Array<Record<string, unknown>> {
  return [
    ev(`${day}T09:00`, 'recipient', 'plan', { summary: 'Kế hoạch', monitoringAssignment: 'Phó Chủ tịch xã' }),
    ev(`${day}T09:30`, 'recipient', 'needs-proposal', { summary: 'Đề xuất nhu cầu' }),
  ];
}

/** Both signatures of O3, the sponsor's first. */
function signed(sponsorDay: string, recipientDay: string): Array<Record<string, unknown>> {
  return [
    ev(`${sponsorDay}T14:00`, 'sponsor', 'sign', { signedOn: sponsorDay, signatoryName: 'Giám đốc Sở' }),
    ev(`${recipientDay}T14:00`, 'recipient', 'sign', {
      signedOn: recipientDay,
      signatoryName: 'Chủ tịch UBND xã',
    }),
  ];
}

/** Both year-end reports (O5, O6). */
function reported(sponsorDay: string, recipientDay: string): Array<Record<string, unknown>> {
  return [
    ev(`${sponsorDay}T09:00`, 'sponsor', 'sponsor-report', { summary: 'Sơ kết', assessment: 'Tốt' }),
    ev(`${recipientDay}T09:00`, 'recipient', 'recipient-report', { summary: 'Kết quả', assessment: 'Tốt' }),
  ];
}

/** The scenarios, one pair each (the generated roster's first five pairs), and their events. */
const SCENARIOS: ReadonlyArray<{ name: string; events: ReadonlyArray<Record<string, unknown>> }> = [
  {
    name: 'on time',
    events: [
      ...planned(),
      ...signed('2026-03-20', '2026-03-23'),
      ev('2026-05-15T10:00', 'sponsor', 'progress', PROGRESS()),
      ...reported('2026-12-07', '2026-12-08'),
    ],
  },
  {
    // O2, O3, O5 and O6 after their due dates: reminded and escalated at every level before each submission.
    name: 'late',
    events: [
      ev('2026-02-27T09:00', 'recipient', 'plan', {
        summary: 'Kế hoạch',
        monitoringAssignment: 'Phó Chủ tịch xã',
      }),
      ev('2026-03-12T09:30', 'recipient', 'needs-proposal', { summary: 'Đề xuất nhu cầu (muộn)' }),
      ...signed('2026-04-10', '2026-04-14'),
      ...reported('2026-12-22', '2026-12-28'),
    ],
  },
  { name: 'never signs', events: planned() },
  {
    name: 'extension',
    events: [
      ...planned(),
      ev('2026-03-25T09:00', 'admin', 'extend', {
        obligation: 'O3',
        newDate: '2026-04-30',
        reason: 'Chờ ngân sách',
      }),
      ...signed('2026-04-20', '2026-04-22'),
      ...reported('2026-12-07', '2026-12-08'),
    ],
  },
  {
    name: 'dissolution',
    events: [...planned(), ev('2026-05-04T09:00', 'admin', 'dissolve', { reason: 'Sáp nhập xã' })],
  },
];

function ev(at: string, as: string, action: string, data: Record<string, unknown>): Record<string, unknown> {
  return { at: `${at}:00+07:00`, as, action, data };
}

function PROGRESS(): Record<string, unknown> {
  return {
    category: 'SOCIO_ECONOMIC',
    households: 24,
    amountDong: '150000000',
    modelsBuilt: 1,
    modelsReplicated: 0,
    studyTours: 1,
    description: 'Trao bò giống',
  };
}

/** The ceiling of events per pair-year, and of the ratio to the minimum (the goals). */
const MAX_EVENTS = 300;
const MAX_RATIO = 1.3;

/** Event counts of one history by type name (`TIMER_FIRED`, …). */
export function countByType(types: readonly number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of types) {
    const name = (EventType[type] ?? String(type)).replace(/^EVENT_TYPE_/, '');
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** The minimum of a history's scenario (see the file's comment) from its counts by type. */
export function minimumEvents(counts: Readonly<Record<string, number>>): number {
  const n = (name: string) => counts[name] ?? 0;
  const closed =
    n('WORKFLOW_EXECUTION_COMPLETED') +
    n('WORKFLOW_EXECUTION_FAILED') +
    n('WORKFLOW_EXECUTION_CONTINUED_AS_NEW') +
    n('WORKFLOW_EXECUTION_TERMINATED');
  const timers = n('TIMER_FIRED');
  const updates = n('WORKFLOW_EXECUTION_UPDATE_ACCEPTED');
  const signals = n('WORKFLOW_EXECUTION_SIGNALED');
  const activities = n('ACTIVITY_TASK_SCHEDULED');
  const wakeUps = 1 + timers + updates + signals + activities;
  return 1 + closed + 2 * timers + 2 * updates + signals + 3 * activities + 3 * wakeUps;
}

/** Runs B3. */
export async function runB3(ctx: BenchContext): Promise<BenchmarkOutput> {
  const rosterFile = await writeRoster(ctx.dir, SCENARIOS.length);
  const scenarioFile = path.join(ctx.dir, 'b3-scenario.json');
  await fs.writeFile(
    scenarioFile,
    JSON.stringify({
      year: 2026,
      roster: path.basename(rosterFile),
      events: SCENARIOS.flatMap((s, i) => s.events.map((e) => ({ ...e, pair: pairCode(i) }))),
    }),
  );
  const histories: Record<string, Record<string, number>> = {};
  const bar = ctx.phase(
    'B3 simulated year, 5 scenarios',
    SCENARIOS.reduce((n, s) => n + s.events.length, 0),
  );
  await simulate(scenarioFile, {
    config: loadConfig({}),
    onProgress: (done) => bar.update(done),
    async beforeTeardown(sandbox) {
      for (const [i, scenario] of SCENARIOS.entries()) {
        const history = await sandbox.client.workflow
          .getHandle(`twinning-cycle:${pairCode(i)}:2026`)
          .fetchHistory();
        histories[scenario.name] = countByType((history.events ?? []).map((e) => Number(e.eventType ?? 0)));
      }
    },
  });
  bar.stop();
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const scenario of SCENARIOS) {
    const counts = histories[scenario.name]!;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const minimum = minimumEvents(counts);
    figures.push(
      figure({
        name: `events per pair-year: ${scenario.name}`,
        unit: 'events',
        ours: total,
        floor: minimum,
        better: 'count',
        goal: { of: 'ratio', op: '<=', value: MAX_RATIO },
        note: `≤ ${MAX_EVENTS} per pair-year: ${total <= MAX_EVENTS ? 'yes' : 'NO'}`,
      }),
    );
    details[scenario.name] = { total, minimum, byType: counts };
  }
  figures.push(
    figure({
      name: 'events per pair-year, largest scenario',
      unit: 'events',
      ours: Math.max(...figures.map((f) => f.ours)),
      better: 'count',
      goal: { of: 'ours', op: '<=', value: MAX_EVENTS },
    }),
  );
  return { figures, details };
}
