/**
 * Per-year evaluation settings: the numeric targets of each sponsor kind, the obligations each side is rated on,
 * the weights of the score and the rating scale. Stored as overrides in `YearSettings.settings.evaluation`
 * (see docs/evaluation.md); the defaults are those of the provincial plan (docs/domain.md). Pure.
 */
import { z } from 'zod';
import { OBLIGATION_IDS } from '../cycle/types';
import { lazily } from '../lazy';

/** The key of `YearSettings.settings` that holds the evaluation overrides (the calendar ignores it). */
const EVALUATION_SETTINGS_KEY = 'evaluation';

/** The measured targets, in display order. `obligations` is the on-time record of the side's obligations. */
export const TARGET_IDS = ['households', 'amount', 'models', 'studyTours', 'obligations'] as const;

/** One measured target. */
export type TargetId = (typeof TARGET_IDS)[number];

/** The sponsor kinds that have numeric targets. */
const SPONSOR_TARGET_KINDS = ['DEPARTMENT', 'LOWLAND_DISTRICT', 'LOWLAND_COMMUNE'] as const;

/** A sponsor kind. */
export type SponsorKind = (typeof SPONSOR_TARGET_KINDS)[number];

/** Whether a unit kind is a sponsor kind with numeric targets. */
export function isSponsorTargetKind(kind: string): kind is SponsorKind {
  return (SPONSOR_TARGET_KINDS as readonly string[]).includes(kind);
}

/**
 * The zod schemas of a year's complete evaluation settings and of its rating scale and levels, built on first
 * use (`domain/lazy.ts`).
 */
export const evaluationSettingsSchemas = lazily(() => {
  const count = z.number().int().min(0).max(1_000_000);
  const positive = z.number().int().min(1).max(1_000_000);

  /**
   * Money in whole đồng: a JSON number (safe integer) or a string of digits. Kept as a decimal string so JSON
   * round-trips it exactly; computations use `BigInt`.
   */
  const dong = z
    .union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/)])
    .transform((v) => BigInt(v).toString());

  /** How the households target is set: per staff (departments) or a fixed number (lowland districts). */
  const HouseholdsRule = z.discriminatedUnion('rule', [
    z.strictObject({
      rule: z.literal('perStaff'),
      /** `households` households for every `staff` staff, rounded up: ceil(staff × households / staff). */
      households: count,
      staff: positive,
    }),
    z.strictObject({ rule: z.literal('fixed'), count }),
  ]);

  /** The targets of one sponsor kind; `null` means the kind has no such target. */
  const KindTargets = z.strictObject({
    households: HouseholdsRule.nullable(),
    /** Support in đồng for the year (whole sponsor, all its twinned recipients together). */
    amountDong: dong.nullable(),
    /** Models built or replicated, required in EACH twinned recipient (commune, or district if paired with one). */
    modelsPerRecipient: count.nullable(),
    /** Study tours organised in the year (whole sponsor). */
    studyTours: count.nullable(),
  });

  /** The zod schema of one rating level. */
  const RatingLevelSchema = z.strictObject({
    /** Stable code stored in `Evaluation.proposedRating` / `finalRating` (e.g. `TOT`). */
    id: z.string().regex(/^[A-Z0-9_]{1,32}$/),
    vi: z.string().min(1).max(200),
    en: z.string().min(1).max(200),
    /** The lowest overall score (0–100) for this level. */
    minScore: z.number().min(0).max(100),
    /** `allMet`: every target and obligation met; `excellent`: that plus positive factors or the margin. */
    requires: z.enum(['allMet', 'excellent']).optional(),
    /** Units proposed at this level are proposed for reward (khen thưởng) unless criticised. */
    reward: z.boolean().optional(),
  });

  /** The zod schema of the rating scale: levels from the best to the worst. */
  const RatingScaleSchema = z
    .strictObject({
      levels: z.array(RatingLevelSchema).min(2).max(10),
      /** Targets exceeded by this fraction (0.2 = every target ≥ 120 %) count as "excellent" without factors. */
      excellentMargin: z.number().min(0).max(10),
      /** A criticised unit is proposed at this level or lower (a level id), or `null` for no cap. */
      criticisedMaxLevel: z.string().nullable(),
    })
    .superRefine((scale, ctx) => {
      const ids = scale.levels.map((l) => l.id);
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({ code: 'custom', message: 'level ids must be unique' });
      for (let i = 1; i < scale.levels.length; i++) {
        if (scale.levels[i]!.minScore > scale.levels[i - 1]!.minScore) {
          ctx.addIssue({
            code: 'custom',
            message: 'levels go from the best to the worst: minScore must not increase',
            path: ['levels', i, 'minScore'],
          });
        }
      }
      if (scale.levels[scale.levels.length - 1]!.minScore !== 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'the last level must have minScore 0 so every score has a level',
          path: ['levels'],
        });
      }
      if (scale.criticisedMaxLevel !== null && !ids.includes(scale.criticisedMaxLevel)) {
        ctx.addIssue({
          code: 'custom',
          message: 'criticisedMaxLevel must be a level id',
          path: ['criticisedMaxLevel'],
        });
      }
    });

  const Weights = z.strictObject({
    households: z.number().min(0).max(100),
    amount: z.number().min(0).max(100),
    models: z.number().min(0).max(100),
    studyTours: z.number().min(0).max(100),
    obligations: z.number().min(0).max(100),
  });

  const ObligationList = z.array(z.enum(OBLIGATION_IDS)).max(7);

  /** A year's complete evaluation settings. */
  const settings = z.strictObject({
    targets: z.strictObject({
      DEPARTMENT: KindTargets,
      LOWLAND_DISTRICT: KindTargets,
      LOWLAND_COMMUNE: KindTargets,
    }),
    /** Obligations each side is rated on (on time / late / missed). */
    obligations: z.strictObject({ sponsor: ObligationList, recipient: ObligationList }),
    /** Credit of an obligation met late (on time = 1, missed = 0; waived and not applicable are left out). */
    lateCredit: z.number().min(0).max(1),
    /** Whether a late obligation counts as met for "all targets and obligations met" (default: only on time). */
    lateCountsAsMet: z.boolean(),
    /** Weight of each target in the overall score. */
    weights: Weights,
    rating: RatingScaleSchema,
  });
  return { settings, ratingScale: RatingScaleSchema, ratingLevel: RatingLevelSchema };
});

type Schemas = ReturnType<typeof evaluationSettingsSchemas>;

/** One level of the rating scale. */
export type RatingLevel = z.infer<Schemas['ratingLevel']>;

/** A rating scale. */
export type RatingScale = z.infer<Schemas['ratingScale']>;

/** A year's complete evaluation settings (after defaults). */
export type EvaluationSettings = z.infer<Schemas['settings']>;

/** The default five-level scale (see docs/evaluation.md for the reasoning behind the thresholds). */
export const DEFAULT_RATING_SCALE: RatingScale = {
  levels: [
    {
      id: 'HTXS',
      vi: 'Hoàn thành xuất sắc',
      en: 'Excellent',
      minScore: 100,
      requires: 'excellent',
      reward: true,
    },
    { id: 'TOT', vi: 'Tốt', en: 'Good', minScore: 100, requires: 'allMet' },
    { id: 'KHA', vi: 'Khá', en: 'Fair', minScore: 80 },
    { id: 'TB', vi: 'Trung bình', en: 'Average', minScore: 50 },
    { id: 'YEU', vi: 'Yếu', en: 'Weak', minScore: 0 },
  ],
  excellentMargin: 0.2,
  criticisedMaxLevel: null,
};

/** The four-level scale of Decree 335/2025 (≥ 90 / 70–89 / 50–69 / < 50 points), as an example override. */
export const DECREE_335_RATING_SCALE: RatingScale = {
  levels: [
    { id: 'XS', vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent', minScore: 90, reward: true },
    { id: 'TOT', vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good', minScore: 70 },
    { id: 'HT', vi: 'Hoàn thành nhiệm vụ', en: 'Completed', minScore: 50 },
    { id: 'KHT', vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed', minScore: 0 },
  ],
  excellentMargin: 0.2,
  criticisedMaxLevel: null,
};

/** The default settings of every year (docs/domain.md, "Numeric targets by kind of sponsor"). */
export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  targets: {
    DEPARTMENT: {
      households: { rule: 'perStaff', households: 2, staff: 10 },
      amountDong: null,
      modelsPerRecipient: 1,
      studyTours: 1,
    },
    LOWLAND_DISTRICT: {
      households: { rule: 'fixed', count: 10 },
      amountDong: '200000000',
      modelsPerRecipient: 2,
      studyTours: 1,
    },
    // No figure is published for lowland wards and communes (since 1 July 2025): an assumption, documented in
    // docs/evaluation.md, that they carry the lowland-district targets until the city sets its own.
    LOWLAND_COMMUNE: {
      households: { rule: 'fixed', count: 10 },
      amountDong: '200000000',
      modelsPerRecipient: 2,
      studyTours: 1,
    },
  },
  obligations: { sponsor: ['O3', 'O5'], recipient: ['O1', 'O2', 'O3', 'O6'] },
  lateCredit: 0.5,
  lateCountsAsMet: false,
  weights: { households: 1, amount: 1, models: 1, studyTours: 1, obligations: 1 },
  rating: DEFAULT_RATING_SCALE,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Objects merge key by key; arrays and scalars replace. `rating.levels` is an array, so a year that changes the
// scale gives the whole list, which is what a new scale means. A households rule is replaced whole, since its
// fields depend on its `rule`.
function deepMerge(base: unknown, override: unknown, path: string): unknown {
  if (!isPlainObject(base) || !isPlainObject(override) || path.endsWith('.households')) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    out[key] = key in base ? deepMerge(base[key], value, `${path}.${key}`) : value;
  }
  return out;
}

/**
 * The evaluation settings of a year: the defaults with `overrides` (the JSON of
 * `YearSettings.settings.evaluation`) merged over them. Throws `z.ZodError` on invalid or unknown keys.
 */
export function resolveEvaluationSettings(overrides: unknown = {}): EvaluationSettings {
  const merged = deepMerge(DEFAULT_EVALUATION_SETTINGS, overrides ?? {}, '');
  return evaluationSettingsSchemas().settings.parse(merged);
}

/** The evaluation overrides inside a whole `YearSettings.settings` JSON value (`{}` when absent). */
export function evaluationOverridesOf(settingsJson: unknown): unknown {
  return isPlainObject(settingsJson) ? (settingsJson[EVALUATION_SETTINGS_KEY] ?? {}) : {};
}

/**
 * The level a person typed: its id or its Vietnamese or English label, ignoring case, surrounding spaces and
 * Unicode composition (a label typed with combining accents still matches). `undefined` if none matches.
 */
export function findLevel<L extends Pick<RatingLevel, 'id' | 'vi' | 'en'>>(
  scale: { readonly levels: readonly L[] },
  text: string,
): L | undefined {
  const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');
  const wanted = norm(text);
  return scale.levels.find((l) => norm(l.id) === wanted || norm(l.vi) === wanted || norm(l.en) === wanted);
}
