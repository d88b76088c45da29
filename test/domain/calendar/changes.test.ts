/** Changes of the holiday table (pure): reading a form's fields, applying a change, the due days it moves. */
import {
  applyCalendarChange,
  dueMoves,
  parseCalendarChange,
  type CalendarChange,
} from '../../../domain/calendar/changes';
import { seedCalendarDays } from '../../../domain/calendar/holidays-seed';
import { resolveSettings } from '../../../domain/calendar/settings';
import { WorkingCalendar } from '../../../domain/calendar/working-days';
import { t } from '../../../domain/messages';

const change = (input: Parameters<typeof parseCalendarChange>[0], year = 2026) => {
  const parsed = parseCalendarChange(input, year);
  return parsed.ok
    ? parsed.change
    : parsed.problems.map((p) => `${p.field}: ${t(p.message.key, p.message.params, 'en')}`);
};

describe('parseCalendarChange', () => {
  it('reads dates as dd/mm/yyyy or yyyy-mm-dd and trims the name', () => {
    expect(change({ action: 'add', date: '3/9/2026', name: ' Quốc khánh ', kind: 'HOLIDAY' })).toEqual({
      action: 'add',
      entry: { date: '2026-09-03', kind: 'HOLIDAY', name: 'Quốc khánh' },
    });
    expect(change({ action: 'change', date: '2026-09-01', newDate: '', name: 'A', kind: 'HOLIDAY' })).toEqual(
      {
        action: 'change',
        date: '2026-09-01',
        entry: { date: '2026-09-01', kind: 'HOLIDAY', name: 'A' },
      },
    );
    expect(change({ action: 'remove', date: '01/09/2026', name: 'ignored', kind: 'x' })).toEqual({
      action: 'remove',
      date: '2026-09-01',
    });
  });

  it('reports every problem of the fields at once', () => {
    expect(
      change({ action: 'change', date: '2026-02-30', newDate: '01/01/2027', name: '', kind: 'X' }),
    ).toEqual([
      'date: Invalid date "2026-02-30": write dd/mm/yyyy or yyyy-mm-dd.',
      'newDate: 01/01/2027 is not in 2026; open that year’s calendar.',
      'name: Give the day a name.',
      'kind: Invalid day kind "X": use HOLIDAY, DAY_OFF or WORKING_DAY.',
    ]);
    expect(change({ action: 'add', date: '2026-05-04', name: 'x'.repeat(201), kind: 'HOLIDAY' })).toEqual([
      'name: The name is 201 characters long, over the 200-character limit.',
    ]);
    expect(change({ action: 'add', date: '2026-05-04', name: 'Làm bù', kind: 'WORKING_DAY' })).toEqual([
      'kind: 04/05/2026 is not a Saturday or Sunday: only a weekend day can be a swapped working day.',
    ]);
    expect(change({ action: 'add', date: '2101-01-01', name: 'A', kind: 'HOLIDAY' }, 2101)).toEqual([
      '_form: Invalid year "2101": write a four-digit year from 2000 to 2100 (for example 2026).',
    ]);
  });
});

describe('applyCalendarChange', () => {
  const days = seedCalendarDays(2026);
  const apply = (c: CalendarChange) => applyCalendarChange(days, c);

  it('adds, moves and removes a day, keeping the entries in date order', () => {
    const moved = apply({
      action: 'change',
      date: '2026-09-01',
      entry: { date: '2026-09-03', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền kề)' },
    });
    expect(moved.ok && moved.entries.map((e) => e.date).filter((d) => d.startsWith('2026-09'))).toEqual([
      '2026-09-02',
      '2026-09-03',
    ]);
    expect(moved.ok && [moved.before?.date, moved.after?.date]).toEqual(['2026-09-01', '2026-09-03']);
    const removed = apply({ action: 'remove', date: '2026-01-01' });
    expect(removed.ok && removed.entries.length).toBe(days.length - 1);
  });

  it('refuses a duplicate, a missing day, a move onto another day and a change of nothing', () => {
    const refusal = (c: CalendarChange) => {
      const result = apply(c);
      return result.ok ? 'ok' : t(result.message.key, result.message.params, 'en');
    };
    expect(refusal({ action: 'add', entry: { date: '2026-01-01', kind: 'HOLIDAY', name: 'x' } })).toBe(
      '01/01/2026 is already in the table ("Tết Dương lịch"); change that day instead of adding it.',
    );
    expect(refusal({ action: 'remove', date: '2026-03-31' })).toBe(
      '31/03/2026 is not in the calendar table.',
    );
    expect(
      refusal({
        action: 'change',
        date: '2026-09-01',
        entry: { date: '2026-09-02', kind: 'HOLIDAY', name: 'x' },
      }),
    ).toBe('02/09/2026 is already in the table ("Quốc khánh (2/9)"); change that day instead of adding it.');
    expect(
      refusal({
        action: 'change',
        date: '2026-01-01',
        entry: { date: '2026-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' },
      }),
    ).toBe('Nothing changes on 01/01/2026.');
  });
});

describe('dueMoves', () => {
  const before = WorkingCalendar.fromEntries(seedCalendarDays(2026));
  const with31March = WorkingCalendar.fromEntries([
    ...seedCalendarDays(2026),
    { date: '2026-03-31', kind: 'DAY_OFF', name: 'x' },
  ]);

  it('lists the obligations whose effective day moves, under roll-forward only', () => {
    expect(dueMoves(2026, resolveSettings(2026), before, with31March)).toEqual([
      { cycleYear: 2026, obligation: 'O3', statutory: '2026-03-31', from: '2026-03-31', to: '2026-04-01' },
    ]);
    expect(dueMoves(2026, resolveSettings(2026, { policy: 'fixed' }), before, with31March)).toEqual([]);
    expect(dueMoves(2025, resolveSettings(2025), before, with31March)).toEqual([]);
  });
});
