/**
 * The query of the dashboard's cycle list (filters, sort, page), as one zod schema that the page, the JSON API
 * and the export share. Values may come typed (from code) or as the strings of a URL's query; an empty string
 * is "no filter". Each issue's message is a catalogue key (`dashboard.query.*`); {@link listQueryErrors} turns
 * the issues into catalogue messages with their parameters.
 */
import { z } from 'zod';
import { CYCLE_YEARS } from '../cycle/years';
import { CYCLE_PHASES, OBLIGATION_IDS, OBLIGATION_STATUS_TO_DB, type ObligationStatus } from '../cycle/types';
import type { Message, MessageKey } from '../messages';

/** The statuses a filter may ask for, as the domain spells them (those of the one mapping to the database). */
export const LIST_STATUSES = Object.keys(OBLIGATION_STATUS_TO_DB) as [
  ObligationStatus,
  ...ObligationStatus[],
];

/** The columns the list sorts by. */
export const LIST_SORTS = [
  'pair',
  'phase',
  'deadline',
  'escalation',
  'waitingSince',
  'sponsor',
  'recipient',
] as const;

/** A column the list sorts by. */
export type ListSort = (typeof LIST_SORTS)[number];

/** Which of a unit's ratings a rating filter looks at: either (default), the proposal, or the final one. */
export const RATING_STAGES = ['any', 'proposed', 'final'] as const;

/** The largest page the list returns. */
export const MAX_PAGE_SIZE = 200;

/** The page size when none is asked for. */
export const DEFAULT_PAGE_SIZE = 50;

const CODE = /^[\p{L}\p{N}._-]{1,64}$/u;

// A URL gives strings; an empty field of a form means "no filter".
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;

const integer = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      const value = blankToUndefined(v);
      return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    },
    z
      .number({ error: 'dashboard.query.integer' })
      .int({ error: 'dashboard.query.integer' })
      .min(min, { error: 'dashboard.query.integer' })
      .max(max, { error: 'dashboard.query.integer' })
      .optional(),
  );

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: 'dashboard.query.choice' }).optional());

const code = z.preprocess(
  blankToUndefined,
  z.string({ error: 'dashboard.query.code' }).regex(CODE, { error: 'dashboard.query.code' }).optional(),
);

const boolean = z.preprocess(
  (v) => {
    const value = blankToUndefined(v);
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  },
  z.boolean({ error: 'dashboard.query.boolean' }).optional(),
);

/** The schema of a list query (strict: an unknown parameter is refused, so a typo never silently shows all). */
export const cycleListQuerySchema = z
  .strictObject({
    year: integer(CYCLE_YEARS.min, CYCLE_YEARS.max),
    phase: choice(CYCLE_PHASES),
    /** Sponsor unit code. */
    sponsor: code,
    /** Recipient unit code. */
    recipient: code,
    /** A mountain district's code: pairs whose recipient is the district or one of its communes. */
    district: code,
    obligation: choice(OBLIGATION_IDS),
    /** Status of `obligation`; alone, of any obligation. */
    status: choice(LIST_STATUSES),
    overdue: boolean,
    escalation: integer(0, 2),
    /** A rating level id (`TOT`…) of either unit of the pair. */
    rating: code,
    ratingStage: choice(RATING_STAGES),
    sort: choice(LIST_SORTS),
    dir: choice(['asc', 'desc'] as const),
    page: integer(1, 1_000_000),
    pageSize: integer(1, MAX_PAGE_SIZE),
  })
  .superRefine((q, ctx) => {
    if (q.obligation !== undefined && q.status === undefined) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'dashboard.query.obligationNeedsStatus' });
    }
  })
  .transform((q) => ({
    ...q,
    ratingStage: q.ratingStage ?? 'any',
    sort: q.sort ?? 'pair',
    dir: q.dir ?? 'asc',
    page: q.page ?? 1,
    pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE,
  }));

/** A validated list query, with the defaults filled in. */
export type CycleListQuery = z.output<typeof cycleListQuerySchema>;

/** A list query as a caller writes it (every field optional; strings from a URL accepted). */
export type CycleListQueryInput = z.input<typeof cycleListQuerySchema>;

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  phase: CYCLE_PHASES,
  obligation: OBLIGATION_IDS,
  status: LIST_STATUSES,
  ratingStage: RATING_STAGES,
  sort: LIST_SORTS,
  dir: ['asc', 'desc'],
};

const RANGES: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
  year: CYCLE_YEARS,
  escalation: { min: 0, max: 2 },
  page: { min: 1, max: 1_000_000 },
  pageSize: { min: 1, max: MAX_PAGE_SIZE },
};

const KEYS: ReadonlySet<string> = new Set<MessageKey>([
  'dashboard.query.choice',
  'dashboard.query.integer',
  'dashboard.query.boolean',
  'dashboard.query.code',
]);

function shown(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : (JSON.stringify(value) ?? '');
}

/** The catalogue messages of a failed parse of `input`, one per issue, in the schema's field order. */
export function listQueryErrors(error: z.ZodError, input: unknown): Message[] {
  const values = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return error.issues.map((issue): Message => {
    if (issue.code === 'unrecognized_keys') {
      return { key: 'dashboard.query.unknownField', params: { field: issue.keys.join(', ') } };
    }
    const field = issue.path.map(String).join('.');
    if (issue.message === 'dashboard.query.obligationNeedsStatus') {
      return { key: issue.message, params: { obligation: shown(values.obligation) } };
    }
    if (!KEYS.has(issue.message)) return { key: 'dashboard.query.invalid', params: { field } };
    const key = issue.message as MessageKey;
    const value = shown(values[field]);
    const range = RANGES[field];
    return {
      key,
      params: {
        field,
        value,
        ...(ALLOWED[field] ? { allowed: ALLOWED[field].join(', ') } : {}),
        ...(range ? { min: range.min, max: range.max } : {}),
      },
    };
  });
}

/** The outcome of {@link parseCycleListQuery}. */
export type ListQueryResult =
  | { readonly ok: true; readonly query: CycleListQuery }
  | { readonly ok: false; readonly errors: readonly Message[] };

/** Validates a list query (typed values or a URL's strings). */
export function parseCycleListQuery(input: unknown): ListQueryResult {
  const result = cycleListQuerySchema.safeParse(input ?? {});
  return result.success
    ? { ok: true, query: result.data }
    : { ok: false, errors: listQueryErrors(result.error, input) };
}
