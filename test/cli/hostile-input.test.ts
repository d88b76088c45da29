/**
 * Hostile command lines, property-based (fast-check): the `twinning` program run in-process (`runProgram`) on a
 * real test database, with commands and options of its own and values an attacker or a tired official would
 * type — markup, formulas, control characters, impossible dates and years, missing and extra arguments. The
 * outcome is always exit code 0, or exit code 1 or 2 with a message of the catalogue in both languages, and
 * never a stack trace. Commands that send e-mail, migrate or write report files are left out (they would
 * reach outside the test); the Temporal ones meet the real refusal of a data folder without a payload key.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import fc from 'fast-check';
import type { CliDeps } from '../../cli/deps';
import { runProgram } from '../../cli/main';
import { connectClient } from '../../system/temporal-connection';
import { loadConfig, type AppConfig } from '../../worker/config';
import { bilingual } from '../../domain/messages';
import { MESSAGE_KEYS, messagePattern } from '../support/catalogue';
import { createTestDatabase, tableDigests, type TestDatabase } from '../support/db';

let db: TestDatabase;
let dataDir: string;
let config: AppConfig;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'twinning-cli-hostile-'));
  // Embedded defaults on ports nothing here listens on: `restore` finds no running system, and the data folder
  // has no payload key, so a command that needs Temporal is refused before it connects.
  config = loadConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: '1', EMBEDDED_TEMPORAL_PORT: '2' });
});

afterAll(async () => {
  await db?.drop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** Whether `text` holds a message of the catalogue in Vietnamese then English, its parameters filled. */
const CATALOGUE_PATTERNS = MESSAGE_KEYS.map((key) => messagePattern(key, false));
function holdsCatalogueMessage(text: string): boolean {
  return CATALOGUE_PATTERNS.some((p) => p.test(text));
}

/** A frame of a stack trace as Node prints it. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

async function run(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  let temporal: Promise<Client> | undefined;
  const deps: CliDeps = {
    config,
    getPrisma: () => Promise.resolve(db.prisma),
    getTemporal: () => (temporal ??= connectClient(config)),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => new Date('2026-03-10T02:00:00.000Z'),
  };
  const code = await runProgram(deps, ['node', 'twinning', ...argv]);
  await (await temporal?.catch(() => undefined))?.connection.close();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Commands as an official types them; those that would reach outside the test are left out (see above). */
const COMMANDS: readonly (readonly string[])[] = [
  ['roster', 'list'],
  ['roster', 'import'],
  ['calendar', 'show'],
  ['calendar', 'holidays', 'list'],
  ['calendar', 'holidays', 'add'],
  ['calendar', 'holidays', 'remove'],
  ['cycle', 'status'],
  ['cycle', 'show'],
  ['cycle', 'open'],
  ['cycle', 'extend'],
  ['cycle', 'waive'],
  ['cycle', 'resend'],
  ['cycle', 'dissolve'],
  ['cycle', 'end-period'],
  ['unit', 'show'],
  ['unit', 'factors'],
  ['unit', 'rate'],
  ['evaluate'],
  ['mail', 'failures'],
  ['mail', 'outbox'],
  ['simulate'],
  ['backup'],
  ['restore'],
  ['cycle'],
  [],
];

const FLAGS = [
  '--year',
  '--json',
  '--phase',
  '--overdue',
  '--policy',
  '--obligation',
  '--date',
  '--reason',
  '--decision',
  '--successor',
  '--last-day',
  '--rating',
  '--text',
  '--limit',
  '--dry-run',
  '--name',
  '--kind',
  '--actor',
  '--',
  '-x',
  '--nope',
];

/** Values an attacker or a tired official would type. */
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    '2026',
    '2000',
    '2100',
    '1999',
    '20x6',
    '02026',
    '2026-02-30',
    '2026-13-01',
    '31/12/2026',
    '2026-03-15',
    '0',
    '-1',
    '1e9',
    'NaN',
    'O1',
    'O9',
    'Tốt',
    'HOLIDAY',
    'closed',
    'KN-2020-01',
    'P01',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://evil.example","x")',
    '@SUM(A1)',
    '../../etc/passwd',
    '/',
    '.',
    '',
    ' ',
    '\u0000',
    '\u202e',
    'x'.repeat(5000),
  ),
);

const argv = fc
  .tuple(fc.constantFrom(...COMMANDS), fc.array(fc.oneof(fc.constantFrom(...FLAGS), value), { maxLength: 8 }))
  .map(([command, args]) => [...command, ...args]);

describe('twinning on hostile command lines', () => {
  it('exits 0, or 1–2 with a bilingual catalogue message, never with a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const { code, out, err } = await run(args);
        expect([0, 1, 2]).toContain(code);
        expect(`${out}\n${err}`).not.toMatch(STACK_FRAME);
        if (code !== 0 && !holdsCatalogueMessage(err)) {
          throw new Error(`exit code ${code} without a catalogue message:\n${err}`);
        }
      }),
      { numRuns: 250 },
    );
  });

  it.each([
    [['cycle', 'show', 'KN-01'], "Thiếu tùy chọn bắt buộc (required option '--year <year>' not specified)."],
    [['cycle', 'status', '--year', '20x6'], 'Năm «20x6» không hợp lệ'],
    [['nope'], "Không có lệnh này (unknown command 'nope'). Xem `twinning --help`."],
    [['roster', 'list', '--bogus'], "Lệnh không có tùy chọn này (unknown option '--bogus')."],
    [['backup', 'a', 'b'], 'Lệnh nhận ít đối số hơn'],
    [['cycle'], 'Hãy chọn một lệnh con trong danh sách trên. / Choose one of the subcommands listed above.'],
  ])('%j is refused with code 1 and its message', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(1);
    expect(err).toContain(message);
  });

  it.each([
    [['calendar', 'holidays', 'add', '01/05/2026', '--name', 'Lễ\u0000'], 6, 'Lễ\\0'],
    [['unit', 'factors', 'QN-SNN', '--year', '2026', '--text', 'Tích cực \ud800'], 7, 'Tích cực \ufffd'],
    [
      [
        'cycle',
        'extend',
        'P01',
        '--year',
        '2026',
        '--obligation',
        'O1',
        '--date',
        '2026-05-01',
        '--reason',
        '\u0000',
      ],
      11,
      '\\0',
    ],
    [['roster', 'import', 'roster.json', '--actor', 'cli:\u0000'], 5, 'cli:\\0'],
    [
      ['roster', 'merge', '--into', 'A', '--from', 'B', '--on', '2026-07-01', '--reason', 'x\u0000'],
      10,
      'x\\0',
    ],
  ])(
    '%j: a NUL or a lone surrogate in an argument is refused before anything runs',
    async (args, position, shown) => {
      const before = await tableDigests(db.prisma, [
        'Unit',
        'Pair',
        'CalendarDay',
        'AuditEvent',
        'UnitEvaluation',
      ]);
      const { code, out, err } = await run(args);
      expect({ code, out, err }).toEqual({
        code: 1,
        out: '',
        err: bilingual('cli.unstorableArgument', { position, shown }),
      });
      expect(
        await tableDigests(db.prisma, ['Unit', 'Pair', 'CalendarDay', 'AuditEvent', 'UnitEvaluation']),
      ).toEqual(before);
    },
  );

  it('refuses a scenario holding a NUL or a lone surrogate before anything runs, naming each field', async () => {
    const file = path.join(dataDir, 'nul-scenario.json');
    await fs.writeFile(
      file,
      JSON.stringify({
        year: 2026,
        roster: 'roster.json',
        events: [
          {
            at: '2026-02-20T09:00:00+07:00',
            pair: 'P01',
            as: 'recipient',
            action: 'needs-proposal',
            data: { summary: 'Nhu cầu\u0000', 'ghi\ud800chú': 'x' },
          },
        ],
      }),
    );
    const { code, err } = await run(['simulate', file]);
    expect({ code, err }).toEqual({
      code: 1,
      err: [
        `${bilingual('simulate.invalid', { file })}:`,
        `  ${bilingual('simulate.invalid.unstorable', { field: 'events.0.data.ghi\ud800chú' })}`,
        `  ${bilingual('simulate.invalid.unstorable', { field: 'events.0.data.summary' })}`,
      ].join('\n'),
    });
  });
});
