/**
 * The holiday calendar page and its API against a real PostgreSQL: leadership reads, administrators change a
 * day through a preview that lists the due days the change moves (in the year's schedule and in running cycles
 * of the read model) and a confirmation that saves exactly that change, audited as the CLI's. Running cycles are
 * not re-timed (the CLI tells them nothing either; a cycle keeps the table it opened with), so no Temporal
 * server is needed: the test checks that their read model is left as it was. Bad input gets its catalogue
 * message and nothing is written.
 */
import { endOfLocalDay } from '../../domain/calendar/time';
import { seedCalendarDays } from '../../domain/calendar/holidays-seed';
import { formatDate, formatWeekday } from '../../domain/format';
import type { ObligationId } from '../../domain/cycle/types';
import { upsertCalendarDay } from '../../services/calendar-store';
import { writeNextDeadlines } from '../support/next-deadline';
import { startWebWorld, USERS, type Agent, type WebWorld } from '../support/web';
import { byTestId, hiddenFields, tableRows, textOf } from '../support/html';

let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld();
  await seedCycles(world);
});
afterAll(async () => {
  await world?.close();
});

/** The 2026 due days under the seeded table (28/02 is a Saturday: O1 and O2 roll to Monday 02/03). */
const DUE: Record<ObligationId, [string, string]> = {
  O1: ['2026-02-28', '2026-03-02'],
  O2: ['2026-02-28', '2026-03-02'],
  O3: ['2026-03-31', '2026-03-31'],
  O4: ['2026-12-15', '2026-12-15'],
  O5: ['2026-12-15', '2026-12-15'],
  O6: ['2026-12-15', '2026-12-15'],
  O7: ['2027-01-15', '2027-01-15'],
};

/**
 * Running 2026 cycles in the read model: P01 on the year's schedule; P02 with O3 extended to 03/04 (off the
 * schedule, so not judged).
 */
async function seedCycles(w: WebWorld): Promise<void> {
  for (const pairCode of ['P01', 'P02']) {
    const pair = await w.db.prisma.pair.findUniqueOrThrow({ where: { code: pairCode } });
    const cycle = await w.db.prisma.cycle.create({
      data: {
        pairId: pair.id,
        year: 2026,
        workflowId: `twinning-cycle:${pairCode}:2026`,
        phase: 'needsProposal',
      },
    });
    for (const [obligation, [statutory, effective]] of Object.entries(DUE) as [
      ObligationId,
      [string, string],
    ][]) {
      const extended = pairCode === 'P02' && obligation === 'O3' ? '2026-04-03' : effective;
      await w.db.prisma.cycleObligation.create({
        data: {
          cycleId: cycle.id,
          obligation,
          statutoryDue: endOfLocalDay(statutory),
          effectiveDue: endOfLocalDay(extended),
        },
      });
    }
    await writeNextDeadlines(w.db.prisma, [cycle.id]);
  }
}

async function ownWorld(run: (w: WebWorld) => Promise<void>): Promise<void> {
  const w = await startWebWorld();
  try {
    await seedCycles(w);
    await run(w);
  } finally {
    await w.close();
  }
}

async function signedIn(role: keyof typeof USERS, w: WebWorld = world): Promise<Agent> {
  const agent = w.agent();
  expect((await agent.signIn(USERS[role].email)).statusCode).toBe(303);
  return agent;
}

const seeded2026 = seedCalendarDays(2026);
const ADD_31_03 = {
  year: '2026',
  action: 'add',
  date: '31/03/2026',
  name: 'Nghỉ thử nghiệm',
  kind: 'DAY_OFF',
};

describe('reading the calendar', () => {
  it('shows the year’s days and deadlines to leadership, without any form, and refuses officers', async () => {
    const leader = await signedIn('LEADERSHIP');
    const page = await leader.get('/calendar?year=2026');
    expect(page.statusCode).toBe(200);
    expect(textOf(byTestId(page.body, 'calendar-source') ?? '')).toBe(
      'Năm 2026: cơ sở dữ liệu chưa có ngày nghỉ; dùng bảng mặc định.',
    );
    const kinds: Record<string, string> = {
      HOLIDAY: 'Ngày lễ',
      DAY_OFF: 'Ngày nghỉ (nghỉ bù, hoán đổi)',
      WORKING_DAY: 'Ngày làm bù',
    };
    expect(tableRows(page.body, 'calendar-days')).toEqual(
      seeded2026.map((d) => [formatDate(d.date), formatWeekday(d.date), d.name, kinds[d.kind]]),
    );
    expect(tableRows(page.body, 'calendar-schedule').slice(0, 3)).toEqual([
      ['O1 kế hoạch triển khai', '28/02/2026 (T7)', '02/03/2026 (T2)'],
      ['O2 đề xuất nhu cầu', '28/02/2026 (T7)', '02/03/2026 (T2)'],
      ['O3 chương trình kết nghĩa đã ký', '31/03/2026 (T3)', '31/03/2026 (T3)'],
    ]);
    expect(page.body).not.toContain('data-testid="calendar-form"');
    expect(page.body).not.toContain('data-testid="remove"');
    expect(page.body).toContain('<a href="/calendar"');
    expect(page.body).toContain('<a href="/year-end"');
    expect(page.body).not.toContain('<a href="/roster"');

    const officer = await signedIn('RECIPIENT_OFFICER');
    const refused = await officer.get('/calendar?year=2026');
    expect(refused.statusCode).toBe(403);
    expect(textOf(refused.body)).toContain('Bạn không có quyền thực hiện việc này.');
    expect((await officer.get('/home')).body).not.toContain('<a href="/calendar"');
    const change = await leader.postForm('/calendar/preview', ADD_31_03);
    expect(change.statusCode).toBe(403);
  });

  it('refuses a year out of range with the catalogue’s message', async () => {
    const admin = await signedIn('ADMIN');
    for (const url of ['/calendar?year=1999', '/api/v1/calendar/1999', '/api/v1/calendar/abc']) {
      const response = await admin.get(url);
      expect(response.statusCode).toBe(400);
      const text = url.startsWith('/api')
        ? response.json<{ error: { message: string } }>().error.message
        : textOf(response.body);
      expect(text).toContain('không hợp lệ: hãy ghi năm bằng bốn chữ số, từ 2000 đến 2100 (ví dụ 2026).');
    }
  });

  it('opens a day in the change form', async () => {
    const admin = await signedIn('ADMIN');
    const page = await admin.get('/calendar?year=2026&edit=2026-09-01');
    const form = byTestId(page.body, 'calendar-form') ?? '';
    expect(hiddenFields(form)).toMatchObject({ year: '2026', action: 'change', date: '01/09/2026' });
    expect(form).toContain('value="Quốc khánh (ngày liền kề)"');
    expect(textOf(page.body)).toContain('Sửa ngày 01/09/2026');
  });
});

describe('changing a day', () => {
  it('previews which due days an added day off moves, and writes nothing', async () => {
    const admin = await signedIn('ADMIN');
    const page = await admin.postForm('/calendar/preview', ADD_31_03);
    expect(page.statusCode).toBe(200);
    expect(textOf(byTestId(page.body, 'calendar-change') ?? '')).toBe(
      'Thêm ngày 31/03/2026 (T3): Ngày nghỉ (nghỉ bù, hoán đổi) «Nghỉ thử nghiệm».',
    );
    expect(tableRows(page.body, 'calendar-moves')).toEqual([
      ['2026', 'O3 chương trình kết nghĩa đã ký', '31/03/2026 (T3)', '31/03/2026 (T3)', '01/04/2026 (T4)'],
    ]);
    expect(tableRows(page.body, 'calendar-cycles')).toEqual([
      ['P01', '2026', 'O3 chương trình kết nghĩa đã ký', '31/03/2026 (T3)', '01/04/2026 (T4)'],
    ]);
    expect(textOf(page.body)).toContain(
      '1 hạn của chu kỳ đang chạy đã được gia hạn riêng, nên không xét ở đây.',
    );
    expect(textOf(page.body)).toContain(
      'Chu kỳ đang chạy giữ lịch ngày nghỉ có từ khi mở và không tự đổi hạn (lệnh «twinning calendar» cũng vậy).',
    );
    expect(hiddenFields(byTestId(page.body, 'calendar-confirm') ?? '')).toMatchObject({
      year: '2026',
      action: 'add',
      date: '2026-03-31',
      name: 'Nghỉ thử nghiệm',
      kind: 'DAY_OFF',
    });
    expect(await world.db.prisma.calendarDay.count()).toBe(0);
  });

  it('a change that moves nothing says so', async () => {
    const admin = await signedIn('ADMIN');
    const page = await admin.postForm('/calendar/preview', {
      year: '2026',
      action: 'add',
      date: '2026-07-27',
      name: 'Ngày Thương binh liệt sĩ',
      kind: 'HOLIDAY',
    });
    expect(page.statusCode).toBe(200);
    expect(textOf(byTestId(page.body, 'calendar-no-moves') ?? '')).toBe(
      'Thay đổi này không dời hạn nộp nào.',
    );
    expect(textOf(byTestId(page.body, 'calendar-cycles-empty') ?? '')).toBe(
      'Không có chu kỳ đang chạy nào có hạn bị ảnh hưởng.',
    );
  });

  it('saves the change previewed, audited, and leaves the running cycles’ deadlines as they were', () =>
    ownWorld(async (w) => {
      const admin = await signedIn('ADMIN', w);
      const preview = await admin.postForm('/calendar/preview', ADD_31_03);
      const confirm = hiddenFields(byTestId(preview.body, 'calendar-confirm') ?? '');
      const saved = await admin.postForm('/calendar/save', confirm);
      expect([saved.statusCode, saved.headers.location]).toEqual([303, '/calendar?year=2026']);
      const page = await admin.get('/calendar?year=2026');
      expect(textOf(byTestId(page.body, 'notice') ?? '')).toBe(
        'Đã lưu thay đổi lịch: Thêm ngày 31/03/2026 (T3): Ngày nghỉ (nghỉ bù, hoán đổi) «Nghỉ thử nghiệm».',
      );
      expect(textOf(byTestId(page.body, 'calendar-source') ?? '')).toBe(
        'Năm 2026: ngày nghỉ lấy từ cơ sở dữ liệu.',
      );
      expect(tableRows(page.body, 'calendar-schedule')[2]).toEqual([
        'O3 chương trình kết nghĩa đã ký',
        '31/03/2026 (T3)',
        '01/04/2026 (T4)',
      ]);
      const p = w.db.prisma;
      // The seed of 2026 was written first, then the day: the other seeded days are still there.
      expect(await p.calendarDay.count({ where: { year: 2026 } })).toBe(seeded2026.length + 1);
      const audit = await p.auditEvent.findMany({ where: { entityType: 'CalendarDay' } });
      expect(audit.map((a) => [a.actor, a.action, a.entityId, a.after])).toEqual([
        [
          `web:${USERS.ADMIN.email}`,
          'calendar.day.add',
          '2026-03-31',
          { kind: 'DAY_OFF', name: 'Nghỉ thử nghiệm' },
        ],
      ]);
      const o3 = await p.cycleObligation.findFirstOrThrow({
        where: { obligation: 'O3', cycle: { workflowId: 'twinning-cycle:P01:2026' } },
      });
      expect(o3.effectiveDue).toEqual(endOfLocalDay('2026-03-31'));

      // Saving the same confirmation again: the day is now in the table.
      const twice = await admin.postForm('/calendar/save', confirm);
      expect(twice.statusCode).toBe(409);
      expect(textOf(byTestId(twice.body, 'form-errors') ?? '')).toContain(
        'Ngày 31/03/2026 đã có trong bảng («Nghỉ thử nghiệm»); hãy sửa ngày đó thay vì thêm.',
      );
    }));

  it('moves a day to another date in one change, and removes one', () =>
    ownWorld(async (w) => {
      const admin = await signedIn('ADMIN', w);
      const preview = await admin.postForm('/calendar/preview', {
        year: '2026',
        action: 'change',
        date: '01/09/2026',
        newDate: '03/09/2026',
        name: 'Quốc khánh (ngày liền kề)',
        kind: 'HOLIDAY',
      });
      expect(preview.statusCode).toBe(200);
      expect(textOf(byTestId(preview.body, 'calendar-change') ?? '')).toBe(
        'Sửa ngày 01/09/2026 (T3), Ngày lễ «Quốc khánh (ngày liền kề)», thành ngày 03/09/2026 (T5), Ngày lễ «Quốc khánh (ngày liền kề)».',
      );
      const saved = await admin.postForm(
        '/calendar/save',
        hiddenFields(byTestId(preview.body, 'calendar-confirm') ?? ''),
      );
      expect(saved.statusCode).toBe(303);
      const p = w.db.prisma;
      const days = async () =>
        (
          await p.calendarDay.findMany({
            where: { year: 2026, date: { gte: new Date('2026-09-01'), lte: new Date('2026-09-03') } },
            orderBy: { date: 'asc' },
          })
        ).map((d) => d.date.toISOString().slice(0, 10));
      expect(await days()).toEqual(['2026-09-02', '2026-09-03']);
      const removal = await admin.postForm('/calendar/preview', {
        year: '2026',
        action: 'remove',
        date: '2026-09-03',
      });
      expect(textOf(byTestId(removal.body, 'calendar-change') ?? '')).toBe(
        'Xoá ngày 03/09/2026 (T5): Ngày lễ «Quốc khánh (ngày liền kề)».',
      );
      expect(
        (
          await admin.postForm(
            '/calendar/save',
            hiddenFields(byTestId(removal.body, 'calendar-confirm') ?? ''),
          )
        ).statusCode,
      ).toBe(303);
      expect(await days()).toEqual(['2026-09-02']);
      const audit = await p.auditEvent.findMany({
        where: { entityType: 'CalendarDay' },
        orderBy: { id: 'asc' },
      });
      expect(audit.map((a) => `${a.action} ${a.entityId}`)).toEqual([
        'calendar.day.remove 2026-09-01',
        'calendar.day.add 2026-09-03',
        'calendar.day.remove 2026-09-03',
      ]);
    }));

  it('refuses to save once the table changed after the preview', () =>
    ownWorld(async (w) => {
      const admin = await signedIn('ADMIN', w);
      const preview = await admin.postForm('/calendar/preview', ADD_31_03);
      const confirm = hiddenFields(byTestId(preview.body, 'calendar-confirm') ?? '');
      // Meanwhile someone adds another day from the command line.
      await upsertCalendarDay(w.db.prisma, { date: '2026-07-27', kind: 'HOLIDAY', name: 'Ngày khác' }, 'cli');
      const saved = await admin.postForm('/calendar/save', confirm);
      expect(saved.statusCode).toBe(409);
      expect(textOf(byTestId(saved.body, 'form-errors') ?? '')).toContain(
        'Bảng ngày nghỉ đã thay đổi sau khi xem trước; chưa lưu gì. Hãy xem trước lại.',
      );
      expect(await w.db.prisma.calendarDay.count({ where: { date: new Date('2026-03-31') } })).toBe(0);
    }));

  it.each([
    [
      'a date that does not exist',
      { date: '31/02/2026' },
      400,
      'Ngày «31/02/2026» không hợp lệ: hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd.',
    ],
    ['no date', { date: '' }, 400, 'Hãy ghi ngày (dd/mm/yyyy).'],
    [
      'a date of another year',
      { date: '03/09/2027' },
      400,
      'Ngày 03/09/2027 không thuộc năm 2026; hãy mở lịch của năm đó.',
    ],
    [
      'a day already in the table',
      { date: '01/01/2026' },
      409,
      'Ngày 01/01/2026 đã có trong bảng («Tết Dương lịch»); hãy sửa ngày đó thay vì thêm.',
    ],
    [
      'a swapped working day on a weekday',
      { kind: 'WORKING_DAY' },
      400,
      'Ngày 31/03/2026 không phải thứ Bảy hay Chủ nhật: chỉ ngày cuối tuần mới có thể là ngày làm bù.',
    ],
    [
      'a day off on a Sunday',
      { date: '29/03/2026' },
      400,
      'Ngày 29/03/2026 là ngày cuối tuần: ngày nghỉ bù hoặc hoán đổi phải là ngày thường.',
    ],
    ['no name', { name: '  ' }, 400, 'Hãy ghi tên ngày.'],
    [
      'an unknown kind',
      { kind: 'LE' },
      400,
      'Loại ngày «LE» không hợp lệ: dùng HOLIDAY, DAY_OFF hoặc WORKING_DAY.',
    ],
    [
      'a day to remove that is not there',
      { action: 'remove' },
      404,
      'Ngày 31/03/2026 không có trong bảng ngày nghỉ.',
    ],
    [
      'a change that changes nothing',
      { action: 'change', date: '01/01/2026', name: 'Tết Dương lịch', kind: 'HOLIDAY' },
      400,
      'Không có gì thay đổi ở ngày 01/01/2026.',
    ],
    [
      'an unknown action',
      { action: 'xoa' },
      400,
      'Thao tác «xoa» không hợp lệ: dùng add, remove hoặc change.',
    ],
  ])('%s: refused with its message, nothing written', async (_name, fields, status, message) => {
    const admin = await signedIn('ADMIN');
    for (const url of ['/calendar/preview', '/calendar/save']) {
      const response = await admin.postForm(url, { ...ADD_31_03, basis: 'x', ...fields });
      expect(response.statusCode).toBe(status);
      expect(textOf(byTestId(response.body, 'form-errors') ?? '')).toBe(`Hãy sửa các lỗi sau: ${message}`);
    }
    expect(await world.db.prisma.calendarDay.count()).toBe(0);
    expect(await world.db.prisma.auditEvent.count({ where: { entityType: 'CalendarDay' } })).toBe(0);
  });

  it('refuses a form without a valid CSRF token, and a year out of range', async () => {
    const admin = await signedIn('ADMIN');
    const noToken = await admin.postForm('/calendar/save', { ...ADD_31_03, basis: 'x' }, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(textOf(noToken.body)).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo).');
    const other = await signedIn('ADMIN');
    const stale = await admin.postForm('/calendar/preview', { ...ADD_31_03, _csrf: await other.csrf() });
    expect(stale.statusCode).toBe(403);
    const year = await admin.postForm('/calendar/preview', { ...ADD_31_03, year: '2101' });
    expect(year.statusCode).toBe(400);
    expect(textOf(year.body)).toContain(
      'Năm «2101» không hợp lệ: hãy ghi năm bằng bốn chữ số, từ 2000 đến 2100 (ví dụ 2026).',
    );
    expect(await world.db.prisma.calendarDay.count()).toBe(0);
  });
});

describe('the calendar API', () => {
  it('gives the year, previews a change reaching the year before, saves it with its basis', () =>
    ownWorld(async (w) => {
      const admin = await signedIn('ADMIN', w);
      const year = await admin.get('/api/v1/calendar/2026');
      expect(year.statusCode).toBe(200);
      const body = year.json<{
        source: string;
        days: { date: string; kind: string; name: string; weekday: string }[];
        schedule: {
          policy: string;
          obligations: { obligation: string; effective: string; rolledForward: boolean }[];
        };
      }>();
      expect(body.source).toBe('seed');
      expect(body.days[0]).toEqual({
        date: '2026-01-01',
        kind: 'HOLIDAY',
        name: 'Tết Dương lịch',
        weekday: 'Thu',
      });
      expect(body.schedule.obligations[0]).toEqual({
        obligation: 'O1',
        statutory: '2026-02-28',
        effective: '2026-03-02',
        rolledForward: true,
      });

      // 15/01/2026 is the 2025 cycles' rating deadline (O7): a holiday then moves it to Friday.
      const change = { action: 'add', date: '15/01/2026', name: 'Ngày nghỉ đặc biệt', kind: 'HOLIDAY' };
      const preview = await admin.api('POST', '/api/v1/calendar/2026/preview', change);
      expect(preview.statusCode).toBe(200);
      const previewed = preview.json<{ basis: string; schedule: object[]; cycles: object[] }>();
      expect(previewed.schedule).toEqual([
        { cycleYear: 2025, obligation: 'O7', statutory: '2026-01-15', from: '2026-01-15', to: '2026-01-16' },
      ]);
      expect(previewed.cycles).toEqual([]);
      const stale = await admin.api('POST', '/api/v1/calendar/2026/changes', {
        ...change,
        basis: 'khong-dung',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toEqual({
        error: {
          code: 'conflict',
          message: 'Bảng ngày nghỉ đã thay đổi sau khi xem trước; chưa lưu gì. Hãy xem trước lại.',
        },
      });
      const saved = await admin.api('POST', '/api/v1/calendar/2026/changes', {
        ...change,
        basis: previewed.basis,
      });
      expect(saved.statusCode).toBe(200);
      expect(await w.db.prisma.calendarDay.count({ where: { date: new Date('2026-01-15') } })).toBe(1);
      const again = await admin.api('POST', '/api/v1/calendar/2026/preview', change);
      expect([again.statusCode, again.json<{ error: { code: string } }>().error.code]).toEqual([
        409,
        'conflict',
      ]);
      const missing = await admin.api('POST', '/api/v1/calendar/2026/preview', {
        action: 'remove',
        date: '2026-03-31',
      });
      expect([missing.statusCode, missing.json<{ error: { code: string } }>().error.code]).toEqual([
        404,
        'not_found',
      ]);

      const bad = await admin.api('POST', '/api/v1/calendar/2026/preview', {
        action: 'add',
        date: '2026-13-01',
        name: '',
        kind: 'HOLIDAY',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({
        error: {
          code: 'invalid_input',
          message: 'Ngày «2026-13-01» không hợp lệ: hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd. Hãy ghi tên ngày.',
        },
        problems: [
          {
            field: 'date',
            key: 'calendar.invalidDate',
            message: 'Ngày «2026-13-01» không hợp lệ: hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd.',
          },
          { field: 'name', key: 'page.calendar.nameRequired', message: 'Hãy ghi tên ngày.' },
        ],
      });
      const leader = await signedIn('LEADERSHIP', w);
      expect((await leader.get('/api/v1/calendar/2026')).statusCode).toBe(200);
      const forbidden = await leader.api('POST', '/api/v1/calendar/2026/preview', change);
      expect([forbidden.statusCode, forbidden.json<{ error: { code: string } }>().error.code]).toEqual([
        403,
        'forbidden',
      ]);
    }));
});
