/**
 * The year-end summary as plain JSON data (the dashboard's API, `GET /api/v1/year-end/:year`): the same model
 * as the other renderers, with instants as ISO strings, money as decimal strings of whole đồng and rating levels
 * as `{ id, vi, en }`, so nothing is lost to JSON's numbers and no BigInt reaches `JSON.stringify`.
 */
import type { Side } from '../domain/cycle/types';
import type { RatingLevel } from '../domain/evaluation';
import type { KindTotals, LevelCount, OnTimeRate, UnitSummary, YearSummary } from './year-summary';

/** A rating level without its thresholds. */
export interface LevelJson {
  readonly id: string;
  readonly vi: string;
  readonly en: string;
}

/** One evaluated unit. */
export interface UnitJson {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly side: Side;
  readonly pairs: readonly string[];
  readonly score: number;
  readonly proposed: LevelJson;
  /** False: the proposal is computed now (the cycle has not reached evaluation), provisional. */
  readonly proposalStored: boolean;
  readonly final: LevelJson | null;
  readonly criticised: boolean;
  readonly criticism: readonly { readonly reason: string; readonly pairCode: string }[];
  readonly proposedReward: boolean;
  readonly households: number;
  readonly amountDong: string;
  readonly models: number;
  readonly studyTours: number;
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  readonly overrideReasons: readonly string[];
  readonly decisionNumbers: readonly string[];
  readonly positiveFactors: string | null;
  /** How the proposal was reached, in both languages. */
  readonly explanation: readonly { readonly vi: string; readonly en: string }[];
}

/** Totals of one kind of unit (`amountDong` null for recipient kinds, whose help is counted by the sponsor). */
export type TotalsJson = Omit<KindTotals, 'amountDong'> & { readonly amountDong: string | null };

/** The whole summary. */
export interface YearSummaryJson {
  readonly year: number;
  readonly generatedAt: string;
  readonly cycles: number;
  readonly levels: readonly LevelJson[];
  readonly totals: readonly TotalsJson[];
  readonly distribution: readonly {
    readonly level: LevelJson;
    readonly proposed: number;
    readonly final: number;
  }[];
  readonly onTime: readonly OnTimeRate[];
  readonly units: readonly UnitJson[];
}

function level(l: RatingLevel): LevelJson {
  return { id: l.id, vi: l.vi, en: l.en };
}

function unit(u: UnitSummary): UnitJson {
  const e = u.evaluation;
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    side: u.side,
    pairs: u.pairCodes,
    score: e.score,
    proposed: level(e.level),
    proposalStored: u.proposalStored,
    final: u.finalLevel ? level(u.finalLevel) : null,
    criticised: e.criticised,
    criticism: e.criticism.map((c) => ({ reason: c.reason, pairCode: c.pairCode })),
    proposedReward: e.proposedReward,
    households: e.progress.total.households,
    amountDong: e.progress.total.amountDong.toString(),
    models: e.progress.total.models,
    studyTours: e.progress.total.studyTours,
    onTime: e.tally.onTime,
    late: e.tally.late,
    missed: e.tally.missed,
    overrideReasons: u.overrideReasons,
    decisionNumbers: u.decisionNumbers,
    positiveFactors: u.positiveFactors,
    explanation: e.explanation.map((l) => ({ vi: l.vi, en: l.en })),
  };
}

function distribution(d: LevelCount) {
  return { level: level(d.level), proposed: d.proposed, final: d.final };
}

/** The summary as JSON data. */
export function yearSummaryJson(summary: YearSummary): YearSummaryJson {
  return {
    year: summary.year,
    generatedAt: summary.generatedAt.toISOString(),
    cycles: summary.cycles,
    levels: summary.levels.map(level),
    totals: summary.totals.map((t) => ({
      ...t,
      amountDong: t.amountDong === null ? null : t.amountDong.toString(),
    })),
    distribution: summary.distribution.map(distribution),
    onTime: summary.onTime,
    units: summary.units.map(unit),
  };
}
