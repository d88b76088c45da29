import { z } from 'zod';

import { unstorableText } from '../text';
import { isUnitKind, UNIT_KINDS, type UnitKind } from '../units';
import {
  CODE_PATTERN,
  isEmail,
  MAX_NAME_LENGTH,
  parseBareYear,
  parseBoolean,
  parseRosterDate,
  parseStaff,
  ROSTER_YEARS,
  splitEmails,
} from './cells';
import { normaliseColumnName } from './header';
import type {
  RawRow,
  RawTable,
  RosterContact,
  RosterError,
  RosterMessageKey,
  RosterPair,
  RosterUnit,
  RowSource,
} from './types';

// Each failing cell adds one custom issue whose message is a catalogue key and whose params fill it in; the
// issue's path names the column. So zod does the walking and the catalogue does the wording.
type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, key: RosterMessageKey, params: Record<string, string | number> = {}): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: key, params });
  return z.NEVER;
}

/** A required code. */
const code = z.string().transform((text, ctx) => {
  const value = text.trim();
  if (value === '') return fail(ctx, 'roster.required');
  if (!CODE_PATTERN.test(value)) return fail(ctx, 'roster.codeInvalid', { value });
  return value;
});

/** An optional code: empty gives null. */
const optionalCode = z.string().transform((text, ctx) => {
  const value = text.trim();
  if (value === '') return null;
  if (!CODE_PATTERN.test(value)) return fail(ctx, 'roster.codeInvalid', { value });
  return value;
});

/**
 * A unit name. Kept exactly as written apart from surrounding spaces and Unicode normalisation (NFC), so a
 * name typed on a Mac (decomposed diacritics) equals the same name typed on Windows. A name that starts
 * with `=`, `+`, `-` or `@` is text like any other: it is never evaluated here, and exports neutralise it.
 */
const name = z.string().transform((text, ctx) => {
  const value = text.normalize('NFC').trim();
  if (value === '') return fail(ctx, 'roster.required');
  // The only free text of a roster: codes, addresses, dates and kinds have patterns that already refuse these.
  const unstorable = unstorableText(value);
  if (unstorable === 'nul') return fail(ctx, 'roster.textNul');
  if (unstorable === 'surrogate') return fail(ctx, 'roster.textSurrogate');
  const length = [...value].length;
  if (length > MAX_NAME_LENGTH) return fail(ctx, 'roster.nameTooLong', { length, max: MAX_NAME_LENGTH });
  return value;
});

const kind = z.string().transform((text, ctx): UnitKind => {
  const value = text.trim().toUpperCase();
  if (value === '') return fail(ctx, 'roster.required');
  if (!isUnitKind(value))
    return fail(ctx, 'roster.kindInvalid', { value: text.trim(), allowed: UNIT_KINDS.join(', ') });
  return value;
});

const border = z.string().transform((text, ctx) => {
  const value = parseBoolean(text);
  return value ?? fail(ctx, 'roster.borderInvalid', { value: text.trim() });
});

const staff = z.string().transform((text, ctx) => {
  if (text.trim() === '') return null;
  return parseStaff(text) ?? fail(ctx, 'roster.staffInvalid', { value: text.trim() });
});

const emails = z.string().transform((text, ctx): RosterContact[] => {
  const contacts: RosterContact[] = [];
  const seen = new Set<string>();
  for (const entry of splitEmails(text)) {
    if (!isEmail(entry.text)) {
      fail(ctx, 'roster.emailInvalid', { value: entry.text });
      continue;
    }
    // Domains are case-insensitive and local parts are in practice: store one spelling.
    const email = entry.text.toLowerCase();
    if (seen.has(email)) {
      fail(ctx, 'roster.emailDuplicate', { value: entry.text });
      continue;
    }
    seen.add(email);
    contacts.push({ email, role: entry.head ? 'HEAD' : 'OFFICER' });
  }
  return contacts;
});

/**
 * One end of a plan period: a date, or a bare year standing for its first day (`from`) or its last day
 * (`to`), so `2020`–`2030` covers the whole of both years.
 */
function periodEnd(end: 'from' | 'to', text: string, ctx: Ctx): string {
  const year = parseBareYear(text);
  if (year === null) return parseRosterDate(text) ?? fail(ctx, 'roster.dateInvalid', { value: text });
  if (year < ROSTER_YEARS.min || year > ROSTER_YEARS.max) {
    return fail(ctx, 'roster.yearOutOfRange', { value: text, ...ROSTER_YEARS });
  }
  return end === 'from' ? `${year}-01-01` : `${year}-12-31`;
}

const from = z.string().transform((text, ctx) => {
  const value = text.trim();
  if (value === '') return fail(ctx, 'roster.required');
  return periodEnd('from', value, ctx);
});

/** An optional end of a period (a pair's `to`, a unit's `from` and `to`): empty gives null. */
function optionalEnd(end: 'from' | 'to') {
  return z.string().transform((text, ctx) => {
    const value = text.trim();
    if (value === '') return null;
    return periodEnd(end, value, ctx);
  });
}

const to = optionalEnd('to');

/**
 * The communes a pair covers: codes separated by `;` (a JSON array arrives joined the same way). Each code is
 * checked on its own and a code given twice is refused, so the stored list is exactly what was meant.
 */
const communes = z.string().transform((text, ctx): string[] => {
  const codes: string[] = [];
  for (const part of text.split(';')) {
    const value = part.trim();
    if (value === '') continue;
    if (!CODE_PATTERN.test(value)) fail(ctx, 'roster.codeInvalid', { value });
    else if (codes.includes(value)) fail(ctx, 'roster.communeDuplicate', { code: value });
    else codes.push(value);
  }
  return codes;
});

/** The schema of one units row (cells as text, keyed by normalised column name). */
const unitRowSchema = z.object({
  code,
  name,
  kind,
  parent: optionalCode,
  border,
  staff,
  emails,
  from: optionalEnd('from'),
  to: optionalEnd('to'),
  successor: optionalCode,
});

/** The schema of one pairs row. */
const pairRowSchema = z.object({
  code,
  sponsor: code,
  recipient: code,
  from,
  to,
  communes,
});

/** The cells of a row keyed by normalised column name; a column left out of the file reads as empty. */
function cellsOf(raw: RawRow, columns: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const column of columns) cells[column] = '';
  for (const [key, value] of Object.entries(raw.cells)) {
    const column = normaliseColumnName(key);
    if (columns.includes(column)) cells[column] = value;
  }
  return cells;
}

function sourceOf(table: RawTable, raw: RawRow): RowSource {
  return { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}), row: raw.row };
}

function errorsOf(source: RowSource, issues: readonly z.core.$ZodIssue[]): RosterError[] {
  return issues.map((issue) => ({
    ...source,
    column: String(issue.path[0] ?? ''),
    // Every issue comes from `fail`, whose message is a catalogue key; cells are always strings.
    key: issue.message as RosterMessageKey,
    params: issue.code === 'custom' ? ((issue.params ?? {}) as Record<string, string | number>) : {},
  }));
}

/**
 * The error of a period whose end lies before its start, told in the form the official wrote: two years, or
 * the dates they stand for. Null when the period is fine or has an open end.
 */
function reversedPeriod(
  source: RowSource,
  cells: Readonly<Record<string, string>>,
  from: string | null,
  to: string | null,
): RosterError | null {
  if (from === null || to === null || from <= to) return null;
  const fromYear = parseBareYear(cells.from ?? '');
  const toYear = parseBareYear(cells.to ?? '');
  return fromYear !== null && toYear !== null
    ? { ...source, column: 'to', key: 'roster.yearsReversed', params: { from: fromYear, to: toYear } }
    : { ...source, column: 'to', key: 'roster.periodReversed', params: { from, to } };
}

function widthError(table: RawTable, raw: RawRow): RosterError | null {
  if (table.header === null || raw.width === undefined || raw.width === table.header.length) return null;
  return {
    ...sourceOf(table, raw),
    key: 'roster.columnCount',
    params: { found: raw.width, expected: table.header.length },
  };
}

/** Validates one units row on its own (no knowledge of other rows). */
export function validateUnitRow(
  table: RawTable,
  raw: RawRow,
  columns: readonly string[],
): { unit: RosterUnit | null; errors: RosterError[] } {
  const source = sourceOf(table, raw);
  const width = widthError(table, raw);
  if (width) return { unit: null, errors: [width] };
  const cells = cellsOf(raw, columns);
  const parsed = unitRowSchema.safeParse(cells);
  const errors = parsed.success ? [] : errorsOf(source, parsed.error.issues);
  // A department's staff count drives its targets, so it cannot be left out; checked on the raw text so
  // that it is reported even when another cell of the row is wrong.
  if (cells.kind?.trim().toUpperCase() === 'DEPARTMENT' && cells.staff?.trim() === '') {
    errors.push({ ...source, column: 'staff', key: 'roster.staffRequired', params: {} });
  }
  if (!parsed.success || errors.length > 0) return { unit: null, errors };
  const data = parsed.data;
  // Only communes hang under another unit (their mountain district) and only communes lie on the border.
  if (data.kind !== 'COMMUNE' && data.parent !== null) {
    errors.push({ ...source, column: 'parent', key: 'roster.parentNotAllowed', params: { kind: data.kind } });
  }
  if (data.kind !== 'COMMUNE' && data.border) {
    errors.push({
      ...source,
      column: 'border',
      key: 'roster.borderOnlyCommune',
      params: { kind: data.kind },
    });
  }
  const reversed = reversedPeriod(source, cells, data.from, data.to);
  if (reversed) errors.push(reversed);
  if (errors.length > 0) return { unit: null, errors };
  return {
    unit: {
      code: data.code,
      name: data.name,
      kind: data.kind,
      parent: data.parent,
      border: data.border,
      staff: data.staff,
      contacts: data.emails,
      from: data.from,
      to: data.to,
      successor: data.successor,
      source,
    },
    errors,
  };
}

/** Validates one pairs row on its own. */
export function validatePairRow(
  table: RawTable,
  raw: RawRow,
  columns: readonly string[],
): { pair: RosterPair | null; errors: RosterError[] } {
  const source = sourceOf(table, raw);
  const width = widthError(table, raw);
  if (width) return { pair: null, errors: [width] };
  const cells = cellsOf(raw, columns);
  const parsed = pairRowSchema.safeParse(cells);
  if (!parsed.success) return { pair: null, errors: errorsOf(source, parsed.error.issues) };
  const data = parsed.data;
  const reversed = reversedPeriod(source, cells, data.from, data.to);
  if (reversed) return { pair: null, errors: [reversed] };
  return { pair: { ...data, source }, errors: [] };
}
