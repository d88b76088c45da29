/**
 * One pair's cycle in a year, from the read model: what the e-mails link to. Obligations with their
 * statutory and effective due dates and status, what the cycle waits for and since when, and its timeline.
 * It shows no personal data (households helped are never listed here).
 */
import { formatDateTime, formatDueDay } from '../../domain/format';
import type { Lang } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { obligationStatusFromDb, type CyclePhase, type ObligationId } from '../../domain/cycle/types';
import { timelineLines } from '../../domain/cycle/timeline';
import type { CycleDetail } from '../../services/cycle-read';
import { escapeHtml } from '../../domain/html';
import { pageShell } from '../html';

const LABELS = {
  vi: {
    title: 'Cặp kết nghĩa {code} — năm {year}',
    phase: 'Giai đoạn',
    waiting: 'Đang chờ',
    since: 'từ',
    nothing: 'Không chờ nghĩa vụ nào',
    escalation: 'Mức leo thang',
    obligation: 'Nghĩa vụ',
    statutory: 'Hạn theo văn bản',
    effective: 'Hạn thực tế',
    status: 'Trạng thái',
    done: 'Hoàn thành lúc',
    timeline: 'Diễn biến',
    none: 'Chưa có chu kỳ năm {year} cho cặp «{code}».',
  },
  en: {
    title: 'Twinning pair {code} — {year}',
    phase: 'Phase',
    waiting: 'Waiting for',
    since: 'since',
    nothing: 'Waiting for nothing',
    escalation: 'Escalation level',
    obligation: 'Obligation',
    statutory: 'Statutory due date',
    effective: 'Effective due date',
    status: 'Status',
    done: 'Completed at',
    timeline: 'Timeline',
    none: 'Pair "{code}" has no cycle in {year}.',
  },
} as const;

function fill(text: string, code: string, year: number): string {
  return text.replace('{code}', code).replace('{year}', String(year));
}

/** Renders the page; `detail` undefined gives the "no cycle" page. */
export function renderPair(options: {
  lang: Lang;
  code: string;
  year: number;
  detail: CycleDetail | undefined;
}): string {
  const { lang, code, year, detail } = options;
  const l = LABELS[lang];
  const title = fill(l.title, code, year);
  const path = `/pairs/${encodeURIComponent(code)}`;
  if (!detail) {
    return pageShell({
      lang,
      title,
      path,
      body: `<p data-testid="no-cycle">${escapeHtml(fill(l.none, code, year))}</p>`,
    });
  }
  const phase = cycleVocabulary.phase[detail.phase as CyclePhase]?.[lang] ?? detail.phase;
  const waiting =
    detail.waitingFor.length > 0
      ? `${l.waiting}: ${detail.waitingFor.map((o) => `${o} ${cycleVocabulary.obligation[o as ObligationId]?.[lang] ?? ''}`).join('; ')} ${l.since} ${detail.waitingSince ? formatDateTime(detail.waitingSince) : '?'}`
      : l.nothing;
  const rows = detail.obligations
    .map((o) => {
      const status = cycleVocabulary.status[obligationStatusFromDb(o.status)][lang];
      return `<tr data-obligation="${o.obligation}" data-status="${o.status}">
<td>${o.obligation} ${escapeHtml(cycleVocabulary.obligation[o.obligation as ObligationId]?.[lang] ?? '')}</td>
<td>${formatDueDay(o.statutoryDue)}</td><td>${formatDueDay(o.effectiveDue)}</td>
<td>${escapeHtml(status)}</td><td>${o.completedAt ? formatDateTime(o.completedAt) : ''}</td></tr>`;
    })
    .join('\n');
  const events = timelineLines(detail, { levels: detail.ratingLevels })
    .map((e) => `<li>${formatDateTime(e.at)} — ${escapeHtml(e[lang])}</li>`)
    .join('\n');
  const body = `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(detail.sponsor.name)} → ${escapeHtml(detail.recipient.name)}</p>
<p data-testid="phase">${escapeHtml(l.phase)}: <strong>${escapeHtml(phase)}</strong></p>
<p data-testid="waiting">${escapeHtml(waiting)}</p>
<p>${escapeHtml(l.escalation)}: ${detail.escalationLevel}</p>
<table data-testid="obligations"><thead><tr><th>${l.obligation}</th><th>${l.statutory}</th><th>${l.effective}</th><th>${l.status}</th><th>${l.done}</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>${escapeHtml(l.timeline)}</h2><ul data-testid="timeline">${events}</ul>`;
  return pageShell({ lang, title, path, body });
}
