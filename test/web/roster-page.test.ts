/**
 * The roster page and its API against a real PostgreSQL: an upload's dry run (what would be added, changed and
 * ended) writes nothing, its confirmation imports exactly the file checked with the audit trail naming the
 * administrator, and every bad upload or confirmation is refused with its catalogue message and nothing written.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { startWebWorld, USERS, type Agent, type WebWorld } from '../support/web';
import { byTestId, hiddenFields, tableRows, textOf } from '../support/html';

let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld();
});
afterAll(async () => {
  await world?.close();
});

/** The mail roster as a JSON roster, with the given changes. */
function rosterJson(changes: { units?: object[]; pairs?: object[] } = {}): Buffer {
  const units = [
    {
      code: 'QN-SNN',
      name: 'Sở Nông nghiệp và Phát triển nông thôn',
      kind: 'DEPARTMENT',
      staff: 120,
      emails: ['head:giamdoc@snn.example.gov.vn', 'ketnghia@snn.example.gov.vn'],
    },
    {
      code: 'QN-STC',
      name: 'Sở Tài chính',
      kind: 'DEPARTMENT',
      staff: 85,
      emails: ['head:giamdoc@stc.example.gov.vn', 'ketnghia@stc.example.gov.vn'],
    },
    {
      code: 'H-NAM-GIANG',
      name: 'Huyện Nam Giang',
      kind: 'MOUNTAIN_DISTRICT',
      emails: ['ubnd@namgiang.example.gov.vn'],
    },
    {
      code: 'XA-LA-DEE',
      name: 'Xã La Dêê',
      kind: 'COMMUNE',
      parent: 'H-NAM-GIANG',
      border: true,
      emails: ['head:chutich@ladee.example.gov.vn', 'vanphong@ladee.example.gov.vn'],
    },
    {
      code: 'XA-CA-DY',
      name: 'Xã Cà Dy',
      kind: 'COMMUNE',
      parent: 'H-NAM-GIANG',
      emails: ['head:chutich@cady.example.gov.vn', 'vanphong@cady.example.gov.vn'],
    },
  ];
  const pairs = [
    { code: 'P01', sponsor: 'QN-SNN', recipient: 'XA-LA-DEE', from: '2020-01-01' },
    { code: 'P02', sponsor: 'QN-STC', recipient: 'XA-CA-DY', from: '2020-01-01' },
  ];
  const byCode = <T extends { code: string }>(base: T[], over: object[] = []) => {
    const out = new Map(base.map((b) => [b.code, b as object]));
    for (const o of over)
      out.set((o as { code: string }).code, { ...out.get((o as { code: string }).code), ...o });
    return [...out.values()];
  };
  return Buffer.from(
    JSON.stringify({ units: byCode(units, changes.units), pairs: byCode(pairs, changes.pairs) }),
  );
}

/** A roster that renames a unit, adds a commune and a pair, and ends P02 on 30/06/2026. */
const CHANGED = rosterJson({
  units: [
    { code: 'QN-STC', name: 'Sở Tài chính tỉnh' },
    {
      code: 'XA-MOI',
      name: 'Xã Mới',
      kind: 'COMMUNE',
      parent: 'H-NAM-GIANG',
      emails: 'vanphong@xamoi.example.gov.vn',
    },
  ],
  pairs: [
    { code: 'P02', to: '2026-06-30' },
    { code: 'P03', sponsor: 'QN-SNN', recipient: 'XA-MOI', from: '2026-07-01' },
  ],
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function admin(w: WebWorld = world): Promise<Agent> {
  const agent = w.agent();
  expect((await agent.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  return agent;
}

function upload(agent: Agent, files: Record<string, { filename: string; content: Buffer }>, fields = {}) {
  const withType = Object.fromEntries(
    Object.entries(files).map(([name, f]) => [name, { ...f, contentType: 'application/octet-stream' }]),
  );
  return agent.postMultipart('/roster/check', fields, withType);
}

/** A world of its own for a test that writes, so that no other test sees what it wrote. */
async function ownWorld(run: (w: WebWorld) => Promise<void>): Promise<void> {
  const w = await startWebWorld();
  try {
    await run(w);
  } finally {
    await w.close();
  }
}

/** What the database holds of the roster, and the audit trail's length: unchanged by a refusal. */
async function state(w: WebWorld = world) {
  const p = w.db.prisma;
  return {
    units: await p.unit.count(),
    pairs: await p.pair.count(),
    audit: await p.auditEvent.count(),
    stc: (await p.unit.findUniqueOrThrow({ where: { code: 'QN-STC' } })).name,
    p02: (await p.pair.findUniqueOrThrow({ where: { code: 'P02' } })).validTo,
  };
}

function errorRows(page: LightMyRequestResponse): string[][] {
  return tableRows(page.body, 'roster-errors');
}

describe('the roster page', () => {
  it('is the administrators’: leadership and officers get 403, and only administrators see it in the menu', async () => {
    const agent = await admin();
    const page = await agent.get('/roster');
    expect(page.statusCode).toBe(200);
    expect(textOf(byTestId(page.body, 'roster-current') ?? '')).toBe('Hiện có 5 đơn vị và 2 cặp kết nghĩa.');
    expect(page.body).toContain('<a href="/roster"');
    for (const role of ['LEADERSHIP', 'SPONSOR_OFFICER'] as const) {
      const other = world.agent();
      await other.signIn(USERS[role].email);
      const refused = await other.get('/roster');
      expect(refused.statusCode).toBe(403);
      expect(textOf(refused.body)).toContain('Bạn không có quyền thực hiện việc này.');
      expect((await other.get('/home')).body).not.toContain('<a href="/roster"');
    }
  });

  it('shows the dry run of a valid file, writes nothing, then applies exactly that file once', () =>
    ownWorld(async (w) => {
      const agent = await admin(w);
      const before = await state(w);
      const page = await upload(agent, { roster: { filename: 'danh-sach.json', content: CHANGED } });
      expect(page.statusCode).toBe(200);
      expect(textOf(byTestId(page.body, 'roster-counts') ?? '')).toBe(
        'Tệp hợp lệ. Nếu áp dụng: 1 đơn vị mới, 1 đơn vị thay đổi, 4 giữ nguyên; 1 cặp mới, 1 cặp thay đổi, 1 giữ nguyên. Số biên chế ghi cho năm 2026.',
      );
      expect(tableRows(page.body, 'roster-files')).toEqual([
        ['danh-sach.json', String(CHANGED.length), sha256(CHANGED)],
      ]);
      expect(tableRows(page.body, 'roster-added')).toEqual([
        [
          'Đơn vị',
          'XA-MOI',
          'name: Xã Mới kind: COMMUNE parent: H-NAM-GIANG border: false contacts: vanphong@xamoi.example.gov.vn',
        ],
        ['Cặp kết nghĩa', 'P03', 'sponsor: QN-SNN recipient: XA-MOI from: 01/07/2026'],
      ]);
      expect(tableRows(page.body, 'roster-changed')).toEqual([
        ['Đơn vị', 'QN-STC', 'name: Sở Tài chính → Sở Tài chính tỉnh'],
      ]);
      expect(tableRows(page.body, 'roster-ended')).toEqual([
        ['Cặp kết nghĩa', 'P02', 'Kết thúc ngày 30/06/2026 to: (trống) → 30/06/2026'],
      ]);
      expect(await state(w)).toEqual(before);

      const confirm = hiddenFields(byTestId(page.body, 'roster-confirm') ?? '');
      expect(confirm.sha256).toBe(sha256(CHANGED));
      const applied = await agent.postForm('/roster/apply', confirm);
      expect([applied.statusCode, applied.headers.location]).toEqual([303, '/roster']);
      const after = await agent.get('/roster');
      expect(textOf(byTestId(after.body, 'notice') ?? '')).toBe(
        `Đã nhập danh sách (SHA-256 ${sha256(CHANGED)}): 1 đơn vị mới, 1 đơn vị thay đổi; 1 cặp mới, 1 cặp thay đổi.`,
      );
      const p = w.db.prisma;
      expect(await state(w)).toEqual({
        units: 6,
        pairs: 3,
        audit: before.audit + 4,
        stc: 'Sở Tài chính tỉnh',
        p02: new Date('2026-06-30T00:00:00Z'),
      });
      const audit = await p.auditEvent.findMany({
        where: { actor: `web:${USERS.ADMIN.email}` },
        orderBy: { id: 'asc' },
      });
      expect(audit.map((a) => a.action)).toEqual([
        'roster.unit.create',
        'roster.unit.update',
        'roster.pair.create',
        'roster.pair.update',
      ]);

      const again = await agent.postForm('/roster/apply', confirm);
      expect(again.statusCode).toBe(409);
      expect(textOf(byTestId(again.body, 'roster-refused') ?? '')).toBe(
        'Tệp này đã được áp dụng rồi; không ghi lại lần nữa.',
      );
      expect(await p.auditEvent.count()).toBe(before.audit + 4);
    }));

  it('reads a workbook, and a file that changes nothing has nothing to apply', async () => {
    const agent = await admin();
    const roster = JSON.parse(rosterJson().toString()) as {
      units: Record<string, unknown>[];
      pairs: Record<string, unknown>[];
    };
    const workbook = (extra: boolean) => {
      const book = new ExcelJS.Workbook();
      const units = book.addWorksheet('Đơn vị');
      units.addRow(['code', 'name', 'kind', 'parent', 'border', 'staff', 'emails']);
      for (const u of roster.units)
        units.addRow([
          u.code,
          u.name,
          u.kind,
          u.parent ?? '',
          u.border ? 'true' : '',
          u.staff ?? '',
          (u.emails as string[]).join(';'),
        ]);
      if (extra)
        units.addRow(['XA-MOI', 'Xã Mới', 'COMMUNE', 'H-NAM-GIANG', '', '', 'vanphong@xamoi.example.gov.vn']);
      const pairs = book.addWorksheet('Cặp kết nghĩa');
      pairs.addRow(['code', 'sponsor', 'recipient', 'from', 'to']);
      pairs.addRow(['P01', 'QN-SNN', 'XA-LA-DEE', '2020-01-01', '']);
      pairs.addRow(['P02', 'QN-STC', 'XA-CA-DY', '2020-01-01', extra ? '30/06/2026' : '']);
      if (extra) pairs.addRow(['P03', 'QN-SNN', 'XA-MOI', '2026-07-01', '']);
      return book;
    };
    const page = await upload(agent, {
      roster: { filename: 'roster.xlsx', content: Buffer.from(await workbook(true).xlsx.writeBuffer()) },
    });
    expect(page.statusCode).toBe(200);
    expect(textOf(byTestId(page.body, 'roster-counts') ?? '')).toBe(
      'Tệp hợp lệ. Nếu áp dụng: 1 đơn vị mới, 0 đơn vị thay đổi, 5 giữ nguyên; 1 cặp mới, 1 cặp thay đổi, 1 giữ nguyên. Số biên chế ghi cho năm 2026.',
    );
    expect(tableRows(page.body, 'roster-ended')).toEqual([
      ['Cặp kết nghĩa', 'P02', 'Kết thúc ngày 30/06/2026 to: (trống) → 30/06/2026'],
    ]);
    const unchanged = await upload(agent, {
      roster: { filename: 'roster.xlsx', content: Buffer.from(await workbook(false).xlsx.writeBuffer()) },
    });
    expect(unchanged.statusCode).toBe(200);
    expect(textOf(byTestId(unchanged.body, 'roster-nothing') ?? '')).toBe(
      'Tệp không thay đổi gì so với danh sách hiện có; không cần áp dụng.',
    );
    expect(unchanged.body).not.toContain('data-testid="roster-confirm"');
  });

  it('refuses a confirmation of another file, by another user, or after the database changed, writing nothing', () =>
    ownWorld(async (w) => {
      const agent = await admin(w);
      const file = rosterJson({
        units: [
          {
            code: 'XA-MOI',
            name: 'Xã Mới',
            kind: 'COMMUNE',
            parent: 'H-NAM-GIANG',
            emails: 'vanphong@xamoi.example.gov.vn',
          },
          { code: 'QN-STC', name: 'Sở Tài chính thành phố' },
        ],
        pairs: [
          { code: 'P02', to: '2026-06-30' },
          { code: 'P03', sponsor: 'QN-SNN', recipient: 'XA-MOI', from: '2026-07-01' },
        ],
      });
      const page = await upload(agent, { roster: { filename: 'roster.json', content: file } });
      expect(page.statusCode).toBe(200);
      const confirm = hiddenFields(byTestId(page.body, 'roster-confirm') ?? '');
      const before = await state(w);

      const other = sha256(CHANGED);
      const differs = await agent.postForm('/roster/apply', { ...confirm, sha256: other });
      expect(differs.statusCode).toBe(409);
      expect(textOf(byTestId(differs.body, 'roster-refused') ?? '')).toBe(
        `Tệp được xác nhận không phải tệp đã kiểm tra (SHA-256 đã kiểm tra ${sha256(file)}, nhận được ${other}); chưa ghi gì.`,
      );
      const unknown = await agent.postForm('/roster/apply', { ...confirm, upload: 'khong-co' });
      expect(unknown.statusCode).toBe(409);
      expect(textOf(byTestId(unknown.body, 'roster-refused') ?? '')).toBe(
        'Tệp đã kiểm tra không còn được giữ (quá một giờ, hoặc không phải của bạn); chưa ghi gì. Hãy tải lên và kiểm tra lại.',
      );
      // Another administrator may not confirm it: only who saw the dry run.
      await w.db.prisma.user.create({
        data: {
          email: 'dongnghiep@bdt.example.gov.vn',
          name: 'Đồng nghiệp',
          role: 'ADMIN',
          passwordHash: (await w.db.prisma.user.findUniqueOrThrow({ where: { email: USERS.ADMIN.email } }))
            .passwordHash,
        },
      });
      const second = w.agent();
      expect((await second.signIn('dongnghiep@bdt.example.gov.vn')).statusCode).toBe(303);
      const { _csrf: _theirs, ...fields } = confirm;
      const foreign = await second.postForm('/roster/apply', fields);
      expect(foreign.statusCode).toBe(409);
      expect(textOf(byTestId(foreign.body, 'roster-refused') ?? '')).toContain('không phải của bạn');

      // Someone renames the unit in between: the import would now differ from what was shown.
      await w.db.prisma.unit.update({ where: { code: 'QN-STC' }, data: { name: 'Sở Tài chính (đổi tay)' } });
      const changed = await agent.postForm('/roster/apply', confirm);
      expect(changed.statusCode).toBe(409);
      expect(textOf(byTestId(changed.body, 'roster-refused') ?? '')).toBe(
        'Danh sách trong hệ thống đã thay đổi sau lần kiểm tra, nên việc nhập sẽ khác với những gì đã xem; chưa ghi gì. Hãy kiểm tra lại tệp.',
      );
      expect(await state(w)).toEqual({ ...before, stc: 'Sở Tài chính (đổi tay)' });
    }));

  it('refuses a confirmation once the hour is over', async () => {
    const agent = await admin();
    const page = await upload(agent, {
      roster: {
        filename: 'roster.json',
        content: rosterJson({ units: [{ code: 'QN-STC', name: 'Sở Tài chính mới' }] }),
      },
    });
    const confirm = hiddenFields(byTestId(page.body, 'roster-confirm') ?? '');
    world.clock.advance(60 * 60_000);
    try {
      // A fresh sign-in: the session itself may have outlived its idle timeout meanwhile.
      const later = await admin();
      const { _csrf: _old, ...fields } = confirm;
      const response = await later.postForm('/roster/apply', fields);
      expect(response.statusCode).toBe(409);
      expect(textOf(byTestId(response.body, 'roster-refused') ?? '')).toContain('không còn được giữ');
    } finally {
      world.clock.advance(-60 * 60_000);
    }
    expect((await world.db.prisma.unit.findUniqueOrThrow({ where: { code: 'QN-STC' } })).name).not.toBe(
      'Sở Tài chính mới',
    );
  });
});

describe('a bad upload', () => {
  const csv = (text: string) => Buffer.from(text, 'utf8');
  const UNITS_CSV =
    'code,name,kind,parent,border,staff,emails\nSO-A,Sở A,DEPARTMENT,,,10,a@a.example.gov.vn\nXA-B,Xã B,COMMUNE,,,,b@b.example.gov.vn\n';
  const PAIRS_CSV = 'code,sponsor,recipient,from,to\nKN-1,SO-A,XA-B,2026-01-01,\n';

  it.each([
    [
      'wrong columns',
      {
        roster: { filename: 'units.csv', content: csv('code,name,loai\nSO-A,Sở A,DEPARTMENT\n') },
        pairs: { filename: 'pairs.csv', content: csv(PAIRS_CSV) },
      },
      [
        [
          'units.csv',
          '',
          '1',
          '',
          'Dòng tiêu đề thiếu cột kind; tiêu đề đúng là: code,name,kind,parent,border,staff,emails,from,to,successor',
        ],
        [
          'units.csv',
          '',
          '1',
          'loai',
          'Cột «loai» không được nhận biết; các cột hợp lệ: code,name,kind,parent,border,staff,emails,from,to,successor',
        ],
      ],
    ],
    [
      'bad rows',
      {
        roster: {
          filename: 'roster.json',
          content: Buffer.from(
            JSON.stringify({
              units: [
                { code: 'SO-A', name: 'Sở A', kind: 'SO', staff: 10, emails: 'a@a.example.gov.vn' },
                { code: 'XA-B', name: 'Xã B', kind: 'COMMUNE', emails: 'khong-phai-email' },
              ],
              pairs: [{ code: 'KN-1', sponsor: 'SO-A', recipient: 'XA-B', from: '31/02/2026' }],
            }),
          ),
        },
      },
      [
        [
          'roster.json',
          'units',
          '1',
          'kind',
          'Loại đơn vị «SO» không hợp lệ; phải là một trong: DEPARTMENT, LOWLAND_DISTRICT, LOWLAND_COMMUNE, MOUNTAIN_DISTRICT, COMMUNE.',
        ],
        ['roster.json', 'units', '2', 'emails', 'Địa chỉ thư điện tử «khong-phai-email» không hợp lệ.'],
        [
          'roster.json',
          'pairs',
          '1',
          'from',
          'Ngày «31/02/2026» không hợp lệ; dùng dạng yyyy-mm-dd, dd/mm/yyyy hoặc chỉ ghi năm (yyyy).',
        ],
      ],
    ],
    [
      'not a spreadsheet at all',
      {
        roster: {
          filename: 'roster.xlsx',
          content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        },
      },
      [
        [
          'roster.xlsx',
          '',
          '',
          '',
          'Tệp này không phải bảng tính hay văn bản: chỉ nhận tệp Excel (.xlsx), JSON hoặc CSV.',
        ],
      ],
    ],
    [
      'a name that lies about the content',
      { roster: { filename: 'roster.xlsx', content: csv(UNITS_CSV) } },
      [
        [
          'roster.xlsx',
          '',
          '',
          '',
          'Tên tệp có đuôi .xlsx nhưng nội dung là CSV; hãy lưu lại tệp đúng định dạng hoặc đặt lại tên.',
        ],
      ],
    ],
    [
      'a zip that is no workbook',
      { roster: { filename: 'roster.xlsx', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]) } },
      [
        [
          'roster.xlsx',
          '',
          '',
          '',
          'Không đọc được tệp Excel: tệp bị hỏng, bị cắt ngắn hoặc không phải bảng tính .xlsx. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.',
        ],
      ],
    ],
    [
      'a CSV roster without its pairs file',
      { roster: { filename: 'units.csv', content: csv(UNITS_CSV) } },
      [['units.csv', '', '', '', 'Danh sách CSV gồm hai tệp: hãy chọn cả tệp cặp kết nghĩa (pairs.csv).']],
    ],
    [
      'a legacy code page',
      {
        roster: { filename: 'units.csv', content: Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x2c, 0xe0, 0x0a]) },
        pairs: { filename: 'pairs.csv', content: csv(PAIRS_CSV) },
      },
      [
        [
          'units.csv',
          '',
          '',
          '',
          'Tệp không được mã hóa UTF-8; hãy lưu lại tệp với mã hóa UTF-8 (có hoặc không có BOM).',
        ],
      ],
    ],
    ['no file at all', {}, [['', '', '', '', 'Hãy chọn tệp danh sách (.xlsx, .json hoặc units.csv).']]],
  ])('%s: every error with its place and message, nothing written', async (_name, files, expected) => {
    const agent = await admin();
    const before = await state();
    const uploads = await world.db.prisma.rosterUpload.count();
    const page = await upload(agent, files as Record<string, { filename: string; content: Buffer }>);
    expect(page.statusCode).toBe(400);
    const rows = errorRows(page);
    expect(textOf(byTestId(page.body, 'roster-invalid') ?? '')).toBe(
      `Danh sách có ${rows.length} lỗi; chưa ghi gì. Hãy sửa tệp rồi tải lên lại.`,
    );
    expect(rows).toEqual(expected);
    expect(await state()).toEqual(before);
    expect(await world.db.prisma.rosterUpload.count()).toBe(uploads);
  });

  it('a year of staff counts out of range, and the same file in English', async () => {
    const agent = await admin();
    const page = await upload(
      agent,
      { roster: { filename: 'roster.json', content: CHANGED } },
      { year: '1999' },
    );
    expect(page.statusCode).toBe(400);
    expect(errorRows(page)).toEqual([
      [
        '',
        '',
        '',
        '',
        'Năm «1999» không hợp lệ: hãy ghi năm bằng bốn chữ số, từ 2000 đến 2100 (ví dụ 2026).',
      ],
    ]);
    await agent.get('/roster?lang=en');
    const english = await upload(agent, { roster: { filename: 'units.csv', content: csv(UNITS_CSV) } });
    expect(errorRows(english)).toEqual([
      ['units.csv', '', '', '', 'A CSV roster is two files: choose the pairs file (pairs.csv) too.'],
    ]);
    expect(textOf(byTestId(english.body, 'roster-invalid') ?? '')).toBe(
      'The roster has 1 error(s); nothing was written. Correct the file and upload it again.',
    );
  });

  it('a missing or stale CSRF token is refused before anything is read', async () => {
    const agent = await admin();
    const uploads = await world.db.prisma.rosterUpload.count();
    const missing = await agent.postMultipart(
      '/roster/check',
      {},
      { roster: { filename: 'r.json', contentType: 'application/json', content: CHANGED } },
      { csrf: false },
    );
    expect(missing.statusCode).toBe(403);
    expect(textOf(missing.body)).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo).');
    // A token of another session (signed out since) is no token of this one.
    const other = await admin();
    const stale = await other.csrf();
    const wrong = await agent.postMultipart(
      '/roster/check',
      { _csrf: stale },
      { roster: { filename: 'r.json', contentType: 'application/json', content: CHANGED } },
    );
    expect(wrong.statusCode).toBe(403);
    const apply = await agent.postForm('/roster/apply', { upload: 'x', sha256: 'y' }, { csrf: false });
    expect(apply.statusCode).toBe(403);
    expect(await world.db.prisma.rosterUpload.count()).toBe(uploads);
  });
});

describe('the roster API', () => {
  async function apiUpload(
    agent: Agent,
    files: Record<string, { filename: string; content: Buffer }>,
    token?: string,
  ) {
    const form = new FormData();
    for (const [name, f] of Object.entries(files))
      form.append(name, new Blob([new Uint8Array(f.content)]), f.filename);
    const encoded = new Response(form);
    return agent.request({
      method: 'POST',
      url: '/api/v1/roster/dry-run',
      headers: {
        'content-type': encoded.headers.get('content-type') ?? '',
        ...(token === '' ? {} : { 'x-csrf-token': token ?? (await agent.csrf()) }),
      },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
  }

  it('dry-runs and applies with the SHA-256, and answers problems and refusals with codes', () =>
    ownWorld(async (w) => {
      const agent = await admin(w);
      const file = rosterJson({
        units: [
          {
            code: 'XA-API',
            name: 'Xã Qua API',
            kind: 'COMMUNE',
            parent: 'H-NAM-GIANG',
            emails: 'api@xa.example.gov.vn',
          },
        ],
      });
      const dry = await apiUpload(agent, { roster: { filename: 'roster.json', content: file } });
      expect(dry.statusCode).toBe(200);
      const body = dry.json<{
        upload: { id: string; sha256: string; format: string; staffYear: number };
        summary: { dryRun: boolean; units: object; changes: { code: string; action: string }[] };
      }>();
      expect(body.upload).toMatchObject({ sha256: sha256(file), format: 'json', staffYear: 2026 });
      expect(body.summary.dryRun).toBe(true);
      expect(body.summary.changes.map((c) => `${c.action} ${c.code}`)).toContain('create XA-API');
      expect(await w.db.prisma.unit.count({ where: { code: 'XA-API' } })).toBe(0);

      const wrong = await agent.api('POST', '/api/v1/roster/apply', {
        upload: body.upload.id,
        sha256: '0'.repeat(64),
      });
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json<{ error: { code: string } }>().error.code).toBe('conflict');
      const applied = await agent.api('POST', '/api/v1/roster/apply', {
        upload: body.upload.id,
        sha256: body.upload.sha256,
      });
      expect(applied.statusCode).toBe(200);
      expect(
        applied.json<{ summary: { dryRun: boolean; created: { units: string[] } } }>().summary,
      ).toMatchObject({
        dryRun: false,
        created: { units: ['XA-API'] },
      });
      expect(await w.db.prisma.unit.count({ where: { code: 'XA-API' } })).toBe(1);

      const bad = await apiUpload(agent, {
        roster: { filename: 'roster.json', content: Buffer.from('{"units": 3}') },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({
        error: {
          code: 'invalid_input',
          message: 'Danh sách có 1 lỗi; chưa ghi gì. Hãy sửa tệp rồi tải lên lại.',
        },
        problems: [
          {
            file: 'roster.json',
            key: 'roster.jsonShape',
            message: 'Tệp JSON phải có dạng {"units": [ … ], "pairs": [ … ]}.',
          },
        ],
      });
      const noToken = await apiUpload(agent, { roster: { filename: 'roster.json', content: file } }, '');
      expect([noToken.statusCode, noToken.json<{ error: { code: string } }>().error.code]).toEqual([
        403,
        'csrf',
      ]);
      const leader = w.agent();
      await leader.signIn(USERS.LEADERSHIP.email);
      const forbidden = await apiUpload(leader, { roster: { filename: 'roster.json', content: file } });
      expect([forbidden.statusCode, forbidden.json<{ error: { code: string } }>().error.code]).toEqual([
        403,
        'forbidden',
      ]);
    }));
});
