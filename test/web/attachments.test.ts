/**
 * Documents of submissions on running cycles (time-skipping Temporal server, in-process worker, real
 * PostgreSQL): the O3 form keeps the signed document with its SHA-256, linked to the submission by its Update
 * ID; the pair page lists it; it is served as a download only to those who may see the pair. A file that is
 * not what it says, one over 10 MB or none at all is refused, and so is a submission the workflow refuses —
 * each leaving no document behind. The API sends a submission with its document and serves it back.
 */
import { createHash } from 'node:crypto';
import { t, type MessageKey, type MessageParams } from '../../domain/messages';
import { decoded, fieldError, noticeOf, sideParams } from '../support/pages';
import { startWebCycleWorld, WEB_CYCLE_EMAILS, type WebCycleWorld } from '../support/web-cycle';

const EMAILS = WEB_CYCLE_EMAILS;

let web: WebCycleWorld;

beforeAll(async () => {
  web = await startWebCycleWorld('web-attachments');
  await web.startCycle('P01', 'QN-SNN', 'XA-LA-DEE');
  await web.startCycle('P02', 'QN-SNN', 'XA-DAC-PRE');
  await web.startCycle('P07', 'QN-SNN', 'XA-A-XAN');
  await web.startCycle('P08', 'QN-SYT', 'XA-LA-DEE');
});
afterAll(async () => {
  await web?.close();
});

const vi = (key: MessageKey, params: MessageParams = {}): string => t(key, params, 'vi');
const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

const PDF = Buffer.from('%PDF-1.7\n% Chương trình kết nghĩa năm 2026\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

const file = (filename: string, contentType: string, content: Buffer) => ({
  document: { filename, contentType, content },
});

const workflowId = (pair: string): string => `twinning-cycle:${pair}:2026`;

function attachmentsOf(pair: string) {
  return web.world.db.prisma.attachment.findMany({
    where: { cycle: { workflowId: workflowId(pair) } },
    orderBy: { createdAt: 'asc' },
  });
}

function signaturesOf(pair: string) {
  return web.world.db.prisma.submission.findMany({
    where: { cycle: { workflowId: workflowId(pair) }, obligation: 'O3' },
  });
}

it('the signed document is kept with its SHA-256, linked to the submission, listed on the page and served only in scope', async () => {
  const sponsor = await web.signedIn(EMAILS.snn);
  const filename = 'Chương trình <ký> 2026.pdf';
  const fields = { signedOn: '2026-01-09', signatoryName: 'Nguyễn Văn An, Giám đốc Sở' };
  const sent = await sponsor.postMultipart(
    '/pairs/P01/2026/sign',
    fields,
    file(filename, 'application/pdf', PDF),
  );
  expect([sent.statusCode, sent.headers.location]).toEqual([303, '/pairs/P01?year=2026']);
  const page = await sponsor.get('/pairs/P01?year=2026');
  expect(noticeOf(page.body)).toBe(
    vi('webForms.signed', {
      pair: 'P01',
      year: 2026,
      ...sideParams('sponsor'),
      filename,
      sha256: sha256(PDF),
    }),
  );

  const [kept, ...others] = await attachmentsOf('P01');
  expect(others).toEqual([]);
  expect(kept).toMatchObject({
    filename,
    contentType: 'application/pdf',
    size: PDF.length,
    sha256: sha256(PDF),
    uploadedBy: await web.userId(EMAILS.snn),
  });
  expect(Buffer.from(kept?.content ?? []).equals(PDF)).toBe(true);
  const [signature] = await signaturesOf('P01');
  expect([signature?.side, signature?.payload]).toEqual(['SPONSOR', fields]);
  expect(kept?.submissionKey).toBe(signature?.idempotencyKey);
  expect(kept?.submissionKey).toMatch(/^twinning-cycle:P01:2026:[0-9a-f-]{36}$/);

  const href = `/pairs/P01/2026/attachments/${kept?.id ?? ''}`;
  expect(page.body).toContain(`data-obligation="O3" data-side="sponsor" data-sha256="${sha256(PDF)}"`);
  expect(page.body).toContain(`<a href="${href}" download>Chương trình &lt;ký&gt; 2026.pdf</a>`);
  expect(page.body).not.toContain('data-testid="sign-form"');
  for (const email of [EMAILS.snn, EMAILS.namGiang, EMAILS.admin, EMAILS.leadership]) {
    const reader = await web.signedIn(email);
    expect((await reader.get('/pairs/P01?year=2026')).body).toContain(`href="${href}"`);
    const download = await reader.get(href);
    expect([email, download.statusCode]).toEqual([email, 200]);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Chuong trinh <ky> 2026.pdf"; filename*=UTF-8''Ch%C6%B0%C6%A1ng%20tr%C3%ACnh%20%3Ck%C3%BD%3E%202026.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PDF)).toBe(true);
  }
  for (const email of [EMAILS.syt, EMAILS.aXan]) {
    const outsider = await web.signedIn(email);
    expect([email, (await outsider.get(href)).statusCode]).toEqual([email, 404]);
    expect((await outsider.get(`/api/v1/pairs/P01/2026/attachments/${kept?.id ?? ''}`)).statusCode).toBe(404);
    expect((await outsider.get('/api/v1/pairs/P01/2026/attachments')).statusCode).toBe(404);
  }
  expect((await sponsor.get(`/pairs/P01/2027/attachments/${kept?.id ?? ''}`)).statusCode).toBe(404);
  expect((await sponsor.get(`/pairs/P02/2026/attachments/${kept?.id ?? ''}`)).statusCode).toBe(404);
  expect((await sponsor.get('/pairs/P01/2026/attachments/no-such-id')).statusCode).toBe(404);
  const anonymous = await web.anonymous().get(href);
  expect(anonymous.statusCode).toBe(303);
  expect(anonymous.headers.location).toMatch(/^\/sign-in\?next=/);

  const admin = await web.signedIn(EMAILS.admin);
  const list = await admin.get('/api/v1/pairs/P01/2026/attachments');
  expect(list.json()).toEqual({
    attachments: [
      {
        id: kept?.id,
        filename,
        contentType: 'application/pdf',
        size: PDF.length,
        sha256: sha256(PDF),
        createdAt: kept?.createdAt.toISOString(),
        obligation: 'O3',
        side: 'sponsor',
      },
    ],
  });
  const viaApi = await admin.get(`/api/v1/pairs/P01/2026/attachments/${kept?.id ?? ''}`);
  expect([
    viaApi.statusCode,
    viaApi.headers['content-type'],
    viaApi.headers['x-content-type-options'],
  ]).toEqual([200, 'application/pdf', 'nosniff']);
  expect(viaApi.rawPayload.equals(PDF)).toBe(true);
});

it('a file that is not what its name or type says, an empty or oversize file, or none at all is refused and nothing is kept', async () => {
  const recipient = await web.signedIn(EMAILS.namGiang);
  const url = '/pairs/P02/2026/sign';
  const fields = { signedOn: '09/01/2026', signatoryName: 'Hồ Văn Bốn <Chủ tịch>' };
  const none = await recipient.postMultipart(url, fields);
  expect(none.statusCode).toBe(400);
  expect(fieldError(none.body, 'f-sign-document')).toBe(vi('webForms.file.missing'));
  expect(none.body).toContain('value="Hồ Văn Bốn &lt;Chủ tịch&gt;"');
  const cases: [ReturnType<typeof file>, MessageKey, MessageParams][] = [
    [
      file('scan.pdf', 'application/pdf', PNG),
      'webForms.file.mismatch',
      { filename: 'scan.pdf', claimed: 'PDF', actual: 'PNG' },
    ],
    [
      file('scan.jpg', 'image/png', JPEG),
      'webForms.file.mismatch',
      { filename: 'scan.jpg', claimed: 'image/png', actual: 'JPEG' },
    ],
    [
      file('scan.pdf', 'application/pdf', Buffer.from('<script>alert(1)</script>')),
      'webForms.file.notDocument',
      { filename: 'scan.pdf' },
    ],
    [file('ban-ky.docx', 'application/pdf', PDF), 'webForms.file.extension', { filename: 'ban-ky.docx' }],
    [file('scan.pdf', 'application/pdf', Buffer.alloc(0)), 'webForms.file.empty', { filename: 'scan.pdf' }],
  ];
  for (const [files, key, params] of cases) {
    const refused = await recipient.postMultipart(url, fields, files);
    expect([key, refused.statusCode]).toEqual([key, 400]);
    expect(fieldError(refused.body, 'f-sign-document')).toBe(vi(key, params));
    expect(noticeOf(refused.body)).toBe(vi(key, params));
  }
  const big = Buffer.alloc(10 * 1024 * 1024 + 1);
  PDF.copy(big);
  const tooBig = await recipient.postMultipart(url, fields, file('scan.pdf', 'application/pdf', big));
  expect(tooBig.statusCode).toBe(413);
  expect(decoded(tooBig.body)).toContain(vi('web.error.file_too_large', { megabytes: 10 }));
  expect(await attachmentsOf('P02')).toEqual([]);
  expect(await signaturesOf('P02')).toEqual([]);

  const exact = Buffer.alloc(10 * 1024 * 1024);
  JPEG.copy(exact);
  const ok = await recipient.postMultipart(url, fields, file('Biên bản ký.jpg', 'image/jpeg', exact));
  expect(ok.statusCode).toBe(303);
  const kept = await attachmentsOf('P02');
  expect(kept.map((a) => [a.filename, a.contentType, a.size, a.sha256])).toEqual([
    ['Biên bản ký.jpg', 'image/jpeg', exact.length, sha256(exact)],
  ]);
  expect((await signaturesOf('P02')).map((s) => [s.side, s.payload])).toEqual([
    ['RECIPIENT', { signedOn: '2026-01-09', signatoryName: 'Hồ Văn Bốn <Chủ tịch>' }],
  ]);
});

it('a submission the workflow refuses leaves no document behind', async () => {
  const sponsor = await web.signedIn(EMAILS.snn);
  const url = '/pairs/P07/2026/sign';
  const fields = { signedOn: '2026-01-09', signatoryName: 'Nguyễn Văn An' };
  const badDate = await sponsor.postMultipart(
    url,
    { ...fields, signedOn: '2026-02-30' },
    file('ky.pdf', 'application/pdf', PDF),
  );
  expect(badDate.statusCode).toBe(400);
  expect(fieldError(badDate.body, 'f-sign-signedOn')).toBe(vi('cycle.invalid.date', { field: 'signedOn' }));
  expect(await attachmentsOf('P07')).toEqual([]);
  expect((await sponsor.postMultipart(url, fields, file('ky.pdf', 'application/pdf', PDF))).statusCode).toBe(
    303,
  );
  const second = Buffer.concat([PDF, Buffer.from('% bản thứ hai\n')]);
  const again = await sponsor.postMultipart(url, fields, file('ky-lan-2.pdf', 'application/pdf', second));
  expect(again.statusCode).toBe(409);
  expect(noticeOf(again.body)).toBe(vi('cycle.alreadySigned', sideParams('sponsor')));
  expect((await attachmentsOf('P07')).map((a) => a.sha256)).toEqual([sha256(PDF)]);
  expect(await signaturesOf('P07')).toHaveLength(1);
});

it('the API sends a submission with its document (201 with its id and SHA-256) and refuses as the pages do', async () => {
  const sponsor = await web.signedIn(EMAILS.syt);
  const url = '/api/v1/pairs/P08/2026/attachments';
  const signature = JSON.stringify({ signedOn: '2026-01-09', signatoryName: 'Trần Thị Bình' });
  const pdf = { file: { filename: 'ky-ket.pdf', contentType: 'application/pdf', content: PDF } };
  type Answer = {
    error?: { code: string; message: string };
    attachment?: { id: string; sha256: string; size: number; contentType: string; filename: string };
    cycle?: { obligations: { id: string; signedBy?: string[] }[] };
  };
  const post = (fields: Record<string, string>, files: object = pdf, csrf: 'header' | false = 'header') =>
    sponsor.postMultipart(url, fields, files as typeof pdf, { csrf });
  const refusals: [Awaited<ReturnType<typeof post>>, number, string, string][] = [
    [await post({ obligation: 'O3', data: '{' }), 400, 'invalid_input', vi('webForms.api.data')],
    [await post({ obligation: 'O3', data: '[1]' }), 400, 'invalid_input', vi('webForms.api.data')],
    [
      await post({ obligation: 'O9', data: signature }),
      400,
      'invalid_input',
      vi('cycle.invalid.choice', { field: 'obligation' }),
    ],
    [
      await post({ obligation: 'O3', data: signature }, {}),
      400,
      'invalid_input',
      vi('webForms.file.missing'),
    ],
    [
      await post(
        { obligation: 'O3', data: signature },
        { file: { filename: 'ky.png', contentType: 'image/png', content: PDF } },
      ),
      400,
      'invalid_input',
      vi('webForms.file.mismatch', { filename: 'ky.png', claimed: 'PNG', actual: 'PDF' }),
    ],
    [await post({ obligation: 'O3', data: signature }, pdf, false), 403, 'csrf', vi('web.error.csrf')],
  ];
  for (const [answer, status, code, message] of refusals)
    expect([answer.statusCode, answer.json<Answer>().error]).toEqual([status, { code, message }]);
  const elsewhere = await (
    await web.signedIn(EMAILS.snn)
  ).postMultipart(url, { obligation: 'O3', data: signature }, pdf, { csrf: 'header' });
  expect(elsewhere.statusCode).toBe(404);
  const admin = await (
    await web.signedIn(EMAILS.admin)
  ).postMultipart(url, { obligation: 'O3', data: signature }, pdf, {
    csrf: 'header',
  });
  expect(admin.statusCode).toBe(403);
  expect(await attachmentsOf('P08')).toEqual([]);

  const created = await post({ obligation: 'O3', data: signature });
  expect(created.statusCode).toBe(201);
  const body = created.json<Answer>();
  expect(body.attachment).toMatchObject({
    filename: 'ky-ket.pdf',
    contentType: 'application/pdf',
    size: PDF.length,
    sha256: sha256(PDF),
  });
  expect(body.cycle?.obligations.find((o) => o.id === 'O3')?.signedBy).toEqual(['sponsor']);
  const again = await post({ obligation: 'O3', data: signature });
  expect([again.statusCode, again.json<Answer>().error]).toEqual([
    409,
    { code: 'refused', message: vi('cycle.alreadySigned', sideParams('sponsor')) },
  ]);
  // A document may go with any of the officer's submissions: here the recipient's plan (O1).
  const recipient = await web.signedIn(EMAILS.namGiang);
  const plan = await recipient.postMultipart(
    url,
    { obligation: 'O1', data: JSON.stringify({ summary: 'Kế hoạch', monitoringAssignment: 'Tổ công tác' }) },
    { file: { filename: 'ke-hoach.png', contentType: 'image/png', content: PNG } },
    { csrf: 'header' },
  );
  expect(plan.statusCode).toBe(201);
  const kept = await attachmentsOf('P08');
  expect(kept.map((a) => [a.id, a.sha256])).toEqual([
    [body.attachment?.id, sha256(PDF)],
    [plan.json<Answer>().attachment?.id, sha256(PNG)],
  ]);
  const listed = await recipient.get('/api/v1/pairs/P08/2026/attachments');
  expect(
    listed
      .json<{ attachments: { obligation: string; side: string; sha256: string }[] }>()
      .attachments.map((a) => [a.obligation, a.side, a.sha256]),
  ).toEqual([
    ['O3', 'sponsor', sha256(PDF)],
    ['O1', 'recipient', sha256(PNG)],
  ]);
  const download = await recipient.get(`/api/v1/pairs/P08/2026/attachments/${kept[1]?.id ?? ''}`);
  expect([download.statusCode, download.headers['content-type']]).toEqual([200, 'image/png']);
  expect(download.rawPayload.equals(PNG)).toBe(true);
});
