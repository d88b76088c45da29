/**
 * The rating proposal of one unit for one year: completion of each target, the overall score, the proposed
 * level of the configured scale, the criticism flag and the reward proposal, each with its explanation in
 * Vietnamese and English. A unit twinned in several pairs is rated once over all of them (targets are per
 * sponsor; models are measured per twinned recipient and in total). Pure and deterministic.
 *
 * Decisions (see docs/evaluation.md):
 * - a target's ratio is achieved / required, shown uncapped but capped at 1 in the score, so exceeding one
 *   target cannot hide a shortfall in another;
 * - the models target's ratio is the mean over recipients of each recipient's capped ratio (3 communes, models
 *   in 2 → 2/3);
 * - obligations: on time = 1, late = `lateCredit`, missed or still pending = 0; waived and not applicable are left
 *   out; the target is met only when every counted obligation is on time (unless `lateCountsAsMet`);
 * - a required value of 0 is met (ratio 1) whatever was achieved;
 * - ratios and the score are rounded DOWN (4 decimals, 1 decimal), so a shortfall never shows as 100 %.
 */
import { cycleVocabulary } from '../messages/cycle';
import { evaluationMessages } from '../messages/evaluation';
import { interpolate, type MessageParams } from '../messages/catalogue';
import type { ObligationId, ObligationStatus, Side } from '../cycle/types';
import { aggregateProgress, isMeasurable, type ProgressAggregate, type ProgressEntryInput } from './progress';
import { isSponsorTargetKind, type EvaluationSettings, type RatingLevel, type TargetId } from './settings';
import { sponsorTargets, type SponsorTargets, type TwinnedRecipient } from './targets';

/** A key of the evaluation messages. */
export type EvaluationMessageKey = keyof typeof evaluationMessages;

/** One line of an explanation: its catalogue key and params, and both texts (stored as they were). */
export interface ExplanationLine {
  readonly key: EvaluationMessageKey;
  readonly params: MessageParams;
  readonly vi: string;
  readonly en: string;
}

/** The completion of one target. Values are decimal strings, so money stays exact in JSON. */
export interface TargetResult {
  readonly target: TargetId;
  /** `total`: the whole unit; `recipient`: one twinned recipient (models only). */
  readonly scope: 'total' | 'recipient';
  readonly recipientCode?: string;
  readonly required: string;
  readonly achieved: string;
  /** achieved / required, uncapped, rounded to 4 decimals (1 when nothing is required). */
  readonly ratio: number;
  readonly met: boolean;
}

/** One obligation of one of the unit's cycles, as the evaluation counts it. */
export interface ObligationRecord {
  readonly pairCode: string;
  readonly obligation: ObligationId;
  readonly status: ObligationStatus;
}

/** Counts of the obligations a unit is rated on. */
export interface ObligationTally {
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  readonly pending: number;
  readonly waived: number;
  readonly notApplicable: number;
}

/** Why a unit is criticised (kiểm điểm, phê bình; không xét thi đua). */
export interface CriticismReason {
  /**
   * `signedNothingDone`: a sponsor signed but reported no measurable result of its own (households, đồng,
   * models, study tours); `recipientNothingDone`: a recipient signed but never sent its own plan and working
   * group (O1).
   */
  readonly reason: 'noSignedProgramme' | 'signedNothingDone' | 'recipientNothingDone' | 'noReport';
  readonly pairCode: string;
  readonly obligation?: ObligationId;
}

/** One of the unit's cycles in the year. */
export interface UnitCycleInput {
  readonly pairCode: string;
  /**
   * The other party of the pair. For a sponsor, the recipient (whose models are measured) with the communes the
   * pair covers (a commune: itself; a mountain district: the pair's communes, by default all of them).
   */
  readonly counterpart: {
    readonly code: string;
    readonly kind: string;
    readonly communes?: readonly string[];
  };
  /** `false` for a pair dissolved or re-paired during the year: its recipient needs no models. */
  readonly active: boolean;
  readonly obligations: readonly { readonly obligation: ObligationId; readonly status: ObligationStatus }[];
}

/** Everything needed to rate one unit. */
export interface UnitEvaluationInput {
  readonly side: Side;
  readonly unitCode: string;
  /** Sponsors: DEPARTMENT, LOWLAND_DISTRICT or LOWLAND_COMMUNE; recipients: MOUNTAIN_DISTRICT or COMMUNE. */
  readonly kind: string;
  readonly year: number;
  /** Sponsors: the staff count and the year it was recorded for (may be an earlier year), or `null`. */
  readonly staff?: { readonly count: number; readonly year: number } | null;
  readonly cycles: readonly UnitCycleInput[];
  /** Progress entries of the unit's cycles (all of them, corrections included). */
  readonly entries: readonly ProgressEntryInput[];
  /** Positive factors recorded by Ban Dân tộc, if any. */
  readonly positiveFactors?: string | null;
}

/** A unit's rating proposal with its working. */
export interface UnitEvaluation {
  readonly side: Side;
  readonly unitCode: string;
  readonly year: number;
  /** Overall score 0–100, one decimal. */
  readonly score: number;
  readonly targets: readonly TargetResult[];
  readonly obligations: readonly ObligationRecord[];
  readonly tally: ObligationTally;
  readonly allMet: boolean;
  /** Every numeric target exceeded by the configured margin. */
  readonly exceeded: boolean;
  readonly level: RatingLevel;
  readonly criticised: boolean;
  readonly criticism: readonly CriticismReason[];
  readonly proposedReward: boolean;
  readonly explanation: readonly ExplanationLine[];
  /** The sponsor's targets (sponsors only). */
  readonly sponsorTargets?: SponsorTargets;
  /** The progress aggregate of the unit's cycles (sponsors and recipients alike). */
  readonly progress: ProgressAggregate;
}

function line(key: EvaluationMessageKey, params: MessageParams = {}): ExplanationLine {
  const text = evaluationMessages[key];
  return { key, params, vi: interpolate(text.vi, params), en: interpolate(text.en, params) };
}

/** achieved / required rounded DOWN to 4 decimals (1 when nothing is required): a shortfall never shows as 100 %. */
function ratioOf(achieved: number, required: number): number {
  if (required === 0) return 1;
  // The epsilon absorbs binary noise of fractional credits (0.7 × 10000 = 6999.999…); it is far below 1e-4.
  return Math.floor((achieved * 10_000) / required + 1e-9) / 10_000;
}

/** Rounds down to `decimals` places, for the same reason as {@link ratioOf}. */
function floorTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.floor(value * f + 1e-9) / f;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

// Money ratios in integers: 199,999,999 / 200,000,000 is 0.9999, never rounded up to 1.
function dongRatio(achieved: bigint, required: bigint): number {
  if (required === 0n) return 1;
  return Number((achieved * 10_000n) / required) / 10_000;
}

function tallyOf(records: readonly ObligationRecord[]): ObligationTally {
  const n = (s: ObligationStatus) => records.filter((r) => r.status === s).length;
  return {
    onTime: n('submitted'),
    late: n('late'),
    missed: n('missed'),
    pending: n('pending'),
    waived: n('waived'),
    notApplicable: n('notApplicable'),
  };
}

function obligationResult(records: readonly ObligationRecord[], settings: EvaluationSettings): TargetResult {
  const counted = records.filter((r) => r.status !== 'waived' && r.status !== 'notApplicable');
  const credit = counted.reduce(
    (sum, r) => sum + (r.status === 'submitted' ? 1 : r.status === 'late' ? settings.lateCredit : 0),
    0,
  );
  const met = counted.every(
    (r) => r.status === 'submitted' || (settings.lateCountsAsMet && r.status === 'late'),
  );
  return {
    target: 'obligations',
    scope: 'total',
    required: String(counted.length),
    achieved: String(round(credit, 4)),
    ratio: ratioOf(credit, counted.length),
    met,
  };
}

function targetParams(result: TargetResult, recipient?: string): MessageParams {
  const name = evaluationMessages[`evaluation.target.${result.target}`];
  const met = evaluationMessages[result.met ? 'evaluation.met.yes' : 'evaluation.met.no'];
  const isMoney = result.target === 'amount';
  return {
    targetVi: name.vi,
    targetEn: name.en,
    achievedVi: isMoney ? groupVi(result.achieved) : result.achieved.replace('.', ','),
    requiredVi: isMoney ? `${groupVi(result.required)} đ` : result.required,
    achievedEn: isMoney ? groupEn(result.achieved) : result.achieved,
    requiredEn: isMoney ? `${groupEn(result.required)} VND` : result.required,
    percentVi: decimalVi(floorTo(result.ratio * 100, 1)),
    percentEn: String(floorTo(result.ratio * 100, 1)),
    metVi: met.vi,
    metEn: met.en,
    ...(recipient !== undefined ? { recipient } : {}),
  };
}

/** A decimal number as Vietnamese writes it: `66,6`. */
function decimalVi(value: number): string {
  return String(value).replace('.', ',');
}

// Thousands with '.', as formatDong does; kept here so explanation lines need no Intl.
function groupVi(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function groupEn(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const NOT_OWED: readonly ObligationStatus[] = ['waived', 'notApplicable'];

function criticismOf(input: UnitEvaluationInput, progress: ProgressAggregate): CriticismReason[] {
  const reasons: CriticismReason[] = [];
  const effective = new Set(progress.effectiveIds);
  const reportObligation: ObligationId = input.side === 'sponsor' ? 'O5' : 'O6';
  for (const cycle of input.cycles) {
    if (!cycle.active) continue;
    const status = (id: ObligationId) => cycle.obligations.find((o) => o.obligation === id)?.status;
    const o3 = status('O3');
    const signed = o3 === 'submitted' || o3 === 'late';
    if (o3 !== undefined && !signed && !NOT_OWED.includes(o3)) {
      reasons.push({ reason: 'noSignedProgramme', pairCode: cycle.pairCode, obligation: 'O3' });
    }
    // Only the unit's own measurable results count: an all-zero entry or one by the other side clears nothing.
    // Entries recorded before the side was kept (side null) are taken as the sponsor's, as they were then.
    const carriedOut = input.entries.some(
      (e) =>
        e.pairCode === cycle.pairCode &&
        (e.side === 'sponsor' || e.side === null || e.side === undefined) &&
        effective.has(e.id) &&
        isMeasurable(e),
    );
    if (input.side === 'sponsor' && signed && !carriedOut) {
      reasons.push({ reason: 'signedNothingDone', pairCode: cycle.pairCode });
    }
    const plan = status('O1');
    if (input.side === 'recipient' && signed && (plan === 'missed' || plan === 'pending')) {
      reasons.push({ reason: 'recipientNothingDone', pairCode: cycle.pairCode, obligation: 'O1' });
    }
    const report = status(reportObligation);
    if (report !== undefined && (report === 'missed' || report === 'pending')) {
      reasons.push({ reason: 'noReport', pairCode: cycle.pairCode, obligation: reportObligation });
    }
  }
  return reasons;
}

function sponsorTargetResults(
  input: UnitEvaluationInput,
  targets: SponsorTargets,
  progress: ProgressAggregate,
): TargetResult[] {
  const results: TargetResult[] = [];
  const total = progress.total;
  if (targets.households !== null) {
    results.push({
      target: 'households',
      scope: 'total',
      required: String(targets.households),
      achieved: String(total.households),
      ratio: ratioOf(total.households, targets.households),
      met: total.households >= targets.households,
    });
  }
  if (targets.amountDong !== null) {
    results.push({
      target: 'amount',
      scope: 'total',
      required: targets.amountDong.toString(),
      achieved: total.amountDong.toString(),
      ratio: dongRatio(total.amountDong, targets.amountDong),
      met: total.amountDong >= targets.amountDong,
    });
  }
  if (targets.modelsPerRecipient !== null && targets.recipients.length > 0) {
    const per = targets.modelsPerRecipient;
    const perRecipient = targets.recipients.map((code): TargetResult => {
      // Per commune: where the entry says the work was done (a commune pair's entries are its commune's).
      const achieved = progress.byCommune[code]?.models ?? 0;
      return {
        target: 'models',
        scope: 'recipient',
        recipientCode: code,
        required: String(per),
        achieved: String(achieved),
        ratio: ratioOf(achieved, per),
        met: achieved >= per,
      };
    });
    const meanCapped = perRecipient.reduce((sum, r) => sum + Math.min(1, r.ratio), 0) / perRecipient.length;
    // Models in recipients no longer twinned (a dissolved pair) still count in the total achieved.
    const achievedTotal = Object.values(progress.byRecipient).reduce((sum, t) => sum + t.models, 0);
    results.push({
      target: 'models',
      scope: 'total',
      required: String(targets.modelsTotal ?? 0),
      achieved: String(achievedTotal),
      ratio: floorTo(meanCapped, 4),
      met: perRecipient.every((r) => r.met),
    });
    results.push(...perRecipient);
  }
  if (targets.studyTours !== null) {
    results.push({
      target: 'studyTours',
      scope: 'total',
      required: String(targets.studyTours),
      achieved: String(total.studyTours),
      ratio: ratioOf(total.studyTours, targets.studyTours),
      met: total.studyTours >= targets.studyTours,
    });
  }
  return results;
}

/** The level of `score` on the scale, given whether everything was met and whether the unit is excellent. */
export function levelFor(
  score: number,
  conditions: { allMet: boolean; excellent: boolean; criticised: boolean },
  scale: EvaluationSettings['rating'],
): { level: RatingLevel; capped: boolean } {
  const capIndex =
    conditions.criticised && scale.criticisedMaxLevel !== null
      ? scale.levels.findIndex((l) => l.id === scale.criticisedMaxLevel)
      : 0;
  let capped = false;
  for (const [index, level] of scale.levels.entries()) {
    if (score < level.minScore) continue;
    if (level.requires === 'allMet' && !conditions.allMet) continue;
    if (level.requires === 'excellent' && !(conditions.allMet && conditions.excellent)) continue;
    if (index < capIndex) {
      capped = true;
      continue;
    }
    return { level, capped };
  }
  // The schema guarantees a last level with minScore 0 and no requirement is not needed: fall back to the last.
  return { level: scale.levels[scale.levels.length - 1]!, capped };
}

/** Rates one unit for the year under `settings`. */
export function evaluateUnit(input: UnitEvaluationInput, settings: EvaluationSettings): UnitEvaluation {
  const progress = aggregateProgress(input.entries);
  const explanation: ExplanationLine[] = [];
  let targetsOfSponsor: SponsorTargets | undefined;
  const targetResults: TargetResult[] = [];

  if (input.side === 'sponsor' && isSponsorTargetKind(input.kind)) {
    const recipients: TwinnedRecipient[] = input.cycles
      .filter((c) => c.active)
      .map((c) => ({
        code: c.counterpart.code,
        kind: c.counterpart.kind === 'MOUNTAIN_DISTRICT' ? 'MOUNTAIN_DISTRICT' : 'COMMUNE',
        communes:
          c.counterpart.kind === 'MOUNTAIN_DISTRICT' ? (c.counterpart.communes ?? []) : [c.counterpart.code],
      }));
    targetsOfSponsor = sponsorTargets(
      { kind: input.kind, staff: input.staff?.count ?? null, recipients },
      settings,
    );
    if (targetsOfSponsor.missingStaff) explanation.push(line('evaluation.line.missingStaff'));
    else if (
      input.staff &&
      input.staff.year !== input.year &&
      settings.targets[input.kind].households?.rule === 'perStaff'
    ) {
      explanation.push(
        line('evaluation.line.staffFromYear', {
          year: input.year,
          used: input.staff.year,
          staff: input.staff.count,
        }),
      );
    }
    targetResults.push(...sponsorTargetResults(input, targetsOfSponsor, progress));
  }

  const wanted = settings.obligations[input.side];
  const records: ObligationRecord[] = input.cycles
    .filter((c) => c.active)
    .flatMap((c) =>
      c.obligations
        .filter((o) => wanted.includes(o.obligation))
        .map((o) => ({ pairCode: c.pairCode, obligation: o.obligation, status: o.status })),
    )
    .sort((a, b) => a.pairCode.localeCompare(b.pairCode) || a.obligation.localeCompare(b.obligation));
  targetResults.push(obligationResult(records, settings));

  // The score: weighted mean of the capped ratios of the whole-unit results (per-recipient lines are detail).
  const scored = targetResults.filter((r) => r.scope === 'total');
  const weightOf = (r: TargetResult) => settings.weights[r.target];
  const totalWeight = scored.reduce((sum, r) => sum + weightOf(r), 0);
  const criticism = criticismOf(input, progress);
  const criticised = criticism.length > 0;
  const allMet = scored.every((r) => r.met) && !criticised;
  const score =
    totalWeight === 0
      ? allMet
        ? 100
        : 0
      : floorTo(
          (100 * scored.reduce((sum, r) => sum + weightOf(r) * Math.min(1, r.ratio), 0)) / totalWeight,
          1,
        );
  const margin = settings.rating.excellentMargin;
  const numeric = targetResults.filter(
    (r) => r.target !== 'obligations' && (r.target !== 'models' || r.scope === 'recipient'),
  );
  // Exceeding needs at least one numeric target: a recipient (rated on obligations only) is excellent only by
  // recorded positive factors. A required value of 0 cannot be "exceeded" by a margin, so it does not block.
  const exceeded =
    numeric.length > 0 && numeric.every((r) => r.required === '0' || r.ratio >= round(1 + margin, 4));
  const positive = (input.positiveFactors ?? '').trim();
  const { level, capped } = levelFor(
    score,
    { allMet, excellent: exceeded || positive.length > 0, criticised },
    settings.rating,
  );
  const proposedReward = level.reward === true && !criticised;

  for (const r of targetResults) {
    explanation.push(
      r.scope === 'recipient'
        ? line('evaluation.line.targetRecipient', targetParams(r, r.recipientCode))
        : line('evaluation.line.target', targetParams(r)),
    );
  }
  for (const ignored of progress.ignoredCorrectionIds)
    explanation.push(line('evaluation.line.ignoredCorrection', { entry: ignored }));
  for (const r of records.filter((o) => o.status !== 'submitted')) {
    const o = cycleVocabulary.obligation[r.obligation];
    const s = cycleVocabulary.status[r.status];
    explanation.push(
      line('evaluation.line.obligation', {
        pairCode: r.pairCode,
        obligation: r.obligation,
        obligationVi: o.vi,
        obligationEn: o.en,
        statusVi: s.vi,
        statusEn: s.en,
      }),
    );
  }
  for (const c of criticism) {
    explanation.push(
      line(`evaluation.criticism.${c.reason}`, { pairCode: c.pairCode, obligation: c.obligation ?? '' }),
    );
  }
  if (allMet) explanation.push(line('evaluation.line.allMet'));
  if (allMet && exceeded)
    explanation.push(line('evaluation.line.exceeded', { margin: round(margin * 100, 1) }));
  if (allMet && positive.length > 0)
    explanation.push(line('evaluation.line.positiveFactors', { text: positive }));
  if (capped) {
    explanation.push(line('evaluation.line.capped', { levelVi: level.vi, levelEn: level.en }));
  }
  explanation.push(
    line('evaluation.line.score', {
      scoreVi: decimalVi(score),
      scoreEn: String(score),
      levelVi: level.vi,
      levelEn: level.en,
    }),
  );
  if (proposedReward) explanation.push(line('evaluation.line.reward'));

  return {
    side: input.side,
    unitCode: input.unitCode,
    year: input.year,
    score,
    targets: targetResults,
    obligations: records,
    tally: tallyOf(records),
    allMet,
    exceeded,
    level,
    criticised,
    criticism,
    proposedReward,
    explanation,
    ...(targetsOfSponsor ? { sponsorTargets: targetsOfSponsor } : {}),
    progress,
  };
}

/** The JSON stored in `Evaluation.explanation`: the working of a proposal, without bigints. */
export interface StoredExplanation {
  readonly version: 1;
  readonly score: number;
  readonly level: string;
  readonly allMet: boolean;
  readonly exceeded: boolean;
  readonly targets: readonly TargetResult[];
  readonly tally: ObligationTally;
  readonly criticism: readonly CriticismReason[];
  readonly lines: readonly ExplanationLine[];
}

/** The explanation of a proposal as stored (plain JSON). */
export function storedExplanation(evaluation: UnitEvaluation): StoredExplanation {
  return {
    version: 1,
    score: evaluation.score,
    level: evaluation.level.id,
    allMet: evaluation.allMet,
    exceeded: evaluation.exceeded,
    targets: evaluation.targets,
    tally: evaluation.tally,
    criticism: evaluation.criticism,
    lines: evaluation.explanation,
  };
}
