/**
 * The messages the engine sends, rendered from plain data (pure): subject, plain text and HTML, and for
 * deadlines an iCalendar attachment. Every text comes from the catalogue (`domain/messages/mail.ts`). The
 * body holds both languages, the chosen one first (Vietnamese by default); the subject is in the chosen one.
 */
import { atLocalTime, diffDays, endOfLocalDay, toLocalDate, type IsoDate } from '../calendar/time';
import type { ObligationId, Party } from '../cycle/types';
import { formatDate, formatDateTime } from '../format';
import { escapeHtml } from '../html';
import { t, type Lang, type MessageKey, type MessageParams } from '../messages';
import { cycleVocabulary } from '../messages/cycle';
import { buildDeadlineIcs } from './ics';
import { deadlineUid, shortReference } from './ids';

/** A file attached to a message. */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: string;
}

/** A rendered message, ready for the transport (addresses are added by the caller). */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly MailAttachment[];
}

/** A unit that owes an obligation, as named in a message. */
export interface OwingParty {
  readonly party: Party;
  readonly name: string;
}

/** Everything a reminder, progress reminder or escalation says. */
export interface ObligationMailData {
  readonly kind: 'reminder' | 'progressReminder' | 'escalation';
  readonly level?: number;
  readonly idempotencyKey: string;
  readonly workflowId: string;
  readonly obligation: ObligationId;
  readonly pairCode: string;
  readonly year: number;
  readonly sponsorName: string;
  readonly recipientName: string;
  /** Who still owes it. */
  readonly owing: readonly OwingParty[];
  /** The effective due day. */
  readonly dueDate: IsoDate;
  /** The statutory due day, when the effective one differs (roll-forward). */
  readonly statutoryDue?: IsoDate;
  /** Days of the escalations, when known (for "what happens if missed"). */
  readonly escalationDates?: { readonly 1?: IsoDate; readonly 2?: IsoDate };
  /** The instant the message is rendered (days left, DTSTAMP). */
  readonly now: Date;
  /** The pair's page on the web server. */
  readonly pairUrl: string;
}

/** One open escalation in the digest. */
export interface DigestItem {
  readonly pairCode: string;
  readonly year: number;
  readonly obligation: ObligationId;
  readonly level: number;
  readonly dueDate: IsoDate;
  readonly unitCode: string;
  readonly unitName: string;
  /** Escalated since the previous digest. */
  readonly isNew: boolean;
}

/** A message that could not be delivered, in the digest. */
export interface DigestFailure {
  readonly subject: string;
  readonly error: string;
}

/** Everything the leadership digest says. */
export interface DigestMailData {
  readonly idempotencyKey: string;
  readonly at: Date;
  readonly items: readonly DigestItem[];
  readonly failures: readonly DigestFailure[];
  readonly dashboardUrl: string;
}

/** Open escalations of one unit. */
export interface DigestGroup {
  readonly unitCode: string;
  readonly unitName: string;
  readonly items: readonly DigestItem[];
  /** The item overdue the longest (earliest due day). */
  readonly oldest: DigestItem;
}

const OTHER: Record<Lang, Lang> = { vi: 'en', en: 'vi' };

function para(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return t(key, params, lang);
}

function linkify(escaped: string): string {
  return escaped.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A paragraph, or a list (an array) of lines shown as bullets. */
type Block = string | readonly string[];

function assemble(
  lang: Lang,
  blocks: Record<Lang, readonly Block[]>,
  ref: string,
): { text: string; html: string } {
  const order: Lang[] = [lang, OTHER[lang]];
  const textOf = (b: Block): string => (typeof b === 'string' ? b : b.map((l) => `  - ${l}`).join('\n'));
  const htmlOf = (b: Block): string =>
    typeof b === 'string'
      ? `<p>${linkify(escapeHtml(b))}</p>`
      : `<ul>${b.map((l) => `<li>${linkify(escapeHtml(l))}</li>`).join('')}</ul>`;
  const text = order
    .map((l) =>
      [`== ${para(l, l === 'vi' ? 'mail.block.vi' : 'mail.block.en')} ==`, ...blocks[l].map(textOf)].join(
        '\n\n',
      ),
    )
    .join('\n\n\n');
  const footer = order.map((l) => para(l, 'mail.footer', { ref })).join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;color:#1c2430">
${order
  .map(
    (l, i) =>
      `<div lang="${l}"${i > 0 ? ' style="border-top:1px solid #ccc;margin-top:24px;padding-top:8px;color:#444"' : ''}>${blocks[l].map(htmlOf).join('\n')}</div>`,
  )
  .join('\n')}
<p style="color:#777;font-size:small">${order.map((l) => escapeHtml(para(l, 'mail.footer', { ref }))).join('<br>')}</p>
</body></html>`;
  return { text: `${text}\n\n--\n${footer}\n`, html };
}

function partyName(p: OwingParty, lang: Lang): string {
  return p.party === 'coordinator' ? t('mail.party.coordinator', {}, lang) : p.name;
}

function sideWord(p: OwingParty, lang: Lang): string {
  return p.party === 'coordinator'
    ? t('mail.party.coordinator', {}, lang)
    : cycleVocabulary.side[p.party][lang];
}

/** The owing units' names joined for a subject or a sentence. */
function owingNames(owing: readonly OwingParty[], lang: Lang): string {
  return owing.map((p) => partyName(p, lang)).join(lang === 'vi' ? ' và ' : ' and ');
}

function subjectOf(data: ObligationMailData, lang: Lang): string {
  const key: MessageKey =
    data.kind === 'reminder'
      ? 'mail.subject.reminder'
      : data.kind === 'progressReminder'
        ? 'mail.subject.progressReminder'
        : (data.level ?? 1) >= 2
          ? 'mail.subject.escalation.2'
          : 'mail.subject.escalation.1';
  const names = cycleVocabulary.obligation[data.obligation];
  return t(
    key,
    {
      obligationVi: capitalise(names.vi),
      obligationEn: capitalise(names.en),
      unit: owingNames(data.owing, lang),
      due: formatDate(data.dueDate),
    },
    lang,
  );
}

function obligationBlocks(data: ObligationMailData, lang: Lang): Block[] {
  const names = cycleVocabulary.obligation[data.obligation];
  const today = toLocalDate(data.now);
  const due = formatDate(data.dueDate);
  const base = {
    obligation: data.obligation,
    obligationVi: names.vi,
    obligationEn: names.en,
    pairCode: data.pairCode,
    year: data.year,
    due,
  };
  const blocks: Block[] = [
    para(lang, 'mail.greeting', { to: owingNames(data.owing, lang) }),
    para(lang, 'mail.reminder.pair', { sponsor: data.sponsorName, recipient: data.recipientName }),
  ];
  const e1 = data.escalationDates?.[1];
  const e2 = data.escalationDates?.[2];
  if (data.kind === 'reminder') {
    for (const p of data.owing) {
      blocks.push(
        para(lang, 'mail.reminder.what', {
          ...base,
          unit: partyName(p, lang),
          sideVi: sideWord(p, 'vi'),
          sideEn: sideWord(p, 'en'),
        }),
      );
    }
    const left = diffDays(today, data.dueDate);
    if (left === 0) blocks.push(para(lang, 'mail.reminder.lastDay'));
    else if (left > 0) blocks.push(para(lang, 'mail.reminder.daysLeft', { days: left }));
    if (data.statutoryDue && data.statutoryDue !== data.dueDate) {
      blocks.push(para(lang, 'mail.rolled', { statutory: formatDate(data.statutoryDue), due }));
    }
    blocks.push(
      e1 && e2
        ? para(lang, 'mail.ifMissed', { e1: formatDate(e1), e2: formatDate(e2) })
        : para(lang, 'mail.ifMissed.noDates'),
    );
  } else if (data.kind === 'progressReminder') {
    for (const p of data.owing) {
      blocks.push(
        para(lang, 'mail.progress.what', {
          ...base,
          unit: partyName(p, lang),
          sideVi: sideWord(p, 'vi'),
          sideEn: sideWord(p, 'en'),
        }),
      );
    }
    blocks.push(para(lang, 'mail.progress.due', { due }), para(lang, 'mail.progress.ifMissed'));
  } else {
    const level = (data.level ?? 1) >= 2 ? 2 : 1;
    for (const p of data.owing) {
      const params = {
        ...base,
        unit: partyName(p, lang),
        sideVi: sideWord(p, 'vi'),
        sideEn: sideWord(p, 'en'),
      };
      blocks.push(
        level === 2
          ? para(lang, 'mail.escalation.2.what', {
              ...params,
              days: Math.max(0, diffDays(data.dueDate, today)),
            })
          : para(lang, 'mail.escalation.1.what', params),
      );
    }
    blocks.push(
      level === 2
        ? para(lang, 'mail.escalation.2.next')
        : e2
          ? para(lang, 'mail.escalation.1.next', { e2: formatDate(e2) })
          : para(lang, 'mail.escalation.1.nextNoDate'),
    );
  }
  blocks.push(para(lang, 'mail.link', { url: data.pairUrl }));
  if (data.kind !== 'escalation') blocks.push(para(lang, 'mail.calendarNote'));
  return blocks;
}

/**
 * The calendar entry of a deadline: the effective due day from 08:00 local to the deadline (24:00 local),
 * with alarms at 08:00 local on the day before and on the day itself.
 */
function deadlineIcs(data: ObligationMailData, lang: Lang): MailAttachment {
  const names = cycleVocabulary.obligation[data.obligation];
  const unit = owingNames(data.owing, lang);
  const due = formatDate(data.dueDate);
  const params = { obligation: data.obligation, obligationVi: names.vi, obligationEn: names.en, unit, due };
  const summary = t(
    data.kind === 'progressReminder' ? 'mail.ics.progressSummary' : 'mail.ics.summary',
    params,
    lang,
  );
  const end = endOfLocalDay(data.dueDate);
  const start = atLocalTime(data.dueDate, '08:00');
  const dayBefore = new Date(start.getTime() - 24 * 3600 * 1000);
  const alarm = t('mail.ics.alarm', params, lang);
  const content = buildDeadlineIcs({
    uid: deadlineUid(data.workflowId, data.obligation, data.dueDate),
    stamp: data.now,
    start,
    end,
    summary,
    description: [
      t('mail.reminder.pair', { sponsor: data.sponsorName, recipient: data.recipientName }, lang),
      t('mail.link', { url: data.pairUrl }, lang),
    ].join('\n'),
    url: data.pairUrl,
    alarms: [
      { at: dayBefore, description: alarm },
      { at: start, description: alarm },
    ],
  });
  const filename = `${t('mail.ics.filename', { ...params, due: due.replace(/\//g, '-') }, lang)}.ics`;
  return { filename, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content };
}

/** A reminder, progress reminder or escalation. */
export function renderObligationMail(data: ObligationMailData, lang: Lang = 'vi'): RenderedMail {
  const blocks = { vi: obligationBlocks(data, 'vi'), en: obligationBlocks(data, 'en') };
  const { text, html } = assemble(lang, blocks, shortReference(data.idempotencyKey));
  return {
    subject: subjectOf(data, lang),
    text,
    html,
    attachments: data.kind === 'escalation' ? [] : [deadlineIcs(data, lang)],
  };
}

/** Groups open escalations by unit: most items first, then by name; each group's items oldest first. */
export function groupDigest(items: readonly DigestItem[]): DigestGroup[] {
  const byUnit = new Map<string, DigestItem[]>();
  for (const item of items) {
    const list = byUnit.get(item.unitCode) ?? [];
    list.push(item);
    byUnit.set(item.unitCode, list);
  }
  const groups: DigestGroup[] = [];
  for (const [unitCode, list] of byUnit) {
    const sorted = [...list].sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        a.pairCode.localeCompare(b.pairCode) ||
        a.obligation.localeCompare(b.obligation),
    );
    const oldest = sorted[0];
    if (oldest) groups.push({ unitCode, unitName: oldest.unitName, items: sorted, oldest });
  }
  return groups.sort((a, b) => b.items.length - a.items.length || a.unitName.localeCompare(b.unitName, 'vi'));
}

function digestBlocks(data: DigestMailData, lang: Lang): Block[] {
  const groups = groupDigest(data.items);
  const today = toLocalDate(data.at);
  const at = formatDateTime(data.at);
  const blocks: Block[] = [];
  if (data.items.length === 0) blocks.push(para(lang, 'mail.digest.none', { at }));
  else {
    blocks.push(
      para(lang, 'mail.digest.what', {
        at,
        count: data.items.length,
        units: groups.length,
        fresh: data.items.filter((i) => i.isNew).length,
      }),
    );
  }
  for (const g of groups) {
    const o = g.oldest;
    const names = cycleVocabulary.obligation[o.obligation];
    blocks.push(
      para(lang, 'mail.digest.unit', {
        unit: g.unitName,
        code: g.unitCode,
        count: g.items.length,
        obligation: o.obligation,
        obligationVi: names.vi,
        obligationEn: names.en,
        pairCode: o.pairCode,
        due: formatDate(o.dueDate),
        days: Math.max(0, diffDays(o.dueDate, today)),
      }),
    );
    blocks.push(
      g.items.map((i) =>
        para(lang, 'mail.digest.item', {
          pairCode: i.pairCode,
          year: i.year,
          obligation: i.obligation,
          obligationVi: cycleVocabulary.obligation[i.obligation].vi,
          obligationEn: cycleVocabulary.obligation[i.obligation].en,
          due: formatDate(i.dueDate),
          level: i.level,
          newMark: i.isNew ? t('mail.digest.newMark', {}, lang) : '',
        }),
      ),
    );
  }
  if (data.failures.length > 0) {
    blocks.push(para(lang, 'mail.digest.failures', { count: data.failures.length }));
    blocks.push(
      data.failures.map((f) => para(lang, 'mail.digest.failureItem', { subject: f.subject, error: f.error })),
    );
  }
  blocks.push(para(lang, 'mail.digest.dashboard', { url: data.dashboardUrl }));
  return blocks;
}

/** The leadership digest. */
export function renderDigestMail(data: DigestMailData, lang: Lang = 'vi'): RenderedMail {
  const blocks = { vi: digestBlocks(data, 'vi'), en: digestBlocks(data, 'en') };
  const { text, html } = assemble(lang, blocks, shortReference(data.idempotencyKey));
  const date = formatDate(data.at);
  const subject =
    data.items.length === 0
      ? t('mail.subject.digestFailuresOnly', { failures: data.failures.length, date }, lang)
      : t('mail.subject.digest', { count: data.items.length, date }, lang);
  return { subject, text, html, attachments: [] };
}

/** The test message of `twinning mail test`. */
export function renderTestMail(
  data: { idempotencyKey: string; at: Date; server: string },
  lang: Lang = 'vi',
): RenderedMail {
  const at = formatDateTime(data.at);
  const blocks = {
    vi: [para('vi', 'mail.test.what', { at, server: data.server })],
    en: [para('en', 'mail.test.what', { at, server: data.server })],
  };
  const { text, html } = assemble(lang, blocks, shortReference(data.idempotencyKey));
  return { subject: t('mail.subject.test', { at }, lang), text, html, attachments: [] };
}

/** What an account message (invitation, password reset) says. */
export interface AccountMailData {
  readonly purpose: 'invite' | 'reset';
  readonly idempotencyKey: string;
  readonly name: string;
  readonly email: string;
  /** The role's catalogue key (`auth.role.<ROLE>`), named in an invitation. */
  readonly roleKey: MessageKey;
  /** The one-time link; it is in the message and nowhere else. */
  readonly link: string;
  readonly expiresAt: Date;
}

/** Renders an invitation or a password-reset message with its one-time link. */
export function renderAccountMail(data: AccountMailData, lang: Lang = 'vi'): RenderedMail {
  const until = formatDateTime(data.expiresAt);
  const blocksIn = (l: Lang): Block[] => [
    para(l, 'mail.account.greeting', { name: data.name }),
    data.purpose === 'invite'
      ? para(l, 'mail.account.invite', { email: data.email, role: t(data.roleKey, {}, l) })
      : para(l, 'mail.account.reset', { email: data.email }),
    para(l, 'mail.account.link', { link: data.link, until }),
    para(l, 'mail.account.private'),
  ];
  const { text, html } = assemble(
    lang,
    { vi: blocksIn('vi'), en: blocksIn('en') },
    shortReference(data.idempotencyKey),
  );
  const subject = t(data.purpose === 'invite' ? 'mail.subject.invite' : 'mail.subject.reset', {}, lang);
  return { subject, text, html, attachments: [] };
}
