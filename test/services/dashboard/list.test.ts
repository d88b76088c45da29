/**
 * The dashboard's cycle list and its export on a real PostgreSQL, on the hand-built data set of fixture.ts: every
 * filter, every sort both ways, pagination edges, the readers' scopes, and the CSV and xlsx files read back.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Scope } from '../../../domain/access';
import { DEFAULT_EVALUATION_SETTINGS } from '../../../domain/evaluation/settings';
import { bilingualOf } from '../../../domain/messages';
import { parseCycleListQuery, type CycleListQuery } from '../../../domain/dashboard/list-query';
import { CYCLE_EXPORT_HEADERS, exportCycles } from '../../../services/dashboard/export';
import { listCycles } from '../../../services/dashboard/list';
import { actorOf } from '../../../services/access';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { INJECTED, UNIT_IDS, writeFixture } from './fixture';

let db: TestDatabase;
const ALL: Scope = { kind: 'all' };

beforeAll(async () => {
  db = await createTestDatabase();
  await writeFixture(db.prisma);
});

afterAll(async () => {
  await db?.drop();
});

function query(input: Record<string, unknown>): CycleListQuery {
  const parsed = parseCycleListQuery(input);
  if (!parsed.ok) throw new Error(parsed.errors.map(bilingualOf).join('\n'));
  return parsed.query;
}

async function codes(input: Record<string, unknown>, scope: Scope = ALL): Promise<string[]> {
  const page = await listCycles(db.prisma, scope, query({ pageSize: 200, ...input }));
  // Every match fits on the page, so the count (a query of its own) must say as many.
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((r) => `${r.pairCode}${r.year === 2026 ? '' : `/${r.year}`}`);
}

describe('filters', () => {
  it.each([
    [{}, ['P01', 'P02', 'P03', 'P04', 'P05/2025', 'P05']],
    [{ year: '2026' }, ['P01', 'P02', 'P03', 'P04', 'P05']],
    [{ year: 2025 }, ['P05/2025']],
    [{ year: 2026, phase: 'agreement' }, ['P02']],
    [{ year: 2026, phase: 'yearEndReporting' }, []],
    [{ year: 2026, sponsor: 'SO-A' }, ['P01', 'P02']],
    [{ year: 2026, recipient: 'XA-1' }, ['P01', 'P05']],
    // The district itself (P04) and its communes XA-1 (P01, P05) and XA-2 (P02); XA-3 has no district.
    [{ year: 2026, district: 'H-NG' }, ['P01', 'P02', 'P04', 'P05']],
    [{ year: 2026, district: 'XA-3' }, ['P03']],
    [{ year: 2026, sponsor: 'NO-SUCH' }, []],
    [{ year: 2026, obligation: 'O2', status: 'missed' }, ['P02']],
    [{ year: 2026, obligation: 'O1', status: 'late' }, ['P03']],
    [{ year: 2026, status: 'missed' }, ['P02', 'P04']],
    [{ year: 2026, overdue: 'true' }, ['P02', 'P04']],
    [{ year: 2026, overdue: false }, ['P01', 'P03', 'P05']],
    [{ year: 2026, escalation: '0' }, ['P01', 'P03', 'P05']],
    [{ year: 2026, escalation: 1 }, ['P04']],
    [{ year: 2026, escalation: 2 }, ['P02']],
    // KHA: H-DB's proposal (P04), SO-B's final rating (P03, P05).
    [{ year: 2026, rating: 'KHA' }, ['P03', 'P04', 'P05']],
    [{ year: 2026, rating: 'KHA', ratingStage: 'final' }, ['P03', 'P05']],
    [{ year: 2026, rating: 'KHA', ratingStage: 'proposed' }, ['P04']],
    [{ year: 2026, rating: 'TOT' }, ['P01', 'P04', 'P05']],
    [{ year: 2026, sponsor: 'SO-B', rating: 'TOT', overdue: false }, ['P05']],
    // Across the years a rating matches the cycle of its own year only: SO-B's 2026 rating leaves P05/2025 out.
    [{ rating: 'KHA' }, ['P03', 'P04', 'P05']],
  ])('%j → %j', async (input, expected) => {
    expect(await codes(input)).toEqual(expected);
  });
});

describe('sorts', () => {
  it.each([
    ['pair', 'asc', ['P01', 'P02', 'P03', 'P04', 'P05']],
    ['pair', 'desc', ['P05', 'P04', 'P03', 'P02', 'P01']],
    ['phase', 'asc', ['P01', 'P02', 'P03', 'P04', 'P05']],
    ['phase', 'desc', ['P05', 'P04', 'P03', 'P02', 'P01']],
    // Next deadlines: P01 O1 02/03, P02 O3 31/03, P03 O4 15/12, P04 O7 15/01/2027; P05 none (always last).
    ['deadline', 'asc', ['P01', 'P02', 'P03', 'P04', 'P05']],
    ['deadline', 'desc', ['P04', 'P03', 'P02', 'P01', 'P05']],
    // Levels 0 (P01, P03, P05), 1 (P04), 2 (P02); ties by workflow ID, in the same direction.
    ['escalation', 'asc', ['P01', 'P03', 'P05', 'P04', 'P02']],
    ['escalation', 'desc', ['P02', 'P04', 'P05', 'P03', 'P01']],
    ['waitingSince', 'asc', ['P01', 'P02', 'P03', 'P04', 'P05']],
    ['waitingSince', 'desc', ['P05', 'P04', 'P03', 'P02', 'P01']],
    // Sponsor codes H-DB < SO-A < SO-B, then pair code.
    ['sponsor', 'asc', ['P04', 'P01', 'P02', 'P03', 'P05']],
    ['sponsor', 'desc', ['P05', 'P03', 'P02', 'P01', 'P04']],
    ['recipient', 'asc', ['P04', 'P01', 'P05', 'P02', 'P03']],
    ['recipient', 'desc', ['P03', 'P02', 'P05', 'P01', 'P04']],
  ])('by %s %s', async (sort, dir, expected) => {
    expect(await codes({ year: 2026, sort, dir })).toEqual(expected);
  });

  it('sorts every year by pair code then year', async () => {
    expect(await codes({ sort: 'pair', dir: 'desc' })).toEqual([
      'P05',
      'P05/2025',
      'P04',
      'P03',
      'P02',
      'P01',
    ]);
  });

  it('keeps a filter and a sort made of several branches together', async () => {
    expect(await codes({ year: 2026, sort: 'deadline', overdue: true })).toEqual(['P02', 'P04']);
    expect(await codes({ year: 2026, sort: 'phase', dir: 'desc', district: 'H-NG' })).toEqual([
      'P05',
      'P04',
      'P02',
      'P01',
    ]);
  });
});

describe('rows', () => {
  it('names the levels by the year’s scale as it stands, also right after the scale changed', async () => {
    const sponsorProposed = async () =>
      (await listCycles(db.prisma, ALL, query({ year: 2026, sponsor: 'H-DB' }))).rows[0]?.ratings.sponsor
        .proposed;
    expect(await sponsorProposed()).toEqual({ id: 'KHA', vi: 'Khá', en: 'Fair' });
    const levels = DEFAULT_EVALUATION_SETTINGS.rating.levels.map((l) =>
      l.id === 'KHA' ? { ...l, vi: 'Khá (đổi tên)', en: 'Fair (renamed)' } : l,
    );
    await db.prisma.yearSettings.create({
      data: { year: 2026, settings: { evaluation: { rating: { levels } } } },
    });
    try {
      expect(await sponsorProposed()).toEqual({ id: 'KHA', vi: 'Khá (đổi tên)', en: 'Fair (renamed)' });
    } finally {
      await db.prisma.yearSettings.delete({ where: { year: 2026 } });
    }
    expect(await sponsorProposed()).toEqual({ id: 'KHA', vi: 'Khá', en: 'Fair' });
  });

  it('gives every column of a row, ready to render', async () => {
    const page = await listCycles(db.prisma, ALL, query({ year: 2026, sponsor: 'H-DB' }));
    expect(page).toEqual({
      rows: [
        {
          pairCode: 'P04',
          year: 2026,
          sponsor: { code: 'H-DB', name: 'Thị xã Điện Bàn' },
          recipient: { code: 'H-NG', name: 'Huyện Nam Giang' },
          phase: 'evaluation',
          waitingFor: ['O7'],
          waitingSince: '2026-12-15T17:00:00.000Z',
          nextDeadline: { obligation: 'O7', due: '2027-01-15', at: '2027-01-15T17:00:00.000Z' },
          escalationLevel: 1,
          overdue: true,
          ratings: {
            sponsor: { proposed: { id: 'KHA', vi: 'Khá', en: 'Fair' }, final: null },
            recipient: {
              proposed: { id: 'TOT', vi: 'Tốt', en: 'Good' },
              final: { id: 'TOT', vi: 'Tốt', en: 'Good' },
            },
          },
        },
      ],
      total: 1,
      page: 1,
      pageSize: 50,
      pages: 1,
    });
  });

  it('takes the earliest pending obligation as the next deadline (the first by id on the same day)', async () => {
    const [p01] = (await listCycles(db.prisma, ALL, query({ year: 2026 }))).rows;
    expect(p01?.nextDeadline).toEqual({
      obligation: 'O1',
      due: '2026-03-02',
      at: '2026-03-02T17:00:00.000Z',
    });
  });
});

describe('pages', () => {
  it.each([
    [1, ['P01', 'P02']],
    [2, ['P03', 'P04']],
    [3, ['P05']],
    [4, []],
  ])('page %d of 2 rows', async (page, expected) => {
    const result = await listCycles(db.prisma, ALL, query({ year: 2026, page, pageSize: 2 }));
    expect(result.rows.map((r) => r.pairCode)).toEqual(expected);
    expect([result.total, result.pages, result.page, result.pageSize]).toEqual([5, 3, page, 2]);
  });

  it.each(['phase', 'deadline'])('pages through a sort made of several branches (%s)', async (sort) => {
    const pages = [];
    for (const page of [1, 2, 3]) {
      const result = await listCycles(db.prisma, ALL, query({ year: 2026, sort, page, pageSize: 2 }));
      pages.push(result.rows.map((r) => r.pairCode));
    }
    expect(pages).toEqual([['P01', 'P02'], ['P03', 'P04'], ['P05']]);
  });

  it('an empty result still has one page', async () => {
    const result = await listCycles(db.prisma, ALL, query({ year: 2030 }));
    expect([result.rows, result.total, result.pages]).toEqual([[], 0, 1]);
  });
});

describe('scope', () => {
  const scopeOf = async (role: 'SPONSOR_OFFICER' | 'RECIPIENT_OFFICER', unit: string | null) =>
    (await actorOf(db.prisma, { id: 'u', role, unitId: unit ? UNIT_IDS[unit]! : null })).scope;

  it('a sponsor officer sees only its unit’s pairs, whatever the filters ask', async () => {
    const scope = await scopeOf('SPONSOR_OFFICER', 'SO-A');
    expect(await codes({ year: 2026 }, scope)).toEqual(['P01', 'P02']);
    expect(await codes({ year: 2026, sponsor: 'SO-B' }, scope)).toEqual([]);
    expect(await codes({ year: 2026, sort: 'deadline', dir: 'desc' }, scope)).toEqual(['P02', 'P01']);
    expect((await listCycles(db.prisma, scope, query({ year: 2026 }))).total).toBe(2);
  });

  it('a district’s recipient officer also sees its communes’ pairs', async () => {
    const scope = await scopeOf('RECIPIENT_OFFICER', 'H-NG');
    expect(await codes({ year: 2026 }, scope)).toEqual(['P01', 'P02', 'P04', 'P05']);
    expect(await codes({ year: 2026, sort: 'phase' }, scope)).toEqual(['P01', 'P02', 'P04', 'P05']);
  });

  it('a commune’s officer sees its own pair only; an officer without a unit sees nothing', async () => {
    expect(await codes({ year: 2026 }, await scopeOf('RECIPIENT_OFFICER', 'XA-3'))).toEqual(['P03']);
    const none = await scopeOf('SPONSOR_OFFICER', null);
    expect(await listCycles(db.prisma, none, query({ year: 2026 }))).toMatchObject({ rows: [], total: 0 });
  });
});

describe('export', () => {
  const now = new Date('2026-03-20T03:00:00Z');

  it('writes exactly the rows of every page as CSV with a BOM, Vietnamese headers and neutralised text', async () => {
    const q = query({ year: 2026, sort: 'sponsor', pageSize: 2 });
    const file = await exportCycles(db.prisma, ALL, q, 'csv', { now });
    expect(file.fileName).toBe('chu-ky-ket-nghia-2026.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(file.bytes.subarray(3).toString('utf8'), { relaxQuotes: false }) as string[][];
    expect(records[0]).toEqual([...CYCLE_EXPORT_HEADERS]);
    const all = await listCycles(db.prisma, ALL, { ...q, pageSize: 200 });
    expect(records.slice(1).map((r) => r[0])).toEqual(all.rows.map((r) => r.pairCode));
    expect(records.slice(1).map((r) => r[0])).toEqual(['P04', 'P01', 'P02', 'P03', 'P05']);
    expect(records[1]).toEqual([
      'P04',
      '2026',
      'H-DB',
      'Thị xã Điện Bàn',
      'H-NG',
      'Huyện Nam Giang',
      'Đánh giá',
      'O7 – đánh giá, xếp loại',
      '16/12/2026',
      'O7 – đánh giá, xếp loại',
      '15/01/2027',
      '1',
      'Có',
      'Khá',
      '',
      'Tốt',
      'Tốt',
    ]);
    const p03 = records.find((r) => r[0] === 'P03');
    expect(p03?.[3]).toBe(`'${INJECTED}`);
    expect(file.bytes.toString('utf8')).toContain('\r\n');
  });

  it('exports only the reader’s pairs', async () => {
    const scope: Scope = { kind: 'units', side: 'sponsor', unitIds: [UNIT_IDS['SO-B']!] };
    const file = await exportCycles(db.prisma, scope, query({}), 'csv', { now });
    const records = parse(file.bytes.subarray(3).toString('utf8')) as string[][];
    expect(records.slice(1).map((r) => `${r[0]}/${r[1]}`)).toEqual(['P03/2026', 'P05/2025', 'P05/2026']);
    expect(file.fileName).toBe('chu-ky-ket-nghia.csv');
  });

  it('writes an xlsx sheet that reads back with numbers, dates and neutralised text', async () => {
    const file = await exportCycles(db.prisma, ALL, query({ year: 2026, escalation: '1' }), 'xlsx', { now });
    expect(file.fileName).toBe('chu-ky-ket-nghia-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Chu kỳ kết nghĩa');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...CYCLE_EXPORT_HEADERS]);
    const row = sheet!.getRow(2);
    expect(row.getCell(1).value).toBe('P04');
    expect(row.getCell(12).value).toBe(1);
    expect(row.getCell(11).value).toEqual(new Date(Date.UTC(2027, 0, 15)));
    expect(row.getCell(9).value).toEqual(new Date(Date.UTC(2026, 11, 16)));
    expect(row.getCell(13).value).toBe('Có');
    expect(sheet!.rowCount).toBe(2);

    const withFormula = await exportCycles(db.prisma, ALL, query({ year: 2026, sponsor: 'SO-B' }), 'xlsx', {
      now,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(withFormula.bytes as unknown as ArrayBuffer);
    const cell = book.getWorksheet('Chu kỳ kết nghĩa')!.getRow(2).getCell(4);
    expect(cell.value).toBe(`'${INJECTED}`);
    expect(cell.formula).toBeUndefined();
  });
});
