/**
 * `twinning simulate` end to end: the real workflows and activities on the time-skipping server, a throw-away
 * PGlite database and a local SMTP catcher (simulate/sandbox.ts). The live database named by the
 * configuration is never touched. Also: the scenario file's problems, each named from the catalogue, and the
 * request each event sends.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDateTime } from '../../domain/format';
import { bilingual } from '../../domain/messages';
import { simulate, type SimulationResult } from '../../simulate/run';
import {
  readScenario,
  requestOf,
  ScenarioError,
  type ScenarioEvent,
  type TimelineLine,
} from '../../simulate/scenario';
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
    // The event reaches its cycle at its business time or a moment after, never a moment before.
    const lateByMs = Date.parse(rated!.at) - Date.parse('2027-01-12T09:00:00+07:00');
    expect(lateByMs).toBeGreaterThanOrEqual(0);
    expect(lateByMs).toBeLessThan(5_000);
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
        `Kịch bản ${roster} không hợp lệ / Invalid scenario ${roster}:`,
        '  Thiếu trường bắt buộc «year». / The required field "year" is missing.',
        '  Thiếu trường bắt buộc «roster». / The required field "roster" is missing.',
        '  Trường «units» không có trong định dạng kịch bản. / The field "units" is not part of the scenario format.',
        '  Trường «pairs» không có trong định dạng kịch bản. / The field "pairs" is not part of the scenario format.',
      ].join('\n'),
    );
    // One problem of each kind, in the year, the policy, the events and an unknown key.
    expect(
      await refusalOf({
        year: 1999,
        policy: 'sometimes',
        extra: true,
        events: [
          { at: '2026-02-20 09:00', pair: 'P01', as: 'chairman', action: 'needs-proposal' },
          { at: '2026-02-20T09:00:00+07:00', pair: '', as: 'admin', action: 'approve', data: 5 },
        ],
      }),
    ).toEqual([
      '  Trường «year» phải là một năm, số nguyên từ 2000 đến 2100. / The field "year" must be a year, a whole number from 2000 to 2100.',
      '  Thiếu trường bắt buộc «roster». / The required field "roster" is missing.',
      '  Trường «policy» phải là một trong các giá trị: roll-forward, fixed. / The field "policy" must be one of: roll-forward, fixed.',
      '  Trường «events.0.at» phải là một thời điểm ISO có múi giờ, ví dụ 2026-02-20T09:00:00+07:00. / The field "events.0.at" must be an ISO instant with its offset, e.g. 2026-02-20T09:00:00+07:00.',
      '  Trường «events.0.as» phải là một trong các giá trị: sponsor, recipient, admin. / The field "events.0.as" must be one of: sponsor, recipient, admin.',
      '  Trường «events.1.pair» phải là mã một cặp kết nghĩa trong danh mục. / The field "events.1.pair" must be the code of a pair in the roster.',
      '  Trường «events.1.action» phải là một trong các giá trị: plan, needs-proposal, sign, progress, sponsor-report, recipient-report, extend, waive, resend, dissolve, rating. / The field "events.1.action" must be one of: plan, needs-proposal, sign, progress, sponsor-report, recipient-report, extend, waive, resend, dissolve, rating.',
      '  Trường «events.1.data» phải là một đối tượng JSON. / The field "events.1.data" must be a JSON object.',
      '  Trường «extra» không có trong định dạng kịch bản. / The field "extra" is not part of the scenario format.',
    ]);
  });

  it('names a wrong type, a day that does not exist, a list and an event that are not, and an unknown event field', async () => {
    expect(
      await refusalOf({
        year: '2026',
        roster: 'roster.json',
        start: '2026-02-30T00:05:00+07:00',
        until: 20270201,
        events: [
          'plan',
          {
            at: '2026-02-20T09:00:00Z',
            pair: 'P01',
            as: 'recipient',
            action: 'plan',
            when: 'tomorrow',
          },
        ],
      }),
    ).toEqual([
      '  Trường «year» phải là một năm, số nguyên từ 2000 đến 2100. / The field "year" must be a year, a whole number from 2000 to 2100.',
      '  Trường «start» phải là một thời điểm ISO có múi giờ, ví dụ 2026-02-20T09:00:00+07:00. / The field "start" must be an ISO instant with its offset, e.g. 2026-02-20T09:00:00+07:00.',
      '  Trường «until» phải là một thời điểm ISO có múi giờ, ví dụ 2026-02-20T09:00:00+07:00. / The field "until" must be an ISO instant with its offset, e.g. 2026-02-20T09:00:00+07:00.',
      '  Trường «events.0» phải là một đối tượng JSON. / The field "events.0" must be a JSON object.',
      '  Trường «events.1.when» không có trong định dạng kịch bản. / The field "events.1.when" is not part of the scenario format.',
    ]);
    expect(await refusalOf({ year: 2026, roster: 'roster.json', events: {} })).toEqual([
      '  Trường «events» phải là một danh sách (mảng JSON). / The field "events" must be a list (a JSON array).',
    ]);
    expect(await refusalOf([{ year: 2026 }])).toEqual([
      '  Kịch bản phải là một đối tượng JSON có các trường year, roster và events. / A scenario must be a JSON object with the fields year, roster and events.',
    ]);
  });

  it('refuses a file that is not JSON, naming the file', async () => {
    const file = path.join(os.tmpdir(), `simulate-not-json-${process.pid}.json`);
    await fs.writeFile(file, '{ "year": 2026,');
    try {
      expect(await scenarioRefusal(file)).toMatch(
        new RegExp(
          `^Không đọc được kịch bản ${escape(file)}: .+ / Cannot read the scenario ${escape(file)}: .+$`,
        ),
      );
    } finally {
      await fs.rm(file, { force: true });
    }
  });
});

/** Escapes a text for a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The problem lines of a scenario written to a temporary file (the heading naming the file checked too). */
async function refusalOf(scenario: unknown): Promise<string[]> {
  const file = path.join(os.tmpdir(), `simulate-bad-${process.pid}.json`);
  await fs.writeFile(file, JSON.stringify(scenario));
  try {
    const [heading, ...lines] = (await scenarioRefusal(file)).split('\n');
    expect(heading).toBe(`Kịch bản ${file} không hợp lệ / Invalid scenario ${file}:`);
    return lines;
  } finally {
    await fs.rm(file, { force: true });
  }
}

describe('the request of each scenario event', () => {
  const event = (fields: Pick<ScenarioEvent, 'as' | 'action'> & Partial<ScenarioEvent>): ScenarioEvent => ({
    at: '2026-02-20T09:00:00+07:00',
    pair: 'P01',
    data: {},
    ...fields,
  });

  it('sends a submission as the submit Update for its obligation and side', () => {
    expect(requestOf(event({ as: 'recipient', action: 'sign', data: { signatoryName: 'A' } }))).toEqual({
      update: 'submit',
      args: [
        { obligation: 'O3', side: 'recipient', actor: 'simulate:recipient', data: { signatoryName: 'A' } },
      ],
    });
    expect(requestOf(event({ as: 'sponsor', action: 'progress', data: { households: 3 } }))).toEqual({
      update: 'progress',
      args: [{ side: 'sponsor', actor: 'simulate:sponsor', data: { households: 3 } }],
    });
  });

  it("passes an administrator's fields on as text, optional ones only when given", () => {
    expect(
      requestOf(
        event({
          as: 'admin',
          action: 'extend',
          data: { obligation: 'O2', newDate: '2026-03-31', reason: 5 },
        }),
      ),
    ).toEqual({
      update: 'extend',
      args: [{ actor: 'simulate:admin', obligation: 'O2', newDate: '2026-03-31', reason: '5' }],
    });
    expect(
      requestOf(
        event({ as: 'admin', action: 'rating', data: { sponsorRating: 'Tốt', decisionNumber: '12/QĐ' } }),
      ),
    ).toEqual({
      update: 'rate',
      args: [{ actor: 'simulate:admin', sponsorRating: 'Tốt', recipientRating: '', decisionNumber: '12/QĐ' }],
    });
    expect(requestOf(event({ as: 'admin', action: 'dissolve', data: { reason: 'Sáp nhập' } }))).toEqual({
      update: 'dissolve',
      args: [{ actor: 'simulate:admin', reason: 'Sáp nhập' }],
    });
  });

  it('refuses an event that cannot be sent, in both languages', () => {
    expect(() => requestOf(event({ as: 'admin', action: 'plan' }))).toThrow(
      new ScenarioError(
        '«plan» do đơn vị giúp đỡ hoặc đơn vị được giúp đỡ thực hiện, không phải quản trị viên. / "plan" is done by a sponsor or a recipient, not by the administrator.',
      ),
    );
    expect(() => requestOf(event({ as: 'admin', action: 'waive', data: { obligation: 'O9' } }))).toThrow(
      new ScenarioError('«waive» cần data.obligation (O1…O7) / "waive" needs data.obligation (O1…O7)'),
    );
  });
});
