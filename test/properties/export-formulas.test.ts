/**
 * The report's CSV and XLSX writers under hostile text, property-based (fast-check): whatever a unit's name, a
 * reason or a decision number holds — text starting with `=`, `+`, `-`, `@`, a tab or a carriage return,
 * markup, quotes, separators, line breaks — the file read back holds it as text that no spreadsheet takes for a
 * formula (neutralised with a leading `'`), every other character kept, and no XLSX cell is a formula. Numbers
 * stay numbers, negative ones too. The writers are the ones `twinning report` and the web export use.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { looksLikeFormula, neutraliseCell } from '../../domain/export-safety';
import { tableToCsv } from '../../reports/render-csv';
import { tableSheet } from '../../reports/render-xlsx';
import type { Column, Table } from '../../reports/tables';

const COLUMNS: readonly Column[] = [
  { header: 'Mã đơn vị', format: 'text' },
  { header: '=Tên đơn vị', format: 'text' },
  { header: 'Biên chế', format: 'int' },
  { header: 'Lý do', format: 'text' },
];

/** Text aimed at a spreadsheet: formula starts, DDE, markup, separators and line breaks. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', "'="), fc.string({ maxLength: 12 }))
    .map(([start, rest]) => start + rest),
  fc.constantFrom(
    '=HYPERLINK("http://evil.example","x")',
    "=cmd|' /C calc'!A0",
    '+1+1',
    '-2+3',
    '@SUM(A1:A9)',
    '<script>alert(1)</script>',
    'a,b;"c"\r\nd',
  ),
);

const table = fc
  .array(fc.tuple(hostileText, hostileText, fc.integer({ min: -1000, max: 1000 }), hostileText), {
    minLength: 1,
    maxLength: 6,
  })
  .map((rows): Table => ({ name: 'Đơn vị', columns: COLUMNS, rows }));

const TEXT_COLUMNS = [0, 1, 3];

describe('CSV and XLSX exports of hostile text', () => {
  it('CSV: every text cell reads back neutralised, never as a formula; numbers stay numbers', () => {
    fc.assert(
      fc.property(table, (t) => {
        const rows = parse(tableToCsv(t), { relax_column_count: false }) as string[][];
        expect(rows[0]).toEqual(COLUMNS.map((c) => neutraliseCell(c.header)));
        expect(rows).toHaveLength(t.rows.length + 1);
        t.rows.forEach((row, r) => {
          const read = rows[r + 1]!;
          for (const i of TEXT_COLUMNS) {
            expect(read[i]).toBe(neutraliseCell(row[i] as string));
            expect(looksLikeFormula(read[i]!)).toBe(false);
          }
          expect(read[2]).toBe(String(row[2]));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('XLSX: every text cell reads back as neutralised text and no cell is a formula', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const written = new ExcelJS.Workbook();
        tableSheet(written, t);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await written.xlsx.writeBuffer());
        const sheet = workbook.getWorksheet('Đơn vị')!;
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.formula).toBeUndefined();
          }),
        );
        expect(sheet.getCell(1, 2).value).toBe("'=Tên đơn vị");
        t.rows.forEach((row, r) => {
          for (const i of TEXT_COLUMNS) {
            // exceljs reads an empty string back as no value; XML reads every line break back as LF.
            const value = sheet.getCell(r + 2, i + 1).value ?? '';
            expect(value).toBe(neutraliseCell(row[i] as string).replace(/\r\n?/g, '\n'));
            expect(typeof value === 'string' && looksLikeFormula(value)).toBe(false);
          }
          expect(sheet.getCell(r + 2, 3).value).toBe(row[2]);
        });
      }),
      { numRuns: 60 },
    );
  });
});
