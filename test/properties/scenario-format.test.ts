/**
 * The scenario format of `twinning simulate`, property-based (fast-check): any file content — not JSON, any
 * JSON value, or a valid scenario with hostile values put into its fields — is either accepted, each of its
 * events then turned into a request or refused, or refused before anything runs with the catalogue's heading
 * and one catalogue line per problem, in both languages. Nothing else is ever thrown. Only reads files it
 * writes into a folder of its own; no service starts.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { CYCLE_YEARS } from '../../domain/cycle/years';
import { bilingual } from '../../domain/messages';
import { readScenario, requestOf, SCENARIO_ACTIONS, ScenarioError } from '../../simulate/scenario';
import { MESSAGE_KEYS, messagePattern } from '../support/catalogue';

let dir: string;
let counter = 0;
/** How the runs ended, so the property is seen to reach both sides. */
const seen = { accepted: 0, refused: 0, requests: 0, eventRefusals: 0 };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'twinning-scenario-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const HEADING = messagePattern('simulate.invalid');
const UNREADABLE = messagePattern('simulate.unreadable');
const PROBLEM_KEYS = MESSAGE_KEYS.filter((k) => k.startsWith('simulate.invalid.'));
const PROBLEMS = PROBLEM_KEYS.map((key) => messagePattern(key));
const EVENT_REFUSALS = MESSAGE_KEYS.filter((k) => k.startsWith('simulate.event.')).map((key) =>
  messagePattern(key),
);

/** Text an attacker would try in any field. */
const hostile = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '=HYPERLINK("http://evil.example")',
    '2026-02-30T09:00:00+07:00',
    '2026-02-20T25:00:00+07:00',
    '2026-02-20',
    '../../etc/passwd',
    '\u0000',
    '',
  ),
);
const anyValue = fc.oneof(
  hostile,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

const validEvent = {
  at: '2026-02-20T09:00:00+07:00',
  pair: 'P01',
  as: 'recipient',
  action: 'needs-proposal',
  data: { summary: 'Nhu cầu' },
};
const valid = { year: 2026, roster: 'roster.json', policy: 'roll-forward', events: [validEvent] };
const FIELDS = ['year', 'roster', 'policy', 'start', 'until', 'events', 'extra'] as const;
const EVENT_FIELDS = ['at', 'pair', 'as', 'action', 'data', 'extra'] as const;

/** A valid scenario with hostile values put into some of its fields and its event's fields and data. */
const mutated = fc
  .record({
    top: fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 3 }),
    event: fc.dictionary(fc.constantFrom(...EVENT_FIELDS), anyValue, { maxKeys: 2 }),
    action: fc.constantFrom(...SCENARIO_ACTIONS),
    as: fc.constantFrom('sponsor', 'recipient', 'admin'),
    data: fc.dictionary(
      fc.constantFrom(
        'summary',
        'obligation',
        'newDate',
        'reason',
        'sponsorRating',
        'category',
        'amountDong',
      ),
      anyValue,
      { maxKeys: 4 },
    ),
  })
  .map(({ top, event, action, as, data }) => ({
    ...valid,
    events: [{ ...validEvent, action, as, data, ...event }],
    ...top,
  }));

const content = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  mutated.map((v) => JSON.stringify(v)),
);

async function outcome(text: string): Promise<void> {
  const file = path.join(dir, `scenario-${(counter += 1)}.json`);
  await fs.writeFile(file, text);
  let read: Awaited<ReturnType<typeof readScenario>>;
  try {
    read = await readScenario(file);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const [heading, ...problems] = error.message.split('\n');
    seen.refused += 1;
    if (UNREADABLE.test(error.message)) return;
    expect(heading).toMatch(HEADING);
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) {
      if (!PROBLEMS.some((p) => p.test(line.trim()))) throw new Error(`not a catalogue problem: ${line}`);
    }
    return;
  }
  seen.accepted += 1;
  expect(read.rosterPath).toBe(path.resolve(dir, read.scenario.roster));
  for (const event of read.scenario.events) {
    try {
      const request = requestOf(event);
      expect(typeof request).toBe('object');
      seen.requests += 1;
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      seen.eventRefusals += 1;
      if (!EVENT_REFUSALS.some((p) => p.test(error.message)))
        throw new Error(`not a catalogue refusal: ${error.message}`);
    }
  }
}

describe('the scenario format under hostile input', () => {
  it('accepts, or refuses with one catalogue line per problem; never throws anything else', async () => {
    await fc.assert(fc.asyncProperty(content, outcome), { numRuns: 400 });
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.requests).toBeGreaterThan(0);
    expect(seen.eventRefusals).toBeGreaterThan(0);
  });

  it('names the field of each problem', async () => {
    const file = path.join(dir, 'named.json');
    await fs.writeFile(
      file,
      JSON.stringify({ ...valid, year: '2026', events: [{ ...validEvent, at: 'soon' }] }),
    );
    await expect(readScenario(file)).rejects.toThrow(
      new ScenarioError(
        [
          `${bilingual('simulate.invalid', { file })}:`,
          `  ${bilingual('simulate.invalid.year', { field: 'year', ...CYCLE_YEARS })}`,
          `  ${bilingual('simulate.invalid.instant', { field: 'events.0.at' })}`,
        ].join('\n'),
      ),
    );
  });
});
