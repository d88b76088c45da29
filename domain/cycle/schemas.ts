/**
 * zod schemas of every submission and administrator payload of a cycle, and {@link validatePayload}, which
 * turns the first problem into a catalogue message. Pure and synchronous: usable from a Temporal update
 * validator. Each constraint's error is a message key of `domain/messages/cycle.ts`.
 */
import { z } from 'zod';
import { SUPPORT_CATEGORIES } from '../evaluation/progress';
import { lazily } from '../lazy';
import { unstorableText } from '../text';
import type { CycleMessageKey, CycleRefusal } from './check';

const LONG_TEXT = 5000;
const REASON = 2000;
const NAME = 200;
const CODE = 64;
const LIST = 500;

/**
 * Refuses text PostgreSQL cannot store as written (a NUL, a lone surrogate): an Update carrying it would be
 * accepted into history and then fail the activity that writes it, over and over.
 */
export function storable(value: string, ctx: z.core.$RefinementCtx<string>): void {
  const why = unstorableText(value);
  if (why !== null)
    ctx.addIssue({
      code: 'custom',
      message: why === 'nul' ? 'cycle.invalid.nul' : 'cycle.invalid.surrogate',
    });
}

function text(max: number) {
  return z
    .string({ error: 'cycle.invalid.type' })
    .trim()
    .min(1, { error: 'cycle.invalid.empty' })
    .max(max, { error: 'cycle.invalid.tooLong' })
    .superRefine(storable);
}

/** The largest amount one entry may carry: 10^15 đồng (a million billion), far beyond any real support. */
export const MAX_AMOUNT_DONG = 10n ** 15n;

/**
 * Every payload schema by its kind, built on first use (`domain/lazy.ts`: a workflow that never validates a
 * payload never builds them).
 */
export const payloadSchemas = lazily(() => {
  /**
   * A real calendar date written yyyy-mm-dd. Checked by hand rather than with `z.iso.date()`, whose regular
   * expression refuses valid dates inside the Temporal workflow sandbox.
   */
  const isoDate = z.string({ error: 'cycle.invalid.date' }).refine(
    (value) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return false;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    },
    { error: 'cycle.invalid.date' },
  );

  /** A whole number ≥ 0 (JSON number within the safe-integer range). */
  const count = z
    .number({ error: 'cycle.invalid.nonNegativeInteger' })
    .int({ error: 'cycle.invalid.nonNegativeInteger' })
    .min(0, { error: 'cycle.invalid.nonNegativeInteger' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'cycle.invalid.nonNegativeInteger' });

  /**
   * An amount in đồng: a non-negative whole number up to {@link MAX_AMOUNT_DONG}, given as a JSON number
   * (safe-integer range) or as a string of digits. Always returned as a canonical decimal string (no leading
   * zeros), so it stays exact and JSON-serialisable; use `BigInt(value)` to compute with it.
   */
  const amountDong = z
    .custom<
      number | string
    >((v) => ((typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && /^\d{1,30}$/.test(v))) && BigInt(v) <= MAX_AMOUNT_DONG, { error: 'cycle.invalid.amountDong' })
    .transform((v) => BigInt(v).toString());

  const category = z.enum(SUPPORT_CATEGORIES, { error: 'cycle.invalid.choice' });
  const code = z
    .string({ error: 'cycle.invalid.type' })
    .regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'cycle.invalid.value' })
    .max(CODE, { error: 'cycle.invalid.tooLong' });

  /** O2: the needs proposal. */
  const needsProposalSchema = z.strictObject({
    summary: text(LONG_TEXT),
    items: z
      .array(
        z.strictObject({
          category,
          description: text(LONG_TEXT).optional(),
          estimatedAmountDong: amountDong,
        }),
        { error: 'cycle.invalid.type' },
      )
      .max(LIST, { error: 'cycle.invalid.tooMany' })
      .optional(),
  });

  /** O1: the implementation plan and the monitoring assignment. */
  const implementationPlanSchema = z.strictObject({
    summary: text(LONG_TEXT),
    monitoringAssignment: text(LONG_TEXT),
  });

  /** O3: one side's signature of the programme. */
  const signatureSchema = z.strictObject({
    signedOn: isoDate,
    signatoryName: text(NAME),
  });

  /**
   * O4: one progress entry. `beneficiaries` are names of poor households: personal data, to be kept out of logs
   * and workflow payloads in clear (the payload codec encrypts them).
   */
  const progressEntrySchema = z.strictObject({
    category,
    households: count,
    amountDong,
    modelsBuilt: count,
    modelsReplicated: count,
    studyTours: count,
    communeCode: code.optional(),
    description: text(LONG_TEXT),
    beneficiaries: z
      .array(text(NAME), { error: 'cycle.invalid.type' })
      .max(LIST, { error: 'cycle.invalid.tooMany' })
      .optional(),
    supersedes: code.optional(),
  });

  /** O5 / O6: a year-end report with the assessment of the other side. */
  const yearEndReportSchema = z.strictObject({
    summary: text(LONG_TEXT),
    assessment: text(LONG_TEXT),
  });

  /** Administrator: extend a deadline. */
  const extendSchema = z.strictObject({
    newDate: isoDate,
    reason: text(REASON),
    decisionNumber: text(NAME).optional(),
  });

  /** Administrator: waive an obligation. */
  const waiveSchema = z.strictObject({ reason: text(REASON) });

  /** Administrator: dissolve the pair, or re-pair it into a successor when units merge. */
  const dissolveSchema = z.strictObject({
    reason: text(REASON),
    successorPairCode: code.optional(),
  });

  /** Administrator: end the pair's period on a given day (units merged), optionally re-paired. */
  const endPeriodSchema = z.strictObject({
    lastDay: isoDate,
    reason: text(REASON),
    successorPairCode: code.optional(),
    decisionNumber: text(NAME).optional(),
  });

  /** Administrator: positive factors of a unit (an empty text clears them). */
  const positiveFactorsSchema = z.strictObject({
    text: z
      .string({ error: 'cycle.invalid.type' })
      .trim()
      .max(REASON, { error: 'cycle.invalid.tooLong' })
      .superRefine(storable),
  });

  /** Administrator: the final rating of one unit (the scale is configuration, so the rating is a string). */
  const unitRatingSchema = z.strictObject({
    rating: text(NAME),
    reason: text(REASON).optional(),
    decisionNumber: text(NAME).optional(),
  });

  /** Administrator: the final rating of both units (the scale is configuration, so ratings are strings). */
  const ratingSchema = z.strictObject({
    sponsorRating: text(NAME),
    recipientRating: text(NAME),
    reason: text(REASON).optional(),
    decisionNumber: text(NAME).optional(),
  });

  /** Every payload schema by its kind. */
  const PAYLOAD_SCHEMAS = {
    needsProposal: needsProposalSchema,
    implementationPlan: implementationPlanSchema,
    signature: signatureSchema,
    progressEntry: progressEntrySchema,
    yearEndReport: yearEndReportSchema,
    extend: extendSchema,
    waive: waiveSchema,
    dissolve: dissolveSchema,
    endPeriod: endPeriodSchema,
    rating: ratingSchema,
    unitRating: unitRatingSchema,
    positiveFactors: positiveFactorsSchema,
  } as const;
  return PAYLOAD_SCHEMAS;
});

/** A payload kind. */
export type PayloadKind = keyof ReturnType<typeof payloadSchemas>;

/** The validated (normalised) payload of a kind. */
export type Payload<K extends PayloadKind> = z.output<ReturnType<typeof payloadSchemas>[K]>;

/** The payload schema each submittable obligation takes. */
export const OBLIGATION_PAYLOAD = {
  O1: 'implementationPlan',
  O2: 'needsProposal',
  O3: 'signature',
  O5: 'yearEndReport',
  O6: 'yearEndReport',
} as const satisfies Record<string, PayloadKind>;

/** The outcome of a validation: the normalised payload, or the first problem as a message. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: CycleRefusal };

const KEYS: ReadonlySet<string> = new Set<CycleMessageKey>([
  'cycle.invalid.type',
  'cycle.invalid.empty',
  'cycle.invalid.tooLong',
  'cycle.invalid.date',
  'cycle.invalid.nonNegativeInteger',
  'cycle.invalid.amountDong',
  'cycle.invalid.choice',
  'cycle.invalid.tooMany',
  'cycle.invalid.value',
  'cycle.invalid.nul',
  'cycle.invalid.surrogate',
]);

function valueAt(payload: unknown, path: readonly PropertyKey[]): unknown {
  let value = payload;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

function refusalOf(issue: z.core.$ZodIssue, payload: unknown): CycleRefusal {
  const field = issue.path.map(String).join('.') || '(payload)';
  if (issue.code === 'unrecognized_keys') {
    return { key: 'cycle.invalid.unknownField', params: { field: issue.keys.join(', ') } };
  }
  // zod does not report the input by default: look the value up to tell a missing field from a wrong one.
  if (issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(payload, issue.path) === undefined) {
    return { key: 'cycle.invalid.required', params: { field } };
  }
  const key = KEYS.has(issue.message) ? (issue.message as CycleMessageKey) : 'cycle.invalid.value';
  const params: Record<string, string | number> = { field };
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') params.max = issue.maximum;
  return { key, params };
}

/**
 * `schema.safeParse(value)`, or `undefined` when zod itself throws. It can: a length check runs even after the
 * type check failed, and reading the `length` of an object without a prototype (which no JSON gives, but an
 * in-process caller can) throws a TypeError. Such a value is no payload of any kind.
 */
export function safeParsed<T extends z.ZodType>(
  schema: T,
  value: unknown,
): ReturnType<T['safeParse']> | undefined {
  try {
    return schema.safeParse(value) as ReturnType<T['safeParse']>;
  } catch {
    return undefined;
  }
}

/** Validates a payload of a kind; the first problem comes back as a bilingual catalogue message. */
export function validatePayload<K extends PayloadKind>(
  kind: K,
  payload: unknown,
): ValidationResult<Payload<K>> {
  const result = safeParsed(payloadSchemas()[kind], payload);
  if (result === undefined)
    return { ok: false, message: { key: 'cycle.invalid.type', params: { field: '(payload)' } } };
  if (result.success) return { ok: true, value: result.data as Payload<K> };
  const first = result.error.issues[0];
  return {
    ok: false,
    message:
      first === undefined
        ? { key: 'cycle.invalid.value', params: { field: '(payload)' } }
        : refusalOf(first, payload),
  };
}
