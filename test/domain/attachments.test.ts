/**
 * Documents judged by their content: the magic numbers of PDF, PNG and JPEG, a name or declared type that
 * says otherwise, empty and oversize files, names the programme does not take, and the download header.
 */
import {
  checkDocument,
  cleanFilename,
  contentDisposition,
  DOCUMENT_MAX_BYTES,
  sniffDocument,
} from '../../domain/attachments';
import { t } from '../../domain/messages';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const ascii = (text: string): Uint8Array => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

const PDF = ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0);

describe('sniffDocument', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect([sniffDocument(PDF), sniffDocument(PNG), sniffDocument(JPEG)]).toEqual(['pdf', 'png', 'jpeg']);
  });

  it('knows nothing else, nor a signature cut short or preceded by anything', () => {
    expect(sniffDocument(ascii('%PDF'))).toBeUndefined();
    expect(sniffDocument(ascii(' %PDF-1.7'))).toBeUndefined();
    expect(sniffDocument(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).toBeUndefined();
    expect(sniffDocument(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffDocument(ascii('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffDocument(bytes(0x50, 0x4b, 0x03, 0x04))).toBeUndefined();
    expect(sniffDocument(new Uint8Array())).toBeUndefined();
  });
});

describe('checkDocument', () => {
  it('accepts a document whose name, declared type and content agree, with the content type of its bytes', () => {
    expect(
      checkDocument({ filename: 'Chương trình ký.PDF', mimetype: 'application/pdf', content: PDF }),
    ).toEqual({
      ok: true,
      filename: 'Chương trình ký.PDF',
      kind: 'pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    expect(checkDocument({ filename: 'scan.jpg', mimetype: 'image/pjpeg', content: JPEG })).toMatchObject({
      ok: true,
      contentType: 'image/jpeg',
    });
    // A generic type says nothing: the name and the content decide.
    expect(
      checkDocument({ filename: 'scan.png', mimetype: 'application/octet-stream', content: PNG }),
    ).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(checkDocument({ filename: 'scan.jpeg', mimetype: '', content: JPEG })).toMatchObject({ ok: true });
  });

  it('refuses a file whose content is not what its name or its type says', () => {
    const message = (file: Parameters<typeof checkDocument>[0]): string => {
      const check = checkDocument(file);
      if (check.ok) throw new Error('accepted');
      return t(check.message.key, check.message.params ?? {}, 'en');
    };
    expect(message({ filename: 'scan.pdf', mimetype: 'application/pdf', content: PNG })).toBe(
      'The file "scan.pdf" is named or typed PDF but its content is PNG; it is not accepted.',
    );
    expect(message({ filename: 'scan.jpg', mimetype: 'image/png', content: JPEG })).toBe(
      'The file "scan.jpg" is named or typed image/png but its content is JPEG; it is not accepted.',
    );
    expect(message({ filename: 'scan.png', mimetype: 'text/html', content: PNG })).toBe(
      'The file "scan.png" is named or typed text/html but its content is PNG; it is not accepted.',
    );
    expect(
      message({ filename: 'hop-dong.pdf', mimetype: 'application/pdf', content: ascii('<script>') }),
    ).toBe(
      'The content of "hop-dong.pdf" is not a PDF, PNG or JPEG (files are judged by their content, not their name).',
    );
    expect(message({ filename: 'hop-dong.docx', mimetype: 'application/pdf', content: PDF })).toBe(
      'The file "hop-dong.docx" is not a .pdf, .png, .jpg or .jpeg: only a PDF or a PNG or JPEG scan is accepted.',
    );
    expect(message({ filename: 'noextension', mimetype: 'application/pdf', content: PDF })).toBe(
      'The file "noextension" is not a .pdf, .png, .jpg or .jpeg: only a PDF or a PNG or JPEG scan is accepted.',
    );
  });

  it('refuses an empty file, a file over the limit, a nameless file and a name over 200 characters', () => {
    expect(
      checkDocument({ filename: 'a.pdf', mimetype: 'application/pdf', content: new Uint8Array() }),
    ).toEqual({
      ok: false,
      message: { key: 'webForms.file.empty', params: { filename: 'a.pdf' } },
    });
    const big = new Uint8Array(DOCUMENT_MAX_BYTES + 1);
    big.set(PDF);
    expect(checkDocument({ filename: 'a.pdf', mimetype: 'application/pdf', content: big })).toEqual({
      ok: false,
      message: { key: 'webForms.file.tooLarge', params: { filename: 'a.pdf', megabytes: 10 } },
    });
    const exact = new Uint8Array(DOCUMENT_MAX_BYTES);
    exact.set(PDF);
    expect(checkDocument({ filename: 'a.pdf', mimetype: 'application/pdf', content: exact }).ok).toBe(true);
    expect(checkDocument({ filename: ' ', mimetype: '', content: PDF })).toEqual({
      ok: false,
      message: { key: 'webForms.file.noName' },
    });
    expect(checkDocument({ filename: `${'ư'.repeat(197)}.pdf`, mimetype: '', content: PDF })).toEqual({
      ok: false,
      message: { key: 'webForms.file.nameTooLong', params: { max: 200 } },
    });
    expect(checkDocument({ filename: `${'ư'.repeat(196)}.pdf`, mimetype: '', content: PDF }).ok).toBe(true);
  });

  it('keeps only the last segment of a path a browser sent, without control characters', () => {
    expect(cleanFilename('C:\\Users\\canbo\\Desktop\\ký kết.pdf')).toBe('ký kết.pdf');
    expect(cleanFilename('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(cleanFilename('a\u0000b\r\nc.pdf ')).toBe('abc.pdf');
    expect(checkDocument({ filename: '/tmp/x/scan.pdf', mimetype: '', content: PDF })).toMatchObject({
      filename: 'scan.pdf',
    });
  });
});

describe('contentDisposition', () => {
  it('is always an attachment, with an ASCII name and the full name in RFC 5987 form', () => {
    expect(contentDisposition('Chương trình <ký> "2026".pdf')).toBe(
      `attachment; filename="Chuong trinh <ky> 2026.pdf"; filename*=UTF-8''Ch%C6%B0%C6%A1ng%20tr%C3%ACnh%20%3Ck%C3%BD%3E%20%222026%22.pdf`,
    );
    expect(contentDisposition("Đề xuất (bản 1)'s.png")).toBe(
      `attachment; filename="De xuat (ban 1)'s.png"; filename*=UTF-8''%C4%90%E1%BB%81%20xu%E1%BA%A5t%20%28b%E1%BA%A3n%201%29%27s.png`,
    );
    // A line break cannot end the header early.
    expect(contentDisposition('a\r\nSet-Cookie: x=1.pdf')).toBe(
      `attachment; filename="aSet-Cookie: x=1.pdf"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1.pdf`,
    );
  });
});
