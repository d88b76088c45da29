/**
 * Hostile roster files, property-based (fast-check), through both doors a roster comes in: `twinning roster
 * import` (run in-process on files on disk) and the web's dry run and confirmation (`/api/v1/roster/…`, signed in
 * as an administrator), on a real PostgreSQL. Each case is a valid roster in one of the three formats (.xlsx, two
 * .csv, .json) with its content known, written with the many spellings the formats allow and then spoiled in a
 * few ways: headers missing, repeated, unknown or marked up; cells of the wrong type, empty, oversized, holding a
 * NUL, a control character, a formula or markup; a BOM, a legacy encoding, a wrong delimiter, a cut or corrupt
 * file; thousands of rows; codes repeated, units a pair names that do not exist. The outcome is always one of two:
 *
 * - accepted, and the database then holds exactly the roster's content (every unit and pair of the file as
 *   written, the others as they were);
 * - refused with every problem as a message of the catalogue in Vietnamese and English, its parameters the
 *   file's own text or the product's words (never a library's error text, never a stack), and nothing at all
 *   written (every table's row count and digest as before).
 *
 * A spoiler that must be refused says so, and one that must be accepted too; the case's expected outcome follows.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { CliDeps } from '../../cli/deps';
import { runProgram } from '../../cli/main';
import { t } from '../../domain/messages';
import { PAIR_COLUMNS, UNIT_COLUMNS } from '../../domain/roster';
import { UNIT_KINDS, type UnitKind } from '../../domain/units';
import { listRoster, type ListedRoster } from '../../roster/list';
import { loadConfig } from '../../worker/config';
import { tableDigests } from '../support/db';
import { catalogueKeysOf, expectClearMessage, expectClearText } from '../support/hostile';
import { startWebWorld, USERS, type Agent, type WebWorld } from '../support/web';

/** Cases per run: each one is an import through the CLI or the web, a few dozen queries. */
const RUNS = 70;
const YEAR = 2026;

// ---------------------------------------------------------------------------------------------------------------
// The content of a roster

interface Unit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent: string | null;
  readonly border: boolean;
  readonly staff: number | null;
  readonly emails: readonly { readonly email: string; readonly head: boolean }[];
  readonly from: string | null;
  readonly to: string | null;
  readonly successor: string | null;
}

interface Pair {
  readonly code: string;
  readonly sponsor: string;
  readonly recipient: string;
  readonly from: string;
  readonly to: string | null;
  readonly communes: readonly string[];
}

/** The units every case has, with their kind and parent; XA-2 may be merged into XA-3. */
const UNIT_SHAPES: readonly Pick<Unit, 'code' | 'kind' | 'parent'>[] = [
  { code: 'SO-A', kind: 'DEPARTMENT', parent: null },
  { code: 'SO-B', kind: 'DEPARTMENT', parent: null },
  { code: 'H-DB', kind: 'LOWLAND_DISTRICT', parent: null },
  { code: 'P-HOA', kind: 'LOWLAND_COMMUNE', parent: null },
  { code: 'H-NG', kind: 'MOUNTAIN_DISTRICT', parent: null },
  { code: 'XA-1', kind: 'COMMUNE', parent: 'H-NG' },
  { code: 'XA-2', kind: 'COMMUNE', parent: 'H-NG' },
  { code: 'XA-3', kind: 'COMMUNE', parent: null },
];

/** The pairs a case may have (any of them): no two share both units, so none overlaps another. */
const PAIR_SHAPES: readonly Pick<Pair, 'code' | 'sponsor' | 'recipient'>[] = [
  { code: 'KN-1', sponsor: 'SO-A', recipient: 'XA-1' },
  { code: 'KN-2', sponsor: 'H-DB', recipient: 'H-NG' },
  { code: 'KN-3', sponsor: 'P-HOA', recipient: 'XA-3' },
  { code: 'KN-4', sponsor: 'SO-B', recipient: 'XA-1' },
];

/** Names as officials write them, and as an attacker would: every one valid, stored as written (NFC, trimmed). */
const unitName = fc.oneof(
  fc.constantFrom(
    'Sở Tài chính',
    'Xã La Dêê',
    'Huyện Nam Giang',
    'Phường Điện Bàn',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","Sở Y tế")',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    "Sở 'Y tế'",
    'Xã "Trà" Leng, A; B',
    '  Xã có khoảng trắng  ',
    'Xa\u0301 La De\u0302e\u0302', // decomposed, as typed on a Mac
    'Xã 🌾 Tây Giang',
    '\u202eXã đảo chiều',
    'Sở\tTab',
    'Dòng một\ndòng hai',
    'ắ'.repeat(200),
  ),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .filter((s) => s.normalize('NFC').trim() !== '' && [...s.normalize('NFC').trim()].length <= 200),
);

/** Control characters PostgreSQL stores (not NUL): a name holding one is either taken as written or refused. */
const controlName = fc.constantFrom('Xã\u0007chuông', 'Sở\u001b[31m đỏ', 'Xã\u007f', 'Xã\u0001\u0002');

const EMAILS = ['giamdoc', 'ketnghia', 'vanphong', 'chutich'];

/** A unit's addresses: distinct, any case (stored lower-case), the first perhaps the head. */
function emailsOf(code: string): fc.Arbitrary<Unit['emails']> {
  const domain = `${code.toLowerCase()}.example.gov.vn`;
  return fc
    .tuple(fc.subarray(EMAILS, { maxLength: 3 }), fc.boolean(), fc.boolean())
    .map(([locals, head, upper]) =>
      locals.map((local, i) => ({
        email: `${upper && i === 0 ? local.toUpperCase() : local}@${domain}`,
        head: head && i === 0,
      })),
    );
}

/** A calendar day from 2020 to 2026 as yyyy-mm-dd; now and then the first or last day of a year. */
const day = fc.oneof(
  fc.integer({ min: 2020, max: 2026 }).map((y) => `${y}-01-01`),
  fc.integer({ min: 2020, max: 2026 }).map((y) => `${y}-12-31`),
  fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2026-12-30T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
);

const unitsContent: fc.Arbitrary<Unit[]> = fc
  .tuple(
    ...UNIT_SHAPES.map((shape) =>
      fc.record({
        name: shape.code === 'SO-B' ? fc.oneof(unitName, controlName) : unitName,
        border: fc.boolean(),
        staff: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(null)),
        emails: emailsOf(shape.code),
      }),
    ),
    fc.boolean(),
  )
  .map(([...drawn]) => {
    const merged = drawn.pop() as boolean;
    return (drawn as { name: string; border: boolean; staff: number | null; emails: Unit['emails'] }[]).map(
      (d, i): Unit => {
        const shape = UNIT_SHAPES[i]!;
        const isDepartment = shape.kind === 'DEPARTMENT';
        return {
          ...shape,
          name: d.name,
          border: shape.kind === 'COMMUNE' && d.border,
          // A department must have its staff count; an empty cell of another unit leaves a stored count alone.
          staff: isDepartment ? (d.staff ?? 40) : d.staff,
          emails: d.emails,
          from: shape.code === 'XA-3' && merged ? '2025-07-01' : null,
          to: shape.code === 'XA-2' && merged ? '2025-06-30' : null,
          successor: shape.code === 'XA-2' && merged ? 'XA-3' : null,
        };
      },
    );
  });

const pairsContent: fc.Arbitrary<Pair[]> = fc
  .tuple(
    fc.subarray([...PAIR_SHAPES]),
    fc.array(fc.tuple(day, fc.oneof(fc.constant(null), day)), { minLength: 4, maxLength: 4 }),
    fc.constantFrom([], ['XA-2'], ['XA-1', 'XA-2'], ['XA-2', 'XA-1']),
  )
  .map(([shapes, periods, communes]) =>
    shapes.map((shape, i): Pair => {
      const [a, b] = periods[i]!;
      const [from, to] = b === null ? [a, null] : a <= b ? [a, b] : [b, a];
      return { ...shape, from, to, communes: shape.recipient === 'H-NG' ? communes : [] };
    }),
  );

// ---------------------------------------------------------------------------------------------------------------
// A roster as written: tables of cells

/** A cell as a file holds it: text, or a number, a truth value, a date, a formula, a list (JSON), any JSON value. */
type Cell =
  | string
  | number
  | boolean
  | Date
  | { readonly formula: string }
  | { readonly rich: readonly string[] }
  | readonly string[]
  | { readonly json: unknown };

interface Sheet {
  header: string[];
  rows: Cell[][];
}

interface Written {
  units: Sheet;
  pairs: Sheet;
}

/** How a case writes each value: choices drawn once per case. */
interface Spelling {
  readonly dates: 'iso' | 'vn' | 'short' | 'native';
  readonly years: boolean;
  readonly border: readonly [string, string];
  readonly emailSeparator: string;
  readonly headMarker: string;
  readonly numbers: boolean;
  readonly lists: boolean;
}

const spelling: fc.Arbitrary<Spelling> = fc.record({
  dates: fc.constantFrom('iso', 'vn', 'short', 'native'),
  years: fc.boolean(),
  border: fc.constantFrom(['true', 'false'], ['1', '0'], ['Có', 'không'], ['YES', ''], ['có', 'No']),
  emailSeparator: fc.constantFrom('; ', ',', '\n', ' ; '),
  headMarker: fc.constantFrom('head:', 'HEAD: ', 'Head :'),
  numbers: fc.boolean(),
  lists: fc.boolean(),
});

function dateCell(iso: string | null, end: 'from' | 'to', s: Spelling): Cell {
  if (iso === null) return '';
  const [y, m, d] = iso.split('-') as [string, string, string];
  const bare = end === 'from' ? iso.endsWith('-01-01') : iso.endsWith('-12-31');
  if (s.years && bare) return s.numbers ? Number(y) : y;
  switch (s.dates) {
    case 'vn':
      return `${d}/${m}/${y}`;
    case 'short':
      return `${y}-${Number(m)}-${Number(d)}`;
    case 'native':
      return new Date(`${iso}T00:00:00.000Z`);
    default:
      return iso;
  }
}

function unitRow(u: Unit, s: Spelling): Record<(typeof UNIT_COLUMNS)[number], Cell> {
  const emails = u.emails.map((e) => `${e.head ? s.headMarker : ''}${e.email}`);
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parent: u.parent ?? '',
    border: u.border ? s.border[0] : s.border[1],
    staff: u.staff === null ? '' : s.numbers ? u.staff : String(u.staff),
    emails: s.lists ? emails : emails.join(s.emailSeparator),
    from: dateCell(u.from, 'from', s),
    to: dateCell(u.to, 'to', s),
    successor: u.successor ?? '',
  };
}

function pairRow(p: Pair, s: Spelling): Record<(typeof PAIR_COLUMNS)[number], Cell> {
  return {
    code: p.code,
    sponsor: p.sponsor,
    recipient: p.recipient,
    from: dateCell(p.from, 'from', s),
    to: dateCell(p.to, 'to', s),
    communes: s.lists ? [...p.communes] : p.communes.join(';'),
  };
}

/** Whether a cell is a list (`Array.isArray` does not narrow a readonly array). */
const isList = (cell: Cell): cell is readonly string[] => Array.isArray(cell);

/** Whether a cell holds nothing. */
const blank = (cell: Cell) => cell === '' || (isList(cell) && cell.length === 0);

/**
 * The tables of a roster in a given column order, leaving out optional columns whose cells are all empty when
 * asked to (a file written before a column existed).
 */
function written(units: readonly Unit[], pairs: readonly Pair[], s: Spelling, omit: boolean): Written {
  const table = <C extends string>(
    columns: readonly C[],
    required: readonly string[],
    rows: Record<C, Cell>[],
  ): Sheet => {
    const header = columns.filter((c) => !omit || required.includes(c) || rows.some((r) => !blank(r[c])));
    return { header: [...header], rows: rows.map((r) => header.map((c) => r[c])) };
  };
  return {
    units: table(
      UNIT_COLUMNS,
      ['code', 'name', 'kind'],
      units.map((u) => unitRow(u, s)),
    ),
    pairs: table(
      PAIR_COLUMNS,
      ['code', 'sponsor', 'recipient', 'from'],
      pairs.map((p) => pairRow(p, s)),
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Spoilers

type Outcome = 'accept' | 'refuse' | 'either';
type Format = 'xlsx' | 'csv' | 'json';

/** One way of spoiling a written roster: what it does to the tables, and what it must lead to. */
interface Spoiler {
  readonly what: string;
  readonly outcome: Outcome;
  /** The catalogue keys one of which a refusal must hold (with `refuse`). */
  readonly keys?: readonly string[];
  /** Formats the spoiler applies to (default all). */
  readonly formats?: readonly Format[];
  /** Spoils the tables; a spoiler that changes what an accepted roster holds changes `units` to match. */
  apply(w: Written, units: Unit[]): void;
}

/** A header cell as the column it names: without case, surrounding spaces or a BOM. */
const columnOf = (written: string) =>
  written
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/** The index of a column in a header however it is written, or -1. */
function columnIndex(sheet: Sheet, column: string): number {
  return sheet.header.findIndex((c) => columnOf(c) === column);
}

/** A valid row for a pairs table that has none, so that a spoiled cell has a row to be in. */
function fillerPair(sheet: Sheet): Cell[] {
  const cells: Record<string, Cell> = { code: 'KN-9', sponsor: 'SO-A', recipient: 'XA-3', from: '2020' };
  return sheet.header.map((c) => cells[columnOf(c)] ?? '');
}

/** A spoiler that puts `cell` in `column` of a row of `table` (a random one); refused with one of `keys`. */
function badCell(
  table: 'units' | 'pairs',
  column: string,
  cell: Cell,
  keys: readonly string[],
  options: { formats?: readonly Format[]; rowOf?: (w: Written) => number } = {},
): fc.Arbitrary<Spoiler> {
  return fc.nat().map((n) => ({
    what: `${table}.${column} = ${JSON.stringify(cell)}`.slice(0, 120),
    outcome: 'refuse',
    keys,
    ...(options.formats ? { formats: options.formats } : {}),
    apply(w) {
      const sheet = w[table];
      if (sheet.rows.length === 0) {
        // A pairs table without rows: the spoiled cell gets a row of its own, pointing at nothing.
        sheet.rows.push(fillerPair(sheet));
      }
      if (columnIndex(sheet, column) < 0) {
        sheet.header.push(column);
        for (const row of sheet.rows) row.push('');
      }
      const row = options.rowOf ? options.rowOf(w) : n % sheet.rows.length;
      sheet.rows[row]![columnIndex(sheet, column)] = cell;
    },
  }));
}

/** The row of a unit by its code. */
const unitRowOf = (code: string) => (w: Written) =>
  Math.max(
    0,
    w.units.rows.findIndex((r) => r[columnIndex(w.units, 'code')] === code),
  );

const refusedCells: fc.Arbitrary<Spoiler>[] = [
  badCell('units', 'name', '', ['roster.required']),
  badCell('units', 'name', '   ', ['roster.required']),
  badCell('units', 'name', 'ắ'.repeat(201), ['roster.nameTooLong']),
  badCell('units', 'name', `Sở ${'x'.repeat(100_000)}`, ['roster.nameTooLong']),
  badCell('units', 'name', 'Xã\u0000La Dêê', ['roster.textNul', 'page.roster.notSpreadsheet'], {
    formats: ['csv', 'json'],
  }),
  badCell('units', 'name', 'Xã \ud800 nửa ký tự', ['roster.textSurrogate'], { formats: ['json'] }),
  badCell('units', 'code', 'SO A', ['roster.codeInvalid']),
  badCell('units', 'code', '<b>SO-A</b>', ['roster.codeInvalid']),
  badCell('units', 'code', "=cmd|' /C calc'!A0", ['roster.codeInvalid']),
  badCell('units', 'code', { formula: 'A1&"x"' }, ['roster.codeInvalid'], { formats: ['xlsx'] }),
  badCell('units', 'code', 'X'.repeat(41), ['roster.codeInvalid']),
  badCell('units', 'code', '', ['roster.required']),
  badCell('units', 'kind', 'DEPT', ['roster.kindInvalid']),
  badCell('units', 'kind', '<b>COMMUNE</b>', ['roster.kindInvalid']),
  badCell('units', 'kind', '', ['roster.required']),
  badCell('units', 'staff', 'mười', ['roster.staffInvalid']),
  badCell('units', 'staff', '-1', ['roster.staffInvalid']),
  badCell('units', 'staff', 1.5, ['roster.staffInvalid']),
  badCell('units', 'staff', '1e3', ['roster.staffInvalid']),
  badCell('units', 'staff', 1_000_001, ['roster.staffInvalid']),
  badCell('units', 'staff', '', ['roster.staffRequired'], { rowOf: unitRowOf('SO-A') }),
  badCell('units', 'border', 'có lẽ', ['roster.borderInvalid']),
  badCell('units', 'border', 'true', ['roster.borderOnlyCommune'], { rowOf: unitRowOf('H-DB') }),
  // An unknown parent is only the problem of a commune; any other kind takes no parent at all.
  badCell('units', 'parent', 'ZZ-9', ['roster.unknownParent'], { rowOf: unitRowOf('XA-1') }),
  badCell('units', 'parent', 'ZZ-9', ['roster.parentNotAllowed'], { rowOf: unitRowOf('SO-A') }),
  badCell('units', 'parent', 'SO-A', ['roster.communeParentKind', 'roster.parentNotAllowed'], {
    rowOf: unitRowOf('XA-1'),
  }),
  badCell('units', 'emails', 'không-phải-địa-chỉ', ['roster.emailInvalid']),
  badCell('units', 'emails', 'a@b', ['roster.emailInvalid']),
  badCell('units', 'emails', 'x@so.example.gov.vn; X@SO.example.gov.vn', ['roster.emailDuplicate']),
  badCell('units', 'from', '2026-02-30', ['roster.dateInvalid']),
  badCell('units', 'to', '1920', ['roster.yearOutOfRange']),
  badCell('units', 'to', '2020.5', ['roster.dateInvalid']),
  badCell('units', 'successor', 'ZZ-NONE', ['roster.successorUnknown']),
  badCell('units', 'successor', 'SO-A', ['roster.successorSide', 'roster.successorSelf'], {
    rowOf: unitRowOf('XA-3'),
  }),
  badCell('units', 'successor', 'XA-3', ['roster.successorSelf'], { rowOf: unitRowOf('XA-3') }),
  badCell('units', 'name', { json: { vi: 'Sở' } }, ['roster.jsonValue'], { formats: ['json'] }),
  badCell('units', 'staff', { json: [1, [2]] }, ['roster.jsonValue'], { formats: ['json'] }),
  badCell('pairs', 'sponsor', 'ZZ-SPONSOR', ['roster.unknownUnit']),
  badCell('pairs', 'recipient', 'SO-A', ['roster.recipientKind', 'roster.pairOverlap']),
  badCell('pairs', 'sponsor', 'XA-1', ['roster.sponsorKind', 'roster.pairOverlap']),
  badCell('pairs', 'from', '', ['roster.required']),
  badCell('pairs', 'from', '31/02/2026', ['roster.dateInvalid']),
  badCell('pairs', 'to', '2019-12-31', ['roster.periodReversed', 'roster.yearsReversed']),
  badCell('pairs', 'to', '2019', ['roster.yearsReversed', 'roster.periodReversed']),
  badCell('pairs', 'code', 'KN 1', ['roster.codeInvalid']),
  badCell('pairs', 'communes', 'XA-3', [
    'roster.communeNotUnderDistrict',
    'roster.communesNotAllowed',
    'roster.unknownUnit',
  ]),
  badCell('pairs', 'communes', 'XA-9;XA-9', [
    'roster.communeDuplicate',
    'roster.communeUnknown',
    'roster.communesNotAllowed',
    'roster.unknownUnit',
  ]),
];

/** Cells any format takes as they are: a real formula of a workbook is its text, never its result. */
const acceptedCells: fc.Arbitrary<Spoiler>[] = [
  fc.constantFrom(...UNIT_SHAPES.map((u) => u.code)).map((code) => ({
    what: `a formula cell as ${code}'s name`,
    outcome: 'accept' as const,
    formats: ['xlsx'] as const,
    apply(w: Written, units: Unit[]) {
      const formula = 'HYPERLINK("http://evil.example","x")';
      w.units.rows[unitRowOf(code)(w)]![columnIndex(w.units, 'name')] = { formula };
      const i = units.findIndex((u) => u.code === code);
      units[i] = { ...units[i]!, name: `=${formula}` };
    },
  })),
  fc.constantFrom(...UNIT_SHAPES.map((u) => u.code)).map((code) => ({
    what: `a rich-text name for ${code}`,
    outcome: 'accept' as const,
    formats: ['xlsx'] as const,
    apply(w: Written) {
      const row = unitRowOf(code)(w);
      const index = columnIndex(w.units, 'name');
      const name = w.units.rows[row]![index];
      // Split between code points, never inside a surrogate pair: half a pair in a run cannot be written to the
      // file's XML at all (the writer puts U+FFFD in its place), so the name would not be the one written.
      const [first, ...rest] = typeof name === 'string' ? [...name] : [];
      if (first !== undefined && rest.length > 0)
        w.units.rows[row]![index] = { rich: [first, rest.join('')] };
    },
  })),
];

/** Header spoilers: a column missing, repeated, unknown or dressed up. */
const headers: fc.Arbitrary<Spoiler>[] = [
  fc.tuple(fc.constantFrom('units', 'pairs'), fc.nat()).map(([table, n]) => ({
    what: `a required column of ${table} missing`,
    outcome: 'refuse' as const,
    keys: ['roster.missingColumns', 'roster.headerMissing', 'roster.required'],
    apply(w: Written) {
      const sheet = w[table];
      const required =
        table === 'units' ? ['code', 'name', 'kind'] : ['code', 'sponsor', 'recipient', 'from'];
      if (table === 'pairs' && sheet.rows.length === 0) sheet.rows.push(fillerPair(sheet));
      const index = columnIndex(sheet, required[n % required.length]!);
      sheet.header.splice(index, 1);
      for (const row of sheet.rows) row.splice(index, 1);
    },
  })),
  fc
    .tuple(
      fc.constantFrom('units', 'pairs'),
      fc.nat(),
      fc.constantFrom(
        (c: string) => c,
        (c: string) => c.toUpperCase(),
        (c: string) => ` ${c} `,
      ),
    )
    .map(([table, n, dress]) => ({
      what: `a column of ${table} twice`,
      outcome: 'refuse' as const,
      keys: ['roster.duplicateColumn'],
      apply(w: Written) {
        const sheet = w[table];
        // A JSON table holds its columns in its entries (the twin is a second key of each, see jsonEntries): it
        // needs one.
        if (sheet.rows.length === 0) sheet.rows.push(fillerPair(sheet));
        const index = n % sheet.header.length;
        sheet.header.push(dress(sheet.header[index]!));
        for (const row of sheet.rows) row.push(row[index]!);
      },
    })),
  fc
    .tuple(
      fc.constantFrom('units', 'pairs'),
      fc.constantFrom('colour', 'ghi chú', '<script>alert(1)</script>', '=cmd|x', 'cod e'),
    )
    .map(([table, name]) => ({
      what: `an unknown column ${name} in ${table}`,
      outcome: 'refuse' as const,
      keys: ['roster.unknownColumn'],
      apply(w: Written) {
        const sheet = w[table];
        if (sheet.rows.length === 0) sheet.rows.push(fillerPair(sheet));
        sheet.header.push(name);
        for (const row of sheet.rows) row.push('x');
      },
    })),
  fc
    .tuple(fc.constantFrom('units', 'pairs'), fc.constantFrom('upper', 'spaces', 'bom'))
    .map(([table, how]) => ({
      what: `the ${table} header written ${how}`,
      outcome: 'accept' as const,
      apply(w: Written) {
        const sheet = w[table];
        sheet.header = sheet.header.map((c, i) =>
          how === 'upper' ? c.toUpperCase() : how === 'spaces' ? `  ${c} ` : i === 0 ? `\uFEFF${c}` : c,
        );
      },
    })),
];

/** Row spoilers: codes repeated, rows shuffled, thousands of rows (one of them bad, or none). */
const rows: fc.Arbitrary<Spoiler>[] = [
  fc.constantFrom('units', 'pairs').map((table) => ({
    what: `a row of ${table} twice`,
    outcome: 'refuse' as const,
    keys: ['roster.duplicateUnitCode', 'roster.duplicatePairCode'],
    apply(w: Written) {
      const sheet = w[table];
      if (sheet.rows.length === 0) {
        sheet.rows.push(fillerPair(sheet));
        sheet.rows.push(fillerPair(sheet));
      } else sheet.rows.push([...sheet.rows[sheet.rows.length - 1]!]);
    },
  })),
  fc.nat().map((seed) => ({
    what: 'rows shuffled',
    outcome: 'accept' as const,
    apply(w: Written) {
      for (const sheet of [w.units, w.pairs])
        sheet.rows.sort((a, b) =>
          hash(`${seed}${cellText(a[0]!)}`) < hash(`${seed}${cellText(b[0]!)}`) ? -1 : 1,
        );
    },
  })),
  fc.tuple(fc.integer({ min: 300, max: 2500 }), fc.boolean(), fc.nat()).map(([count, spoiled, at]) => ({
    what: `${count} more communes${spoiled ? ', one of them bad' : ''}`,
    outcome: spoiled ? ('refuse' as const) : ('accept' as const),
    keys: ['roster.staffInvalid'],
    apply(w: Written) {
      const header = w.units.header;
      for (let i = 0; i < count; i++) {
        const cells: Record<string, Cell> = {
          code: `XA-N${i}`,
          name: `Xã số ${i}`,
          kind: 'COMMUNE',
          parent: 'H-NG',
          staff: spoiled && i === at % count ? 'nhiều' : '',
        };
        w.units.rows.push(header.map((c) => cells[columnOf(c)] ?? ''));
      }
    },
  })),
];

function hash(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** Which spoilers of a list apply to a format. */
const fits = (format: Format) => (s: Spoiler) => s.formats === undefined || s.formats.includes(format);

const tableSpoiler = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(...refusedCells) },
  { weight: 1, arbitrary: fc.oneof(...acceptedCells) },
  { weight: 3, arbitrary: fc.oneof(...headers) },
  { weight: 2, arbitrary: fc.oneof(...rows) },
);

// ---------------------------------------------------------------------------------------------------------------
// Files

/** A cell as CSV or JSON text. */
function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (isList(cell)) return cell.join(';');
  if ('formula' in cell) return `=${cell.formula}`;
  if ('rich' in cell) return cell.rich.join('');
  return JSON.stringify(cell.json);
}

function csvText(sheet: Sheet, options: { quoteAll: boolean; eol: string; blankLines: boolean }): string {
  const quote = (text: string) =>
    options.quoteAll || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  // Blank records between the rows (empty lines, and lines of empty cells as a spreadsheet saves them) are skipped.
  const separator = options.blankLines ? `${options.eol}${options.eol},,${options.eol}` : options.eol;
  return [sheet.header, ...sheet.rows.map((r) => r.map(cellText))]
    .map((cells) => cells.map(quote).join(','))
    .join(separator)
    .concat(options.eol);
}

function jsonValueOf(cell: Cell): unknown {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object' && !isList(cell)) {
    if ('json' in cell) return cell.json;
    return cellText(cell);
  }
  return cell;
}

function jsonEntries(sheet: Sheet): Record<string, unknown>[] {
  return sheet.rows.map((row) => {
    // JSON.parse keeps one of two equal keys: a repeated column is a twin key spelled apart (upper case).
    const entry: Record<string, unknown> = {};
    sheet.header.forEach((column, i) => {
      const key = Object.hasOwn(entry, column) ? column.toUpperCase() : column;
      entry[Object.hasOwn(entry, key) ? ` ${key}` : key] = jsonValueOf(row[i]!);
    });
    return entry;
  });
}

async function xlsxBytes(
  w: Written,
  names: readonly [string, string],
  extra: boolean,
  offset: number,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (extra) workbook.addWorksheet('Ghi chú').addRow(['Tệp này do ', { formula: '1+1' }]);
  for (const [sheet, name] of [
    [w.units, names[0]],
    [w.pairs, names[1]],
  ] as const) {
    const ws = workbook.addWorksheet(name);
    for (let i = 0; i < offset; i++) ws.addRow([]);
    ws.addRow(sheet.header);
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map(() => null));
      row.forEach((cell, i) => {
        const target = added.getCell(i + 1);
        if (typeof cell === 'object' && !(cell instanceof Date) && !isList(cell)) {
          if ('formula' in cell) target.value = { formula: cell.formula, date1904: false };
          else if ('rich' in cell) target.value = { richText: cell.rich.map((text) => ({ text })) };
          else target.value = JSON.stringify(cell.json);
        } else target.value = isList(cell) ? cell.join(';') : (cell as ExcelJS.CellValue);
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A roster to import: the content it holds, its files, and what it must lead to. */
interface Case {
  readonly format: Format;
  readonly units: readonly Unit[];
  readonly pairs: readonly Pair[];
  /** File names and bytes: one file, or the units then the pairs CSV. */
  readonly files: readonly { readonly name: string; readonly bytes: Buffer }[];
  readonly outcome: Outcome;
  readonly keys: readonly string[] | null;
  readonly spoilers: readonly string[];
  /** The text the file's cells hold, where a refusal's parameters may come from. */
  readonly source: string;
}

/** File spoilers of a format: they change the bytes, not the tables. */
interface FileSpoiler {
  readonly what: string;
  readonly outcome: Outcome;
  readonly keys?: readonly string[];
  apply(files: { name: string; bytes: Buffer }[]): void;
}

/** A units CSV with one more line: `cells` first, as wide as the header (code, name and kind lead it). */
function withLine(bytes: Buffer, cells: string): Buffer {
  const text = bytes.toString('utf8');
  const width = text.split(/\r?\n/)[0]!.split(',').length;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return Buffer.concat([bytes, Buffer.from(`${cells}${','.repeat(Math.max(0, width - 3))}${eol}`)]);
}

/** A file spoiler that adds one line to the units CSV (see {@link withLine}), refused with one of `keys`. */
function addedLine(what: string, cells: string, keys: readonly string[]): FileSpoiler {
  return {
    what,
    outcome: 'refuse',
    keys,
    apply: (files) => {
      files[0]!.bytes = withLine(files[0]!.bytes, cells);
    },
  };
}

const fileSpoilers: Readonly<Record<Format, fc.Arbitrary<FileSpoiler>>> = {
  csv: fc.oneof(
    fc.constant<FileSpoiler>({
      what: 'a BOM',
      outcome: 'accept',
      apply: (files) => {
        for (const f of files) f.bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), f.bytes]);
      },
    }),
    fc.constant<FileSpoiler>({
      what: 'a legacy code page',
      outcome: 'refuse',
      keys: ['roster.notUtf8'],
      apply: (files) => {
        files[0]!.bytes = Buffer.from(
          withLine(files[0]!.bytes, 'XA-L,Xã Lạ,COMMUNE').toString('utf8'),
          'latin1',
        );
      },
    }),
    fc.constant<FileSpoiler>({
      what: 'semicolons',
      outcome: 'refuse',
      // A quoted header cell followed by `;` is a misplaced quote to a CSV reader.
      keys: ['roster.wrongDelimiter', 'roster.csvSyntax', 'roster.csvQuoteMisplaced'],
      apply: (files) => {
        const text = files[0]!.bytes.toString('utf8');
        const [head, ...rest] = text.split('\n');
        files[0]!.bytes = Buffer.from([head!.replace(/,/g, ';'), ...rest].join('\n'));
      },
    }),
    fc.constant(
      addedLine('a quote never closed', 'XA-Q,"Xã chưa đóng,COMMUNE', [
        'roster.csvQuoteNotClosed',
        'roster.csvSyntax',
      ]),
    ),
    fc.constant(
      addedLine('a stray quote', 'XA-Q,"Xã" đóng sớm,COMMUNE', [
        'roster.csvSyntax',
        'roster.csvQuoteMisplaced',
      ]),
    ),
    fc.constant<FileSpoiler>({
      what: 'a row too long',
      outcome: 'refuse',
      keys: ['roster.columnCount'],
      apply: (files) => {
        const text = files[0]!.bytes.toString('utf8');
        const width = text.split(/\r?\n/)[0]!.split(',').length;
        files[0]!.bytes = Buffer.from(`${text}XA-W${',x'.repeat(width)}\n`);
      },
    }),
    fc.constant<FileSpoiler>({
      what: 'no unit rows',
      outcome: 'refuse',
      keys: ['roster.noRows'],
      apply: (files) => {
        files[0]!.bytes = Buffer.from(`${files[0]!.bytes.toString('utf8').split(/\r?\n/)[0]!}\n`);
      },
    }),
    fc.constantFrom('', ' \n\n', '\uFEFF').map<FileSpoiler>((text) => ({
      what: `a file of ${JSON.stringify(text)}`,
      outcome: 'refuse',
      keys: ['roster.emptyFile'],
      apply: (files) => {
        files[0]!.bytes = Buffer.from(text);
      },
    })),
    fc.constant(
      addedLine('a NUL byte', 'XA-Z,Xã\u0000Z,COMMUNE', [
        'roster.textNul',
        'page.roster.notSpreadsheet',
        'roster.codeInvalid',
      ]),
    ),
  ),
  json: fc.oneof(
    fc.constant<FileSpoiler>({
      what: 'a BOM',
      outcome: 'accept',
      apply: (files) => {
        files[0]!.bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), files[0]!.bytes]);
      },
    }),
    fc.integer({ min: 1, max: 400 }).map<FileSpoiler>((cut) => ({
      what: `cut ${cut} bytes short`,
      outcome: 'refuse',
      keys: ['roster.jsonSyntax', 'roster.jsonTruncated', 'roster.notUtf8', 'roster.emptyFile'],
      apply: (files) => {
        const f = files[0]!;
        f.bytes = f.bytes.subarray(0, Math.max(1, f.bytes.length - cut));
      },
    })),
    fc
      .constantFrom(
        "{'units': []}",
        '{"units": [1, "x", null]}',
        '{"units": {}}',
        '[]',
        '"units"',
        '{"units": [], "pairs": 3}',
        '{"units": [{"code": "A"},]}',
        'null',
      )
      .map<FileSpoiler>((text) => ({
        what: `the document ${text}`,
        outcome: 'refuse',
        keys: ['roster.jsonSyntax', 'roster.jsonShape', 'roster.jsonItem', 'roster.noRows'],
        apply: (files) => {
          files[0]!.bytes = Buffer.from(text);
        },
      })),
    fc.constant<FileSpoiler>({
      what: 'a legacy code page',
      outcome: 'refuse',
      keys: ['roster.notUtf8'],
      apply: (files) => {
        files[0]!.bytes = Buffer.from(
          files[0]!.bytes.toString('utf8').replace('{', '{"ghi chú": "Xã Lạ", '),
          'latin1',
        );
      },
    }),
    fc.constant<FileSpoiler>({
      what: 'a unit entry that is a list',
      outcome: 'refuse',
      keys: ['roster.jsonItem'],
      apply: (files) => {
        const doc = JSON.parse(files[0]!.bytes.toString('utf8')) as { units: unknown[] };
        doc.units.push(['XA-L', 'Xã Lạ', 'COMMUNE']);
        files[0]!.bytes = Buffer.from(JSON.stringify(doc));
      },
    }),
  ),
  xlsx: fc.oneof(
    fc.integer({ min: 1, max: 100 }).map<FileSpoiler>((percent) => ({
      what: `cut to ${percent}%`,
      outcome: 'refuse',
      keys: ['roster.xlsxUnreadable', 'page.roster.notSpreadsheet'],
      apply: (files) => {
        const f = files[0]!;
        f.bytes = f.bytes.subarray(
          0,
          Math.min(f.bytes.length - 1, Math.floor((f.bytes.length * percent) / 100)),
        );
      },
    })),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map<FileSpoiler>(([at, xor]) => ({
      what: `a byte changed`,
      outcome: 'either',
      apply: (files) => {
        const f = files[0]!;
        const bytes = Buffer.from(f.bytes);
        const index = 4 + (at % (bytes.length - 4));
        bytes[index] = bytes[index]! ^ xor;
        f.bytes = bytes;
      },
    })),
    fc.constant<FileSpoiler>({
      what: 'not a zip at all',
      outcome: 'refuse',
      keys: ['roster.xlsxUnreadable'],
      apply: (files) => {
        files[0]!.bytes = Buffer.concat([
          Buffer.from([0x50, 0x4b, 0x03, 0x04]),
          Buffer.from('Sở Tài chính, '.repeat(50)),
        ]);
      },
    }),
  ),
};

/** How a case writes its workbook: sheet names, an extra sheet, blank rows above the headers. */
const workbookShape = fc.record({
  names: fc.constantFrom<[string, string]>(
    ['Đơn vị', 'Cặp kết nghĩa'],
    ['units', 'pairs'],
    ['UNITS', ' Cặp Kết Nghĩa '],
  ),
  extra: fc.boolean(),
  offset: fc.integer({ min: 0, max: 2 }),
});

/** What a case is made of, drawn by fast-check; {@link build} writes its files. */
interface Recipe {
  readonly format: Format;
  readonly units: readonly Unit[];
  readonly pairs: readonly Pair[];
  readonly spelling: Spelling;
  readonly omit: boolean;
  readonly spoilers: readonly Spoiler[];
  readonly fileSpoiler: FileSpoiler | null;
  readonly book: {
    readonly names: readonly [string, string];
    readonly extra: boolean;
    readonly offset: number;
  };
  readonly text: {
    readonly quoteAll: boolean;
    readonly crlf: boolean;
    readonly pairsKey: boolean;
    readonly blankLines: boolean;
  };
}

const recipe: fc.Arbitrary<Recipe> = fc
  .constantFrom<Format>('xlsx', 'csv', 'json')
  .chain((format) =>
    fc.record({
      format: fc.constant(format),
      units: unitsContent,
      pairs: pairsContent,
      spelling,
      omit: fc.boolean(),
      spoilers: fc.array(tableSpoiler, { maxLength: 3 }).map((list) => list.filter(fits(format))),
      fileSpoiler: fc.oneof(
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: fileSpoilers[format] },
      ),
      book: workbookShape,
      text: fc.record({
        quoteAll: fc.boolean(),
        crlf: fc.boolean(),
        pairsKey: fc.boolean(),
        blankLines: fc.boolean(),
      }),
    }),
  )
  .map((r) =>
    Object.assign(r, {
      // Counterexamples are told by what was done, not by kilobytes of content.
      [fc.toStringMethod]: () =>
        `${r.format}: ${[...r.spoilers, ...(r.fileSpoiler ? [r.fileSpoiler] : [])].map((x) => x.what).join(' + ') || 'unspoiled'}; names ${JSON.stringify(r.units.map((u) => u.name))}`,
    }),
  );

/** Writes a recipe's files and says what they must lead to. */
async function build(r: Recipe): Promise<Case> {
  const { format } = r;
  // A workbook cell cannot hold XML's forbidden characters: Excel writes them as _x0007_ (read back as such),
  // exceljs, which writes the test's workbooks, leaves them out, and DEL with them.
  const content =
    format === 'xlsx'
      ? r.units.map((u) => ({
          ...u,
          name: u.name.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\r]/g, 'x'),
        }))
      : [...r.units];
  const w = written(content, r.pairs, r.spelling, r.omit);
  const expected = [...content];
  for (const spoiler of r.spoilers) spoiler.apply(w, expected);
  let out: { name: string; bytes: Buffer }[];
  if (format === 'csv') {
    const eol = r.text.crlf ? '\r\n' : '\n';
    out = [
      { name: 'units.csv', bytes: Buffer.from(csvText(w.units, { ...r.text, eol })) },
      { name: 'pairs.csv', bytes: Buffer.from(csvText(w.pairs, { ...r.text, eol })) },
    ];
  } else if (format === 'json') {
    const document: Record<string, unknown> = { units: jsonEntries(w.units) };
    if (r.text.pairsKey || w.pairs.rows.length > 0) document.pairs = jsonEntries(w.pairs);
    out = [{ name: 'roster.json', bytes: Buffer.from(JSON.stringify(document, null, r.text.crlf ? 2 : 0)) }];
  } else {
    out = [{ name: 'roster.xlsx', bytes: await xlsxBytes(w, r.book.names, r.book.extra, r.book.offset) }];
  }
  r.fileSpoiler?.apply(out);
  const all: { outcome: Outcome; keys?: readonly string[]; what: string }[] = [
    ...r.spoilers,
    ...(r.fileSpoiler ? [r.fileSpoiler] : []),
  ];
  const outcome: Outcome = all.some((x) => x.outcome === 'refuse')
    ? 'refuse'
    : all.some((x) => x.outcome === 'either') ||
        expected.some((u) => /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(u.name))
      ? 'either'
      : 'accept';
  const source = [w.units, w.pairs]
    .flatMap((sheet) => [...sheet.header, ...sheet.rows.flatMap((row) => row.map(cellText))])
    .join('\n');
  return {
    format,
    units: expected,
    pairs: r.pairs,
    files: out,
    outcome,
    // A file damaged at random may fail in any of its parts: then the refusal's key is not foretold.
    keys: all.some((x) => x.outcome === 'either')
      ? null
      : all.flatMap((x) => (x.outcome === 'refuse' ? (x.keys ?? []) : [])),
    spoilers: all.map((x) => x.what),
    source: `${source}\n${out.map((f) => f.bytes.toString('utf8')).join('\n')}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The doors

let world: WebWorld;
let admin: Agent;
let dir: string;
let serial = 0;

/** The tables a roster import may write, and the others, compared before and after a refused one. */
const TABLES = [
  'Unit',
  'UnitStaff',
  'Contact',
  'Pair',
  'PairHistory',
  'AuditEvent',
  'RosterUpload',
  'User',
  'Cycle',
  'CycleObligation',
  'Notification',
] as const;

beforeAll(async () => {
  world = await startWebWorld();
  admin = world.agent();
  expect((await admin.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  dir = await mkdtemp(path.join(os.tmpdir(), 'twinning-hostile-roster-'));
});

afterAll(async () => {
  await world?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A frame of a stack trace as Node prints it. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/** What a door answered: accepted, or refused with the catalogue keys of every problem. */
type Answer = { readonly accepted: true } | { readonly accepted: false; readonly keys: readonly string[] };

/** Words a refusal may use besides the file's own text: the product's column names, kinds, sheets and files. */
const PRODUCT_WORDS = new Set([
  ...UNIT_COLUMNS,
  ...PAIR_COLUMNS,
  ...UNIT_KINDS,
  'Tab',
  'Đơn vị',
  'Cặp kết nghĩa',
  'units',
  'pairs',
  'pairs.csv',
  'units.csv',
  '→',
]);

/**
 * A refusal's parameters are the file's own text, numbers, dates or the product's words: a library's error text
 * ("Unexpected token…", "Corrupted zip…") in a message would be neither.
 */
function expectOwnWords(params: Readonly<Record<string, unknown>>, source: string): void {
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || source.includes(value) || PRODUCT_WORDS.has(value)) continue;
    const strange = value
      .split(/[\s,;→]+/)
      .filter(
        (word) =>
          word !== '' && !PRODUCT_WORDS.has(word) && !/^[\d./-]+$/.test(word) && !source.includes(word),
      );
    expect({ param: name, value, strange }).toEqual({ param: name, value, strange: [] });
  }
}

/** `twinning roster import FILES --year 2026 --json`, in this process, on the world's database. */
async function throughCli(c: Case): Promise<Answer> {
  const folder = path.join(dir, String(++serial));
  await mkdir(folder);
  const paths: string[] = [];
  for (const f of c.files) {
    const file = path.join(folder, f.name);
    await writeFile(file, f.bytes);
    paths.push(file);
  }
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    config: loadConfig({ DATABASE_URL: world.db.url }),
    getPrisma: () => Promise.resolve(world.db.prisma),
    getTemporal: () => Promise.reject(new Error('no Temporal for a roster import')),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => new Date('2026-03-10T02:00:00.000Z'),
  };
  // One path or both: a units.csv finds its pairs.csv beside it.
  const args = c.format === 'csv' && serial % 2 === 0 ? paths.slice(0, 1) : paths;
  const code = await runProgram(deps, [
    'node',
    'twinning',
    'roster',
    'import',
    ...args,
    '--year',
    String(YEAR),
    '--json',
    '--actor',
    'test:hostile',
  ]);
  const stdout = out.join('\n');
  const stderr = err.join('\n');
  expect(`${stdout}\n${stderr}`).not.toMatch(STACK_FRAME);
  if (code === 0) {
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, summary: { dryRun: false, staffYear: YEAR } });
    return { accepted: true };
  }
  const seen = { code, stdout: stdout.slice(0, 600), stderr: stderr.slice(0, 600) };
  expect({ ...seen, code: code === 1 }).toEqual({ ...seen, code: true });
  let answer: {
    ok: boolean;
    errors: { key: string; params: Record<string, unknown>; vi: string; en: string }[];
  };
  try {
    answer = JSON.parse(stdout) as typeof answer;
  } catch {
    throw new Error(`exit code ${code} without the JSON of the errors:\n${stdout}\n${stderr}`);
  }
  expect(answer.ok).toBe(false);
  expect(answer.errors.length).toBeGreaterThan(0);
  for (const e of answer.errors) {
    expectClearMessage({ key: e.key, params: e.params } as never);
    expectOwnWords(e.params, c.source);
    expect(e.vi).toContain(t(e.key as never, e.params as never, 'vi'));
    expect(e.en).toContain(t(e.key as never, e.params as never, 'en'));
  }
  // The person at the terminal reads why too, in both languages.
  expect(stderr).toBe(
    `${t('roster.invalid', { count: answer.errors.length }, 'vi')} / ${t('roster.invalid', { count: answer.errors.length }, 'en')}`,
  );
  return { accepted: false, keys: answer.errors.map((e) => e.key) };
}

/** The web's dry run and, when it passes, the confirmation of exactly that upload. */
async function throughWeb(c: Case, lang: 'vi' | 'en'): Promise<Answer> {
  const [roster, pairs] = c.files;
  const files = {
    roster: { filename: roster!.name, contentType: 'application/octet-stream', content: roster!.bytes },
    ...(pairs ? { pairs: { filename: pairs.name, contentType: 'text/csv', content: pairs.bytes } } : {}),
  };
  const dry = await admin.postMultipart(
    `/api/v1/roster/dry-run?lang=${lang}`,
    { year: String(YEAR) },
    files,
    {
      csrf: 'header',
    },
  );
  const seen = { status: dry.statusCode, body: dry.body.slice(0, 600) };
  if (dry.statusCode !== 200) {
    expect({ ...seen, status: dry.statusCode === 400 }).toEqual({ ...seen, status: true });
    const answer = dry.json<{
      error: { code: string; message: string };
      problems: { key: string; message: string }[];
    }>();
    expect(answer.error).toEqual({
      code: 'invalid_input',
      message: t('page.roster.invalid', { count: answer.problems.length }, lang),
    });
    for (const problem of answer.problems) {
      expectClearText(problem.message, lang);
      expect(catalogueKeysOf(problem.message, lang)).toContain(problem.key);
    }
    return { accepted: false, keys: answer.problems.map((p) => p.key) };
  }
  const { upload } = dry.json<{ upload: { id: string; sha256: string } }>();
  const applied = await admin.api('POST', `/api/v1/roster/apply?lang=${lang}`, {
    upload: upload.id,
    sha256: upload.sha256,
  });
  expect({ status: applied.statusCode, body: applied.body.slice(0, 600) }).toEqual({
    status: 200,
    body: applied.body.slice(0, 600),
  });
  return { accepted: true };
}

/** A list sorted by code. */
const byCode = <T extends { code: string }>(list: T[]): T[] =>
  list.sort((a, b) => (a.code < b.code ? -1 : 1));

/** A listed unit as compared: its addresses as `ROLE:address`, sorted, without their bounce marks. */
function listedUnit(u: ListedRoster['units'][number]) {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parent: u.parent,
    border: u.border,
    staff: u.staff,
    emails: u.emails.map((e) => `${e.role}:${e.email}`).sort(),
    from: u.from,
    to: u.to,
    successor: u.successor,
  };
}

/** What the database must list after an accepted import: the file's units and pairs as written, the rest as before. */
function expectedAfter(before: ListedRoster, c: Case): unknown {
  const oldUnit = new Map(before.units.map((u) => [u.code, u]));
  const oldPair = new Map(before.pairs.map((p) => [p.code, p]));
  const inFile = new Set(c.units.map((u) => u.code));
  const pairsInFile = new Set(c.pairs.map((p) => p.code));
  const extra = c.spoilers.find((s) => /^\d+ more communes$/.test(s));
  const extraUnits: Unit[] = extra
    ? Array.from({ length: Number(extra.split(' ')[0]) }, (_, i) => ({
        code: `XA-N${i}`,
        name: `Xã số ${i}`,
        kind: 'COMMUNE',
        parent: 'H-NG',
        border: false,
        staff: null,
        emails: [],
        from: null,
        to: null,
        successor: null,
      }))
    : [];
  for (const u of extraUnits) inFile.add(u.code);
  const units = [...c.units, ...extraUnits].map((u) => {
    const staff = u.staff ?? (oldUnit.get(u.code)?.staffYear === YEAR ? oldUnit.get(u.code)!.staff : null);
    return {
      code: u.code,
      name: u.name.normalize('NFC').trim(),
      kind: u.kind,
      parent: u.parent,
      border: u.border,
      staff,
      emails: u.emails.map((e) => `${e.head ? 'HEAD' : 'OFFICER'}:${e.email.toLowerCase()}`).sort(),
      from: u.from,
      to: u.to,
      successor: u.successor,
    };
  });
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  const pairs = c.pairs.map((p) => ({
    code: p.code,
    sponsor: p.sponsor,
    sponsorName: unitName.get(p.sponsor)!,
    recipient: p.recipient,
    recipientName: unitName.get(p.recipient)!,
    from: p.from,
    to: p.to,
    status: oldPair.get(p.code)?.status ?? 'ACTIVE',
    communes: [...p.communes],
    predecessor: oldPair.get(p.code)?.predecessor ?? null,
  }));
  return {
    units: byCode([...before.units.filter((u) => !inFile.has(u.code)).map(listedUnit), ...units]),
    pairs: byCode([
      ...before.pairs
        .filter((p) => !pairsInFile.has(p.code))
        .map((p) => ({
          ...p,
          sponsorName: unitName.get(p.sponsor) ?? p.sponsorName,
          recipientName: unitName.get(p.recipient) ?? p.recipientName,
          communes: [...p.communes],
        })),
      ...pairs,
    ]),
  };
}

/** The listing as compared: units and pairs by code, a unit's addresses as `ROLE:address`, sorted. */
function listed(roster: ListedRoster): unknown {
  return {
    units: byCode(roster.units.map(listedUnit)),
    pairs: byCode(roster.pairs.map((p) => ({ ...p, communes: [...p.communes] }))),
  };
}

describe('hostile roster files', () => {
  it('are imported exactly as written, or refused with every problem in both languages and nothing written', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        recipe,
        fc.constantFrom('cli', 'web'),
        fc.constantFrom<'vi' | 'en'>('vi', 'en'),
        async (r, door, lang) => {
          const c = await build(r);
          const before = await tableDigests(world.db.prisma, TABLES);
          const roster = await listRoster(world.db.prisma);
          const answer = door === 'cli' ? await throughCli(c) : await throughWeb(c, lang);
          const seen = { format: c.format, spoilers: c.spoilers, door };
          if (answer.accepted) {
            outcomes.accepted++;
            expect({ ...seen, accepted: true }).toEqual({ ...seen, accepted: c.outcome !== 'refuse' });
            expect(listed(await listRoster(world.db.prisma))).toEqual(expectedAfter(roster, c));
          } else {
            outcomes.refused++;
            expect({ ...seen, refused: answer.keys }).toEqual({
              ...seen,
              refused: c.outcome === 'accept' ? 'an accepted roster' : answer.keys,
            });
            const foretold = c.keys;
            if (c.outcome === 'refuse' && foretold !== null) {
              // A web upload may be refused as a whole first (a NUL byte makes it no spreadsheet).
              const expected = answer.keys.filter(
                (k) => foretold.includes(k) || k.startsWith('page.roster.'),
              );
              expect({ ...seen, keys: answer.keys, expected: foretold, found: expected.length > 0 }).toEqual({
                ...seen,
                keys: answer.keys,
                expected: foretold,
                found: true,
              });
            }
            expect(await tableDigests(world.db.prisma, TABLES)).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
    // Both outcomes were reached: a generator that only ever produced refusals would prove little.
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('text PostgreSQL cannot store', () => {
  /** A JSON roster of one department whose name is `name`. */
  const oneUnit = (name: string): Case => {
    const text = JSON.stringify({ units: [{ code: 'SO-NUL', name, kind: 'DEPARTMENT', staff: 3 }] });
    return {
      format: 'json',
      units: [],
      pairs: [],
      files: [{ name: 'roster.json', bytes: Buffer.from(text) }],
      outcome: 'refuse',
      keys: [],
      spoilers: [],
      source: text,
    };
  };

  it.each([
    ['a NUL', 'Sở\u0000Tài chính', 'roster.textNul'],
    ['a lone surrogate', 'Sở \ud800 Tài chính', 'roster.textSurrogate'],
  ])(
    '%s in a name is refused at the door, by the CLI and the web, and nothing is written',
    async (_what, name, key) => {
      for (const door of ['cli', 'web'] as const) {
        const before = await tableDigests(world.db.prisma, TABLES);
        const answer =
          door === 'cli' ? await throughCli(oneUnit(name)) : await throughWeb(oneUnit(name), 'en');
        expect({ door, answer }).toEqual({ door, answer: { accepted: false, keys: [key] } });
        expect(await tableDigests(world.db.prisma, TABLES)).toEqual(before);
      }
      expect(await world.db.prisma.unit.count({ where: { code: 'SO-NUL' } })).toBe(0);
    },
  );
});
