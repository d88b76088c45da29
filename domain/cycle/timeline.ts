/**
 * A cycle's timeline in words: each audit entry (`submitted:O2`, `phaseChanged`, `evaluation.confirmed`…) and
 * each message of the notification ledger becomes one line from the message catalogue, with obligations,
 * sides, phases, rating levels and dates (dd/mm/yyyy) filled in. Pure; used by the CLI and the web page so both
 * say the same thing.
 */
import type { LevelRef } from '../evaluation/confirm';
import { findLevel } from '../evaluation/settings';
import { formatDate, formatDueDay } from '../format';
import { t, type Lang, type MessageKey, type MessageParams } from '../messages';
import { cycleVocabulary } from '../messages/cycle';
import { mailVocabulary } from '../messages/mail';
import type { CyclePhase, ObligationId, Side } from './types';

/** What the description may use besides the entry: the year's rating levels, to name a rating. */
export interface TimelineOptions {
  readonly levels?: readonly LevelRef[];
}

/** A line before it is put in a language: the main message and the pieces added to it. */
interface TimelineMessage {
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly parts: readonly { readonly key: MessageKey; readonly params: MessageParams }[];
}

type Data = Readonly<Record<string, unknown>>;

// A value the entry should hold but does not: the line still reads, and shows that something is missing.
const MISSING = '?';

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : MISSING;
}

function obligationWords(id: string | undefined): MessageParams {
  const names = id ? cycleVocabulary.obligation[id as ObligationId] : undefined;
  return { obligation: id ?? MISSING, obligationVi: names?.vi ?? '', obligationEn: names?.en ?? '' };
}

function sideWords(value: unknown, prefix = 'side'): MessageParams {
  const key: MessageKey | undefined =
    value === 'sponsor' || value === 'recipient' ? `timeline.side.${value satisfies Side}` : undefined;
  return {
    [`${prefix}Vi`]: key ? t(key, {}, 'vi') : text(value),
    [`${prefix}En`]: key ? t(key, {}, 'en') : text(value),
  };
}

function phaseWords(value: unknown, prefix: string): MessageParams {
  const names = cycleVocabulary.phase[value as CyclePhase] as { vi: string; en: string } | undefined;
  return { [`${prefix}Vi`]: names?.vi ?? text(value), [`${prefix}En`]: names?.en ?? text(value) };
}

function ratingWords(value: unknown, prefix: string, options: TimelineOptions): MessageParams {
  const level = typeof value === 'string' ? findLevel({ levels: options.levels ?? [] }, value) : undefined;
  return { [`${prefix}Vi`]: level?.vi ?? text(value), [`${prefix}En`]: level?.en ?? text(value) };
}

/** A calendar day `yyyy-mm-dd` as dd/mm/yyyy. */
function day(value: unknown): string {
  try {
    return typeof value === 'string' ? formatDate(value) : MISSING;
  } catch {
    return text(value);
  }
}

/** The day a deadline instant (24:00 local) closes, as dd/mm/yyyy. */
function dueDay(value: unknown): string {
  const instant = typeof value === 'string' ? new Date(value) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? formatDueDay(instant) : text(value);
}

function reasonPart(value: unknown): TimelineMessage['parts'] {
  return typeof value === 'string' && value.trim() !== ''
    ? [{ key: 'timeline.part.reason', params: { reason: value.trim() } }]
    : [];
}

function decisionPart(value: unknown): TimelineMessage['parts'] {
  return typeof value === 'string' && value.trim() !== ''
    ? [{ key: 'timeline.part.decision', params: { decisionNumber: value.trim() } }]
    : [];
}

function successorPart(value: unknown): TimelineMessage['parts'] {
  return typeof value === 'string' && value.trim() !== ''
    ? [{ key: 'timeline.part.successor', params: { successorPairCode: value.trim() } }]
    : [];
}

type Describer = (data: Data, obligation: string | undefined, options: TimelineOptions) => TimelineMessage;

const line = (key: MessageKey, params: MessageParams, parts: TimelineMessage['parts'] = []) => ({
  key,
  params,
  parts,
});

/**
 * One describer per kind of entry the cycle machine records (`RecordKind` of machines/cycle/types.ts; the
 * test of this module lists them all) and per evaluation audit action.
 */
const DESCRIBERS: Readonly<Record<string, Describer>> = {
  opened: (d) => line('timeline.opened', { year: text(d.year), pairCode: text(d.pairCode) }),
  notApplicable: (d, o) => line('timeline.notApplicable', { ...obligationWords(o), due: dueDay(d.endsAt) }),
  submitted: (d, o) => line('timeline.submitted', { ...obligationWords(o), ...sideWords(d.side) }),
  late: (d, o) => line('timeline.late', { ...obligationWords(o), ...sideWords(d.side) }),
  signed: (d, o) => line('timeline.signed', { ...obligationWords(o), ...sideWords(d.side) }),
  missed: (d, o) => line('timeline.missed', { ...obligationWords(o), due: day(d.effectiveDue) }),
  escalated: (d, o) => line('timeline.escalated', { ...obligationWords(o), level: text(d.level) }),
  waived: (d, o) => line('timeline.waived', obligationWords(o), reasonPart(d.reason)),
  extended: (d, o) =>
    line('timeline.extended', { ...obligationWords(o), from: day(d.from), to: day(d.to) }, [
      ...reasonPart(d.reason),
      ...decisionPart(d.decisionNumber),
    ]),
  resent: (d, o) => line('timeline.resent', { ...obligationWords(o), count: text(d.count) }),
  progress: (d, o) => line('timeline.progress', { ...obligationWords(o), count: text(d.count) }),
  phaseChanged: (d) =>
    line('timeline.phaseChanged', { ...phaseWords(d.from, 'from'), ...phaseWords(d.to, 'to') }),
  dissolved: (d) =>
    typeof d.successorPairCode === 'string'
      ? line('timeline.repaired', { successorPairCode: d.successorPairCode }, reasonPart(d.reason))
      : line('timeline.dissolved', {}, reasonPart(d.reason)),
  periodEnding: (d) =>
    line('timeline.periodEnding', { lastDay: day(d.lastDay) }, [
      ...successorPart(d.successorPairCode),
      ...reasonPart(d.reason),
      ...decisionPart(d.decisionNumber),
    ]),
  periodEnded: (d) =>
    line('timeline.periodEnded', { lastDay: day(d.lastDay) }, successorPart(d.successorPairCode)),
  unitRated: (d, _o, options) =>
    line(
      'timeline.unitRated',
      { ...sideWords(d.side), unitCode: text(d.unitCode), ...ratingWords(d.rating, 'rating', options) },
      [...reasonPart(d.reason), ...decisionPart(d.decisionNumber)],
    ),
  rated: (d, o, options) =>
    line(
      'timeline.rated',
      {
        ...obligationWords(o),
        ...ratingWords(d.sponsorRating, 'sponsorRating', options),
        ...ratingWords(d.recipientRating, 'recipientRating', options),
      },
      [
        ...(d.late === true ? [{ key: 'timeline.part.afterDeadline' as const, params: {} }] : []),
        ...reasonPart(d.reason),
        ...decisionPart(d.decisionNumber),
      ],
    ),
  'evaluation.proposed': (d, _o, options) =>
    line(
      'timeline.evaluation.proposed',
      {
        ...sideWords(d.side),
        ...ratingWords(d.proposedRating, 'rating', options),
        scoreVi: text(d.proposedScore).replace('.', ','),
        scoreEn: text(d.proposedScore),
      },
      d.criticised === true ? [{ key: 'timeline.part.criticised', params: {} }] : [],
    ),
  'evaluation.confirmed': (d, _o, options) =>
    line(
      'timeline.evaluation.confirmed',
      { ...sideWords(d.side), ...ratingWords(d.finalRating, 'rating', options) },
      decisionPart(d.decisionNumber),
    ),
  'evaluation.overridden': (d, _o, options) =>
    line(
      'timeline.evaluation.overridden',
      { ...sideWords(d.side), ...ratingWords(d.finalRating, 'rating', options) },
      [...reasonPart(d.overrideReason), ...decisionPart(d.decisionNumber)],
    ),
  'evaluation.positiveFactors': (d) =>
    line(
      typeof d.positiveFactors === 'string' && d.positiveFactors !== ''
        ? 'timeline.evaluation.positiveFactors'
        : 'timeline.evaluation.positiveFactorsCleared',
      sideWords(d.side),
    ),
};

/** The kinds of entry {@link describeTimelineEntry} has words for (anything else reads as "other event"). */
export const DESCRIBED_TIMELINE_ACTIONS: readonly string[] = Object.keys(DESCRIBERS);

function timelineMessage(action: string, detail: unknown, options: TimelineOptions): TimelineMessage {
  const [kind = '', obligation] = action.split(':');
  const data: Data = typeof detail === 'object' && detail !== null ? (detail as Data) : {};
  const describe = Object.prototype.hasOwnProperty.call(DESCRIBERS, kind) ? DESCRIBERS[kind] : undefined;
  return describe ? describe(data, obligation, options) : line('timeline.unknown', { action });
}

function render(message: TimelineMessage, lang: Lang): string {
  return [message, ...message.parts].map((m) => t(m.key, m.params, lang)).join('; ');
}

/**
 * The words for one audit entry of a cycle: its action (`submitted:O2`, `phaseChanged`, `evaluation.proposed`…)
 * and its detail, in `lang`.
 */
export function describeTimelineEntry(
  action: string,
  detail: unknown,
  lang: Lang,
  options: TimelineOptions = {},
): string {
  return render(timelineMessage(action, detail, options), lang);
}

/** Who did it, as a reader says it: "hệ thống" / "system" for the engine itself, the actor's ID otherwise. */
export function describeTimelineActor(actor: string | null | undefined, lang: Lang): string {
  return !actor || actor === 'system' ? t('timeline.actor.system', {}, lang) : actor;
}

/** One message of the notification ledger, as the timeline shows it. */
export interface TimelineNotification {
  readonly at: Date;
  readonly kind: string;
  readonly obligation: string | null;
  readonly level: number | null;
  readonly status: string;
}

/** The words for one message of the notification ledger: its kind, obligation, level and delivery status. */
export function describeNotification(notification: TimelineNotification, lang: Lang): string {
  const status = mailVocabulary.status[notification.status as keyof typeof mailVocabulary.status] as
    | { vi: string; en: string }
    | undefined;
  const params: MessageParams = {
    ...obligationWords(notification.obligation ?? undefined),
    level: notification.level ?? MISSING,
    statusVi: status?.vi ?? notification.status,
    statusEn: status?.en ?? notification.status,
  };
  const { kind, obligation } = notification;
  if (kind === 'PROGRESS_REMINDER') return t('timeline.notification.PROGRESS_REMINDER', params, lang);
  if ((kind === 'REMINDER' || kind === 'ESCALATION') && obligation !== null) {
    return t(`timeline.notification.${kind}`, params, lang);
  }
  const names = mailVocabulary.kind[kind as keyof typeof mailVocabulary.kind] as
    | { vi: string; en: string }
    | undefined;
  return t(
    'timeline.notification.other',
    { ...params, kindVi: names?.vi ?? kind, kindEn: names?.en ?? kind },
    lang,
  );
}

/** One audit entry of a cycle, as the read model gives it. */
export interface TimelineAuditEntry {
  readonly at: Date;
  readonly kind: string;
  readonly actor: string;
  readonly detail: unknown;
}

/** One line of a cycle's timeline, in both languages. */
export interface TimelineLine {
  readonly at: Date;
  readonly vi: string;
  readonly en: string;
}

/**
 * A cycle's whole timeline, oldest first: each audit entry as "what happened — who" and each notification as
 * what was sent. At the same instant an audit entry comes before the messages it caused.
 */
export function timelineLines(
  cycle: {
    readonly timeline: readonly TimelineAuditEntry[];
    readonly notifications: readonly TimelineNotification[];
  },
  options: TimelineOptions = {},
): TimelineLine[] {
  const entry = (e: TimelineAuditEntry, lang: Lang) =>
    `${describeTimelineEntry(e.kind, e.detail, lang, options)} — ${describeTimelineActor(e.actor, lang)}`;
  return [
    ...cycle.timeline.map((e) => ({ at: e.at, vi: entry(e, 'vi'), en: entry(e, 'en') })),
    ...cycle.notifications.map((n) => ({
      at: n.at,
      vi: describeNotification(n, 'vi'),
      en: describeNotification(n, 'en'),
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}
