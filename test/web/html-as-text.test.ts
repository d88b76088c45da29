/**
 * Markup typed by a user is shown as text everywhere, property-based (fast-check), on running cycles
 * (time-skipping Temporal server, in-process worker, real PostgreSQL, SMTP catcher): texts mixed with
 * `<script>`, `"><img src=x onerror=…>`, `</textarea>`, entities and quotes, entered through the web forms — a
 * needs proposal and its items, a plan, progress entries with their households, year-end reports, an invited
 * user's name, unit names of a roster upload — come back on the pages (the pair page, a refused form shown again,
 * the users page) only escaped: the escaped form is there, the raw text and any tag of it are not. The e-mails that
 * carry a user's text (an invitation names the user; a reminder names the pair's units, see
 * `domain/mail/templates.ts`) escape it in their HTML part. The cycle list's CSV and XLSX export writes a unit
 * name that starts like a formula (`=`, `+`, `-`, `@`) as text (`domain/export-safety.ts`); the writers
 * themselves are covered for any text by test/properties/export-formulas.test.ts, this is the web route with
 * names that came in through the roster upload.
 */
import { eventually } from '../support/eventually';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { looksLikeFormula, neutraliseCell } from '../../domain/export-safety';
import { escapeHtml } from '../../domain/html';
import { CYCLE_EXPORT_HEADERS } from '../../services/dashboard';
import { parse as parseMail } from '../support/mail';
import { noticeOf } from '../support/pages';
import type { Agent } from '../support/web';
import { startWebCycleWorld, WEB_CYCLE_EMAILS, type WebCycleWorld } from '../support/web-cycle';

const EMAILS = WEB_CYCLE_EMAILS;

let web: WebCycleWorld;

beforeAll(async () => {
  web = await startWebCycleWorld('html-as-text');
});
afterAll(async () => {
  await web?.close();
});

/** Markup an attacker would type into a text field. */
const VECTORS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</textarea><script>alert(2)</script>',
  "'><svg onload=alert(3)>",
  '<a href="javascript:alert(4)">xem</a>',
  '</td></tr></table><b>đậm</b>',
  '&lt;i&gt;đã mã hoá&lt;/i&gt; &amp; &#60;',
  '<!-- ghi chú -->',
  '"',
  "'",
] as const;

/**
 * A one-line text with markup in it, between words (so that trimming, which every form does, leaves it as typed),
 * short enough for any field (at most 200 characters).
 */
function markup(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.string({ maxLength: 10 }),
      fc.array(fc.constantFrom(...VECTORS), { minLength: 1, maxLength: 3 }),
      fc.string({ maxLength: 10 }),
    )
    .map(([before, vectors, after]) => `Hỗ trợ ${before}${vectors.join(' ')}${after} thôn`);
}

/**
 * The page (or e-mail HTML) shows `text` only as text: its escaped form is in it, the text as typed is not, and
 * no tag of it made it through.
 */
function expectShownAsText(body: string, text: string): void {
  expect({ text, escaped: body.includes(escapeHtml(text)) }).toEqual({ text, escaped: true });
  expect({ text, raw: body.includes(text) }).toEqual({ text, raw: false });
  expect(body).not.toMatch(/<script|<svg|<img[^>]*onerror|href="javascript:|<b>đậm|<!-- ghi chú/i);
}

/** The pair page of 2026 as `agent` sees it. */
async function pairPage(agent: Agent, pair: string): Promise<string> {
  const page = await agent.get(`/pairs/${pair}?year=2026`);
  expect(page.statusCode).toBe(200);
  return page.body;
}

/** Submits a document through the API (to bring a cycle to the phase a test needs). */
async function viaApi(agent: Agent, pair: string, obligation: string, data: object): Promise<void> {
  const answer = await agent.api('POST', `/api/v1/pairs/${pair}/2026/submissions`, { obligation, data });
  expect(answer.statusCode).toBe(200);
}

it('a needs proposal and a plan with markup: a refused form shows it again escaped, an accepted one on the pair page', async () => {
  await web.startCycle('P01', 'QN-SNN', 'XA-LA-DEE');
  const recipient = await web.signedIn(EMAILS.namGiang);

  // Refused (an amount with a sign): the form comes back with the texts as typed, escaped in the textarea and inputs.
  await fc.assert(
    fc.asyncProperty(markup(), markup(), async (summary, description) => {
      const refused = await recipient.postForm('/pairs/P01/2026/needs', {
        summary,
        itemCategory: ['SOCIO_ECONOMIC', '', '', '', ''],
        itemDescription: [description, '', '', '', ''],
        itemAmount: ['-5', '', '', '', ''],
      });
      expect(refused.statusCode).toBe(400);
      expectShownAsText(refused.body, summary);
      expectShownAsText(refused.body, description);
    }),
    { numRuns: 15 },
  );

  // Accepted: what the recipient wrote is on the pair page, escaped, for every reader of the pair.
  const [summary, assignment, needs, ...items] = fc.sample(markup(), { numRuns: 6, seed: 20260110 });
  const plan = await recipient.postForm('/pairs/P01/2026/plan', {
    summary: summary!,
    monitoringAssignment: assignment!,
  });
  expect(plan.statusCode).toBe(303);
  const proposal = await recipient.postForm('/pairs/P01/2026/needs', {
    summary: needs!,
    itemCategory: ['SOCIO_ECONOMIC', 'SOCIAL_SECURITY', 'POLITICAL_SYSTEM', '', ''],
    itemDescription: [...items.slice(0, 3), '', ''],
    itemAmount: ['200.000.000', '5000000', '1.000.000.000.000.000', '', ''],
  });
  expect(proposal.statusCode).toBe(303);
  for (const reader of [recipient, await web.signedIn(EMAILS.snn), await web.signedIn(EMAILS.admin)]) {
    const page = await pairPage(reader, 'P01');
    for (const text of [summary!, assignment!, needs!, ...items.slice(0, 3)]) expectShownAsText(page, text);
  }
});

it('progress entries and year-end reports with markup are on the pair page only escaped; a refused report shows them again escaped', async () => {
  await web.startCycle('P02', 'QN-SNN', 'XA-DAC-PRE');
  const sponsor = await web.signedIn(EMAILS.snn);
  const recipient = await web.signedIn(EMAILS.namGiang);
  await viaApi(recipient, 'P02', 'O1', { summary: 'Kế hoạch', monitoringAssignment: 'Tổ công tác' });
  await viaApi(recipient, 'P02', 'O2', { summary: 'Đề xuất' });
  const signature = { signedOn: '2026-01-09', signatoryName: 'Nguyễn Văn A' };
  await viaApi(sponsor, 'P02', 'O3', signature);
  await viaApi(recipient, 'P02', 'O3', signature);

  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(sponsor, recipient),
      markup(),
      fc.array(markup(), { minLength: 1, maxLength: 3 }),
      async (officer, description, households) => {
        const entered = await officer.postForm('/pairs/P02/2026/progress', {
          category: 'SOCIAL_SECURITY',
          households: String(households.length),
          amountDong: '50.000.000',
          modelsBuilt: '1',
          modelsReplicated: '',
          studyTours: '',
          communeCode: '',
          description,
          beneficiaries: households.join('\n'),
        });
        expect(entered.statusCode).toBe(303);
        const page = await pairPage(officer, 'P02');
        expectShownAsText(page, description);
        // The households of one entry are listed in one cell, comma-separated.
        expectShownAsText(page, households.join(', '));
      },
    ),
    { numRuns: 10 },
  );

  await fc.assert(
    fc.asyncProperty(markup(), async (summary) => {
      const refused = await sponsor.postForm('/pairs/P02/2026/report', { summary, assessment: '  ' });
      expect(refused.statusCode).toBe(400);
      expectShownAsText(refused.body, summary);
    }),
    { numRuns: 10 },
  );
  const [sponsorSummary, sponsorAssessment, recipientSummary, recipientAssessment] = fc.sample(markup(), {
    numRuns: 4,
    seed: 20261205,
  });
  const o5 = { summary: sponsorSummary!, assessment: sponsorAssessment! };
  expect((await sponsor.postForm('/pairs/P02/2026/report', o5)).statusCode).toBe(303);
  const o6 = { summary: recipientSummary!, assessment: recipientAssessment! };
  expect((await recipient.postForm('/pairs/P02/2026/report', o6)).statusCode).toBe(303);
  const page = await pairPage(await web.signedIn(EMAILS.admin), 'P02');
  for (const text of [...Object.values(o5), ...Object.values(o6)]) expectShownAsText(page, text);
});

it("an invited user's name with markup: the users page and a refused invitation show it escaped, and so does the invitation's HTML", async () => {
  const admin = await web.signedIn(EMAILS.admin);
  let invited = 0;
  await fc.assert(
    fc.asyncProperty(markup(), fc.constantFrom('vi', 'en'), async (name, lang) => {
      const refused = await admin.postForm(`/users?lang=${lang}`, {
        email: 'không phải địa chỉ',
        name,
        role: 'LEADERSHIP',
        unit: '',
      });
      expect(refused.statusCode).toBe(400);
      expectShownAsText(refused.body, name);

      invited += 1;
      const email = `moi-${invited}@ubnd.example.gov.vn`;
      const answer = await admin.postForm(`/users?lang=${lang}`, {
        email,
        name,
        role: 'LEADERSHIP',
        unit: '',
      });
      expect(answer.statusCode).toBe(303);
      const users = await admin.get('/users');
      expect(noticeOf(users.body)).toContain(email);
      expectShownAsText(users.body, name);

      const message = web.world.smtp.messages.find((m) => m.to.includes(email));
      expect(message).toBeDefined();
      const mail = await parseMail(message!);
      expectShownAsText(String(mail.html), name);
      // The plain-text part is text: the name is in it as typed.
      expect(mail.text).toContain(name);
    }),
    { numRuns: 8 },
  );
});

/** A roster upload: the fixture's QN-SYT and XA-CH-OM (with its district) under other names. */
function rosterWithNames(sponsorName: string, recipientName: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      units: [
        {
          code: 'QN-SYT',
          name: sponsorName,
          kind: 'DEPARTMENT',
          staff: 64,
          emails: ['ketnghia@syt.example.gov.vn'],
        },
        {
          code: 'H-TAY-GIANG',
          name: 'Huyện Tây Giang',
          kind: 'MOUNTAIN_DISTRICT',
          emails: ['ubnd@taygiang.example.gov.vn'],
        },
        {
          code: 'XA-CH-OM',
          name: recipientName,
          kind: 'COMMUNE',
          parent: 'H-TAY-GIANG',
          emails: ['ubnd@chom.example.gov.vn'],
        },
      ],
    }),
  );
}

/** Uploads a roster through the API and confirms it, as an administrator does on /roster. */
async function uploadRoster(admin: Agent, file: Buffer): Promise<void> {
  const dry = await admin.postMultipart(
    '/api/v1/roster/dry-run',
    { year: '2026' },
    { roster: { filename: 'roster.json', contentType: 'application/json', content: file } },
    { csrf: 'header' },
  );
  expect([dry.statusCode, dry.body.slice(0, 300)]).toEqual([200, dry.body.slice(0, 300)]);
  const { upload } = dry.json<{ upload: { id: string; sha256: string } }>();
  const applied = await admin.api('POST', '/api/v1/roster/apply', {
    upload: upload.id,
    sha256: upload.sha256,
  });
  expect(applied.statusCode).toBe(200);
}

/** A unit name as a spreadsheet would run it, or with markup: what a roster file may hold. */
const unitName = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@'),
      fc.constantFrom(
        'HYPERLINK("http://evil.example","Sở Y tế")',
        '1+1',
        "cmd|' /C calc'!A0",
        'SUM(A1:A9)',
        'Sở <b>Y tế</b>',
      ),
    )
    .map(([start, rest]) => `${start}${rest}`),
  markup(),
);

it('unit names of a roster upload: the CSV and XLSX export of the cycle list write them as text, never as a formula; the pair page and the reminder e-mail escape their markup', async () => {
  await web.startCycle('P04', 'QN-SYT', 'XA-CH-OM');
  const admin = await web.signedIn(EMAILS.admin);
  const name = {
    sponsor: CYCLE_EXPORT_HEADERS.indexOf('Đơn vị giúp đỡ'),
    recipient: CYCLE_EXPORT_HEADERS.indexOf('Đơn vị được giúp đỡ'),
  };
  expect(Object.values(name).every((i) => i > 0)).toBe(true);

  await fc.assert(
    fc.asyncProperty(unitName, unitName, async (sponsorName, recipientName) => {
      await uploadRoster(admin, rosterWithNames(sponsorName, recipientName));

      const csv = await admin.get('/api/v1/cycles/export?format=csv&year=2026');
      expect(csv.statusCode).toBe(200);
      const records = parseCsv(csv.rawPayload.toString('utf8'), { bom: true }) as string[][];
      expect(records[0]).toEqual([...CYCLE_EXPORT_HEADERS]);
      const row = records.find((r) => r[0] === 'P04');
      expect([row?.[name.sponsor], row?.[name.recipient]]).toEqual([
        neutraliseCell(sponsorName),
        neutraliseCell(recipientName),
      ]);
      for (const cell of row ?? []) expect(looksLikeFormula(cell)).toBe(false);

      const xlsx = await admin.get('/api/v1/cycles/export?format=xlsx&year=2026');
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const rows: ExcelJS.Row[] = [];
      sheet.eachRow((r) => rows.push(r));
      const p04 = rows.find((r) => r.getCell(1).value === 'P04');
      expect([p04?.getCell(name.sponsor + 1).value, p04?.getCell(name.recipient + 1).value]).toEqual([
        neutraliseCell(sponsorName),
        neutraliseCell(recipientName),
      ]);
      for (const r of rows)
        r.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(typeof cell.value === 'string' && looksLikeFormula(cell.value)).toBe(false);
        });

      const page = await pairPage(admin, 'P04');
      for (const text of [sponsorName, recipientName]) {
        expect(page).toContain(escapeHtml(text));
        if (/[<>"'&]/.test(text)) expectShownAsText(page, text);
      }
    }),
    { numRuns: 10 },
  );

  // The reminder an administrator resends names both units: its HTML part escapes what the roster holds.
  const [sponsorName, recipientName] = fc.sample(markup(), { numRuns: 2, seed: 20260301 });
  await uploadRoster(admin, rosterWithNames(sponsorName!, recipientName!));
  const sent = web.world.smtp.messages.length;
  const resent = await admin.postForm('/pairs/P04/2026/resend', { obligation: 'O1' });
  expect(resent.statusCode).toBe(303);
  await eventually(
    () => Promise.resolve(web.world.smtp.messages.length),
    (count) => count > sent,
    30_000,
    200,
  );
  const reminder = web.world.smtp.messages.slice(sent).find((m) => m.to.includes('ubnd@chom.example.gov.vn'));
  expect(reminder).toBeDefined();
  const mail = await parseMail(reminder!);
  for (const text of [sponsorName!, recipientName!]) {
    expectShownAsText(String(mail.html), text);
    expect(mail.text).toContain(text);
  }
});
