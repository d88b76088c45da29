/**
 * The administrator's actions on pairs and units, as page forms and API routes, on running cycles (time-skipping
 * Temporal server, in-process worker, PostgreSQL): waive, resend, dissolve or re-pair, end the period, merge
 * units. Each is accepted once and refused for bad input with the workflow's (or the merger's) own message, in
 * the reader's language; leadership and officers are refused; a missing CSRF token changes nothing.
 */
import { t } from '../../domain/messages';
import { startCycle } from '../support/cycle-harness';
import { startWebCycleWorld, type WebCycleWorld } from '../support/web-cycle';
import { noticeOf, pageText, type Agent } from '../support/web';

/** The web server's clock (the cycles' business time is the test server's). */
const serverNow = (): Date => new Date('2026-01-10T09:00:00+07:00');

const EMAILS = {
  admin: 'bandantoc@bdt.example.gov.vn',
  leadership: 'lanhdao@ubnd.example.gov.vn',
  sponsor: 'canbo@snn.example.gov.vn',
  recipient: 'canbo@ladee.example.gov.vn',
};

let web: WebCycleWorld;

beforeAll(async () => {
  web = await startWebCycleWorld('web-admin', {
    now: serverNow,
    users: [
      { email: EMAILS.admin, role: 'ADMIN' },
      { email: EMAILS.leadership, role: 'LEADERSHIP' },
      { email: EMAILS.sponsor, role: 'SPONSOR_OFFICER', unit: 'QN-SNN' },
      { email: EMAILS.recipient, role: 'RECIPIENT_OFFICER', unit: 'XA-LA-DEE' },
    ],
  });
  const { env, taskQueue } = web.world;
  // Each test acts on pairs of its own, so that none depends on another's outcome.
  const cycles = [
    await startCycle(env, taskQueue, 'P01', { sponsorCode: 'QN-SNN', recipientCode: 'XA-LA-DEE' }),
    await startCycle(env, taskQueue, 'P02', { sponsorCode: 'QN-SNN', recipientCode: 'XA-DAC-PRE' }),
    await startCycle(env, taskQueue, 'P05', { sponsorCode: 'TX-DIEN-BAN', recipientCode: 'H-NAM-GIANG' }),
    await startCycle(env, taskQueue, 'P06', { sponsorCode: 'TX-DIEN-BAN', recipientCode: 'H-TAY-GIANG' }),
  ];
  await cycles[0]!.at('2026-01-10T09:00:00+07:00');
});
afterAll(async () => {
  await web?.close();
});

type Answer = {
  error?: { code: string; message: string };
  phase?: string;
  flags?: string[];
  periodEndsOn?: string;
  successorPairCode?: string;
  obligations?: { id: string; status: string }[];
  report?: string[];
};

/** Posts a page form and reads the notice of the page it goes back to. */
async function formNotice(agent: Agent, url: string, fields: Record<string, string>, back: string) {
  const posted = await agent.postForm(url, fields);
  expect([posted.statusCode, posted.headers.location]).toEqual([303, back]);
  return noticeOf((await agent.get(back)).body);
}

const FORBIDDEN = { code: 'forbidden', message: t('web.error.forbidden', {}, 'vi') };

it('waives and resends through the API once each; a second time, a missing or too long reason are the workflow’s refusals', async () => {
  const admin = await web.signedIn(EMAILS.admin);
  const waivers = '/api/v1/pairs/P01/2026/waivers';
  const missing = await admin.api('POST', waivers, { obligation: 'O1' });
  expect([missing.statusCode, missing.json<Answer>().error]).toEqual([
    400,
    { code: 'invalid_input', message: t('cycle.invalid.required', { field: 'reason' }, 'vi') },
  ]);
  const long = await admin.api('POST', `${waivers}?lang=en`, { obligation: 'O1', reason: 'x'.repeat(2001) });
  expect([long.statusCode, long.json<Answer>().error]).toEqual([
    400,
    { code: 'invalid_input', message: 'The field "reason" is longer than 2000 characters.' },
  ]);
  const waived = await admin.api('POST', waivers, { obligation: 'O1', reason: 'Xã mới thành lập' });
  expect(waived.statusCode).toBe(200);
  expect(waived.json<Answer>().obligations?.find((o) => o.id === 'O1')?.status).toBe('waived');
  const again = await admin.api('POST', waivers, { obligation: 'O1', reason: 'Lần hai' });
  expect([again.statusCode, again.json<Answer>().error]).toEqual([
    409,
    // The agent chose English with `?lang=en` above, and keeps it (the `lang` cookie).
    { code: 'refused', message: 'Cannot waive: the implementation plan (O1) is "waived".' },
  ]);

  const reminders = '/api/v1/pairs/P01/2026/reminders';
  const resent = await admin.api('POST', reminders, { obligation: 'O2' });
  expect([resent.statusCode, resent.json<Answer>().phase]).toEqual([200, 'needsProposal']);
  const notOwed = await admin.api('POST', `${reminders}?lang=en`, { obligation: 'O1' });
  expect([notOwed.statusCode, notOwed.json<Answer>().error]).toEqual([
    409,
    {
      code: 'refused',
      message: 'Cannot resend the reminder: the implementation plan (O1) is "waived".',
    },
  ]);
  const unknown = await admin.api('POST', '/api/v1/pairs/P99/2026/reminders', { obligation: 'O2' });
  expect([unknown.statusCode, unknown.json<Answer>().error]).toEqual([
    404,
    { code: 'not_found', message: t('web.error.not_found', {}, 'en') },
  ]);
  const noToken = await admin.api('POST', reminders, { obligation: 'O2' }, { csrf: false });
  expect([noToken.statusCode, noToken.json<Answer>().error]).toEqual([
    403,
    { code: 'csrf', message: t('web.error.csrf', {}, 'en') },
  ]);

  for (const email of [EMAILS.leadership, EMAILS.sponsor]) {
    const other = await web.signedIn(email);
    const refused = await other.api('POST', waivers, { obligation: 'O2', reason: 'Không được phép' });
    expect([refused.statusCode, refused.json<Answer>().error]).toEqual([403, FORBIDDEN]);
  }
  const audit = await web.world.db.prisma.auditEvent.findMany({
    where: { entityId: 'twinning-cycle:P01:2026', actor: `web:${EMAILS.admin}` },
    select: { action: true },
  });
  expect(audit.map((a) => a.action).sort()).toEqual(['resent:O2', 'waived:O1']);
});

it('the pair page’s forms dissolve the pair after refusing an unknown successor and an empty reason; others are refused', async () => {
  const admin = await web.signedIn(EMAILS.admin);
  const page = await admin.get('/pairs/P02?year=2026');
  for (const form of ['extend', 'waive', 'resend', 'dissolve', 'end-period'])
    expect(page.body).toContain(`data-testid="${form}-form"`);
  expect(pageText(page.body)).toContain('O2 đề xuất nhu cầu — đang chờ, hạn 02/03/2026');
  // Several forms share field names: every element ID is still unique, so each label names its own field.
  const ids = [...page.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  expect(ids.length).toBe(new Set(ids).size);
  expect(page.body).toMatch(/<a href="\/units\/XA-DAC-PRE\?year=2026" data-testid="unit-link"\s*>/);
  const back = '/pairs/P02?year=2026';
  const url = '/pairs/P02/2026/dissolve';
  expect(await formNotice(admin, url, { reason: 'Sáp nhập', successorPairCode: 'P-KHONG-CO' }, back)).toBe(
    t('commands.successorUnknown', { code: 'P-KHONG-CO' }, 'vi'),
  );
  expect(await formNotice(admin, url, { reason: '   ', successorPairCode: '' }, back)).toBe(
    t('cycle.invalid.empty', { field: 'reason' }, 'vi'),
  );
  const noToken = await admin.postForm(url, { reason: 'Không có mã CSRF' }, { csrf: false });
  expect(noToken.statusCode).toBe(403);
  expect(noToken.body).toContain(t('web.error.csrf', {}, 'vi'));
  expect(await formNotice(admin, url, { reason: 'Xã không còn là xã miền núi' }, back)).toBe(
    'Đã giải thể — cặp P02 năm 2026, giai đoạn «Đã kết thúc».',
  );
  const pair = await web.world.db.prisma.pair.findUniqueOrThrow({ where: { code: 'P02' } });
  expect(pair.status).toBe('DISSOLVED');
  // The cycle is closed now: the next action gets the workflow's words for a closed cycle, not "no cycle".
  expect(await formNotice(admin, '/pairs/P02/2026/resend', { obligation: 'O2' }, back)).toBe(
    t('cycle.closed', { pairCode: 'P02', year: 2026 }, 'vi'),
  );

  const leadership = await web.signedIn(EMAILS.leadership);
  expect((await leadership.get(back)).body).not.toContain('data-testid="admin-actions"');
  const refused = await leadership.postForm('/pairs/P01/2026/waive', { obligation: 'O2', reason: 'Không' });
  expect(refused.statusCode).toBe(403);
  expect(refused.body).toContain(t('web.error.forbidden', {}, 'vi'));
  const officer = await web.signedIn(EMAILS.recipient);
  const officerPage = (await officer.get('/pairs/P01?year=2026')).body;
  expect(officerPage).not.toContain('data-testid="admin-actions"');
  // An officer sees only its own unit's page: the pair page does not link the units for it.
  expect(officerPage).not.toContain('data-testid="unit-link"');
  expect((await officer.postForm('/pairs/P01/2026/resend', { obligation: 'O2' })).statusCode).toBe(403);
});

it('re-pairs through the API into a successor that exists, after refusing one that does not', async () => {
  const admin = await web.signedIn(EMAILS.admin);
  const url = '/api/v1/pairs/P05/2026/dissolution';
  const unknown = await admin.api('POST', url, { reason: 'Sáp nhập huyện', successorPairCode: 'P-KHONG-CO' });
  expect([unknown.statusCode, unknown.json<Answer>().error]).toEqual([
    400,
    { code: 'invalid_input', message: t('commands.successorUnknown', { code: 'P-KHONG-CO' }, 'vi') },
  ]);
  const repaired = await admin.api('POST', url, { reason: 'Sáp nhập huyện', successorPairCode: 'P06' });
  expect(repaired.statusCode).toBe(200);
  const answer = repaired.json<Answer>();
  expect([answer.phase, answer.successorPairCode, answer.flags]).toEqual(['closed', 'P06', ['repaired']]);
});

it('ends the period on a day through the page after the API refused a bad date and a missing reason; a later day is refused', async () => {
  const admin = await web.signedIn(EMAILS.admin);
  const url = '/api/v1/pairs/P06/2026/period-end';
  const badDay = await admin.api('POST', url, { lastDay: '2026-02-30', reason: 'Sáp nhập' });
  expect([badDay.statusCode, badDay.json<Answer>().error]).toEqual([
    400,
    { code: 'invalid_input', message: t('cycle.invalid.date', { field: 'lastDay' }, 'vi') },
  ]);
  const noReason = await admin.api('POST', url, { lastDay: '2026-06-30' });
  expect([noReason.statusCode, noReason.json<Answer>().error]).toEqual([
    400,
    { code: 'invalid_input', message: t('cycle.invalid.required', { field: 'reason' }, 'vi') },
  ]);
  const back = '/pairs/P06?year=2026';
  const ended = await formNotice(
    admin,
    '/pairs/P06/2026/end-period',
    { lastDay: '2026-06-30', reason: 'Sáp nhập huyện', successorPairCode: '', decisionNumber: '1/NQ-UBTVQH' },
    back,
  );
  expect(ended).toBe('Đã ghi ngày kết thúc thời hạn — cặp P06 năm 2026, giai đoạn «Đề xuất nhu cầu».');
  const later = await admin.api('POST', url, { lastDay: '2026-09-30', reason: 'Lùi lại' });
  expect([later.statusCode, later.json<Answer>().error]).toEqual([
    409,
    {
      code: 'refused',
      message: t('cycle.endPeriod.alreadyEnds', { lastDay: '2026-06-30', requested: '2026-09-30' }, 'vi'),
    },
  ]);
});

it('merges a commune into another on the unit page, after refusing every problem at once; the API says it was done before', async () => {
  const admin = await web.signedIn(EMAILS.admin);
  const refused = await admin.postForm('/units/XA-A-XAN/merge?year=2026', {
    from: 'XA-KHONG-CO, QN-SYT',
    on: '2027-13-01',
    decisionNumber: '',
    reason: '',
  });
  expect(refused.statusCode).toBe(400);
  const text = pageText(refused.body);
  for (const problem of [
    t('roster.merge.dateInvalid', { value: '2027-13-01' }, 'vi'),
    t('roster.merge.fromUnknown', { code: 'XA-KHONG-CO' }, 'vi'),
    t(
      'roster.merge.sidesDiffer',
      { code: 'QN-SYT', kind: 'DEPARTMENT', into: 'XA-A-XAN', intoKind: 'COMMUNE' },
      'vi',
    ),
  ])
    expect(text).toContain(problem);
  expect(text).toContain('value="XA-KHONG-CO, QN-SYT"');
  const long = await admin.api('POST', '/api/v1/units/XA-A-XAN/mergers', {
    from: ['XA-CH-OM'],
    on: '2027-01-01',
    reason: 'x'.repeat(2001),
  });
  expect([long.statusCode, long.json<Answer>().error]).toEqual([
    400,
    { code: 'invalid_input', message: t('cycle.invalid.tooLong', { field: 'reason', max: 2000 }, 'vi') },
  ]);
  expect(await web.world.db.prisma.auditEvent.count({ where: { action: 'roster.merge' } })).toBe(0);

  const merged = await admin.postForm('/units/XA-A-XAN/merge?year=2026', {
    from: 'XA-CH-OM',
    on: '2027-01-01',
    decisionNumber: '1656/NQ-UBTVQH15',
    reason: '',
  });
  expect([merged.statusCode, merged.headers.location]).toEqual([303, '/units/XA-A-XAN?year=2027']);
  const after = pageText((await admin.get('/units/XA-A-XAN?year=2027')).body);
  expect(noticeOf(after)).toBe('Đã sáp nhập vào «XA-A-XAN» từ ngày 01/01/2027.');
  const report = [...after.matchAll(/<li>\s*([^<]*?)\s*<\/li>/g)].map((m) => m[1]);
  expect(report).toEqual(
    expect.arrayContaining([
      'Sáp nhập vào «XA-A-XAN» từ ngày 01/01/2027 (1 đơn vị): XA-CH-OM.',
      'Cặp kết thúc ngày 31/12/2026 (1): P04.',
      'Cặp kế tiếp dùng lại cặp đã có (1): P04 → P03.',
      t('roster.merge.done.yearNotOpen', { year: 2027 }, 'vi'),
    ]),
  );
  const audit = await web.world.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'roster.merge' } });
  expect([audit.actor, (audit.after as { decisionNumber?: string }).decisionNumber]).toEqual([
    `web:${EMAILS.admin}`,
    '1656/NQ-UBTVQH15',
  ]);

  const again = await admin.api('POST', '/api/v1/units/XA-A-XAN/mergers?lang=en', {
    from: 'XA-CH-OM',
    on: '01/01/2027',
  });
  expect(again.statusCode).toBe(200);
  expect(again.json<Answer>().report?.slice(0, 2)).toEqual([
    'Merged into "XA-A-XAN" from 01/01/2027 (0 unit(s)): —.',
    'Merged before, not written again (1 unit(s)): XA-CH-OM.',
  ]);
  expect(await web.world.db.prisma.auditEvent.count({ where: { action: 'roster.merge' } })).toBe(1);

  const leadership = await web.signedIn(EMAILS.leadership);
  const forbidden = await leadership.api('POST', '/api/v1/units/XA-A-XAN/mergers', {
    from: 'XA-CH-OM',
    on: '2027-01-01',
  });
  expect([forbidden.statusCode, forbidden.json<Answer>().error]).toEqual([403, FORBIDDEN]);
  expect((await leadership.get('/units/XA-A-XAN?year=2027')).body).not.toContain('data-testid="merge-form"');
});

it('the OpenAPI document lists the administrator’s routes with their bodies', async () => {
  const docs = await (await web.signedIn(EMAILS.admin)).get('/api/docs/json');
  expect(docs.statusCode).toBe(200);
  const paths = docs.json<{ paths: Record<string, { post?: { requestBody?: unknown } }> }>().paths;
  for (const path of [
    '/api/v1/pairs/{code}/{year}/extensions',
    '/api/v1/pairs/{code}/{year}/waivers',
    '/api/v1/pairs/{code}/{year}/reminders',
    '/api/v1/pairs/{code}/{year}/dissolution',
    '/api/v1/pairs/{code}/{year}/period-end',
    '/api/v1/units/{code}/{year}/positive-factors',
    '/api/v1/units/{code}/{year}/rating',
    '/api/v1/units/{code}/mergers',
  ])
    expect([path, paths[path]?.post?.requestBody !== undefined]).toEqual([path, true]);
});
