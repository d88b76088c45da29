/**
 * The holiday calendar as JSON: `GET /api/v1/calendar/:year` (administrators and leadership) gives the year's
 * days and deadlines; `POST …/preview` and `POST …/changes` (administrators) preview a change and save it with
 * the preview's `basis`, with the same checks and messages as the page (`domain/calendar/changes.ts`).
 */
import { z } from 'zod';
import { parseCalendarChange, type CalendarChange } from '../../domain/calendar/changes';
import { formatWeekday } from '../../domain/format';
import {
  calendarYear,
  previewCalendarChange,
  saveCalendarChange,
  type CalendarPreview,
} from '../../services/calendar-changes';
import { requirePermission } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { HttpError } from '../errors';
import { textOf } from '../i18n';
import { cycleYearOf, refusalStatus, scheduleOf } from '../routes/calendar';
import { webActor } from './actions';
import { readModel } from './dashboard';
import { errorResponses } from './schemas';

const params = z.object({ year: z.string().max(10) });

/** A change as JSON: the same strings as the page's form. */
const changeBody = z.strictObject({
  action: z.string().max(20),
  date: z.string().max(40),
  newDate: z.string().max(40).optional(),
  name: z.string().max(1000).optional(),
  kind: z.string().max(40).optional(),
});

/** A refused change: the error and every problem by field; a body of the wrong shape gets the error alone. */
const problemsSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    problems: z.array(z.object({ field: z.string(), key: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'CalendarProblems' });

function previewJson(preview: CalendarPreview) {
  const change: CalendarChange = preview.change;
  return {
    year: preview.year,
    change,
    before: preview.before ?? null,
    after: preview.after ?? null,
    basis: preview.basis,
    schedule: preview.schedule,
    cycles: preview.cycles,
    offSchedule: preview.offSchedule,
  };
}

/** Registers the calendar API. */
export function registerCalendarApi(app: WebApp, deps: RouteDeps): void {
  app.get(
    '/api/v1/calendar/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "The year's holidays, days off and swapped working days, and its cycles' deadlines",
        params,
        response: {
          200: readModel(
            '{ year, source, days: [{ date, weekday, kind, name }], schedule, scheduleProblem }',
          ),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      requirePermission(request, 'export');
      const year = cycleYearOf(request.params.year);
      const [days, schedule] = await Promise.all([calendarYear(deps.prisma, year), scheduleOf(deps, year)]);
      const ok = 'obligations' in schedule;
      return {
        year,
        source: days.source,
        days: days.days.map((d) => ({ ...d, weekday: formatWeekday(d.date, 'en') })),
        schedule: ok
          ? {
              policy: schedule.policy,
              obligations: schedule.obligations.map((o) => ({
                obligation: o.obligation,
                statutory: o.statutory,
                effective: o.effective,
                rolledForward: o.rolledForward,
              })),
            }
          : null,
        scheduleProblem: ok ? null : textOf(schedule, request.lang),
      };
    },
  );

  const change = (request: { body: z.infer<typeof changeBody>; lang: 'vi' | 'en' }, year: number) => {
    const parsed = parseCalendarChange(request.body, year);
    if (parsed.ok) return { change: parsed.change };
    const problems = parsed.problems.map((p) => ({
      field: p.field,
      key: p.message.key,
      message: textOf(p.message, request.lang),
    }));
    return {
      refused: {
        error: { code: 'invalid_input', message: problems.map((p) => p.message).join(' ') },
        problems,
      },
    };
  };

  app.post(
    '/api/v1/calendar/:year/preview',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Preview a change (`action` add|remove|change, `date`, `newDate`, `name`, `kind`): the due days it moves; nothing is written',
        params,
        body: changeBody,
        response: {
          200: readModel('{ year, change, before, after, basis, schedule, cycles, offSchedule }'),
          400: problemsSchema,
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'manage');
      const year = cycleYearOf(request.params.year);
      const parsed = change(request, year);
      if ('refused' in parsed) return reply.code(400).send(parsed.refused);
      const preview = await previewCalendarChange(deps.prisma, year, parsed.change);
      if (!preview.ok) throw refusalError(preview.refusal);
      return previewJson(preview.value);
    },
  );

  app.post(
    '/api/v1/calendar/:year/changes',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Save a change previewed: the same fields and the preview’s `basis` (409 when the table changed since)',
        params,
        body: changeBody.extend({ basis: z.string().max(100) }),
        response: {
          200: readModel('The preview of what was saved'),
          400: problemsSchema,
          ...errorResponses(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'manage');
      const year = cycleYearOf(request.params.year);
      const { basis, ...fields } = request.body;
      const parsed = change({ body: fields, lang: request.lang }, year);
      if ('refused' in parsed) return reply.code(400).send(parsed.refused);
      const saved = await saveCalendarChange(deps.prisma, year, parsed.change, {
        basis,
        actor: webActor(request),
      });
      if (!saved.ok) throw refusalError(saved.refusal);
      return previewJson(saved.value);
    },
  );
}

function refusalError(refusal: Parameters<typeof refusalStatus>[0]): HttpError {
  const status = refusalStatus(refusal);
  return new HttpError(
    status,
    status === 400 ? 'invalid_input' : status === 404 ? 'not_found' : 'conflict',
    refusal.message,
  );
}
