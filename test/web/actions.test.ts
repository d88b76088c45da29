/**
 * Actions through the API on a running cycle (time-skipping Temporal server, in-process worker): a recipient
 * officer's needs proposal is accepted, an invalid one is refused with the workflow's own message, and an
 * administrator extends a deadline; a sponsor officer cannot act for the recipient or on another pair.
 */
import { t } from '../../domain/messages';
import { startWebCycleWorld, WEB_CYCLE_EMAILS, type WebCycleWorld } from '../support/web-cycle';

let web: WebCycleWorld;

const EMAILS = {
  admin: WEB_CYCLE_EMAILS.admin,
  recipient: WEB_CYCLE_EMAILS.aXan,
  sponsor: WEB_CYCLE_EMAILS.snn,
};

beforeAll(async () => {
  web = await startWebCycleWorld('web-actions');
  const cycle = await web.startCycle('P07', 'QN-SNN', 'XA-A-XAN');
  await cycle.at('2026-01-10T09:00:00+07:00');
});
afterAll(async () => {
  await web?.close();
});

const signedIn = (email: string) => web.signedIn(email);

type Answer = {
  error?: { code: string; message: string };
  obligations?: { id: string; status: string; effectiveDue: string }[];
};

it('a recipient officer’s needs proposal is accepted; an invalid one gets the workflow’s reason', async () => {
  const officer = await signedIn(EMAILS.recipient);
  const url = '/api/v1/pairs/P07/2026/submissions';
  const invalid = await officer.api('POST', url, { obligation: 'O2', data: { summary: '' } });
  expect(invalid.statusCode).toBe(400);
  expect(invalid.json<Answer>().error).toEqual({
    code: 'invalid_input',
    message: t('cycle.invalid.empty', { field: 'summary' }, 'vi'),
  });
  const ok = await officer.api('POST', url, {
    obligation: 'O2',
    data: { summary: 'Đề xuất hỗ trợ giống cây, bò sinh sản và tập huấn' },
  });
  expect(ok.statusCode).toBe(200);
  expect(ok.json<Answer>().obligations?.find((o) => o.id === 'O2')?.status).toBe('submitted');
  const again = await officer.api('POST', url, { obligation: 'O2', data: { summary: 'Lần hai' } });
  expect(again.statusCode).toBe(409);
  expect(again.json<Answer>().error?.code).toBe('refused');
});

it('a sponsor officer cannot submit the recipient’s document, nor extend; an administrator extends a deadline', async () => {
  const sponsor = await signedIn(EMAILS.sponsor);
  const asRecipient = await sponsor.api('POST', '/api/v1/pairs/P07/2026/submissions', {
    obligation: 'O2',
    data: { summary: 'Không phải của sở' },
  });
  // The sponsor officer acts only for the sponsor side: the workflow refuses the recipient's document.
  expect(asRecipient.statusCode).toBe(409);
  const extend = { obligation: 'O1', newDate: '2026-04-15', reason: 'Lũ lụt', decisionNumber: '12/QĐ-BDT' };
  expect((await sponsor.api('POST', '/api/v1/pairs/P07/2026/extensions', extend)).statusCode).toBe(403);
  const admin = await signedIn(EMAILS.admin);
  const extended = await admin.api('POST', '/api/v1/pairs/P07/2026/extensions', extend);
  expect(extended.statusCode).toBe(200);
  expect(extended.json<Answer>().obligations?.find((o) => o.id === 'O1')?.effectiveDue).toBe('2026-04-15');
  const unknown = await admin.api('POST', '/api/v1/pairs/P99/2026/extensions', extend);
  expect(unknown.statusCode).toBe(404);
});

/** The text of a page with the entities `html` writes turned back into characters. */
function textOf(body: string): string {
  return body
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

it('the pair page’s extend form comes back with the workflow’s refusal, then with its acceptance', async () => {
  const admin = await signedIn(EMAILS.admin);
  const page = await admin.get('/pairs/P07?year=2026');
  expect(page.body).toContain('data-testid="extend-form"');
  expect(page.body).not.toContain('data-testid="needs-form"');
  expect(page.body).toContain('/namespaces/default/workflows/twinning-cycle%3AP07%3A2026');
  const form = { obligation: 'O5', reason: 'Lũ lụt', decisionNumber: '13/QĐ-BDT' };
  const bad = await admin.postForm('/pairs/P07/2026/extend', { ...form, newDate: '2026-02-30' });
  expect([bad.statusCode, bad.headers.location]).toEqual([303, '/pairs/P07?year=2026']);
  const refused = await admin.get('/pairs/P07?year=2026');
  expect(textOf(refused.body)).toContain(t('cycle.invalid.date', { field: 'newDate' }, 'vi'));
  const good = await admin.postForm('/pairs/P07/2026/extend', { ...form, newDate: '2027-01-15' });
  expect(good.statusCode).toBe(303);
  const after = textOf((await admin.get('/pairs/P07?year=2026')).body);
  expect(after).toContain('Đã gia hạn — cặp P07 năm 2026');
  expect(after).toContain('15/01/2027');
  // The recipient officer's forms are those it still owes: O2 went in through the API above, O1 did not.
  const officer = (await (await signedIn(EMAILS.recipient)).get('/pairs/P07?year=2026')).body;
  expect(officer).toContain('data-testid="plan-form"');
  expect(officer).not.toContain('data-testid="needs-form"');
});
