/**
 * The numeric targets of a sponsor for one year, from its kind, its staff count (biên chế) of that year and the
 * recipients it is twinned with. Pure.
 */
import type { EvaluationSettings, SponsorKind } from './settings';

/** A recipient the sponsor is twinned with in the year (a commune, or a mountain district). */
export interface TwinnedRecipient {
  readonly code: string;
  readonly kind: 'COMMUNE' | 'MOUNTAIN_DISTRICT';
  /**
   * The communes the pair covers: a commune covers itself; a mountain district the communes named on the pair,
   * or by default every commune under the district. Models are required in each of them.
   */
  readonly communes: readonly string[];
}

/** What {@link sponsorTargets} needs. */
export interface SponsorTargetInput {
  readonly kind: SponsorKind;
  /** Staff count used for the households rule, or `null` when none is recorded. */
  readonly staff: number | null;
  /** The recipients of the sponsor's active pairs in the year (each counted once). */
  readonly recipients: readonly TwinnedRecipient[];
}

/** A sponsor's targets for the year; `null` means "no such target" (or, for households, not computable). */
export interface SponsorTargets {
  readonly households: number | null;
  /** `true` when the kind has a per-staff households rule but no staff count is known. */
  readonly missingStaff: boolean;
  readonly amountDong: bigint | null;
  /** Models required in each twinned commune. */
  readonly modelsPerRecipient: number | null;
  /** The communes the models target applies to (codes, sorted, without duplicates). */
  readonly recipients: readonly string[];
  /** Models required in total: per commune × number of communes. */
  readonly modelsTotal: number | null;
  readonly studyTours: number | null;
}

/**
 * The households rule `ceil(staff × households / per)` in integers (25 staff, 2 per 10 → 5; 26 → 6), so no
 * floating-point rounding can move a boundary.
 */
export function householdsForStaff(staff: number, households: number, per: number): number {
  if (!Number.isInteger(staff) || staff < 0) throw new RangeError(`Not a staff count: ${staff}`);
  return Math.floor((staff * households + per - 1) / per);
}

/** The targets of a sponsor of `input.kind` for the year, under `settings`. */
export function sponsorTargets(input: SponsorTargetInput, settings: EvaluationSettings): SponsorTargets {
  const rules = settings.targets[input.kind];
  let households: number | null = null;
  let missingStaff = false;
  if (rules.households?.rule === 'fixed') households = rules.households.count;
  else if (rules.households?.rule === 'perStaff') {
    if (input.staff === null) missingStaff = true;
    else households = householdsForStaff(input.staff, rules.households.households, rules.households.staff);
  }
  // A district whose communes are not known counts as one place, so its target never silently vanishes.
  const recipients = [
    ...new Set(input.recipients.flatMap((r) => (r.communes.length > 0 ? r.communes : [r.code]))),
  ].sort();
  const modelsPerRecipient = rules.modelsPerRecipient;
  return {
    households,
    missingStaff,
    amountDong: rules.amountDong === null ? null : BigInt(rules.amountDong),
    modelsPerRecipient,
    recipients,
    modelsTotal: modelsPerRecipient === null ? null : modelsPerRecipient * recipients.length,
    studyTours: rules.studyTours,
  };
}
