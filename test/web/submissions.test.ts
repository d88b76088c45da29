/**
 * The officers' forms of the pair page and the progress API on running cycles (time-skipping Temporal server,
 * in-process worker, real PostgreSQL): each officer sees the forms of its own side; every form is accepted
 * for the right side, refused for the other side, for the wrong phase and for bad input — with what was typed
 * kept and the workflow's own message next to the field — and a refusal writes nothing. HTML in a text is kept
 * as text and shown escaped.
 */
import { t, type MessageKey, type MessageParams } from '../../domain/messages';
import { wrongPhaseParams } from '../../domain/cycle/check';
import { cycleVocabulary } from '../../domain/messages/cycle';
import type { Agent } from '../support/web';
import {
  decoded,
  fieldError,
  formsOn,
  noticeOf,
  obligationParams,
  sideParams,
  valueOf,
} from '../support/pages';
import { startWebCycleWorld, WEB_CYCLE_EMAILS, type WebCycleWorld } from '../support/web-cycle';

const EMAILS = WEB_CYCLE_EMAILS;

let web: WebCycleWorld;

beforeAll(async () => {
  web = await startWebCycleWorld('web-forms');
  await web.startCycle('P01', 'QN-SNN', 'XA-LA-DEE');
  await web.startCycle('P02', 'QN-SNN', 'XA-DAC-PRE');
  await web.startCycle('P05', 'TX-DIEN-BAN', 'H-NAM-GIANG');
  await web.startCycle('P07', 'QN-SNN', 'XA-A-XAN');
});
afterAll(async () => {
  await web?.close();
});

const vi = (key: MessageKey, params: MessageParams = {}): string => t(key, params, 'vi');

function wrongPhase(action: 'submit' | 'progress', phase: 'needsProposal'): string {
  return vi('cycle.wrongPhase', wrongPhaseParams(action, phase));
}

async function submissionsOf(pair: string) {
  return web.world.db.prisma.submission.findMany({
    where: { cycle: { workflowId: `twinning-cycle:${pair}:2026` } },
    orderBy: { submittedAt: 'asc' },
  });
}

/** Submits a document through the API (to bring a cycle to the phase a test needs). */
async function viaApi(agent: Agent, pair: string, obligation: string, data: object): Promise<string> {
  const answer = await agent.api('POST', `/api/v1/pairs/${pair}/2026/submissions`, { obligation, data });
  expect(answer.statusCode).toBe(200);
  return answer.json<{ phase: string }>().phase;
}

/** Brings a cycle to implementation: O1 and O2 by the recipient, O3 by both sides. */
async function toImplementation(pair: string, sponsor: Agent, recipient: Agent): Promise<void> {
  await viaApi(recipient, pair, 'O1', { summary: 'Kế hoạch', monitoringAssignment: 'Tổ công tác' });
  await viaApi(recipient, pair, 'O2', { summary: 'Đề xuất' });
  const signature = { signedOn: '2026-01-09', signatoryName: 'Nguyễn Văn A' };
  await viaApi(sponsor, pair, 'O3', signature);
  expect(await viaApi(recipient, pair, 'O3', signature)).toBe('implementation');
}

it('each officer sees the forms of its own side only; administrators and leadership see none', async () => {
  const recipient = await (await web.signedIn(EMAILS.namGiang)).get('/pairs/P05?year=2026');
  expect(recipient.statusCode).toBe(200);
  expect(formsOn(recipient.body)).toEqual([
    'plan-form',
    'needs-form',
    'sign-form',
    'progress-form',
    'report-form',
  ]);
  expect(recipient.body).toContain(vi('webForms.report.title.O6'));
  expect(recipient.body).not.toContain(vi('webForms.report.title.O5'));
  expect(recipient.body).toContain('enctype="multipart/form-data"');
  expect(recipient.body.match(/data-testid="needs-item-\d"/g)).toHaveLength(5);
  const sponsor = await (await web.signedIn(EMAILS.dienBan)).get('/pairs/P05?year=2026');
  expect(formsOn(sponsor.body)).toEqual(['sign-form', 'progress-form', 'report-form']);
  expect(sponsor.body).toContain(vi('webForms.report.title.O5'));
  const admin = await (await web.signedIn(EMAILS.admin)).get('/pairs/P05?year=2026');
  // The administrator's forms only (web/views/pair-admin.ts), no officer's form.
  expect(formsOn(admin.body)).toEqual([
    'extend-form',
    'waive-form',
    'resend-form',
    'dissolve-form',
    'end-period-form',
  ]);
  const leadership = await (await web.signedIn(EMAILS.leadership)).get('/pairs/P05?year=2026');
  expect(formsOn(leadership.body)).toEqual([]);
  for (const body of [recipient.body, sponsor.body, admin.body, leadership.body])
    expect(body).toContain(vi('webForms.attachments.none'));
});

it('O1 and O2 are refused for bad input with what was typed kept, accepted once for the recipient, refused for the sponsor and a second time', async () => {
  const recipient = await web.signedIn(EMAILS.namGiang);
  const sponsor = await web.signedIn(EMAILS.snn);
  const script = '<script>alert("x")</script> Kế hoạch năm 2026';
  const plan = {
    summary: script,
    monitoringAssignment: 'Tổ công tác kết nghĩa do Phó Chủ tịch xã làm tổ trưởng',
  };

  const missing = await recipient.postForm('/pairs/P01/2026/plan', { ...plan, monitoringAssignment: '  ' });
  expect(missing.statusCode).toBe(400);
  const empty = vi('cycle.invalid.empty', { field: 'monitoringAssignment' });
  expect(fieldError(missing.body, 'f-plan-monitoringAssignment')).toBe(empty);
  expect(noticeOf(missing.body)).toBe(empty);
  expect(missing.body).toContain(
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Kế hoạch năm 2026</textarea',
  );
  expect(missing.body).not.toContain('<script>alert');
  const long = await recipient.postForm('/pairs/P01/2026/plan', { ...plan, summary: 'ă'.repeat(5001) });
  expect(long.statusCode).toBe(400);
  expect(fieldError(long.body, 'f-plan-summary')).toBe(
    vi('cycle.invalid.tooLong', { field: 'summary', max: 5000 }),
  );
  const wrongSide = await sponsor.postForm('/pairs/P01/2026/plan', plan);
  expect(wrongSide.statusCode).toBe(409);
  expect(noticeOf(wrongSide.body)).toBe(
    vi('cycle.wrongSide', { ...sideParams('sponsor'), ...obligationParams('O1') }),
  );
  expect(await submissionsOf('P01')).toEqual([]);

  const accepted = await recipient.postForm('/pairs/P01/2026/plan', plan);
  expect([accepted.statusCode, accepted.headers.location]).toEqual([303, '/pairs/P01?year=2026']);
  const page = await recipient.get('/pairs/P01?year=2026');
  expect(noticeOf(page.body)).toBe(
    vi('webForms.accepted', { pair: 'P01', year: 2026, ...obligationParams('O1') }),
  );
  expect(formsOn(page.body)).toEqual(['needs-form', 'sign-form', 'progress-form', 'report-form']);
  const [stored] = await submissionsOf('P01');
  expect([stored?.obligation, stored?.side, stored?.submittedBy, stored?.payload]).toEqual([
    'O1',
    'RECIPIENT',
    `web:${EMAILS.namGiang}`,
    plan,
  ]);
  const again = await recipient.postForm('/pairs/P01/2026/plan', plan);
  expect(again.statusCode).toBe(409);
  const status = cycleVocabulary.status.submitted;
  const done = vi('cycle.alreadyDone', {
    ...obligationParams('O1'),
    status: 'submitted',
    statusVi: status.vi,
    statusEn: status.en,
  });
  expect(noticeOf(again.body)).toBe(done);
  expect(decoded(again.body)).toContain(`${script}</textarea`);
  expect(await submissionsOf('P01')).toHaveLength(1);

  // O2: the rows of items, their amounts as typed.
  const rows = (amount: string, row = 0) => ({
    summary: 'Hỗ trợ giống cây, bò sinh sản và tập huấn',
    itemCategory: ['', '', '', '', ''].map((v, i) => (i === row ? 'SOCIO_ECONOMIC' : v)),
    itemDescription: ['', '', '', '', ''].map((v, i) => (i === row ? 'Bò giống' : v)),
    itemAmount: ['', '', '', '', ''].map((v, i) => (i === row ? amount : v)),
  });
  const amountError = vi('cycle.invalid.amountDong', { field: 'items.0.estimatedAmountDong' });
  for (const amount of ['-5', '1,5', '2.5', '1000000000000001', '1.000.000.000.000.001']) {
    const refused = await recipient.postForm('/pairs/P01/2026/needs', rows(amount, 2));
    expect([amount, refused.statusCode]).toEqual([amount, 400]);
    expect(fieldError(refused.body, 'f-needs-item-2')).toBe(amountError);
    expect(valueOf(refused.body, 'f-needs-itemAmount-2')).toBe(amount);
  }
  const noCategory = await recipient.postForm('/pairs/P01/2026/needs', {
    ...rows('5000000'),
    itemCategory: ['', '', '', '', ''],
  });
  expect(fieldError(noCategory.body, 'f-needs-item-0')).toBe(
    vi('cycle.invalid.choice', { field: 'items.0.category' }),
  );
  const byTheSponsor = await sponsor.postForm('/pairs/P01/2026/needs', rows('5000000'));
  expect(noticeOf(byTheSponsor.body)).toBe(
    vi('cycle.wrongSide', { ...sideParams('sponsor'), ...obligationParams('O2') }),
  );
  expect(await submissionsOf('P01')).toHaveLength(1);

  const needs = await recipient.postForm('/pairs/P01/2026/needs', {
    summary: 'Hỗ trợ giống cây, bò sinh sản và tập huấn',
    itemCategory: ['SOCIO_ECONOMIC', '', 'POLITICAL_SYSTEM', '', ''],
    itemDescription: ['Bò giống sinh sản', '', '', '', ''],
    itemAmount: ['200.000.000', '', '1.000.000.000.000.000', '', ''],
  });
  expect(needs.statusCode).toBe(303);
  const after = await recipient.get('/pairs/P01?year=2026');
  expect(noticeOf(after.body)).toBe(
    vi('webForms.accepted', { pair: 'P01', year: 2026, ...obligationParams('O2') }),
  );
  expect(formsOn(after.body)).toEqual(['sign-form', 'progress-form', 'report-form']);
  expect((await submissionsOf('P01'))[1]?.payload).toEqual({
    summary: 'Hỗ trợ giống cây, bò sinh sản và tập huấn',
    items: [
      { category: 'SOCIO_ECONOMIC', description: 'Bò giống sinh sản', estimatedAmountDong: '200000000' },
      { category: 'POLITICAL_SYSTEM', estimatedAmountDong: '1000000000000000' },
    ],
  });
});

it('O4 and O5/O6: refused in the wrong phase and for bad numbers, then accepted for each side', async () => {
  const sponsor = await web.signedIn(EMAILS.snn);
  const recipient = await web.signedIn(EMAILS.namGiang);
  const entry = {
    category: 'SOCIAL_SECURITY',
    households: '3',
    amountDong: '50.000.000',
    modelsBuilt: '1',
    modelsReplicated: '',
    studyTours: '1',
    communeCode: '',
    description: 'Hỗ trợ <b>bò giống</b> cho hộ nghèo',
    beneficiaries: 'Hộ bà Hồ Thị Mai\n\n   Hộ ông Bríu Pố  \r\nHộ <i>Alăng</i> Thị Hoa\n',
  };
  const early = await sponsor.postForm('/pairs/P02/2026/progress', entry);
  expect(early.statusCode).toBe(409);
  expect(noticeOf(early.body)).toBe(wrongPhase('progress', 'needsProposal'));
  expect(early.body).toContain('Hộ &lt;i&gt;Alăng&lt;/i&gt; Thị Hoa');
  const report = { summary: 'Báo cáo sơ kết', assessment: 'Xã thực hiện tốt' };
  const earlyReport = await sponsor.postForm('/pairs/P02/2026/report', report);
  expect(noticeOf(earlyReport.body)).toBe(wrongPhase('submit', 'needsProposal'));

  await toImplementation('P02', sponsor, recipient);
  const prisma = web.world.db.prisma;
  const entries = () =>
    prisma.progressEntry.findMany({ where: { cycle: { workflowId: 'twinning-cycle:P02:2026' } } });
  const bad: [Partial<typeof entry>, string, string][] = [
    [{ households: '-1' }, 'households', vi('cycle.invalid.nonNegativeInteger', { field: 'households' })],
    [{ households: '2.5' }, 'households', vi('cycle.invalid.nonNegativeInteger', { field: 'households' })],
    [{ studyTours: 'hai' }, 'studyTours', vi('cycle.invalid.nonNegativeInteger', { field: 'studyTours' })],
    [{ amountDong: '-100' }, 'amountDong', vi('cycle.invalid.amountDong', { field: 'amountDong' })],
    [{ amountDong: '1,5' }, 'amountDong', vi('cycle.invalid.amountDong', { field: 'amountDong' })],
    [
      { amountDong: '2000000000000000' },
      'amountDong',
      vi('cycle.invalid.amountDong', { field: 'amountDong' }),
    ],
    [{ category: '' }, 'category', vi('cycle.invalid.choice', { field: 'category' })],
    [{ description: ' ' }, 'description', vi('cycle.invalid.empty', { field: 'description' })],
    [
      { beneficiaries: `Hộ A\n${'B'.repeat(201)}` },
      'beneficiaries',
      vi('cycle.invalid.tooLong', { field: 'beneficiaries.1', max: 200 }),
    ],
  ];
  for (const [change, name, message] of bad) {
    const refused = await sponsor.postForm('/pairs/P02/2026/progress', { ...entry, ...change });
    expect([name, refused.statusCode]).toEqual([name, 400]);
    expect(fieldError(refused.body, `f-progress-${name}`)).toBe(message);
  }
  expect(await entries()).toEqual([]);

  const accepted = await sponsor.postForm('/pairs/P02/2026/progress', entry);
  expect(accepted.statusCode).toBe(303);
  const page = await sponsor.get('/pairs/P02?year=2026');
  expect(noticeOf(page.body)).toBe(vi('webForms.progressAccepted', { pair: 'P02', year: 2026 }));
  expect(formsOn(page.body)).toEqual(['progress-form', 'report-form']);
  const [stored] = await entries();
  expect(stored).toMatchObject({
    category: 'SOCIAL_SECURITY',
    households: 3,
    amountDong: 50_000_000n,
    modelsBuilt: 1,
    modelsReplicated: 0,
    studyTours: 1,
    communeCode: null,
    description: 'Hỗ trợ <b>bò giống</b> cho hộ nghèo',
    beneficiaries: ['Hộ bà Hồ Thị Mai', 'Hộ ông Bríu Pố', 'Hộ <i>Alăng</i> Thị Hoa'],
    side: 'SPONSOR',
    submittedBy: `web:${EMAILS.snn}`,
  });

  const noAssessment = await sponsor.postForm('/pairs/P02/2026/report', { ...report, assessment: '' });
  expect(fieldError(noAssessment.body, 'f-report-assessment')).toBe(
    vi('cycle.invalid.empty', { field: 'assessment' }),
  );
  expect((await sponsor.postForm('/pairs/P02/2026/report', report)).statusCode).toBe(303);
  const afterO5 = await sponsor.get('/pairs/P02?year=2026');
  expect(noticeOf(afterO5.body)).toBe(
    vi('webForms.accepted', { pair: 'P02', year: 2026, ...obligationParams('O5') }),
  );
  expect(formsOn(afterO5.body)).toEqual(['progress-form']);
  const recipientReport = { summary: 'Báo cáo kết quả', assessment: 'Sở hỗ trợ kịp thời' };
  expect((await recipient.postForm('/pairs/P02/2026/report', recipientReport)).statusCode).toBe(303);
  const afterO6 = await recipient.get('/pairs/P02?year=2026');
  expect(noticeOf(afterO6.body)).toBe(
    vi('webForms.accepted', { pair: 'P02', year: 2026, ...obligationParams('O6') }),
  );
  const reports = (await submissionsOf('P02')).filter((s) => s.obligation === 'O5' || s.obligation === 'O6');
  expect(reports.map((s) => [s.obligation, s.side, s.payload])).toEqual([
    ['O5', 'SPONSOR', report],
    ['O6', 'RECIPIENT', recipientReport],
  ]);
});

it('the progress API: the workflow’s refusal, 400 for bad data, 401/403/404 for the wrong caller, 200 with the cycle', async () => {
  const sponsor = await web.signedIn(EMAILS.snn);
  const recipient = await web.signedIn(EMAILS.aXan);
  const url = '/api/v1/pairs/P07/2026/progress';
  const data = {
    category: 'SOCIO_ECONOMIC',
    households: 2,
    amountDong: '1000000',
    modelsBuilt: 0,
    modelsReplicated: 0,
    studyTours: 0,
    description: 'Tập huấn trồng quế',
    beneficiaries: ['Hộ Zơ Râm Thị Lan'],
  };
  type Answer = { error?: { code: string; message: string }; phase?: string };
  const early = await sponsor.api('POST', url, { data });
  expect([early.statusCode, early.json<Answer>().error]).toEqual([
    409,
    { code: 'refused', message: wrongPhase('progress', 'needsProposal') },
  ]);
  await toImplementation('P07', sponsor, recipient);
  const negative = await sponsor.api('POST', url, { data: { ...data, households: -1 } });
  expect([negative.statusCode, negative.json<Answer>().error]).toEqual([
    400,
    { code: 'invalid_input', message: vi('cycle.invalid.nonNegativeInteger', { field: 'households' }) },
  ]);
  const fraction = await sponsor.api('POST', url, { data: { ...data, amountDong: 1.5 } });
  expect(fraction.json<Answer>().error?.message).toBe(
    vi('cycle.invalid.amountDong', { field: 'amountDong' }),
  );
  expect((await sponsor.api('POST', url, {})).statusCode).toBe(400);
  const outOfScope = await (await web.signedIn(EMAILS.syt)).api('POST', url, { data });
  expect([outOfScope.statusCode, outOfScope.json<Answer>().error?.code]).toEqual([404, 'not_found']);
  expect((await sponsor.api('POST', '/api/v1/pairs/NOPE/2026/progress', { data })).statusCode).toBe(404);
  expect((await web.anonymous().api('POST', url, { data }, { csrf: false })).statusCode).toBe(401);
  expect((await (await web.signedIn(EMAILS.admin)).api('POST', url, { data })).statusCode).toBe(403);
  const noToken = await sponsor.api('POST', url, { data }, { csrf: false });
  expect([noToken.statusCode, noToken.json<Answer>().error?.code]).toEqual([403, 'csrf']);
  const prisma = web.world.db.prisma;
  const where = { cycle: { workflowId: 'twinning-cycle:P07:2026' } };
  expect(await prisma.progressEntry.count({ where })).toBe(0);

  const ok = await recipient.api('POST', url, { data });
  expect([ok.statusCode, ok.json<Answer>().phase]).toEqual([200, 'implementation']);
  expect(await prisma.progressEntry.findMany({ where, select: { side: true, beneficiaries: true } })).toEqual(
    [{ side: 'RECIPIENT', beneficiaries: ['Hộ Zơ Râm Thị Lan'] }],
  );
});

it('a form is 404 for another unit’s pair, an unknown pair or year, and 403 without its CSRF token or for an administrator', async () => {
  const plan = { summary: 'Kế hoạch', monitoringAssignment: 'Tổ công tác' };
  const aXan = await web.signedIn(EMAILS.aXan);
  const outOfScope = await aXan.postForm('/pairs/P01/2026/plan', plan);
  expect(outOfScope.statusCode).toBe(404);
  expect(outOfScope.body).toContain(vi('web.error.not_found'));
  expect((await aXan.postForm('/pairs/NOPE/2026/needs', { summary: 'x' })).statusCode).toBe(404);
  const namGiang = await web.signedIn(EMAILS.namGiang);
  expect((await namGiang.postForm('/pairs/P05/abc/plan', plan)).statusCode).toBe(404);
  expect((await namGiang.postForm('/pairs/P05/1999/plan', plan)).statusCode).toBe(404);
  const syt = await web.signedIn(EMAILS.syt);
  expect((await syt.postForm('/pairs/P05/2026/progress', { description: 'x' })).statusCode).toBe(404);
  const noToken = await namGiang.postForm('/pairs/P05/2026/plan', plan, { csrf: false });
  expect(noToken.statusCode).toBe(403);
  expect(decoded(noToken.body)).toContain(vi('web.error.csrf'));
  const admin = await web.signedIn(EMAILS.admin);
  expect((await admin.postForm('/pairs/P05/2026/plan', plan)).statusCode).toBe(403);
  expect(await submissionsOf('P05')).toEqual([]);
});
