import { Command } from 'commander';
import { registerCalendarCommands } from '../../cli/commands/calendar';
import type { CliDeps } from '../../cli/deps';
import type { PrismaClient } from '../../generated/prisma';
import type { AppConfig } from '../../worker/config';

/** A stand-in for the two tables `calendar show` and `holidays list` read; no database needed. */
function fakeDeps(rows: { date: Date; year: number; kind: string; name: string }[] = [], settings?: object) {
  const out: string[] = [];
  const prisma = {
    calendarDay: {
      findMany: (args: { where: { year: { in: number[] } } }) =>
        Promise.resolve(rows.filter((r) => args.where.year.in.includes(r.year))),
    },
    yearSettings: {
      findUnique: () => Promise.resolve(settings ? { year: 2026, policy: 'roll-forward', settings } : null),
    },
  } as unknown as PrismaClient;
  const deps: CliDeps = {
    getPrisma: () => Promise.resolve(prisma),
    config: {} as AppConfig,
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
    const { deps, out } = fakeDeps();
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
    const { deps, out } = fakeDeps();
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
    const rows = [{ date: new Date('2026-03-02T00:00:00Z'), year: 2026, kind: 'HOLIDAY', name: 'Thử' }];
    const { deps, out } = fakeDeps(rows, { dueDates: { O5: '12-20' } });
    await run(deps, 'calendar', 'show', '--year', '2026', '--json');
    const json = JSON.parse(out.join('\n'));
    expect(json.obligations[0].effective).toBe('2026-03-03');
    expect(json.obligations[4]).toMatchObject({ obligation: 'O5', effective: '2026-12-21' });
    expect(json.sources[2026]).toBe('database');
  });

  it('refuses a bad year or policy with a bilingual message', async () => {
    const { deps } = fakeDeps();
    await expect(run(deps, 'calendar', 'show', '--year', '26')).rejects.toThrow('Năm «26» không hợp lệ');
    await expect(run(deps, 'calendar', 'show', '--year', '2026', '--policy', 'x')).rejects.toThrow(
      'roll-forward',
    );
  });
});

describe('twinning calendar holidays list', () => {
  it('lists the seed for a year without rows', async () => {
    const { deps, out } = fakeDeps();
    await run(deps, 'calendar', 'holidays', 'list', '--year', '2024');
    expect(out).toContain(
      '04/05/2024  T7  Làm bù cho thứ Hai 29/04/2024  [Ngày làm bù / Working day (swap)]',
    );
  });
});
