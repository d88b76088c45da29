/**
 * The scenario file of `twinning simulate` (README, "Simulation"): its schema, reading it with every problem
 * named from the message catalogue, the request each event sends to its cycle, and the timeline line type.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import { POLICIES, toInstant } from '../domain/calendar';
import { OBLIGATION_IDS, type ObligationId } from '../domain/cycle/types';
import { CYCLE_YEARS } from '../domain/cycle/years';
import { bilingual, type MessageKey } from '../domain/messages';
import type { Side } from '../domain/cycle/types';
import { scanJson } from '../domain/text';
import type { RateUnitRequest } from '../machines/unit-evaluation';
import {
  dissolveUpdate,
  endPeriodUpdate,
  extendUpdate,
  progressUpdate,
  resendUpdate,
  submitUpdate,
  waiveUpdate,
} from '../workflows/twinning-cycle';

/** What a scenario event may do, one per kind of submission or administrator action. */
/** The actions a scenario event may take (the README's table describes each one's `data`). */
export const SCENARIO_ACTIONS = [
  'plan',
  'needs-proposal',
  'sign',
  'progress',
  'sponsor-report',
  'recipient-report',
  'extend',
  'waive',
  'resend',
  'dissolve',
  'end-period',
  'rating',
] as const;

/** Who acts in an event. */
const ACTORS = ['sponsor', 'recipient', 'admin'] as const;

// Each schema's error is a catalogue key (params are looked up in `problemsOf`), so zod does the walking and
// the catalogue does the wording, as in domain/roster/rows.ts.
type ProblemKey = Extract<MessageKey, `simulate.invalid.${string}`>;
const problem = (key: ProblemKey): { error: ProblemKey } => ({ error: key });

/** Whether a text is an ISO instant with its offset on a real calendar day. */
function isInstant(value: string): boolean {
  try {
    toInstant(value);
    return true;
  } catch {
    return false;
  }
}

const instant = z
  .string(problem('simulate.invalid.instant'))
  .refine(isInstant, problem('simulate.invalid.instant'));

const eventSchema = z.strictObject(
  {
    at: instant,
    pair: z.string(problem('simulate.invalid.pair')).min(1, problem('simulate.invalid.pair')),
    as: z.enum(ACTORS, problem('simulate.invalid.choice')),
    action: z.enum(SCENARIO_ACTIONS, problem('simulate.invalid.choice')),
    data: z.record(z.string(), z.unknown(), problem('simulate.invalid.object')).default({}),
  },
  problem('simulate.invalid.object'),
);

/** The scenario file's format (see README, "Simulation"). */
const scenarioSchema = z.strictObject(
  {
    year: z
      .number(problem('simulate.invalid.year'))
      .int(problem('simulate.invalid.year'))
      .min(CYCLE_YEARS.min, problem('simulate.invalid.year'))
      .max(CYCLE_YEARS.max, problem('simulate.invalid.year')),
    roster: z.string(problem('simulate.invalid.roster')).min(1, problem('simulate.invalid.roster')),
    policy: z.enum(POLICIES, problem('simulate.invalid.choice')).default('roll-forward'),
    /** Business time at which the year's cycles open (default 00:05 local on 1 January). */
    start: instant.optional(),
    /** Business time the simulation runs to (default 1 February of the next year, after O7 escalations). */
    until: instant.optional(),
    events: z.array(eventSchema, problem('simulate.invalid.list')).default([]),
  },
  problem('simulate.invalid.root'),
);

/** A parsed scenario. */
export type Scenario = z.output<typeof scenarioSchema>;
/** One scenario event. */
export type ScenarioEvent = Scenario['events'][number];

/** One line of the timeline (the `--json` shape). */
export interface TimelineLine {
  readonly at: string;
  readonly pair: string;
  readonly kind: string;
  readonly obligation: string | null;
  readonly level: number | null;
  readonly to: readonly string[];
  readonly detail: string;
}

/** Thrown for a scenario an official must fix; the message lists every problem. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** The allowed values of each field that is a choice, by the field's own name. */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  policy: POLICIES,
  as: ACTORS,
  action: SCENARIO_ACTIONS,
};

function isProblemKey(message: string): message is ProblemKey {
  return Object.prototype.hasOwnProperty.call(problemParams, message);
}

// Params of each problem besides the field; a key missing here is not a problem key.
const problemParams: Readonly<Record<ProblemKey, (field: string) => Record<string, string | number>>> = {
  'simulate.invalid.root': () => ({}),
  'simulate.invalid.required': () => ({}),
  'simulate.invalid.unknownField': () => ({}),
  'simulate.invalid.year': () => CYCLE_YEARS,
  'simulate.invalid.roster': () => ({}),
  'simulate.invalid.choice': (field) => ({
    allowed: (CHOICES[field.split('.').pop() ?? ''] ?? []).join(', '),
  }),
  'simulate.invalid.instant': () => ({}),
  'simulate.invalid.pair': () => ({}),
  'simulate.invalid.list': () => ({}),
  'simulate.invalid.object': () => ({}),
  'simulate.invalid.unstorable': () => ({}),
  'simulate.invalid.value': () => ({}),
};

/**
 * The fields of a parsed JSON document (keys or values) holding text PostgreSQL cannot store as written: nothing of
 * a scenario may, so the file is refused before anything runs rather than an event failing in the sandbox.
 */
function unstorableFields(json: unknown): string[] {
  return scanJson(json)
    .unstorable.map(({ path }) => path || '(root)')
    .sort();
}

/** The lines, in both languages, that one zod issue of a scenario (parsed with `reportInput`) stands for. */
function problemsOf(issue: z.core.$ZodIssue): string[] {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      bilingual('simulate.invalid.unknownField', { field: field ? `${field}.${key}` : key }),
    );
  }
  if (issue.path.length === 0) return [bilingual('simulate.invalid.root')];
  // The input the issue reports tells a missing field from a wrong one.
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [bilingual('simulate.invalid.required', { field })];
  }
  // Every schema above names its problem; the generic one is only a safety net.
  const key = isProblemKey(issue.message) ? issue.message : 'simulate.invalid.value';
  return [bilingual(key, { field, ...problemParams[key](field) })];
}

/** Reads and validates a scenario file; the roster path is resolved beside it. */
export async function readScenario(file: string): Promise<{ scenario: Scenario; rosterPath: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new ScenarioError(bilingual('simulate.unreadable', { file, detail: (error as Error).message }));
  }
  const parsed = scenarioSchema.safeParse(json, { reportInput: true });
  const unstorable = unstorableFields(json).map((field) =>
    bilingual('simulate.invalid.unstorable', { field }),
  );
  if (!parsed.success || unstorable.length > 0) {
    const lines = [...(parsed.success ? [] : parsed.error.issues.flatMap(problemsOf)), ...unstorable];
    throw new ScenarioError(
      [`${bilingual('simulate.invalid', { file })}:`, ...lines.map((line) => `  ${line}`)].join('\n'),
    );
  }
  return { scenario: parsed.data, rosterPath: path.resolve(path.dirname(file), parsed.data.roster) };
}

/**
 * What an event sends: an Update of its pair's cycle (its name in `CYCLE_MESSAGES` and its request), or the final
 * ratings of the pair's units (each unit is rated once, by its own evaluation).
 */
export type ScenarioRequest =
  | { readonly update: CycleUpdateName; readonly args: [unknown] }
  | { readonly rateUnits: ReadonlyArray<{ readonly side: Side; readonly request: RateUnitRequest }> };

/** The cycle Updates a scenario may send. */
export type CycleUpdateName =
  | 'submit'
  | 'progress'
  | 'extend'
  | 'waive'
  | 'resend'
  | 'dissolve'
  | 'endPeriod';

/** A request for `update`, its argument checked against the Update's definition. */
function request<R, A>(update: UpdateDefinition<R, [A]>, arg: NoInfer<A>): ScenarioRequest {
  return { update: update.name as CycleUpdateName, args: [arg] };
}

const OBLIGATION_OF_ACTION = {
  plan: 'O1',
  'needs-proposal': 'O2',
  sign: 'O3',
  'sponsor-report': 'O5',
  'recipient-report': 'O6',
} as const;

const obligationField = z.object({ obligation: z.enum(OBLIGATION_IDS) });

/** The `obligation` of an admin event's data; a missing or unknown one is a scenario error. */
function obligationOf(event: ScenarioEvent): ObligationId {
  const parsed = obligationField.safeParse(event.data);
  if (!parsed.success) {
    throw new ScenarioError(bilingual('simulate.event.obligationRequired', { action: event.action }));
  }
  return parsed.data.obligation;
}

/** A text field of an event's data, passed on as is: the workflow's validator judges it. */
function text(event: ScenarioEvent, name: string): string {
  const value = event.data[name];
  return typeof value === 'string' ? value : value === undefined ? '' : String(value as string | number);
}

function optionalText(event: ScenarioEvent, name: string): { [key: string]: string } {
  const value = event.data[name];
  return typeof value === 'string' ? { [name]: value } : {};
}

/**
 * The request an event sends to its pair's cycle: the one place that knows which Update each action is.
 * Throws {@link ScenarioError} for an event that cannot be sent at all (the simulator records it as refused).
 */
export function requestOf(event: ScenarioEvent): ScenarioRequest {
  const actor = `simulate:${event.as}`;
  switch (event.action) {
    case 'plan':
    case 'needs-proposal':
    case 'sign':
    case 'sponsor-report':
    case 'recipient-report':
      if (event.as === 'admin') {
        throw new ScenarioError(bilingual('simulate.event.notByAdmin', { action: event.action }));
      }
      return request(submitUpdate, {
        obligation: OBLIGATION_OF_ACTION[event.action],
        side: event.as,
        actor,
        data: event.data,
      });
    case 'progress':
      if (event.as === 'admin') {
        throw new ScenarioError(bilingual('simulate.event.notByAdmin', { action: event.action }));
      }
      return request(progressUpdate, { side: event.as, actor, data: event.data });
    case 'extend':
      return request(extendUpdate, {
        actor,
        obligation: obligationOf(event),
        newDate: text(event, 'newDate'),
        reason: text(event, 'reason'),
        ...optionalText(event, 'decisionNumber'),
      });
    case 'waive':
      return request(waiveUpdate, { actor, obligation: obligationOf(event), reason: text(event, 'reason') });
    case 'resend':
      return request(resendUpdate, { actor, obligation: obligationOf(event) });
    case 'dissolve':
      return request(dissolveUpdate, {
        actor,
        reason: text(event, 'reason'),
        ...optionalText(event, 'successorPairCode'),
      });
    case 'end-period':
      return request(endPeriodUpdate, {
        actor,
        lastDay: text(event, 'lastDay'),
        reason: text(event, 'reason'),
        ...optionalText(event, 'successorPairCode'),
        ...optionalText(event, 'decisionNumber'),
      });
    case 'rating': {
      // The pair's units are rated as units: each rating given goes to that unit's evaluation.
      const common = { actor, ...optionalText(event, 'reason'), ...optionalText(event, 'decisionNumber') };
      const rateUnits = (['sponsor', 'recipient'] as const).flatMap((side) => {
        const rating = event.data[`${side}Rating`];
        return typeof rating === 'string' ? [{ side, request: { ...common, rating } }] : [];
      });
      return { rateUnits };
    }
  }
}
