/**
 * `twinning simulate` end to end: the real workflows and activities on the time-skipping server, a throw-away
 * PGlite database and a local SMTP catcher. The live database named by the configuration is never touched.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDateTime } from '../../domain/format';
import { bilingual } from '../../domain/messages';
import {
  readScenario,
  simulate,
  ScenarioError,
  type SimulationResult,
  type TimelineLine,
} from '../../services/simulate';
import { loadConfig } from '../../worker/config';
import { createTestDatabase, type TestDatabase } from '../support/db';

let live: TestDatabase;
let timeline: TimelineLine[];
let result: SimulationResult;
const reportFile = path.join(os.tmpdir(), `simulate-report-${process.pid}.html`);

beforeAll(async () => {
  live = await createTestDatabase();
  result = await simulate(path.join(__dirname, 'scenario.json'), {
    config: loadConfig({ DATABASE_URL: live.url }),
    reportFile,
  });
  timeline = result.timeline;
}, 300_000);

afterAll(async () => {
  await live?.drop();
});

const local = (line: TimelineLine): string => formatDateTime(line.at);

/** The refusal of a scenario file, which must be a ScenarioError. */
async function scenarioRefusal(file: string): Promise<string> {
  try {
    await readScenario(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

describe('twinning simulate', () => {
  it('prints lines of the documented shape, in time order', () => {
    expect(timeline.length).toBeGreaterThan(20);
    for (const line of timeline) {
      expect(Object.keys(line).sort()).toEqual(['at', 'detail', 'kind', 'level', 'obligation', 'pair', 'to']);
    }
    const instants = timeline.map((l) => l.at);
    expect([...instants].sort()).toEqual(instants);
  });

  it('shows reminders, the escalations of a pair that misses O2 with their recipients, and phase changes', () => {
    const p02 = timeline.filter((l) => l.pair === 'P02');
    const escalations = p02.filter((l) => l.kind === 'escalation' && l.obligation === 'O2');
    expect(escalations.map((l) => [local(l), l.level])).toEqual([
      ['03/03/2026 08:00', 1],
      ['09/03/2026 08:00', 2],
    ]);
    expect(escalations[0]!.to).toEqual(expect.arrayContaining(['ban-dan-toc@simulation.invalid']));
    expect(escalations[1]!.to).toEqual(expect.arrayContaining(['ubnd-tinh@simulation.invalid']));
    const reminder = p02.find((l) => l.kind === 'reminder' && l.obligation === 'O2');
    expect([local(reminder!), reminder!.to]).toEqual(['16/02/2026 08:00', ['ubnd@dacpre.example.gov.vn']]);
    expect(p02.some((l) => l.kind === 'phaseChanged' && l.detail.includes('"to":"agreement"'))).toBe(true);
  });

  it('shows every rejection with the message an official reads', () => {
    const rejected = timeline.filter((l) => l.kind === 'rejected');
    expect(rejected.map((l) => [l.pair, local(l), l.detail])).toEqual([
      [
        'P01',
        '21/02/2026 10:00',
        'sponsor needs-proposal: Đơn vị giúp đỡ không phải bên thực hiện «đề xuất nhu cầu» (O2). / The sponsor is not the party that submits the needs proposal (O2).',
      ],
      [
        'P02',
        '22/02/2026 10:00',
        `recipient progress: ${bilingual('cycle.wrongPhase', {
          actionVi: 'cập nhật tiến độ',
          actionEn: 'enter progress',
          phaseVi: 'Đề xuất nhu cầu',
          phaseEn: 'needs proposal',
        })}`,
      ],
    ]);
  });

  it('ends the compliant pair rated and closed', () => {
    const p01 = timeline.filter((l) => l.pair === 'P01');
    expect(p01.filter((l) => l.kind === 'escalation')).toEqual([]);
    const rated = p01.find((l) => l.kind === 'rated');
    expect(local(rated!)).toBe('12/01/2027 09:00');
    expect(p01.some((l) => l.kind === 'phaseChanged' && l.detail.includes('"to":"closed"'))).toBe(true);
  });

  it('ends the year with ratings proposed for both sides of every cycle, and writes the summary', async () => {
    expect(result.evaluations.map((e) => [e.pair, e.side])).toEqual([
      ['P01', 'SPONSOR'],
      ['P01', 'RECIPIENT'],
      ['P02', 'SPONSOR'],
      ['P02', 'RECIPIENT'],
    ]);
    expect(result.evaluations.every((e) => e.proposed !== null)).toBe(true);
    expect(result.evaluations.filter((e) => e.pair === 'P01').map((e) => e.final)).toEqual(['TOT', 'TOT']);
    const html = await fs.readFile(reportFile, 'utf8');
    expect(html).toContain('Xã La Dêê');
    expect(html).toContain('Sở Nông nghiệp và Phát triển nông thôn');
    await fs.rm(reportFile, { force: true });
  });

  it('never touches the live database', async () => {
    expect(await live.prisma.unit.count()).toBe(0);
    expect(await live.prisma.cycle.count()).toBe(0);
  });

  it('refuses a malformed scenario with every problem named', async () => {
    // A roster given where a scenario is expected.
    const roster = path.join(__dirname, 'roster.json');
    expect(await scenarioRefusal(roster)).toBe(
      [
        `Kịch bản không hợp lệ / Invalid scenario ${roster}:`,
        '  year: Invalid input: expected number, received undefined',
        '  roster: Invalid input: expected string, received undefined',
        '  (root): Unrecognized keys: "units", "pairs"',
      ].join('\n'),
    );
    // One problem of each kind, in the year, the policy, the events and an unknown key.
    const bad = path.join(os.tmpdir(), `simulate-bad-${process.pid}.json`);
    await fs.writeFile(
      bad,
      JSON.stringify({
        year: 1999,
        policy: 'sometimes',
        extra: true,
        events: [
          { at: '2026-02-20 09:00', pair: 'P01', as: 'chairman', action: 'needs-proposal' },
          { at: '2026-02-20T09:00:00+07:00', pair: '', as: 'admin', action: 'approve', data: 5 },
        ],
      }),
    );
    try {
      expect(await scenarioRefusal(bad)).toBe(
        [
          `Kịch bản không hợp lệ / Invalid scenario ${bad}:`,
          '  year: Too small: expected number to be >=2000',
          '  roster: Invalid input: expected string, received undefined',
          '  policy: Invalid option: expected one of "roll-forward"|"fixed"',
          '  events.0.at: must be an ISO instant with its offset, e.g. 2026-02-20T09:00:00+07:00',
          '  events.0.as: Invalid option: expected one of "sponsor"|"recipient"|"admin"',
          '  events.1.pair: Too small: expected string to have >=1 characters',
          '  events.1.action: Invalid option: expected one of "plan"|"needs-proposal"|"sign"|"progress"|"sponsor-report"|"recipient-report"|"extend"|"waive"|"resend"|"dissolve"|"rating"',
          '  events.1.data: Invalid input: expected record, received number',
          '  (root): Unrecognized key: "extra"',
        ].join('\n'),
      );
    } finally {
      await fs.rm(bad, { force: true });
    }
  });
});
