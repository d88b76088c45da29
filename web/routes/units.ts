/**
 * The unit page (`GET /units/:code?year=`, `web/views/unit.ts`) and its administrator's forms: positive factors
 * and the rating (Updates of the unit's evaluation `unit-evaluation:<unit>:<year>` through the cycle-commands
 * client) and the merger of other units into this one (`services/roster-merge.ts`). Administrators and
 * leadership see every unit, an officer only its own (a district's officer also its communes); any other unit is
 * a 404 like an unknown one.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access';
import { can } from '../../domain/access';
import { isCycleYear } from '../../domain/cycle/years';
import { formatDate } from '../../domain/format';
import type { Message } from '../../domain/messages';
import { findUnitInScope } from '../../services/access';
import type { CommandResult, CycleCommands } from '../../services/cycle-commands';
import { unitSummary } from '../../services/dashboard';
import { ratingLevelsByYear } from '../../services/dashboard/shared';
import type { UnitEvaluationStatus } from '../../workflows/unit-evaluation/status';
import { commandsOf, webActor } from '../api/actions';
import { mergeInput, mergeRefusalStatus, optionalText, runMerge, webMergeReport } from '../api/admin-actions';
import { requirePermission, requireSignIn, setNotice } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';
import { formText } from '../forms';
import { pageContext, redirectAfterPost, sendPage } from '../render';
import { renderUnit, type MergeFormState, type UnitPageOptions } from '../views/unit';
import { yearOf } from './home';

declare module 'fastify' {
  interface Session {
    /** The lines of the merger just made, for the unit page the merge form goes back to (shown once). */
    mergeReport?: { readonly done: readonly Message[]; readonly problems: readonly Message[] };
  }
}

/** The unit page of a year. */
export function unitPagePath(code: string, year: number): string {
  return `/units/${encodeURIComponent(code)}?year=${year}`;
}

interface YearParams {
  readonly code: string;
  readonly year: string;
}

/** Renders the unit page for `actor` (the unit is known to be in its scope). */
async function sendUnitPage(
  deps: RouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  unit: { readonly code: string; readonly year: number },
  extra: Pick<UnitPageOptions, 'merge'> & { readonly status?: number } = {},
): Promise<FastifyReply> {
  const [summary, levels] = await Promise.all([
    unitSummary(deps.prisma, actor.scope, unit.code, unit.year),
    ratingLevelsByYear(deps.prisma, [unit.year]),
  ]);
  if (!summary) throw notFound();
  const mergeReport = request.session.mergeReport;
  if (mergeReport) request.session.mergeReport = undefined;
  const page = renderUnit(pageContext(request, reply, { forms: true }), {
    summary,
    levels: levels.get(unit.year) ?? [],
    administer: can(actor.role, 'administer'),
    ...(extra.merge ? { merge: extra.merge } : {}),
    ...(mergeReport ? { mergeReport } : {}),
  });
  return sendPage(reply, page, extra.status);
}

/** Registers `/units/:code` and its forms. */
export function registerUnitRoutes(app: WebApp, deps: RouteDeps): void {
  app.get<{ Params: { code: string } }>('/units/:code', async (request, reply) => {
    const actor = requireSignIn(request);
    const unit = await findUnitInScope(deps.prisma, actor.scope, request.params.code);
    if (!unit) throw notFound();
    return sendUnitPage(deps, request, reply, actor, {
      code: unit.code,
      year: yearOf(request.query, deps.now()),
    });
  });

  /** One form on the unit's evaluation: the unit known (else 404), the Update, a notice, back to the page. */
  const evaluationForm = (
    action: string,
    run: (
      commands: CycleCommands,
      unitCode: string,
      year: number,
      actor: string,
      body: unknown,
    ) => Promise<CommandResult<UnitEvaluationStatus>>,
    done: (status: UnitEvaluationStatus) => Message,
  ): void => {
    app.post<{ Params: YearParams }>(`/units/:code/:year/${action}`, async (request, reply) => {
      const actor = requirePermission(request, 'administer');
      const unit = await findUnitInScope(deps.prisma, actor.scope, request.params.code);
      const year = Number(request.params.year);
      if (!unit || !isCycleYear(year)) throw notFound();
      const commands = await commandsOf(deps);
      const result = await run(commands, unit.code, year, webActor(request), request.body);
      if (result.ok) setNotice(request, 'success', done(result.value));
      else setNotice(request, 'error', result.refusal.message);
      return redirectAfterPost(reply, unitPagePath(unit.code, year));
    });
  };

  evaluationForm(
    'factors',
    (c, unit, year, actor, body) => c.unitFactors(unit, year, { actor, text: formText(body, 'text') }),
    (s) => ({ key: 'web.unit.factorsRecorded', params: { unitCode: s.unitCode, year: s.year } }),
  );
  evaluationForm(
    'rate',
    (c, unit, year, actor, body) => {
      const reason = optionalText(formText(body, 'reason'));
      const decisionNumber = optionalText(formText(body, 'decisionNumber'));
      return c.rateUnit(unit, year, {
        actor,
        rating: formText(body, 'rating'),
        ...(reason !== undefined ? { reason } : {}),
        ...(decisionNumber !== undefined ? { decisionNumber } : {}),
      });
    },
    (s) => {
      const level = s.proposal?.scale.find((l) => l.id === s.final?.rating);
      const id = s.final?.rating ?? '—';
      return {
        key: 'web.unit.rated',
        params: { unitCode: s.unitCode, year: s.year, ratingVi: level?.vi ?? id, ratingEn: level?.en ?? id },
      };
    },
  );

  app.post<{ Params: { code: string } }>('/units/:code/merge', async (request, reply) => {
    const actor = requirePermission(request, 'administer');
    const unit = await findUnitInScope(deps.prisma, actor.scope, request.params.code);
    if (!unit) throw notFound();
    const values: MergeFormState['values'] = {
      from: formText(request.body, 'from'),
      on: formText(request.body, 'on'),
      decisionNumber: formText(request.body, 'decisionNumber'),
      reason: formText(request.body, 'reason'),
    };
    // A refused merger wrote nothing: the page again, with the form as posted and every reason.
    const refused = (errors: readonly Message[], status: number) =>
      sendUnitPage(
        deps,
        request,
        reply,
        actor,
        { code: unit.code, year: yearOf(request.query, deps.now()) },
        { merge: { values, errors }, status },
      );
    const input = mergeInput(values);
    if (!input.ok) return refused([input.problem], 400);
    const result = await runMerge(deps, webActor(request), unit.code, input.value);
    if (!result.ok) return refused(result.refusals, mergeRefusalStatus(result.refusals).status);
    const report = webMergeReport(result, request.lang);
    request.session.mergeReport = { done: report.done, problems: report.problems };
    setNotice(request, report.failed ? 'error' : 'success', {
      key: report.failed ? 'web.unit.mergeUnfinished' : 'web.unit.merged',
      params: { into: unit.code, date: formatDate(result.plan.on) },
    });
    return redirectAfterPost(reply, unitPagePath(unit.code, Number(result.plan.on.slice(0, 4))));
  });
}
