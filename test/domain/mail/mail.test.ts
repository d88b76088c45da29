/** Pure rules of e-mail: hashing, identifiers, calendar text, recipients, reply classes, digest grouping. */
import { createHash } from 'node:crypto';
import {
  buildDeadlineIcs,
  classifySmtpFailure,
  escapeIcsText,
  foldIcsLine,
  groupDigest,
  isAddressBounce,
  messageIdFor,
  resolveRecipients,
  sha256Hex,
  type DigestItem,
} from '../../../domain/mail';

describe('identifiers', () => {
  it.each([
    '',
    'abc',
    'twinning-cycle:P01:2026:O2:reminder-D-7:2026-03-02',
    'Xã La Dêê 🎉',
    'x'.repeat(1000),
  ])('SHA-256 of %j matches node:crypto', (text) =>
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex')),
  );

  it('derives a stable Message-ID without the key in clear', () => {
    const key = 'twinning-cycle:P01:2026:O2:reminder-D-7:2026-03-02';
    expect(messageIdFor(key)).toBe(messageIdFor(key));
    expect(messageIdFor(key)).toMatch(/^<[0-9a-f]{32}@twinning\.local>$/);
    expect(messageIdFor(key)).not.toContain('P01');
    expect(messageIdFor(`${key}x`)).not.toBe(messageIdFor(key));
  });
});

describe('iCalendar', () => {
  it('escapes text and folds at 75 octets without splitting a character', () => {
    expect(escapeIcsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldIcsLine(`SUMMARY:${'Hạn nộp đề xuất nhu cầu — Xã La Dêê '.repeat(4)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'Hạn nộp đề xuất nhu cầu — Xã La Dêê '.repeat(4)}`);
  });

  it('writes one event with UTC instants and absolute alarms', () => {
    const ics = buildDeadlineIcs({
      uid: 'u@twinning.local',
      stamp: new Date('2026-02-23T01:00:00Z'),
      start: new Date('2026-03-02T01:00:00Z'),
      end: new Date('2026-03-02T17:00:00Z'),
      summary: 'Hạn nộp',
      description: 'dòng 1\ndòng 2',
      alarms: [{ at: new Date('2026-03-01T01:00:00Z'), description: 'Sắp đến hạn' }],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics).toContain('\r\nDTEND:20260302T170000Z\r\n');
    expect(ics).toContain('\r\nTRIGGER;VALUE=DATE-TIME:20260301T010000Z\r\n');
    expect(ics).toContain('\r\nDESCRIPTION:dòng 1\\ndòng 2\r\n');
  });
});

describe('recipients', () => {
  const commune = {
    code: 'XA',
    name: 'Xã La Dêê',
    contacts: [
      { email: 'head@xa.vn', role: 'HEAD' as const, bounced: false },
      { email: 'officer@xa.vn', role: 'OFFICER' as const, bounced: false },
    ],
  };
  const standing = { coordinator: ['bdt@tinh.vn'], leadership: ['ubnd@tinh.vn'] };

  it('reminders go to officers; level 1 adds the head and Ban Dân tộc; level 2 the leadership', () => {
    expect(resolveRecipients({ kind: 'reminder', responsible: [commune], ...standing })).toEqual({
      to: ['officer@xa.vn'],
      cc: [],
      skippedBounced: [],
    });
    expect(resolveRecipients({ kind: 'escalation', level: 1, responsible: [commune], ...standing })).toEqual({
      to: ['head@xa.vn', 'officer@xa.vn'],
      cc: ['bdt@tinh.vn'],
      skippedBounced: [],
    });
    expect(
      resolveRecipients({ kind: 'escalation', level: 2, responsible: [commune], ...standing }).cc,
    ).toEqual(['bdt@tinh.vn', 'ubnd@tinh.vn']);
    expect(resolveRecipients({ kind: 'digest', responsible: [], ...standing })).toEqual({
      to: ['ubnd@tinh.vn'],
      cc: ['bdt@tinh.vn'],
      skippedBounced: [],
    });
  });

  it('skips bounced addresses and falls back to the head', () => {
    const bounced = {
      ...commune,
      contacts: [commune.contacts[0]!, { ...commune.contacts[1]!, bounced: true }],
    };
    expect(resolveRecipients({ kind: 'reminder', responsible: [bounced], ...standing })).toEqual({
      to: ['head@xa.vn'],
      cc: [],
      skippedBounced: ['officer@xa.vn'],
    });
  });
});

describe('SMTP replies', () => {
  it.each([
    [{ responseCode: 421 }, 'transient'],
    [{ responseCode: 451 }, 'transient'],
    [{ code: 'ECONNECTION' }, 'transient'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
    [{ responseCode: 535, code: 'EAUTH' }, 'transient'],
    [{ responseCode: 550 }, 'permanent'],
    [{ responseCode: 554 }, 'permanent'],
  ])('%j is %s', (error, expected) => expect(classifySmtpFailure(error)).toBe(expected));

  it('flags an address only for a permanent refusal about the address', () => {
    expect(isAddressBounce('550 5.1.1 Mailbox unavailable', 'rcpt')).toBe(true);
    expect(isAddressBounce('450 4.2.1 Busy', 'rcpt')).toBe(false);
    expect(isAddressBounce('554 5.7.1 Refused by policy', 'data')).toBe(false);
    expect(isAddressBounce('550 5.1.1 No such user', 'data')).toBe(true);
  });
});

describe('digest grouping', () => {
  const item = (unitCode: string, dueDate: string, pairCode = 'P1'): DigestItem => ({
    pairCode,
    year: 2026,
    obligation: 'O2',
    level: 1,
    dueDate,
    unitCode,
    unitName: unitCode,
    isNew: false,
  });

  it('groups by unit, most items first, with the oldest item of each', () => {
    const groups = groupDigest([
      item('B', '2026-03-05'),
      item('A', '2026-03-09'),
      item('A', '2026-03-02', 'P2'),
      item('C', '2026-03-01'),
    ]);
    expect(groups.map((g) => [g.unitCode, g.items.length, g.oldest.dueDate])).toEqual([
      ['A', 2, '2026-03-02'],
      ['B', 1, '2026-03-05'],
      ['C', 1, '2026-03-01'],
    ]);
  });
});
