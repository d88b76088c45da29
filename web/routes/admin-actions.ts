/**
 * The administrator's forms of the pair page (`web/views/pair-admin.ts`): extend, waive or resend an obligation,
 * dissolve or re-pair the pair, end its period on a day. Each sends the same Update as the API
 * (`web/api/admin-actions.ts`, `web/api/actions.ts`) and comes back to the pair page with the workflow's own
 * message: what was done, or its reason for refusing (shown once, as a notice).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CycleProjection } from '../../domain/cycle/types';
import { isCycleYear } from '../../domain/cycle/years';
import type { MessageKey } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { findPairInScope } from '../../services/access';
import type { CommandResult, CycleCommands } from '../../services/cycle-commands';
import { commandsOf, webActor } from '../api/actions';
import { optionalText } from '../api/admin-actions';
import { requirePermission, setNotice } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';
import { formText } from '../forms';
import { redirectAfterPost } from '../render';

interface Params {
  readonly code: string;
  readonly year: string;
}

/** The pair page of a year. */
export function pairPagePath(code: string, year: number): string {
  return `/pairs/${encodeURIComponent(code)}?year=${year}`;
}

/** What an accepted action says: `commands.done.*`, the same lines as the CLI's. */
type Done = Extract<MessageKey, `commands.done.${string}`>;

/** The fields of a form: required texts as typed (the workflow names an empty one), optional ones when filled. */
function fieldsOf(body: unknown) {
  return {
    text: (name: string): string => formText(body, name),
    optional: <K extends string>(name: K): Partial<Record<K, string>> => {
      const value = optionalText(formText(body, name));
      return (value !== undefined ? { [name]: value } : {}) as Partial<Record<K, string>>;
    },
  };
}

/** Registers the administrator's pair forms. */
export function registerAdminActionRoutes(app: WebApp, deps: RouteDeps): void {
  /** One form: the pair in scope (else 404), the Update, a notice of its outcome, back to the pair page. */
  const pairForm = (
    action: string,
    run: (
      commands: CycleCommands,
      pairCode: string,
      year: number,
      actor: string,
      fields: ReturnType<typeof fieldsOf>,
    ) => Promise<{ result: CommandResult<CycleProjection>; done: Done }>,
  ): void => {
    app.post<{ Params: Params }>(
      `/pairs/:code/:year/${action}`,
      async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
        const actor = requirePermission(request, 'administer');
        const pair = await findPairInScope(deps.prisma, actor.scope, request.params.code);
        const year = Number(request.params.year);
        if (!pair || !isCycleYear(year)) throw notFound();
        const commands = await commandsOf(deps);
        const { result, done } = await run(
          commands,
          pair.code,
          year,
          webActor(request),
          fieldsOf(request.body),
        );
        if (result.ok) {
          const phase = cycleVocabulary.phase[result.value.phase];
          setNotice(request, 'success', {
            key: done,
            params: { pair: pair.code, year, phaseVi: phase.vi, phaseEn: phase.en },
          });
        } else setNotice(request, 'error', result.refusal.message);
        return redirectAfterPost(reply, pairPagePath(pair.code, year));
      },
    );
  };

  // A form's obligation is whatever was posted: the workflow's envelope refuses anything that is not an
  // obligation id, with its own message (hence the casts).
  pairForm('extend', async (c, pair, year, actor, f) => ({
    done: 'commands.done.extended',
    result: await c.extend(pair, year, {
      actor,
      obligation: f.text('obligation') as 'O1',
      newDate: f.text('newDate'),
      reason: f.text('reason'),
      ...f.optional('decisionNumber'),
    }),
  }));
  pairForm('waive', async (c, pair, year, actor, f) => ({
    done: 'commands.done.waived',
    result: await c.waive(pair, year, {
      actor,
      obligation: f.text('obligation') as 'O1',
      reason: f.text('reason'),
    }),
  }));
  pairForm('resend', async (c, pair, year, actor, f) => ({
    done: 'commands.done.resent',
    result: await c.resend(pair, year, { actor, obligation: f.text('obligation') as 'O1' }),
  }));
  pairForm('dissolve', async (c, pair, year, actor, f) => {
    const successor = f.optional('successorPairCode');
    return {
      done: successor.successorPairCode !== undefined ? 'commands.done.repaired' : 'commands.done.dissolved',
      result: await c.dissolve(pair, year, { actor, reason: f.text('reason'), ...successor }),
    };
  });
  pairForm('end-period', async (c, pair, year, actor, f) => ({
    done: 'commands.done.periodEnd',
    result: await c.endPeriod(pair, year, {
      actor,
      lastDay: f.text('lastDay'),
      reason: f.text('reason'),
      ...f.optional('successorPairCode'),
      ...f.optional('decisionNumber'),
    }),
  }));
}
