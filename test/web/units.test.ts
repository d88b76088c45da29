/**
 * The unit page and its forms on a real unit evaluation (time-skipping Temporal server, in-process worker,
 * PostgreSQL): pair P05 (TX-DIEN-BAN → H-NAM-GIANG) is played through the year to evaluation, so both units have a
 * proposal. The page shows the read model's proposal, explanation, factors and final rating; administrators get
 * the forms, leadership reads, officers see only their own unit. H-NAM-GIANG (met every obligation: Tốt) gets
 * positive factors, is proposed again (Hoàn thành xuất sắc) and is confirmed once.
 */
import { CYCLE_YEARS } from '../../domain/cycle/years';
import { t } from '../../domain/messages';
import { CycleCommands } from '../../services/cycle-commands';
import { startCycle } from '../support/cycle-harness';
import { eventually } from '../support/eventually';
import { noticeOf, pageText } from '../support/web';
import { startWebCycleWorld, type WebCycleWorld } from '../support/web-cycle';

/** The web server's clock: early in the year after, when Ban Dân tộc rates. */
const serverNow = (): Date => new Date('2027-01-05T09:00:00+07:00');

const EMAILS = {
  admin: 'bandantoc@bdt.example.gov.vn',
  leadership: 'lanhdao@ubnd.example.gov.vn',
  sponsor: 'canbo@dienban.example.gov.vn',
  recipient: 'canbo@namgiang.example.gov.vn',
};

let web: WebCycleWorld;

beforeAll(async () => {
  web = await startWebCycleWorld('web-units', {
    now: serverNow,
    users: [
      { email: EMAILS.admin, role: 'ADMIN' },
      { email: EMAILS.leadership, role: 'LEADERSHIP' },
      { email: EMAILS.sponsor, role: 'SPONSOR_OFFICER', unit: 'TX-DIEN-BAN' },
      { email: EMAILS.recipient, role: 'RECIPIENT_OFFICER', unit: 'H-NAM-GIANG' },
    ],
  });
  const { env, taskQueue, db } = web.world;
  const commands = new CycleCommands(env.client, db.prisma);
  const ok = async (result: Promise<{ ok: boolean; refusal?: { text: string } }>) => {
    const r = await result;
    if (!r.ok) throw new Error(`refused: ${r.refusal?.text}`);
  };
  const cycle = await startCycle(env, taskQueue, 'P05', {
    sponsorCode: 'TX-DIEN-BAN',
    recipientCode: 'H-NAM-GIANG',
  });
  const submit = (
    obligation: 'O1' | 'O2' | 'O3' | 'O5' | 'O6',
    side: 'sponsor' | 'recipient',
    data: object,
  ) => ok(commands.submit('P05', 2026, { obligation, side, actor: `test:${side}`, data: { ...data } }));
  await cycle.at('2026-02-20T09:00:00+07:00');
  await submit('O1', 'recipient', { summary: 'Kế hoạch triển khai', monitoringAssignment: 'Phó Chủ tịch' });
  await submit('O2', 'recipient', { summary: 'Đề xuất hỗ trợ giống cây và bò sinh sản' });
  await cycle.at('2026-03-20T09:00:00+07:00');
  for (const side of ['sponsor', 'recipient'] as const)
    await submit('O3', side, { signedOn: '2026-03-20', signatoryName: 'Người ký' });
  await cycle.at('2026-12-05T09:00:00+07:00');
  const report = { summary: 'Báo cáo năm', assessment: 'Đơn vị thực hiện nghiêm túc' };
  await submit('O5', 'sponsor', report);
  await submit('O6', 'recipient', report);
  const proposed = await eventually(
    () => db.prisma.unitEvaluation.findMany({ where: { year: 2026 }, include: { unit: true } }),
    (rows) => rows.filter((r) => r.proposedRating !== null).length === 2,
  );
  expect(proposed.map((r) => [r.unit.code, r.proposedRating]).sort()).toEqual([
    ['H-NAM-GIANG', 'TOT'],
    ['TX-DIEN-BAN', 'YEU'],
  ]);
});
afterAll(async () => {
  await web?.close();
});

type Answer = { error?: { code: string; message: string }; phase?: string; positiveFactors?: string | null };

/** The text of the element with a test ID (its first line of text), whitespace folded. */
function testIdText(body: string, id: string): string | undefined {
  const match = new RegExp(`data-testid="${id}">([\\s\\S]*?)</(p|ul)>`).exec(body);
  return match
    ? pageText(match[1]!.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim()
    : undefined;
}

it('shows the stored proposal, its explanation and the forms to administrators; leadership reads; officers see their own unit only', async () => {
  const stored = await web.world.db.prisma.unitEvaluation.findFirstOrThrow({
    where: { year: 2026, unit: { code: 'TX-DIEN-BAN' } },
  });
  const lines = (stored.explanation as { lines: { vi: string; en: string }[] }).lines;
  expect(lines.length).toBeGreaterThan(3);
  const admin = await web.signedIn(EMAILS.admin);
  const page = await admin.get('/units/TX-DIEN-BAN?year=2026');
  expect(page.statusCode).toBe(200);
  expect(testIdText(page.body, 'proposal')).toMatch(
    /^Đề xuất: Yếu \(\d+(,\d)? điểm\)\. Đề xuất lúc \d\d\/\d\d\/2026 \d\d:\d\d\.$/,
  );
  expect(testIdText(page.body, 'criticised')).toBe(t('web.unit.criticised', {}, 'vi'));
  expect(testIdText(page.body, 'explanation')).toBe(lines.map((l) => l.vi).join(' '));
  expect(testIdText(page.body, 'factors')).toBe(t('web.unit.noFactors', {}, 'vi'));
  expect(testIdText(page.body, 'final')).toBe(t('web.unit.notFinal', {}, 'vi'));
  for (const form of ['factors-form', 'rate-form', 'merge-form'])
    expect(page.body).toContain(`data-testid="${form}"`);
  const ids = [...page.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.length).toBe(new Set(ids).size);
  expect(page.body).toMatch(/<tr data-pair="P05"><td><a href="\/pairs\/P05\?year=2026">P05<\/a><\/td>/);
  const english = await admin.get('/units/TX-DIEN-BAN?year=2026&lang=en');
  expect(testIdText(english.body, 'explanation')).toBe(lines.map((l) => l.en).join(' '));

  const leadership = await web.signedIn(EMAILS.leadership);
  const read = await leadership.get('/units/TX-DIEN-BAN?year=2026');
  expect([read.statusCode, testIdText(read.body, 'criticised')]).toEqual([
    200,
    t('web.unit.criticised', {}, 'vi'),
  ]);
  expect(read.body).not.toContain('data-testid="rate-form"');
  expect(read.body).not.toContain('data-testid="merge-form"');

  const seen = async (email: string, unit: string) =>
    (await (await web.signedIn(email)).get(`/units/${unit}?year=2026`)).statusCode;
  expect(await seen(EMAILS.sponsor, 'TX-DIEN-BAN')).toBe(200);
  expect(await seen(EMAILS.sponsor, 'H-NAM-GIANG')).toBe(404);
  expect(await seen(EMAILS.recipient, 'H-NAM-GIANG')).toBe(200);
  // A district's officer sees its communes too, and nothing else.
  expect(await seen(EMAILS.recipient, 'XA-LA-DEE')).toBe(200);
  expect(await seen(EMAILS.recipient, 'TX-DIEN-BAN')).toBe(404);
  const officer = await web.signedIn(EMAILS.recipient);
  expect((await officer.get('/units/H-NAM-GIANG?year=2026')).body).not.toContain(
    'data-testid="factors-form"',
  );

  // Back to Vietnamese: `?lang=en` above is remembered by the agent's `lang` cookie.
  const unknown = await admin.get('/units/KHONG-CO?year=2026&lang=vi');
  expect([unknown.statusCode, pageText(unknown.body)]).toEqual([
    404,
    expect.stringContaining(t('web.error.not_found', {}, 'vi')),
  ]);
  const badYear = await admin.get('/units/TX-DIEN-BAN?year=1999');
  expect(badYear.statusCode).toBe(400);
  expect(pageText(badYear.body)).toContain(t('invalid.year', { value: '1999', ...CYCLE_YEARS }, 'vi'));
});

it('positive factors propose the unit again; the rating refuses an override without reason, is confirmed once, and leadership is refused', async () => {
  const admin = await web.signedIn(EMAILS.admin);
  const factorsUrl = '/api/v1/units/H-NAM-GIANG/2026/positive-factors';
  const long = await admin.api('POST', factorsUrl, { text: 'x'.repeat(2001) });
  expect([long.statusCode, long.json<Answer>().error]).toEqual([
    400,
    { code: 'invalid_input', message: t('cycle.invalid.tooLong', { field: 'text', max: 2000 }, 'vi') },
  ]);
  const factors = 'Xây dựng mô hình tổ hợp tác trồng quế, nhân rộng ra 3 thôn';
  const recorded = await admin.api('POST', factorsUrl, { text: factors });
  expect([recorded.statusCode, recorded.json<Answer>().positiveFactors]).toEqual([200, factors]);

  const page = '/units/H-NAM-GIANG?year=2026';
  const shown = await eventually(
    async () => (await admin.get(page)).body,
    (body) => testIdText(body, 'proposal')?.startsWith('Đề xuất: Hoàn thành xuất sắc') === true,
    30_000,
    300,
  );
  expect(testIdText(shown, 'proposal')).toMatch(/^Đề xuất: Hoàn thành xuất sắc \(100 điểm\)\. /);
  expect(testIdText(shown, 'factors')).toBe(factors);
  expect(testIdText(shown, 'reward')).toBe(t('web.unit.reward', {}, 'vi'));

  const leadership = await web.signedIn(EMAILS.leadership);
  const forbidden = await leadership.postForm('/units/H-NAM-GIANG/2026/rate', { rating: 'HTXS' });
  expect(forbidden.statusCode).toBe(403);

  const rate = async (fields: Record<string, string>) => {
    const posted = await admin.postForm('/units/H-NAM-GIANG/2026/rate', fields);
    expect([posted.statusCode, posted.headers.location]).toEqual([303, page]);
    return noticeOf((await admin.get(page)).body);
  };
  expect(await rate({ rating: 'KHA', reason: ' ', decisionNumber: '' })).toBe(
    t(
      'evaluation.confirm.reasonRequired',
      { finalVi: 'Khá', finalEn: 'Fair', proposedVi: 'Hoàn thành xuất sắc', proposedEn: 'Excellent' },
      'vi',
    ),
  );
  expect(await rate({ rating: 'HTXS', reason: '', decisionNumber: '25/QĐ-UBND' })).toBe(
    'Đã ghi xếp loại chính thức của đơn vị H-NAM-GIANG năm 2026: Hoàn thành xuất sắc.',
  );
  const confirmed = await eventually(
    async () => (await admin.get(page)).body,
    (body) => !body.includes('data-testid="rate-form"'),
    30_000,
    300,
  );
  expect(testIdText(confirmed, 'final')).toBe(
    `Xếp loại chính thức: Hoàn thành xuất sắc (xác nhận bởi web:${EMAILS.admin}).`,
  );
  expect(pageText(confirmed)).toContain('Số quyết định: 25/QĐ-UBND');
  expect(confirmed).not.toContain('data-testid="factors-form"');

  const again = await admin.api('POST', '/api/v1/units/H-NAM-GIANG/2026/rating?lang=en', { rating: 'TOT' });
  expect([again.statusCode, again.json<Answer>().error]).toEqual([
    409,
    {
      code: 'refused',
      message: t(
        'evaluation.unit.alreadyConfirmed',
        { unitCode: 'H-NAM-GIANG', year: 2026, ratingVi: 'Hoàn thành xuất sắc', ratingEn: 'Excellent' },
        'en',
      ),
    },
  ]);
  // The evaluation has finished (it ends once confirmed): still the validator's words, not "not started".
  const factorsAfter = await admin.api('POST', factorsUrl, { text: 'Muộn' });
  expect([factorsAfter.statusCode, factorsAfter.json<Answer>().error?.code]).toEqual([409, 'refused']);
  const notStarted = await admin.api('POST', '/api/v1/units/QN-SNN/2026/rating', { rating: 'TOT' });
  expect([notStarted.statusCode, notStarted.json<Answer>().error]).toEqual([
    404,
    { code: 'not_found', message: t('evaluation.unit.notStarted', { unitCode: 'QN-SNN', year: 2026 }, 'en') },
  ]);
  const unknown = await admin.api('POST', '/api/v1/units/KHONG-CO/2026/rating', { rating: 'TOT' });
  expect([unknown.statusCode, unknown.json<Answer>().error?.code]).toEqual([404, 'not_found']);
});
