/**
 * Reads a roster from disk (`twinning roster import`) or from memory (a web upload): one .xlsx workbook, one
 * .json document, or a units .csv with its pairs .csv. Every format becomes the same {@link RawRoster} (rows of
 * text cells with their row numbers), so one validation in domain/roster serves them all.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import {
  locateJsonError,
  type RawRoster,
  type RawRow,
  type RawTable,
  type RosterError,
  type RosterTableName,
} from '../domain/roster';

/** The default size limit of a roster file: 10 MiB. */
const DEFAULT_MAX_ROSTER_BYTES = 10 * 1024 * 1024;

/** Options of {@link readRosterFiles}. */
export interface ReadRosterOptions {
  /** Files larger than this are refused before being read (default {@link DEFAULT_MAX_ROSTER_BYTES}). */
  readonly maxBytes?: number;
}

/**
 * What was read: the tables (null when nothing usable could be read) and the problems found while
 * reading. Problems here are about the file itself; the rows are validated afterwards.
 */
export interface ReadRosterResult {
  readonly raw: RawRoster | null;
  readonly errors: readonly RosterError[];
}

/** Names of the sheets of a workbook, in Vietnamese and English (compared without case). */
const SHEET_NAMES: Readonly<Record<RosterTableName, readonly [string, string]>> = {
  units: ['Đơn vị', 'units'],
  pairs: ['Cặp kết nghĩa', 'pairs'],
};

const MIB = 1024 * 1024;

function fail(file: string, key: RosterError['key'], params: RosterError['params'] = {}): ReadRosterResult {
  return { raw: null, errors: [{ file, key, params }] };
}

/**
 * Reads the roster named by `paths`: one .xlsx or .json file; one .csv file whose partner is found beside
 * it (`units.csv` ↔ `pairs.csv`, `X.units.csv` ↔ `X.pairs.csv`); or two .csv files, units first.
 */
export async function readRosterFiles(
  paths: readonly string[],
  options: ReadRosterOptions = {},
): Promise<ReadRosterResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ROSTER_BYTES;
  const first = paths[0];
  if (first === undefined || paths.length > 2)
    return fail('', 'roster.tooManyFiles', { count: paths.length });
  const extension = path.extname(first).toLowerCase();

  if (paths.length === 1 && (extension === '.xlsx' || extension === '.json')) {
    const content = await load(first, maxBytes);
    if ('error' in content) return { raw: null, errors: [content.error] };
    return readRosterBytes(extension === '.xlsx' ? 'xlsx' : 'json', [
      { name: path.basename(first), bytes: content.bytes },
    ]);
  }
  if (extension !== '.csv') return fail(path.basename(first), 'roster.unsupportedFormat');

  let unitsPath: string;
  let pairsPath: string;
  if (paths.length === 2) {
    [unitsPath, pairsPath] = [first, paths[1]!];
    if (path.extname(pairsPath).toLowerCase() !== '.csv')
      return fail(path.basename(pairsPath), 'roster.unsupportedFormat');
  } else {
    const partner = csvPartner(first);
    if (partner === null)
      return fail(path.basename(first), 'roster.csvPartnerMissing', { expected: 'pairs.csv' });
    [unitsPath, pairsPath] = partner.firstIs === 'units' ? [first, partner.path] : [partner.path, first];
    if (!(await exists(partner.path))) {
      return fail(path.basename(first), 'roster.csvPartnerMissing', {
        expected: path.basename(partner.path),
      });
    }
  }

  const [units, pairs] = await Promise.all([load(unitsPath, maxBytes), load(pairsPath, maxBytes)]);
  const errors: RosterError[] = [];
  if ('error' in units) errors.push(units.error);
  if ('error' in pairs) errors.push(pairs.error);
  if ('error' in units || 'error' in pairs) return { raw: null, errors };
  return readRosterBytes('csv', [
    { name: path.basename(unitsPath), bytes: units.bytes },
    { name: path.basename(pairsPath), bytes: pairs.bytes },
  ]);
}

/** The formats of a roster: what {@link readRosterBytes} reads. */
export type RosterFormat = 'xlsx' | 'json' | 'csv';

/** A roster file already in memory: its name (for the messages) and its bytes. */
export interface RosterBytes {
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * Reads a roster held in memory: one xlsx or json file, or for csv the units file then the pairs file. The
 * format is the caller's decision (the CLI goes by the file's extension, the web upload by its content: see
 * {@link sniffRosterFormat}). An empty file is refused as on disk.
 */
export async function readRosterBytes(
  format: RosterFormat,
  files: readonly RosterBytes[],
): Promise<ReadRosterResult> {
  const expected = format === 'csv' ? 2 : 1;
  if (files.length !== expected)
    return fail(files[0]?.name ?? '', 'roster.tooManyFiles', { count: files.length });
  const empty = files.filter((f) => f.bytes.length === 0);
  if (empty.length > 0)
    return { raw: null, errors: empty.map((f) => ({ file: f.name, key: 'roster.emptyFile', params: {} })) };
  const [first, second] = files as [RosterBytes, RosterBytes | undefined];
  if (format === 'xlsx') return readXlsx(first.name, first.bytes);
  if (format === 'json') return readJson(first.name, first.bytes);
  const errors: RosterError[] = [];
  const unitsTable = readCsv(first.name, first.bytes);
  const pairsTable = readCsv(second!.name, second!.bytes);
  for (const table of [unitsTable, pairsTable]) if ('error' in table) errors.push(table.error);
  if ('error' in unitsTable || 'error' in pairsTable) return { raw: null, errors };
  return { raw: { units: unitsTable, pairs: pairsTable }, errors };
}

/**
 * What a file's bytes are, whatever its name says: an xlsx workbook (a zip archive), a JSON document (text
 * starting with `{` or `[`), CSV (other UTF-8 text), `notUtf8` (text in another encoding, such as a legacy
 * Vietnamese code page) or `binary` (a NUL byte, which no text roster holds: a picture, a PDF, a document).
 * The reader of the format then checks the rest.
 */
export function sniffRosterFormat(bytes: Buffer): RosterFormat | 'notUtf8' | 'binary' {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (bytes.includes(0)) return 'binary';
  const decoded = decode('', bytes);
  if ('error' in decoded) return 'notUtf8';
  const start = decoded.text.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') || start.startsWith('[') ? 'json' : 'csv';
}

/** The partner of a .csv file by name, and which of the two the given file is. */
export function csvPartner(file: string): { path: string; firstIs: RosterTableName } | null {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const match = /^(.*?)(units|pairs)(\.csv)$/i.exec(base);
  // Only `units.csv` or a name ending in `.units.csv` (and the same for pairs) have a partner by rule.
  if (!match || (match[1] !== '' && !match[1]!.endsWith('.'))) return null;
  const [, prefix = '', word = '', suffix = ''] = match;
  const isUnits = word.toLowerCase() === 'units';
  const other = isUnits ? matchCase(word, 'pairs') : matchCase(word, 'units');
  return { path: path.join(dir, `${prefix}${other}${suffix}`), firstIs: isUnits ? 'units' : 'pairs' };
}

function matchCase(model: string, word: string): string {
  return model === model.toUpperCase() ? word.toUpperCase() : word;
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Reads a file whole after checking its size, so an oversized file is refused before any parsing. */
async function load(file: string, maxBytes: number): Promise<{ bytes: Buffer } | { error: RosterError }> {
  const name = path.basename(file);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { error: { file: name, key: 'roster.fileNotFound', params: {} } };
    size = info.size;
  } catch {
    return { error: { file: name, key: 'roster.fileNotFound', params: {} } };
  }
  if (size > maxBytes) {
    const params = { size: (size / MIB).toFixed(1), limit: Number((maxBytes / MIB).toFixed(2)) };
    return { error: { file: name, key: 'roster.fileTooLarge', params } };
  }
  if (size === 0) return { error: { file: name, key: 'roster.emptyFile', params: {} } };
  try {
    return { bytes: await readFile(file) };
  } catch {
    return { error: { file: name, key: 'roster.fileNotFound', params: {} } };
  }
}

/** Decodes UTF-8 strictly (a legacy Vietnamese code page must not turn into mojibake) and drops a BOM. */
function decode(file: string, bytes: Buffer): { text: string } | { error: RosterError } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { error: { file, key: 'roster.notUtf8', params: {} } };
  }
}

/**
 * The error of a CSV text csv-parse refused, by its code: its message is English only and about the parser (`got
 * " " at line 2 instead of delimiter, record delimiter, trimable character (if activated) or comment`).
 */
function csvSyntaxError(file: string, error: unknown): RosterError {
  const { code, lines } = error as { code?: unknown; lines?: unknown };
  const line = typeof lines === 'number' ? lines : 1;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return { file, key: 'roster.csvQuoteNotClosed', params: { line } };
  if (
    code === 'INVALID_OPENING_QUOTE' ||
    code === 'CSV_INVALID_OPENING_QUOTE' ||
    code === 'CSV_INVALID_CLOSING_QUOTE' ||
    code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'
  )
    return { file, key: 'roster.csvQuoteMisplaced', params: { line } };
  return { file, key: 'roster.csvSyntax', params: { line } };
}

/** Reads one CSV table: the first record is the header, every later non-blank record a row. */
function readCsv(file: string, bytes: Buffer): RawTable | { error: RosterError } {
  const decoded = decode(file, bytes);
  if ('error' in decoded) return decoded;
  if (decoded.text.trim() === '') return { error: { file, key: 'roster.emptyFile', params: {} } };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(decoded.text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return { error: csvSyntaxError(file, error) };
  }
  const [head, ...body] = records;
  if (!head) return { error: { file, key: 'roster.emptyFile', params: {} } };
  const header = head.record;
  const rows: RawRow[] = [];
  for (const { record, info } of body) {
    if (record.every((cell) => cell.trim() === '')) continue;
    // csv-parse reports the line where a record ends; a quoted cell may span lines, and people look for
    // the line where the record starts.
    const spanned = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    const cells: Record<string, string> = {};
    header.forEach((name, index) => {
      cells[name] = record[index] ?? '';
    });
    rows.push({ row: info.lines - spanned, cells, width: record.length });
  }
  return { file, header, headerRow: head.info.lines, rows };
}

/** Reads the two sheets of a workbook. */
async function readXlsx(file: string, bytes: Buffer): Promise<ReadRosterResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs does not check the archive's checksums: a damaged byte inside a sheet is read as other text (a
    // unit's name changed without a word). Each part's CRC-32 is checked first, so such a file is refused.
    await JSZip.loadAsync(bytes, { checkCRC32: true });
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // The zip or XML library's own words (`Corrupted zip: can't find end of central directory`) mean nothing to
    // an official: the message says what to do instead.
    return fail(file, 'roster.xlsxUnreadable');
  }
  const errors: RosterError[] = [];
  const tables: Partial<Record<RosterTableName, RawTable>> = {};
  for (const table of ['units', 'pairs'] as const) {
    const names = SHEET_NAMES[table].map(normaliseSheetName);
    const sheet = workbook.worksheets.find((ws) => names.includes(normaliseSheetName(ws.name)));
    if (!sheet) {
      const [expected, alias] = SHEET_NAMES[table];
      errors.push({ file, key: 'roster.sheetMissing', params: { expected, alias } });
      continue;
    }
    tables[table] = readSheet(file, sheet);
  }
  if (errors.length > 0 || !tables.units || !tables.pairs) return { raw: null, errors };
  return { raw: { units: tables.units, pairs: tables.pairs }, errors };
}

function normaliseSheetName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

function readSheet(file: string, sheet: ExcelJS.Worksheet): RawTable {
  let header: string[] | null = null;
  let headerRow = 1;
  const rows: RawRow[] = [];
  // `eachRow` skips rows that have no cell at all; rows of empty strings are skipped below.
  sheet.eachRow((row) => {
    const texts: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, header?.length ?? 0); column++) {
      texts.push(cellText(row.getCell(column)));
    }
    if (texts.every((text) => text.trim() === '')) return;
    if (header === null) {
      // Trailing empty header cells are formatting, not columns.
      while (texts.length > 0 && texts[texts.length - 1]!.trim() === '') texts.pop();
      header = texts;
      headerRow = row.number;
      return;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, index) => {
      if (name.trim() !== '') cells[name] = texts[index] ?? '';
    });
    rows.push({ row: row.number, cells });
  });
  return { file, sheet: sheet.name, header: header ?? [], headerRow, rows };
}

/**
 * The text of a cell. A real formula yields its own text with a leading `=`, never its cached result: the
 * roster is data, and a result computed by whoever last saved the file is not what the administrator typed.
 */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Formula) return `=${cell.formula ?? ''}`;
  return valueText(cell.value);
}

function valueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    // exceljs gives date cells as UTC midnight of the calendar day shown in the sheet.
    return value.toISOString().slice(0, 10);
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'string' ? text : valueText(text as ExcelJS.CellValue);
  }
  if ('formula' in value || 'sharedFormula' in value)
    return `=${String((value as { formula?: string }).formula ?? '')}`;
  if ('error' in value) return String(value.error);
  return '';
}

/** Reads `{ "units": [ … ], "pairs": [ … ] }`; entries are objects whose values become text cells. */
export function readJson(file: string, bytes: Buffer): ReadRosterResult {
  const decoded = decode(file, bytes);
  if ('error' in decoded) return { raw: null, errors: [decoded.error] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail(file, 'roster.emptyFile');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const place = locateJsonError(text);
    if (place?.kind === 'end') return fail(file, 'roster.jsonTruncated', { line: place.line });
    const { line, column, found } = place ?? { line: 1, column: 1, found: text.slice(0, 1) };
    return fail(file, 'roster.jsonSyntax', { line, column, found });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return fail(file, 'roster.jsonShape');
  const { units, pairs } = document as Record<string, unknown>;
  if (!Array.isArray(units) || (pairs !== undefined && !Array.isArray(pairs)))
    return fail(file, 'roster.jsonShape');
  const errors: RosterError[] = [];
  const table = (sheet: RosterTableName, entries: unknown[]): RawTable => {
    const rows: RawRow[] = [];
    entries.forEach((entry, index) => {
      const row = index + 1;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        errors.push({ file, sheet, row, key: 'roster.jsonItem', params: {} });
        return;
      }
      // Without a prototype, so that a `__proto__` key is a column like any other (refused as unknown), not
      // a prototype to set that would drop the key unseen.
      const cells = Object.create(null) as Record<string, string>;
      let ok = true;
      for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
        const cell = jsonCell(value);
        if (cell === null) {
          errors.push({ file, sheet, row, column: key, key: 'roster.jsonValue', params: {} });
          ok = false;
        } else {
          cells[key] = cell;
        }
      }
      if (ok) rows.push({ row, cells });
    });
    return { file, sheet, header: null, rows };
  };
  const raw = { units: table('units', units), pairs: table('pairs', (pairs as unknown[] | undefined) ?? []) };
  return { raw, errors };
}

/** A JSON value as cell text; `emails` may also be an array of strings. Null when not representable. */
function jsonCell(value: unknown): string | null {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(';');
  return null;
}
