/**
 * The administrator's actions through the API: extend or waive an obligation, resend its reminder, dissolve or
 * re-pair the pair, end its period on a day (Updates of the pair's cycle), record a unit's positive factors and
 * confirm or override its rating (Updates of the unit's evaluation), and merge units (`services/roster-merge.ts`,
 * as `twinning roster merge`). Each goes through the cycle-commands client or the merger service, and its answer
 * is the workflow's (or the merger's) own: the new state, or its message. Cycle bodies are the workflow's request
 * envelopes (`requestEnvelopes()`) without the `actor` the session fills in; the payload inside is judged by the
 * workflow. Leadership reads and changes nothing: the route table refuses it (403) before the body is read.
 */
import { z } from 'zod';
import { requestEnvelopes } from '../../domain/cycle/requests';
import type {
  DissolveRequest,
  EndPeriodRequest,
  ExtendRequest,
  ResendRequest,
  WaiveRequest,
} from '../../domain/cycle/requests';
import { payloadSchemas, type PayloadKind } from '../../domain/cycle/schemas';
import type { CycleProjection } from '../../domain/cycle/types';
import type { Message, MessageKey } from '../../domain/messages';
import { findPairInScope, findUnitInScope } from '../../services/access';
import type { CommandResult, CycleCommands, Refusal } from '../../services/cycle-commands';
import { mergeUnits, type MergeResult } from '../../services/roster-merge';
import { mergeReport, type MergeReport } from '../../services/roster-merge-report';
import type { RateUnitRequest, UnitFactorsRequest } from '../../workflows/unit-evaluation/messages';
import type { UnitEvaluationStatus } from '../../workflows/unit-evaluation/status';
import { requirePermission } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { HttpError, invalidInput, notFound, refusalError, type ErrorCode } from '../errors';
import { textOf } from '../i18n';
import { commandsOf, pairYearParams, webActor } from './actions';
import { readModel } from './dashboard';
import { errorResponses } from './schemas';

// A unit's URL names a code and a year as a pair's does.
const unitYearParams = pairYearParams;
const unitParams = pairYearParams.pick({ code: true });

/**
 * The body of an administrator action: the workflow's envelope without `actor` (the session's) and the fields
 * of its payload, and nothing else. The workflow reads only these, so another field (an `actor` too) is refused
 * here instead of being dropped on the way; the payload's values are the workflow's to judge, so the form and the
 * API refuse a value with the same message.
 */
function actionBody(envelope: z.ZodObject, payload: PayloadKind | undefined): z.ZodType {
  const fields: Record<string, z.ZodType> = {};
  const shape = (payload === undefined ? {} : payloadSchemas()[payload].shape) as Record<string, z.ZodType>;
  for (const [name, schema] of Object.entries(shape))
    fields[name] = schema.isOptional() ? z.unknown().optional() : z.unknown();
  return z.strictObject({ ...envelope.omit({ actor: true }).shape, ...fields });
}

/** An extension as the API takes it: `obligation`, `newDate`, `reason`, `decisionNumber`. */
export const extendBody = actionBody(requestEnvelopes().extend, 'extend');
/** A waiver as the API takes it: `obligation`, `reason`. */
export const waiveBody = actionBody(requestEnvelopes().waive, 'waive');
/** A reminder to resend: `obligation`. */
export const resendBody = actionBody(requestEnvelopes().resend, undefined);
/** A dissolution or re-pairing: `reason`, `successorPairCode`. */
export const dissolveBody = actionBody(requestEnvelopes().dissolve, 'dissolve');
/** The end of the pair's period: `lastDay`, `reason`, `successorPairCode`, `decisionNumber`. */
export const endPeriodBody = actionBody(requestEnvelopes().endPeriod, 'endPeriod');
/** A unit's positive factors: `text` (empty clears them); the evaluation judges it. */
export const unitFactorsBody = actionBody(z.object({ actor: z.string() }), 'positiveFactors');
/** A unit's rating: `rating`, `reason`, `decisionNumber`; the evaluation judges them. */
export const unitRatingBody = actionBody(z.object({ actor: z.string() }), 'unitRating');

/** A merger as the API takes it: the units merged (codes, or one comma-separated text) and the first day. */
export const mergeBody = z.strictObject({
  from: z.union([z.array(z.string()), z.string()]),
  on: z.string(),
  decisionNumber: z.string().optional(),
  reason: z.string().optional(),
});

/** Units one merger may name (a province merges a handful at a time; the bound keeps a refusal list short). */
const MAX_MERGED_UNITS = 100;
/** The longest unit code, reason and decision number, as for every administrator action (domain/cycle/schemas.ts). */
const MAX_CODE = 64;
const MAX_REASON = 2000;
const MAX_DECISION = 200;

/** A merger checked for its sizes, ready for `mergeUnits`. */
export interface MergeInput {
  readonly from: readonly string[];
  readonly on: string;
  readonly decisionNumber?: string;
  readonly reason?: string;
}

/** A text field of a form or body: the text, or undefined when it is absent or blank. */
export function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The merger's fields, or the first problem of their sizes (the merger's own rules, dates and units are the
 * service's). Page and API call it, so both refuse the same things with the same message.
 */
export function mergeInput(fields: {
  readonly from: readonly string[] | string;
  readonly on: string;
  readonly decisionNumber?: string;
  readonly reason?: string;
}): { ok: true; value: MergeInput } | { ok: false; problem: Message } {
  const list = typeof fields.from === 'string' ? fields.from.split(',') : fields.from;
  const from = list.map((c) => c.trim()).filter((c) => c !== '');
  const tooLong = (field: string, max: number): { ok: false; problem: Message } => ({
    ok: false,
    problem: { key: 'cycle.invalid.tooLong', params: { field, max } },
  });
  if (from.length > MAX_MERGED_UNITS)
    return {
      ok: false,
      problem: { key: 'cycle.invalid.tooMany', params: { field: 'from', max: MAX_MERGED_UNITS } },
    };
  if (from.some((c) => c.length > MAX_CODE)) return tooLong('from', MAX_CODE);
  const reason = optionalText(fields.reason)?.trim();
  const decisionNumber = optionalText(fields.decisionNumber)?.trim();
  if (reason !== undefined && reason.length > MAX_REASON) return tooLong('reason', MAX_REASON);
  if (decisionNumber !== undefined && decisionNumber.length > MAX_DECISION)
    return tooLong('decisionNumber', MAX_DECISION);
  return {
    ok: true,
    value: {
      from,
      on: fields.on.trim(),
      ...(reason !== undefined ? { reason } : {}),
      ...(decisionNumber !== undefined ? { decisionNumber } : {}),
    },
  };
}

/** Refusals of a merger that are about what was asked (400) rather than what the roster holds (409). */
const MERGE_INPUT_REFUSALS: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'roster.merge.dateInvalid',
  'roster.merge.fromMissing',
  'roster.merge.fromUnknown',
  'roster.merge.intoUnknown',
  'roster.merge.sidesDiffer',
  'roster.successorSelf',
]);

/** The HTTP status and code of a refused merger (nothing written). */
export function mergeRefusalStatus(refusals: readonly Message[]): { status: 400 | 409; code: ErrorCode } {
  return refusals.some((r) => MERGE_INPUT_REFUSALS.has(r.key))
    ? { status: 400, code: 'invalid_input' }
    : { status: 409, code: 'refused' };
}

/** Merges `input.from` into `into` as the signed-in administrator; the engine step runs on the web's Temporal. */
export function runMerge(
  deps: RouteDeps,
  actor: string,
  into: string,
  input: MergeInput,
): Promise<MergeResult> {
  return mergeUnits(
    deps.prisma,
    { into, from: input.from, on: input.on },
    {
      actor,
      ...(input.decisionNumber !== undefined ? { decisionNumber: input.decisionNumber } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      temporal: () => deps.temporal(),
      taskQueue: deps.taskQueue,
    },
  );
}

/** A merger's report for the dashboard: the CLI's lines, with the engine's failure told as a web page tells it. */
export function webMergeReport(result: MergeResult, lang: 'vi' | 'en'): MergeReport {
  const report = mergeReport(result, (m) => textOf(m, lang));
  return {
    ...report,
    problems: report.problems.map((m) =>
      m.key === 'roster.merge.engineFailed'
        ? { key: 'web.unit.mergeEngineFailed', params: m.params ?? {} }
        : m,
    ),
  };
}

/**
 * The HTTP form of an administrator action's refusal: a successor pair that is not in the roster is bad input
 * (400), not an unknown pair (the URL's pair exists); everything else as `refusalError`.
 */
export function adminRefusalError(refusal: Refusal): HttpError {
  if (refusal.message.key === 'commands.successorUnknown')
    return new HttpError(400, 'invalid_input', refusal.message);
  return refusalError(refusal);
}

/** The value of an accepted command, or its refusal as an HTTP error. */
function accepted<T>(result: CommandResult<T>): T {
  if (!result.ok) throw adminRefusalError(result.refusal);
  return result.value;
}

type PairRun = (
  commands: CycleCommands,
  pairCode: string,
  year: number,
  request: { readonly actor: string } & Record<string, unknown>,
) => Promise<CommandResult<CycleProjection>>;

type UnitRun = (
  commands: CycleCommands,
  unitCode: string,
  year: number,
  request: { readonly actor: string } & Record<string, unknown>,
) => Promise<CommandResult<UnitEvaluationStatus>>;

/** Registers the administrator's API routes. */
export function registerAdminActionApi(app: WebApp, deps: RouteDeps): void {
  // The body holds only the fields the workflow reads (no `actor`: the session's is added), as sent, so the
  // workflow's validator names any field that is missing or malformed.
  const withActor = (body: unknown, actor: string) => ({ ...(body as Record<string, unknown>), actor });

  /** One action on a pair's cycle: the pair in scope (else 404), the Update, its projection or its refusal. */
  const pairRoute = (url: string, summary: string, body: z.ZodType, run: PairRun): void => {
    app.post(
      url,
      {
        schema: {
          tags: ['actions'],
          summary,
          params: pairYearParams,
          body,
          response: {
            200: readModel('The cycle after the action (CycleProjection)'),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => {
        const actor = requirePermission(request, 'administer');
        const { code, year } = request.params;
        const pair = await findPairInScope(deps.prisma, actor.scope, code);
        if (!pair) throw notFound();
        const commands = await commandsOf(deps);
        return accepted(await run(commands, pair.code, year, withActor(request.body, webActor(request))));
      },
    );
  };

  /** One action on a unit's evaluation: the unit known (else 404), the Update, its status or its refusal. */
  const unitRoute = (url: string, summary: string, body: z.ZodType, run: UnitRun): void => {
    app.post(
      url,
      {
        schema: {
          tags: ['actions'],
          summary,
          params: unitYearParams,
          body,
          response: {
            200: readModel('The unit’s evaluation after the action (UnitEvaluationStatus)'),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => {
        const actor = requirePermission(request, 'administer');
        const { code, year } = request.params;
        const unit = await findUnitInScope(deps.prisma, actor.scope, code);
        if (!unit) throw notFound();
        const commands = await commandsOf(deps);
        return accepted(await run(commands, unit.code, year, withActor(request.body, webActor(request))));
      },
    );
  };

  // The casts hand the body to the workflow as sent: its validator is the judge of the payload's fields.
  pairRoute(
    '/api/v1/pairs/:code/:year/extensions',
    'An administrator extends an obligation’s deadline (`obligation`, `newDate` yyyy-mm-dd, `reason`, `decisionNumber`); the workflow accepts or refuses it',
    extendBody,
    (c, pair, y, r) => c.extend(pair, y, r as unknown as ExtendRequest),
  );
  pairRoute(
    '/api/v1/pairs/:code/:year/waivers',
    'An administrator waives an owed obligation (`obligation`, `reason`); the workflow accepts or refuses it',
    waiveBody,
    (c, pair, y, r) => c.waive(pair, y, r as unknown as WaiveRequest),
  );
  pairRoute(
    '/api/v1/pairs/:code/:year/reminders',
    'An administrator resends an obligation’s reminder now (`obligation`); the workflow accepts or refuses it',
    resendBody,
    (c, pair, y, r) => c.resend(pair, y, r as unknown as ResendRequest),
  );
  pairRoute(
    '/api/v1/pairs/:code/:year/dissolution',
    'An administrator dissolves the pair now (`reason`), or re-pairs it into a successor pair of the roster (`successorPairCode`)',
    dissolveBody,
    (c, pair, y, r) => c.dissolve(pair, y, r as unknown as DissolveRequest),
  );
  pairRoute(
    '/api/v1/pairs/:code/:year/period-end',
    'An administrator ends the pair’s period on a day, units merged (`lastDay` yyyy-mm-dd, `reason`, `successorPairCode`, `decisionNumber`)',
    endPeriodBody,
    (c, pair, y, r) => c.endPeriod(pair, y, r as unknown as EndPeriodRequest),
  );
  unitRoute(
    '/api/v1/units/:code/:year/positive-factors',
    'An administrator records (or, with an empty `text`, clears) a unit’s positive factors; the evaluation proposes again',
    unitFactorsBody,
    (c, unit, y, r) => c.unitFactors(unit, y, r as unknown as UnitFactorsRequest),
  );
  unitRoute(
    '/api/v1/units/:code/:year/rating',
    'An administrator confirms or overrides a unit’s proposal once (`rating`, `reason` required when it differs, `decisionNumber`)',
    unitRatingBody,
    (c, unit, y, r) => c.rateUnit(unit, y, r as unknown as RateUnitRequest),
  );

  app.post(
    '/api/v1/units/:code/mergers',
    {
      schema: {
        tags: ['actions'],
        summary:
          'An administrator merges units into this one from a day (`from`, `on` yyyy-mm-dd or dd/mm/yyyy, `decisionNumber`, `reason`), as `twinning roster merge`',
        params: unitParams,
        body: mergeBody,
        response: {
          200: readModel(
            'What the merger did: plan, created and reused successor pairs, engine step, report lines',
          ),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'administer');
      const unit = await findUnitInScope(deps.prisma, actor.scope, request.params.code);
      if (!unit) throw notFound();
      const input = mergeInput(request.body);
      if (!input.ok) throw invalidInput(input.problem);
      const result = await runMerge(deps, webActor(request), unit.code, input.value);
      const report = webMergeReport(result, request.lang);
      const text = (m: Message) => textOf(m, request.lang);
      if (!result.ok) {
        const { status, code } = mergeRefusalStatus(result.refusals);
        throw new HttpError(status, code, {
          key: 'web.unit.mergeRefused',
          params: { count: result.refusals.length, problems: result.refusals.map(text).join(' ') },
        });
      }
      // The roster is written: a retry of the same merger finishes the engine step and writes nothing twice.
      if (!result.engine.ok) throw new HttpError(503, 'unavailable', report.problems[0]!);
      return {
        plan: result.plan,
        created: result.created,
        reused: result.reused,
        engine: result.engine,
        report: [...report.done, ...report.problems].map(text),
      };
    },
  );
}
