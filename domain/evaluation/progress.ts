/**
 * Aggregation of progress entries (O4). A correction is a new entry that supersedes an earlier one
 * (`supersedesId`); the superseded entry stops counting but stays in the record. Entries are summed per pair,
 * per category, per recipient and per commune. Pure.
 */

/** Support categories (docs/domain.md, "Numeric targets by kind of sponsor"). */
export const SUPPORT_CATEGORIES = [
  'SOCIO_ECONOMIC',
  'POLITICAL_SYSTEM',
  'PROPAGANDA',
  'SOCIAL_SECURITY',
  'OTHER',
] as const;

/** A support category. */
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

/** One progress entry as the evaluation reads it (no personal data: beneficiaries are not needed). */
export interface ProgressEntryInput {
  readonly id: string;
  readonly pairCode: string;
  /** The pair's recipient; entries without a commune are attributed to it. */
  readonly recipientCode: string;
  readonly submittedBy: string;
  /** ISO instant. */
  readonly submittedAt: string;
  readonly category: SupportCategory;
  readonly households: number;
  readonly amountDong: bigint;
  readonly modelsBuilt: number;
  readonly modelsReplicated: number;
  readonly studyTours: number;
  /** The commune where the work was done, when the recipient is a district (or to be explicit). */
  readonly communeCode?: string | null;
  /** The entry this one corrects. */
  readonly supersedesId?: string | null;
}

/** Sums of a set of entries. */
export interface ProgressTotals {
  readonly entries: number;
  readonly households: number;
  readonly amountDong: bigint;
  readonly modelsBuilt: number;
  readonly modelsReplicated: number;
  /** Models built plus models replicated: what the models target counts. */
  readonly models: number;
  readonly studyTours: number;
}

/** The effective entries and the aggregates. */
export interface ProgressAggregate {
  readonly total: ProgressTotals;
  readonly byPair: Readonly<Record<string, ProgressTotals>>;
  readonly byCategory: Readonly<Record<SupportCategory, ProgressTotals>>;
  /** Per recipient of the pair (what the per-recipient models target measures). */
  readonly byRecipient: Readonly<Record<string, ProgressTotals>>;
  /** Per commune: `communeCode`, or the pair's recipient when the entry names none. */
  readonly byCommune: Readonly<Record<string, ProgressTotals>>;
  /** Ids of the entries that count. */
  readonly effectiveIds: readonly string[];
  /** Ids of entries replaced by a correction. */
  readonly supersededIds: readonly string[];
  /** Ids of corrections that were not applied (another person's entry, or another pair's). */
  readonly ignoredCorrectionIds: readonly string[];
}

/** The totals of no entry. */
export const EMPTY_TOTALS: ProgressTotals = Object.freeze({
  entries: 0,
  households: 0,
  amountDong: 0n,
  modelsBuilt: 0,
  modelsReplicated: 0,
  models: 0,
  studyTours: 0,
});

/** The sum of two totals. */
export function addTotals(a: ProgressTotals, b: ProgressTotals): ProgressTotals {
  return {
    entries: a.entries + b.entries,
    households: a.households + b.households,
    amountDong: a.amountDong + b.amountDong,
    modelsBuilt: a.modelsBuilt + b.modelsBuilt,
    modelsReplicated: a.modelsReplicated + b.modelsReplicated,
    models: a.models + b.models,
    studyTours: a.studyTours + b.studyTours,
  };
}

function totalsOf(e: ProgressEntryInput): ProgressTotals {
  return {
    entries: 1,
    households: e.households,
    amountDong: e.amountDong,
    modelsBuilt: e.modelsBuilt,
    modelsReplicated: e.modelsReplicated,
    models: e.modelsBuilt + e.modelsReplicated,
    studyTours: e.studyTours,
  };
}

/**
 * Which entries count. A correction supersedes the entry it names when it comes from the same person, in the
 * same pair, and not earlier: "corrections by the submitter are new entries that supersede". Any other
 * correction is listed in `ignoredCorrectionIds` and both entries count, so nobody can erase another person's
 * entry; the workflow's validator should have refused it anyway. Chains work: A ← B ← C leaves only C.
 */
export function effectiveEntries(entries: readonly ProgressEntryInput[]): {
  effective: ProgressEntryInput[];
  superseded: string[];
  ignored: string[];
} {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const superseded = new Set<string>();
  const ignored: string[] = [];
  for (const e of entries) {
    if (!e.supersedesId) continue;
    const target = byId.get(e.supersedesId);
    if (
      target &&
      target.id !== e.id &&
      target.submittedBy === e.submittedBy &&
      target.pairCode === e.pairCode &&
      Date.parse(target.submittedAt) <= Date.parse(e.submittedAt)
    ) {
      superseded.add(target.id);
    } else if (target) {
      ignored.push(e.id);
    }
    // A correction of an entry not in the set (another year, say) supersedes nothing here and counts itself.
  }
  return {
    effective: entries.filter((e) => !superseded.has(e.id)),
    superseded: [...superseded].sort(),
    ignored: ignored.sort(),
  };
}

function addTo(map: Map<string, ProgressTotals>, key: string, t: ProgressTotals): void {
  map.set(key, addTotals(map.get(key) ?? EMPTY_TOTALS, t));
}

/** Aggregates entries after applying corrections. */
export function aggregateProgress(entries: readonly ProgressEntryInput[]): ProgressAggregate {
  const { effective, superseded, ignored } = effectiveEntries(entries);
  let total = EMPTY_TOTALS;
  const byPair = new Map<string, ProgressTotals>();
  const byRecipient = new Map<string, ProgressTotals>();
  const byCommune = new Map<string, ProgressTotals>();
  const byCategory = new Map<string, ProgressTotals>(SUPPORT_CATEGORIES.map((c) => [c, EMPTY_TOTALS]));
  for (const e of effective) {
    const t = totalsOf(e);
    total = addTotals(total, t);
    addTo(byPair, e.pairCode, t);
    addTo(byRecipient, e.recipientCode, t);
    addTo(byCommune, e.communeCode || e.recipientCode, t);
    addTo(byCategory, e.category, t);
  }
  return {
    total,
    byPair: Object.fromEntries(byPair),
    byCategory: Object.fromEntries(byCategory) as Record<SupportCategory, ProgressTotals>,
    byRecipient: Object.fromEntries(byRecipient),
    byCommune: Object.fromEntries(byCommune),
    effectiveIds: effective.map((e) => e.id),
    supersededIds: superseded,
    ignoredCorrectionIds: ignored,
  };
}
