/**
 * "Lịch ngày nghỉ / Holiday calendar": a year's days and deadlines (administrators and leadership), and for
 * administrators a change of the table in two steps: `POST /calendar/preview` shows which due days it moves,
 * `POST /calendar/save` saves exactly that change if the table has not changed since (`services/calendar-changes.ts`).
 */
import { ZodError } from 'zod';
import {
  parseCalendarChange,
  type CalendarChange,
  type CalendarChangeInput,
  type CalendarProblem,
} from '../../domain/calendar/changes';
import { yearSchedule, type YearSchedule } from '../../domain/calendar/deadlines';
import { CYCLE_YEARS, isCycleYear } from '../../domain/cycle/years';
import { parseUserDate } from '../../domain/format';
import type { Message } from '../../domain/messages';
import {
  calendarYear,
  invalidSettingsMessage,
  previewCalendarChange,
  saveCalendarChange,
  type CalendarPreview,
  type CalendarRefusal,
  type CalendarResult,
} from '../../services/calendar-changes';
import { loadYearCalendar } from '../../services/calendar-store';
import { can } from '../../domain/access';
import { webActor } from '../api/actions';
import { requirePermission, setNotice } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { invalidInput } from '../errors';
import { formText } from '../forms';
import { textOf } from '../i18n';
import { pageContext, redirectAfterPost, sendPage } from '../render';
import type { FormErrors } from '../views/forms';
import {
  describeChange,
  renderCalendar,
  renderCalendarPreview,
  type CalendarPageData,
} from '../views/calendar';
import { yearOf } from './home';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A year given in a path or a form: 400 with the catalogue's message when it is not a cycle year. */
export function cycleYearOf(text: string): number {
  const year = /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!isCycleYear(year))
    throw invalidInput({ key: 'invalid.year', params: { value: text, ...CYCLE_YEARS } });
  return year;
}

/** The year's deadlines, or the message of its broken settings. */
export async function scheduleOf(deps: RouteDeps, year: number): Promise<YearSchedule | Message> {
  try {
    const loaded = await loadYearCalendar(deps.prisma, year);
    return yearSchedule(year, loaded.settings, loaded.calendar);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return invalidSettingsMessage(year, error);
  }
}

/** The change's fields of a form body. */
function changeInputOf(body: unknown): CalendarChangeInput {
  return {
    action: formText(body, 'action'),
    date: formText(body, 'date'),
    newDate: formText(body, 'newDate'),
    name: formText(body, 'name'),
    kind: formText(body, 'kind'),
  };
}

/** The HTTP status of a refused change. */
export function refusalStatus(refusal: CalendarRefusal): 400 | 404 | 409 {
  return refusal.kind === 'invalid' ? 400 : refusal.kind === 'notFound' ? 404 : 409;
}

/** Registers `/calendar`, `POST /calendar/preview` and `POST /calendar/save`. */
export function registerCalendarRoutes(app: WebApp, deps: RouteDeps): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: Partial<Pick<CalendarPageData, 'form' | 'errors' | 'editing'>> = {},
    status = 200,
  ) => {
    const actor = requirePermission(request, 'export');
    const [days, schedule] = await Promise.all([calendarYear(deps.prisma, year), scheduleOf(deps, year)]);
    const ctx = pageContext(request, reply, { forms: true });
    const data: CalendarPageData = { year, days, schedule, canEdit: can(actor.role, 'manage'), ...extra };
    return sendPage(reply, renderCalendar(ctx, data), status);
  };
  const refused = (
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    form: CalendarChangeInput,
    problems: readonly CalendarProblem[],
    status: number,
  ) => {
    const errors: Record<string, string> = {};
    for (const p of problems) errors[p.field] ??= textOf(p.message, request.lang);
    return page(request, reply, year, { form, errors: errors as FormErrors }, status);
  };

  app.get('/calendar', async (request, reply) => {
    const year = yearOf(request.query, deps.now());
    const edit = parseUserDate(formText(request.query, 'edit'));
    const days = edit ? await calendarYear(deps.prisma, year) : undefined;
    const editing = days?.days.find((d) => d.date === edit);
    return page(request, reply, year, editing ? { editing } : {});
  });

  /**
   * Runs a change of a form (the preview or the save): its fields read and checked, then `run`; a refusal of
   * either shows the form again with its message, and nothing is written.
   */
  const withChange = async (
    request: FastifyRequest,
    reply: FastifyReply,
    run: (year: number, change: CalendarChange) => Promise<CalendarResult<CalendarPreview>>,
  ): Promise<{ year: number; preview: CalendarPreview } | FastifyReply> => {
    requirePermission(request, 'manage');
    const year = cycleYearOf(formText(request.body, 'year'));
    const input = changeInputOf(request.body);
    const parsed = parseCalendarChange(input, year);
    if (!parsed.ok) return refused(request, reply, year, input, parsed.problems, 400);
    const result = await run(year, parsed.change);
    if (!result.ok) {
      const problem: CalendarProblem = { field: '_form', message: result.refusal.message };
      return refused(request, reply, year, input, [problem], refusalStatus(result.refusal));
    }
    return { year, preview: result.value };
  };

  app.post('/calendar/preview', async (request, reply) => {
    const done = await withChange(request, reply, (year, change) =>
      previewCalendarChange(deps.prisma, year, change),
    );
    if (!('preview' in done)) return done;
    const ctx = pageContext(request, reply, { forms: true });
    return sendPage(reply, renderCalendarPreview(ctx, done.preview));
  });

  app.post('/calendar/save', async (request, reply) => {
    const done = await withChange(request, reply, (year, change) =>
      saveCalendarChange(deps.prisma, year, change, {
        basis: formText(request.body, 'basis'),
        actor: webActor(request),
      }),
    );
    if (!('preview' in done)) return done;
    const { year, preview: saved } = done;
    setNotice(request, 'success', {
      key: 'page.calendar.saved',
      params: { change: describeChange(request.lang, saved) },
    });
    return redirectAfterPost(reply, `/calendar?year=${year}`);
  });
}
