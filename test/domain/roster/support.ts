import type { RawRoster, RawTable } from '../../../domain/roster';

/** The units header in the documented order. */
export const UNITS_HEADER = ['code', 'name', 'kind', 'parent', 'border', 'staff', 'emails'];

/** The pairs header in the documented order. */
export const PAIRS_HEADER = ['code', 'sponsor', 'recipient', 'from', 'to'];

/** A small valid roster: rows 2–6 of units.csv, rows 2–3 of pairs.csv. */
export const UNITS: string[][] = [
  [
    'STC',
    'Sở Tài chính',
    'DEPARTMENT',
    '',
    '',
    '85',
    'head:giamdoc@stc.example.gov.vn; ketnghia@stc.example.gov.vn',
  ],
  ['DIEN-BAN', 'Thị xã Điện Bàn', 'LOWLAND_DISTRICT', '', '', '', ''],
  ['NAM-GIANG', 'Huyện Nam Giang', 'MOUNTAIN_DISTRICT', '', '', '', 'dantoc@namgiang.example.gov.vn'],
  ['LA-DEE', 'Xã La Dêê', 'COMMUNE', 'NAM-GIANG', 'có', '', ''],
  ['CA-DY', 'Xã Cà Dy', 'COMMUNE', 'NAM-GIANG', '', '', ''],
];

/** Pairs of the small valid roster. */
export const PAIRS: string[][] = [
  ['KN-01', 'STC', 'LA-DEE', '2020-01-01', ''],
  ['KN-02', 'DIEN-BAN', 'NAM-GIANG', '01/01/2020', '31/12/2030'],
];

/** A CSV-like table: the header on line 1, rows from line 2. */
export function csvTable(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): RawTable {
  return {
    file,
    header: [...header],
    rows: rows.map((cells, index) => ({
      row: index + 2,
      cells: Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])),
      width: cells.length,
    })),
  };
}

/** A roster of two CSV tables. */
export function roster(
  units: readonly (readonly string[])[] = UNITS,
  pairs: readonly (readonly string[])[] = PAIRS,
): RawRoster {
  return {
    units: csvTable('units.csv', UNITS_HEADER, units),
    pairs: csvTable('pairs.csv', PAIRS_HEADER, pairs),
  };
}

/** A copy of `rows` with row `index` (0-based) replaced. */
export function replace(
  rows: readonly (readonly string[])[],
  index: number,
  row: readonly string[],
): string[][] {
  return rows.map((r, i) => (i === index ? [...row] : [...r]));
}
