/**
 * A plan period written as bare years, as officials write it (`"from": 2020, "to": 2030`, or `2020` in a
 * cell), read from real files of each format: 1 January of the first year to 31 December of the last.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';

import { formatRosterError } from '../../domain/roster';
import { loadRoster } from '../../roster/load';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roster-years-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const UNITS = [
  { code: 'SO-TC', name: 'Sở Tài chính', kind: 'DEPARTMENT', staff: 85 },
  { code: 'H-DB', name: 'Thị xã Điện Bàn', kind: 'LOWLAND_DISTRICT' },
  { code: 'H-NG', name: 'Huyện Nam Giang', kind: 'MOUNTAIN_DISTRICT' },
  { code: 'XA-LD', name: 'Xã La Dêê', kind: 'COMMUNE', parent: 'H-NG', border: true },
];

async function periods(paths: string[]): Promise<[string, string, string | null][]> {
  const result = await loadRoster(paths);
  if (!result.ok) throw new Error(result.errors.map(formatRosterError).join('\n'));
  return result.roster.pairs.map((p) => [p.code, p.from, p.to]);
}

describe('a plan period in bare years', () => {
  it('json: numbers and strings', async () => {
    const file = path.join(dir, 'years.json');
    const pairs = [
      { code: 'KN-01', sponsor: 'SO-TC', recipient: 'XA-LD', from: 2020, to: 2030 },
      { code: 'KN-02', sponsor: 'H-DB', recipient: 'H-NG', from: '2021', to: '' },
    ];
    await writeFile(file, JSON.stringify({ units: UNITS, pairs }));
    expect(await periods([file])).toEqual([
      ['KN-01', '2020-01-01', '2030-12-31'],
      ['KN-02', '2021-01-01', null],
    ]);
  });

  it('json: a year out of range and an end year before the start, each with its message', async () => {
    const file = path.join(dir, 'bad-years.json');
    const pairs = [
      { code: 'KN-01', sponsor: 'SO-TC', recipient: 'XA-LD', from: 1920, to: 2030 },
      { code: 'KN-02', sponsor: 'H-DB', recipient: 'H-NG', from: 2030, to: 2025 },
    ];
    await writeFile(file, JSON.stringify({ units: UNITS, pairs }));
    const result = await loadRoster([file]);
    expect(result.ok ? [] : result.errors.map(formatRosterError)).toEqual([
      'bad-years.json, trang pairs, dòng 1, cột from: Năm «1920» nằm ngoài khoảng cho phép, từ năm 1990 đến năm 2100. / The year "1920" is outside the accepted range, 1990 to 2100.',
      'bad-years.json, trang pairs, dòng 2, cột to: Năm kết thúc 2025 trước năm bắt đầu 2030. / The end year 2025 is before the start year 2030.',
    ]);
  });

  it('csv: years beside the other date forms', async () => {
    const units = path.join(dir, 'years.units.csv');
    await writeFile(
      units,
      [
        'code,name,kind,parent,border,staff,emails',
        'SO-TC,Sở Tài chính,DEPARTMENT,,,85,',
        'H-DB,Thị xã Điện Bàn,LOWLAND_DISTRICT,,,,',
        'H-NG,Huyện Nam Giang,MOUNTAIN_DISTRICT,,,,',
        'XA-LD,Xã La Dêê,COMMUNE,H-NG,có,,',
        '',
      ].join('\n'),
    );
    await writeFile(
      path.join(dir, 'years.pairs.csv'),
      [
        'code,sponsor,recipient,from,to',
        'KN-01,SO-TC,XA-LD,2020,2030',
        'KN-02,H-DB,H-NG,01/07/2020,2025',
        'KN-03,H-DB,XA-LD,2026,',
        '',
      ].join('\n'),
    );
    expect(await periods([units])).toEqual([
      ['KN-01', '2020-01-01', '2030-12-31'],
      ['KN-02', '2020-07-01', '2025-12-31'],
      ['KN-03', '2026-01-01', null],
    ]);
  });

  it('xlsx: number cells and text cells', async () => {
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet('Đơn vị');
    units.addRow(['code', 'name', 'kind', 'parent', 'border', 'staff', 'emails']);
    for (const u of UNITS) {
      units.addRow([u.code, u.name, u.kind, u.parent ?? null, u.border ?? null, u.staff ?? null, null]);
    }
    const pairs = wb.addWorksheet('Cặp kết nghĩa');
    pairs.addRow(['code', 'sponsor', 'recipient', 'from', 'to']);
    pairs.addRow(['KN-01', 'SO-TC', 'XA-LD', 2020, 2030]);
    pairs.addRow(['KN-02', 'H-DB', 'H-NG', '2021', '2025']);
    const file = path.join(dir, 'years.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await periods([file])).toEqual([
      ['KN-01', '2020-01-01', '2030-12-31'],
      ['KN-02', '2021-01-01', '2025-12-31'],
    ]);
  });
});
