/**
 * "Lịch ngày nghỉ / Holiday calendar": a year's holidays, days off and swapped working days, the deadlines of
 * the year's cycles, and for administrators the forms that add, change and remove a day. A change is first
 * previewed (which effective due days it moves, in the year's schedule and in running cycles) and saved only
 * from the preview's confirmation form. No JavaScript: "change" is a link that opens the day in the form.
 */
import type { CalendarChange, CalendarChangeInput } from '../../domain/calendar/changes';
import type { CalendarDayEntry, DayKind } from '../../domain/calendar/working-days';
import type { YearSchedule } from '../../domain/calendar/deadlines';
import { formatDate, formatWeekday } from '../../domain/format';
import type { Lang, Message } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import type { CalendarPreview, CalendarYear } from '../../services/calendar-changes';
import { textOf, translator } from '../i18n';
import { errorSummary, field, hidden, postForm, select, submit, type FormErrors } from './forms';
import { html, type SafeHtml } from './html';
import { layout, type PageContext } from './layout';
import { table } from './table';

const KINDS: readonly DayKind[] = ['HOLIDAY', 'DAY_OFF', 'WORKING_DAY'];

/** What the calendar page shows. */
export interface CalendarPageData {
  readonly year: number;
  readonly days: CalendarYear;
  /** The year's deadlines, or why they cannot be computed (broken settings). */
  readonly schedule: YearSchedule | Message;
  /** Whether the reader may change the table (administrators; leadership only reads). */
  readonly canEdit: boolean;
  /** The day opened in the change form (`?edit=`). */
  readonly editing?: CalendarDayEntry;
  /** A refused change: its fields shown again, with the problems. */
  readonly form?: CalendarChangeInput;
  readonly errors?: FormErrors;
}

function kindLabel(ctx: PageContext, kind: DayKind): string {
  return ctx.tr(`calendar.kind.${kind}`);
}

/** A change in words, in one language: «Thêm ngày 03/09/2026 (T5): Ngày lễ «Quốc khánh».» */
export function describeChange(
  lang: Lang,
  preview: Pick<CalendarPreview, 'change' | 'before' | 'after'>,
): string {
  const tr = translator(lang);
  const { before, after, change } = preview;
  // `{date}`, `{weekday}`, `{name}`, `{kind}` of a day, or `{newDate}`… of the day it becomes.
  const of = (day: CalendarDayEntry, prefix: '' | 'new' = '') => {
    const key = (name: string) =>
      prefix === '' ? name : `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`;
    return {
      [key('date')]: formatDate(day.date),
      [key('weekday')]: formatWeekday(day.date, lang),
      [key('name')]: day.name,
      [key('kind')]: tr(`calendar.kind.${day.kind}`),
    };
  };
  if (change.action === 'add' && after) return tr('page.calendar.doAdd', of(after));
  if (change.action === 'remove' && before) return tr('page.calendar.doRemove', of(before));
  if (before && after) return tr('page.calendar.doChange', { ...of(before), ...of(after, 'new') });
  return '';
}

function yearLinks(ctx: PageContext, year: number): SafeHtml {
  const { tr } = ctx;
  return html`<form method="get" action="/calendar" class="filters" data-testid="calendar-year">
    <fieldset>
      <label
        >${tr('page.year')} <input type="number" name="year" value="${year}" min="2000" max="2100"
      /></label>
      <button type="submit">${tr('page.show')}</button>
      ${year > 2000
        ? html`<a href="/calendar?year=${year - 1}">${tr('page.calendar.previous', { year: year - 1 })}</a>`
        : ''}
      ${year < 2100
        ? html`<a href="/calendar?year=${year + 1}">${tr('page.calendar.next', { year: year + 1 })}</a>`
        : ''}
    </fieldset>
  </form>`;
}

function daysTable(ctx: PageContext, data: CalendarPageData): SafeHtml {
  const { tr } = ctx;
  const actions = (day: CalendarDayEntry): SafeHtml =>
    html`<a href="/calendar?year=${data.year}&amp;edit=${day.date}" data-testid="edit"
        >${tr('page.calendar.edit')}</a
      >
      ${postForm(ctx, {
        action: '/calendar/preview',
        className: 'inline',
        body: html`${hidden('year', String(data.year))}${hidden('action', 'remove')}${hidden(
          'date',
          day.date,
        )}
        ${submit(tr('page.calendar.remove'), { secondary: true, testId: 'remove' })}`,
      })}`;
  return table(ctx, {
    testId: 'calendar-days',
    rows: data.days.days,
    empty: tr('calendar.holidays.empty'),
    rowAttributes: (d) => ({ date: d.date, kind: d.kind }),
    columns: [
      { heading: tr('page.calendar.date'), cell: (d) => formatDate(d.date) },
      { heading: tr('page.calendar.weekday'), cell: (d) => formatWeekday(d.date, ctx.lang) },
      { heading: tr('page.calendar.name'), cell: (d) => d.name },
      { heading: tr('page.calendar.kind'), cell: (d) => kindLabel(ctx, d.kind) },
      ...(data.canEdit ? [{ heading: '', cell: actions }] : []),
    ],
  });
}

function scheduleTable(ctx: PageContext, year: number, schedule: YearSchedule | Message): SafeHtml {
  const { tr, lang } = ctx;
  if (!('obligations' in schedule))
    return html`<p class="bad" data-testid="calendar-schedule-error">${textOf(schedule, lang)}</p>`;
  return table(ctx, {
    testId: 'calendar-schedule',
    caption: tr('page.calendar.deadlines', { year }),
    rows: schedule.obligations,
    rowAttributes: (o) => ({ obligation: o.obligation, effective: o.effective }),
    columns: [
      {
        heading: tr('page.calendar.obligation'),
        cell: (o) => `${o.obligation} ${cycleVocabulary.obligation[o.obligation][lang]}`,
      },
      {
        heading: tr('page.calendar.statutory'),
        cell: (o) => `${formatDate(o.statutory)} (${formatWeekday(o.statutory, lang)})`,
      },
      {
        heading: tr('page.calendar.effective'),
        cell: (o) => `${formatDate(o.effective)} (${formatWeekday(o.effective, lang)})`,
      },
    ],
  });
}

function changeForm(ctx: PageContext, data: CalendarPageData): SafeHtml {
  const { tr } = ctx;
  const errors = data.errors ?? {};
  const form = data.form ?? {};
  const editing = data.editing;
  const action = form.action === 'change' || (!data.form && editing) ? 'change' : 'add';
  const date = form.date ?? (editing ? formatDate(editing.date) : '');
  const kinds = KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }));
  const heading = action === 'change' ? tr('page.calendar.change', { date }) : tr('page.calendar.add');
  return html`<h2 id="change">${heading}</h2>
    ${errorSummary(ctx, errors)}
    ${postForm(ctx, {
      action: '/calendar/preview',
      className: 'narrow',
      testId: 'calendar-form',
      body: html`${hidden('year', String(data.year))}${hidden('action', action)}
      ${action === 'change'
        ? html`${hidden('date', date)}
          ${field({
            name: 'newDate',
            label: tr('page.calendar.newDate'),
            hint: tr('page.calendar.dateHint'),
            value: form.newDate ?? '',
            ...(errors.newDate ? { error: errors.newDate } : {}),
          })}`
        : field({
            name: 'date',
            label: tr('page.calendar.date'),
            hint: tr('page.calendar.dateHint'),
            value: date,
            required: true,
            ...(errors.date ? { error: errors.date } : {}),
          })}
      ${field({
        name: 'name',
        label: tr('page.calendar.name'),
        value: form.name ?? editing?.name ?? '',
        required: true,
        ...(errors.name ? { error: errors.name } : {}),
      })}
      ${select({
        name: 'kind',
        label: tr('page.calendar.kind'),
        value: form.kind ?? editing?.kind ?? 'HOLIDAY',
        choices: kinds,
        ...(errors.kind ? { error: errors.kind } : {}),
      })}
      ${submit(tr('page.calendar.check'), { testId: 'calendar-preview' })}
      ${action === 'change' ? html`<a href="/calendar?year=${data.year}">${tr('page.cancel')}</a>` : ''}`,
    })}`;
}

/** Renders the calendar page of a year. */
export function renderCalendar(ctx: PageContext, data: CalendarPageData): string {
  const { tr } = ctx;
  const body = html`<h1>${tr('page.calendar.title', { year: data.year })}</h1>
    <p>${tr('page.calendar.intro')}</p>
    ${yearLinks(ctx, data.year)}
    <p data-testid="calendar-source">${tr(`calendar.source.${data.days.source}`, { year: data.year })}</p>
    ${daysTable(ctx, data)} ${data.canEdit ? changeForm(ctx, data) : ''}
    ${scheduleTable(ctx, data.year, data.schedule)}`;
  return layout(ctx, {
    title: `${tr('page.calendar.title', { year: data.year })} — ${tr('web.title')}`,
    body,
  });
}

/** The fields that carry a change from the preview to its confirmation. */
function changeFields(year: number, change: CalendarChange, basis: string): SafeHtml {
  const entry = change.action === 'remove' ? undefined : change.entry;
  const date = change.action === 'add' ? change.entry.date : change.date;
  return html`${hidden('year', String(year))}${hidden('action', change.action)}${hidden('date', date)}
  ${change.action === 'change' ? hidden('newDate', change.entry.date) : ''}
  ${entry ? html`${hidden('name', entry.name)}${hidden('kind', entry.kind)}` : ''}${hidden('basis', basis)}`;
}

/** Renders the preview of a change with its confirmation form. */
export function renderCalendarPreview(ctx: PageContext, preview: CalendarPreview): string {
  const { tr, lang } = ctx;
  const obligation = (id: keyof typeof cycleVocabulary.obligation) =>
    `${id} ${cycleVocabulary.obligation[id][lang]}`;
  const day = (date: string) => `${formatDate(date)} (${formatWeekday(date, lang)})`;
  const schedule =
    preview.schedule.length === 0
      ? html`<p data-testid="calendar-no-moves">${tr('page.calendar.noMoves')}</p>`
      : table(ctx, {
          testId: 'calendar-moves',
          caption: tr('page.calendar.moves'),
          rows: preview.schedule,
          rowAttributes: (m) => ({
            obligation: m.obligation,
            year: String(m.cycleYear),
            from: m.from,
            to: m.to,
          }),
          columns: [
            { heading: tr('page.calendar.cycleYear'), cell: (m) => String(m.cycleYear) },
            { heading: tr('page.calendar.obligation'), cell: (m) => obligation(m.obligation) },
            { heading: tr('page.calendar.statutory'), cell: (m) => day(m.statutory) },
            { heading: tr('page.calendar.from'), cell: (m) => day(m.from) },
            { heading: tr('page.calendar.to'), cell: (m) => day(m.to) },
          ],
        });
  const cycles = html`<h2>${tr('page.calendar.cycles')}</h2>
    <p>${tr('page.calendar.cyclesNote')}</p>
    ${table(ctx, {
      testId: 'calendar-cycles',
      rows: preview.cycles,
      empty: tr('page.calendar.noCycles'),
      rowAttributes: (c) => ({ pair: c.pairCode, obligation: c.obligation, from: c.from, to: c.to }),
      columns: [
        {
          heading: tr('page.calendar.pair'),
          cell: (c) =>
            html`<a href="/pairs/${encodeURIComponent(c.pairCode)}?year=${c.cycleYear}">${c.pairCode}</a>`,
        },
        { heading: tr('page.calendar.cycleYear'), cell: (c) => String(c.cycleYear) },
        { heading: tr('page.calendar.obligation'), cell: (c) => obligation(c.obligation) },
        { heading: tr('page.calendar.from'), cell: (c) => day(c.from) },
        { heading: tr('page.calendar.to'), cell: (c) => day(c.to) },
      ],
    })}
    ${preview.offSchedule > 0
      ? html`<p>${tr('page.calendar.offSchedule', { count: preview.offSchedule })}</p>`
      : ''}`;
  const body = html`<h1>${tr('page.calendar.preview')}</h1>
    <p data-testid="calendar-change">${describeChange(lang, preview)}</p>
    ${schedule} ${cycles}
    ${postForm(ctx, {
      action: '/calendar/save',
      testId: 'calendar-confirm',
      body: html`${changeFields(preview.year, preview.change, preview.basis)}
        ${submit(tr('page.calendar.save'), { testId: 'calendar-save' })}
        <a href="/calendar?year=${preview.year}">${tr('page.cancel')}</a>`,
    })}`;
  return layout(ctx, { title: `${tr('page.calendar.preview')} — ${tr('web.title')}`, body });
}
