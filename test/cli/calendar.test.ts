/**
 * The `calendar` commands against a real PostgreSQL: the seed when a year has no rows, the administrator's
 * rows and stored settings when present, and `holidays add/remove` writing with an audit trail.
 */
import { Command } from 'commander';
import { registerCalendarCommands } from '../../cli/commands/calendar';
import type { CliDeps } from '../../cli/deps';
import { loadConfig } from '../../worker/config';
import { createTestDatabase, type TestDatabase } from '../support/db';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

beforeEach(async () => {
  await db.prisma.calendarDay.deleteMany({});
  await db.prisma.yearSettings.deleteMany({});
});

function cliDeps(): { deps: CliDeps; out: string[] } {
  const out: string[] = [];
  const deps: CliDeps = {
    getPrisma: () => Promise.resolve(db.prisma),
    getTemporal: () => Promise.reject(new Error('the calendar commands never need Temporal')),
    config: loadConfig({}),
    out: (line) => out.push(line),
    err: (line) => out.push(line),
  };
  return { deps, out };
}

async function run(deps: CliDeps, ...args: string[]): Promise<void> {
  const program = new Command('twinning').exitOverride();
  registerCalendarCommands(program, deps);
  await program.parseAsync(['node', 'twinning', ...args]);
}

describe('twinning calendar show', () => {
  it('prints statutory and effective dates, reminders and escalations in local time', async () => {
    const { deps, out } = cliDeps();
    await run(deps, 'calendar', 'show', '--year', '2026');
    const text = out.join('\n');
    expect(text).toContain('O1  kế hoạch triển khai / implementation plan');
    expect(text).toContain('Hạn: hết ngày 02/03/2026 (24:00) / Due: end of 02/03/2026 (24:00)');
    expect(text).toContain('28/02/2026 (T7)');
    expect(text).toContain('D-14  T2 16/02/2026 08:00');
    expect(text).toContain('D+1 T3 03/03/2026 08:00');
    expect(text).toContain('D+7 T2 09/03/2026 08:00');
    expect(text).toContain('#1    T4 01/04/2026 08:00');
    expect(text).toContain('Năm 2026: cơ sở dữ liệu chưa có ngày nghỉ; dùng bảng mặc định.');
  });

  it('honours --policy fixed and --json', async () => {
    const { deps, out } = cliDeps();
    await run(deps, 'calendar', 'show', '--year', '2026', '--policy', 'fixed', '--json');
    const json = JSON.parse(out.join('\n'));
    expect(json.policy).toBe('fixed');
    expect(json.obligations[0]).toMatchObject({
      obligation: 'O1',
      statutory: '2026-02-28',
      effective: '2026-02-28',
    });
    expect(json.obligations[0].reminders[0]).toMatchObject({ id: 'D-14', atLocal: '2026-02-14T08:00+07:00' });
    expect(json.sources).toEqual({ 2026: 'seed', 2027: 'seed' });
  });

  it('uses the database rows and stored settings when present', async () => {
    await db.prisma.calendarDay.create({
      data: { date: new Date('2026-03-02T00:00:00Z'), year: 2026, kind: 'HOLIDAY', name: 'Thử' },
    });
    await db.prisma.yearSettings.create({ data: { year: 2026, settings: { dueDates: { O5: '12-20' } } } });
    const { deps, out } = cliDeps();
    await run(deps, 'calendar', 'show', '--year', '2026', '--json');
    const json = JSON.parse(out.join('\n'));
    expect(json.obligations[0].effective).toBe('2026-03-03');
    expect(json.obligations[4]).toMatchObject({ obligation: 'O5', effective: '2026-12-21' });
    expect(json.sources[2026]).toBe('database');
  });

  it('refuses a bad year or policy with a bilingual message', async () => {
    const { deps } = cliDeps();
    await expect(run(deps, 'calendar', 'show', '--year', '26')).rejects.toThrow('Năm «26» không hợp lệ');
    await expect(run(deps, 'calendar', 'show', '--year', '2026', '--policy', 'x')).rejects.toThrow(
      'roll-forward',
    );
  });
});

describe('twinning calendar holidays list', () => {
  it('lists the seed for a year without rows', async () => {
    const { deps, out } = cliDeps();
    await run(deps, 'calendar', 'holidays', 'list', '--year', '2024');
    expect(out).toContain(
      '04/05/2024  T7  Làm bù cho thứ Hai 29/04/2024  [Ngày làm bù / Working day (swap)]',
    );
  });
});

describe('twinning calendar holidays add/remove', () => {
  it('adds a decreed day off (keeping the rest of the seeded year), moves a deadline, and removes it again', async () => {
    const { deps, out } = cliDeps();
    await run(
      deps,
      'calendar',
      'holidays',
      'add',
      '2026-03-02',
      '--name',
      'Nghỉ bù thử nghiệm',
      '--kind',
      'DAY_OFF',
    );
    const rows = await db.prisma.calendarDay.findMany({ where: { year: 2026 } });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.some((r) => r.name === 'Nghỉ bù thử nghiệm')).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { entityType: 'CalendarDay' } })).toBeGreaterThan(0);

    out.length = 0;
    await run(deps, 'calendar', 'show', '--year', '2026', '--json');
    expect(JSON.parse(out.join('\n')).obligations[1]).toMatchObject({
      obligation: 'O2',
      effective: '2026-03-03',
    });

    await run(deps, 'calendar', 'holidays', 'remove', '2026-03-02');
    expect(await db.prisma.calendarDay.count({ where: { name: 'Nghỉ bù thử nghiệm' } })).toBe(0);
  });
});
