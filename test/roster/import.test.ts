import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { formatRosterError, validateRoster, type RosterFile } from '../../domain/roster';
import { registerRosterCommands } from '../../cli/commands/roster';
import type { CliDeps } from '../../cli/deps';
import { currentYearInVietnam, importRoster } from '../../roster/import';
import { listRoster } from '../../roster/list';
import { loadRoster } from '../../roster/load';
import { runTwinning } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { replace, roster, UNITS, PAIRS } from '../domain/roster/support';

const DEMO = path.resolve(__dirname, '..', '..', 'demo', 'roster.json');

function valid(raw = roster()): RosterFile {
  const result = validateRoster(raw);
  if (!result.ok) throw new Error('fixture must be valid');
  return result.roster;
}

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roster-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

async function counts() {
  const p = db.prisma;
  return {
    units: await p.unit.count(),
    staff: await p.unitStaff.count(),
    contacts: await p.contact.count(),
    pairs: await p.pair.count(),
    history: await p.pairHistory.count(),
    audit: await p.auditEvent.count(),
  };
}

describe('importRoster', () => {
  it('creates, then leaves an identical re-import untouched (no updatedAt churn)', async () => {
    const first = await importRoster(db.prisma, valid(), { staffYear: 2026, actor: 'test' });
    expect(first.units).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(first.pairs).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await counts()).toEqual({ units: 5, staff: 1, contacts: 3, pairs: 2, history: 2, audit: 7 });
    const laDee = await db.prisma.unit.findUniqueOrThrow({
      where: { code: 'LA-DEE' },
      include: { parent: true },
    });
    expect(laDee).toMatchObject({ border: true, name: 'Xã La Dêê', parent: { code: 'NAM-GIANG' } });
    const head = await db.prisma.contact.findFirstOrThrow({ where: { role: 'HEAD' } });
    expect(head.email).toBe('giamdoc@stc.example.gov.vn');

    const stamps = await db.prisma.unit.findMany({
      select: { code: true, updatedAt: true },
      orderBy: { code: 'asc' },
    });
    const again = await importRoster(db.prisma, valid(), { staffYear: 2026, actor: 'test' });
    expect(again.units).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(again.pairs).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await counts()).toEqual({ units: 5, staff: 1, contacts: 3, pairs: 2, history: 2, audit: 7 });
    expect(
      await db.prisma.unit.findMany({ select: { code: true, updatedAt: true }, orderBy: { code: 'asc' } }),
    ).toEqual(stamps);
  });

  it('updates a changed file by code and says what was created, updated and unchanged', async () => {
    await importRoster(db.prisma, valid(), { staffYear: 2026 });
    const units = [
      ...replace(UNITS, 0, [
        'STC',
        'Sở Tài chính',
        'DEPARTMENT',
        '',
        '',
        '90',
        'head:giamdoc@stc.example.gov.vn',
      ]),
      ['TRA-MY', 'Huyện Nam Trà My', 'MOUNTAIN_DISTRICT', '', '', '', ''],
    ];
    const pairs = [
      ...replace(PAIRS, 1, ['KN-02', 'DIEN-BAN', 'NAM-GIANG', '2020-01-01', '']),
      ['KN-03', 'DIEN-BAN', 'TRA-MY', '2026-01-01', ''],
    ];
    const summary = await importRoster(db.prisma, valid(roster(units, pairs)), {
      staffYear: 2026,
      actor: 'lan',
    });
    expect(summary).toMatchObject({
      units: { created: 1, updated: 1, unchanged: 4 },
      pairs: { created: 1, updated: 1, unchanged: 1 },
      created: { units: ['TRA-MY'], pairs: ['KN-03'] },
      updated: { units: ['STC'], pairs: ['KN-02'] },
    });
    const stc = await db.prisma.unit.findUniqueOrThrow({
      where: { code: 'STC' },
      include: { staff: true, contacts: true },
    });
    expect(stc.staff).toEqual([expect.objectContaining({ year: 2026, staff: 90 })]);
    expect(stc.contacts.map((c) => c.email)).toEqual(['giamdoc@stc.example.gov.vn']);
    const kn02 = await db.prisma.pair.findUniqueOrThrow({
      where: { code: 'KN-02' },
      include: { history: { orderBy: { at: 'asc' } } },
    });
    expect(kn02.validTo).toBeNull();
    expect(kn02.history.map((h) => h.action)).toEqual(['created', 'changed']);
    expect(kn02.history[1]?.before).toMatchObject({ to: '2030-12-31' });
    const audit = await db.prisma.auditEvent.findMany({ where: { actor: 'lan' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'roster.pair.create',
      'roster.pair.update',
      'roster.unit.create',
      'roster.unit.update',
    ]);
  });

  it('writes nothing in a dry run, yet gives the same summary', async () => {
    const summary = await importRoster(db.prisma, valid(), { dryRun: true, staffYear: 2026 });
    expect(summary).toMatchObject({ dryRun: true, units: { created: 5 }, pairs: { created: 2 } });
    expect(await counts()).toEqual({ units: 0, staff: 0, contacts: 0, pairs: 0, history: 0, audit: 0 });
  });

  it('imports the demo roster and lists it', async () => {
    const loaded = await loadRoster([DEMO]);
    if (!loaded.ok) throw new Error('demo roster must be valid');
    const progress: number[] = [];
    await importRoster(db.prisma, loaded.roster, {
      staffYear: 2026,
      onProgress: (done) => progress.push(done),
    });
    // 29 units and 16 pairs (demo/roster.json): the city's since 1 July 2025, the province's before.
    expect(progress[progress.length - 1]).toBe(45);
    const listed = await listRoster(db.prisma);
    expect(listed.units).toHaveLength(29);
    expect(listed.units[0]).toMatchObject({ kind: 'DEPARTMENT', staffYear: 2026 });
    expect(listed.pairs).toHaveLength(16);
    expect(listed.units.find((u) => u.code === 'XA-A-XAN')).toMatchObject({
      to: '2025-06-30',
      successor: 'XA-HUNG-SON',
    });
    expect(listed.pairs.find((p) => p.code === 'KN-2020-06')).toMatchObject({
      to: '2025-06-30',
      communes: ['XA-A-XAN', 'XA-BHA-LEE'],
    });
  });

  it('uses the year in Vietnam by default', () => {
    expect(currentYearInVietnam(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
    expect(currentYearInVietnam(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
  });
});

const REFORM = path.resolve(__dirname, '..', 'fixtures', 'rosters', 'reform-2025.json');

async function loadFile(file: string): Promise<RosterFile> {
  const loaded = await loadRoster([file]);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatRosterError).join('\n'));
  return loaded.roster;
}

describe('importRoster: the 2025 columns', () => {
  it('stores unit validity and successors and pair communes, and re-imports them without change', async () => {
    const file = await loadFile(REFORM);
    const first = await importRoster(db.prisma, file, { staffYear: 2026, actor: 'test' });
    expect([first.units.created, first.pairs.created]).toEqual([7, 2]);
    const units = await db.prisma.unit.findMany({
      include: { successor: { select: { code: true } } },
      orderBy: { code: 'asc' },
    });
    const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
    expect(units.map((u) => [u.code, day(u.validFrom), day(u.validTo), u.successor?.code ?? null])).toEqual([
      ['CA-DY', null, '2025-06-30', null],
      ['DAC-PRING', null, '2025-06-30', 'XA-LA-EE'],
      ['DIEN-BAN', '2020-01-01', '2025-06-30', 'P-DIEN-BAN'],
      ['LA-DEE', null, '2025-06-30', 'XA-LA-EE'],
      ['NAM-GIANG', null, '2025-06-30', null],
      ['P-DIEN-BAN', '2025-07-01', null, null],
      ['XA-LA-EE', '2025-07-01', null, null],
    ]);
    const pairs = await db.prisma.pair.findMany({ orderBy: { code: 'asc' } });
    expect(pairs.map((p) => [p.code, day(p.validTo), p.communes])).toEqual([
      ['KN-11', '2025-06-30', ['LA-DEE', 'DAC-PRING']],
      ['KN-2025-01', null, []],
    ]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'roster.unit.create', entityId: units[2]!.id },
    });
    expect(audit.after).toMatchObject({ from: '2020-01-01', to: '2025-06-30', successor: 'P-DIEN-BAN' });

    const before = await counts();
    const again = await importRoster(db.prisma, await loadFile(REFORM), { staffYear: 2026, actor: 'test' });
    expect([again.units, again.pairs]).toEqual([
      { created: 0, updated: 0, unchanged: 7 },
      { created: 0, updated: 0, unchanged: 2 },
    ]);
    expect(await counts()).toEqual(before);

    const listed = await listRoster(db.prisma);
    expect(listed.units.find((u) => u.code === 'LA-DEE')).toMatchObject({
      from: null,
      to: '2025-06-30',
      successor: 'XA-LA-EE',
    });
    expect(listed.pairs.find((p) => p.code === 'KN-11')).toMatchObject({ communes: ['LA-DEE', 'DAC-PRING'] });
  });

  it('updates a changed successor, life span or commune list, with the change in the audit trail and history', async () => {
    await importRoster(db.prisma, await loadFile(REFORM), { staffYear: 2026 });
    const raw = await readFile(REFORM, 'utf8');
    const changed = JSON.parse(raw) as { units: Record<string, unknown>[]; pairs: Record<string, unknown>[] };
    changed.units[5] = { ...changed.units[5], to: '2025-06-30', successor: 'XA-LA-EE' };
    changed.pairs[0] = { ...changed.pairs[0], communes: ['LA-DEE', 'DAC-PRING', 'CA-DY'] };
    const file = path.join(dir, 'changed.json');
    await writeFile(file, JSON.stringify(changed));
    const summary = await importRoster(db.prisma, await loadFile(file), { staffYear: 2026, actor: 'lan' });
    expect(summary).toMatchObject({ updated: { units: ['CA-DY'], pairs: ['KN-11'] } });
    const caDy = await db.prisma.unit.findUniqueOrThrow({
      where: { code: 'CA-DY' },
      include: { successor: true },
    });
    expect(caDy.successor?.code).toBe('XA-LA-EE');
    const kn11 = await db.prisma.pair.findUniqueOrThrow({
      where: { code: 'KN-11' },
      include: { history: { orderBy: { at: 'asc' } } },
    });
    expect(kn11.communes).toEqual(['LA-DEE', 'DAC-PRING', 'CA-DY']);
    expect(kn11.history.map((h) => [h.action, (h.after as { communes: string[] }).communes])).toEqual([
      ['created', ['LA-DEE', 'DAC-PRING']],
      ['changed', ['LA-DEE', 'DAC-PRING', 'CA-DY']],
    ]);
  });
});

describe('twinning roster (CLI)', () => {
  function cli(): { deps: CliDeps; out: string[]; err: string[]; run(...args: string[]): Promise<number> } {
    const out: string[] = [];
    const err: string[] = [];
    const deps: CliDeps = {
      getPrisma: () => Promise.resolve(db.prisma),
      // The roster commands never talk to Temporal.
      getTemporal: () => Promise.reject(new Error('Temporal is not used by roster commands')),
      config: {} as CliDeps['config'],
      out: (line: string) => {
        out.push(line);
      },
      err: (line: string) => {
        err.push(line);
      },
    };
    return {
      deps,
      out,
      err,
      run: (...args) => runTwinning(registerRosterCommands, deps, args),
    };
  }

  it('prints every error and writes nothing for an invalid file', async () => {
    const c = cli();
    const bad = path.resolve(__dirname, '..', 'fixtures', 'rosters', 'bad.json');
    expect(await c.run('roster', 'import', bad)).toBe(1);
    expect(c.err).toHaveLength(6);
    expect(c.err[5]).toBe(
      'Danh sách có 5 lỗi; không có gì được ghi vào cơ sở dữ liệu. / The roster has 5 error(s); nothing was written to the database.',
    );
    expect(await counts()).toEqual({ units: 0, staff: 0, contacts: 0, pairs: 0, history: 0, audit: 0 });
  });

  it('accepts a successor already in the database, refuses an unknown one, and lists the 2025 columns', async () => {
    const c = cli();
    expect(await c.run('roster', 'import', REFORM, '--year', '2026')).toBe(0);
    const later = path.join(dir, 'later.json');
    const merged = (successor: string) => ({
      units: [{ code: 'XA-ZUOICH', name: 'Xã Zuôih', kind: 'COMMUNE', to: '2026-06-30', successor }],
      pairs: [],
    });
    await writeFile(later, JSON.stringify(merged('XA-KHONG-CO')));
    expect(await c.run('roster', 'import', later)).toBe(1);
    expect(c.err).toEqual([
      'later.json, trang units, dòng 1, cột successor: Đơn vị kế thừa «XA-KHONG-CO» không có trong danh sách đơn vị cũng như trong cơ sở dữ liệu. / The successor unit "XA-KHONG-CO" is neither in the list of units nor in the database.',
      'Danh sách có 1 lỗi; không có gì được ghi vào cơ sở dữ liệu. / The roster has 1 error(s); nothing was written to the database.',
    ]);
    await writeFile(later, JSON.stringify(merged('XA-LA-EE')));
    c.out.length = 0;
    expect(await c.run('roster', 'import', later, '--year', '2026')).toBe(0);
    expect(c.out[0]).toBe(
      'Đơn vị: 1 thêm mới, 0 cập nhật, 0 không đổi. / Units: 1 created, 0 updated, 0 unchanged.',
    );
    c.out.length = 0;
    expect(await c.run('roster', 'list')).toBe(0);
    const line = (code: string) => c.out.find((l) => l.startsWith(`${code} `))?.split(/\s{2,}/);
    expect(line('XA-ZUOICH')).toEqual(['XA-ZUOICH', 'Xã Zuôih', 'COMMUNE', '2026-06-30', 'XA-LA-EE']);
    expect(line('KN-11')).toEqual([
      'KN-11',
      'DIEN-BAN (Thị xã Điện Bàn)',
      'NAM-GIANG (Huyện Nam Giang)',
      '2020-01-01',
      '2025-06-30',
      'ACTIVE',
      'LA-DEE;DAC-PRING',
    ]);
  });

  it('imports, re-imports without change, and lists', async () => {
    const c = cli();
    expect(await c.run('roster', 'import', DEMO, '--year', '2026')).toBe(0);
    expect(c.out).toEqual([
      'Đơn vị: 29 thêm mới, 0 cập nhật, 0 không đổi. / Units: 29 created, 0 updated, 0 unchanged.',
      'Cặp kết nghĩa: 16 thêm mới, 0 cập nhật, 0 không đổi. / Pairs: 16 created, 0 updated, 0 unchanged.',
      'Số biên chế được ghi cho năm 2026. / Staff counts were recorded for the year 2026.',
    ]);
    c.out.length = 0;
    const csv = path.resolve(__dirname, '..', '..', 'demo', 'roster-csv', 'units.csv');
    expect(await c.run('roster', 'import', csv, '--year', '2026', '--dry-run')).toBe(0);
    expect(c.out).toEqual([
      'Đơn vị: 0 thêm mới, 0 cập nhật, 29 không đổi. / Units: 0 created, 0 updated, 29 unchanged.',
      'Cặp kết nghĩa: 0 thêm mới, 0 cập nhật, 16 không đổi. / Pairs: 0 created, 0 updated, 16 unchanged.',
      'Số biên chế được ghi cho năm 2026. / Staff counts were recorded for the year 2026.',
      'Chạy thử: không có gì được ghi vào cơ sở dữ liệu. / Dry run: nothing was written to the database.',
    ]);
    c.out.length = 0;
    expect(await c.run('roster', 'list')).toBe(0);
    expect(c.out[0]).toBe('Đơn vị / Units (29)');
    expect(c.out.join('\n')).toContain('Xã La Dêê');
    c.out.length = 0;
    expect(await c.run('roster', 'list', '--json')).toBe(0);
    expect(JSON.parse(c.out.join('\n')).pairs).toHaveLength(16);
  });
});
