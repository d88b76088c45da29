/**
 * Whether Ban Dân tộc may record a final rating: the level must be on the year's scale, and a rating that differs
 * from the proposal needs a written reason. Pure and synchronous: usable in the workflow's `rate` update
 * validator.
 */
import type { evaluationMessages } from '../messages/evaluation';
import { findLevel, type RatingLevel } from './settings';

/** The part of a level the check needs (the workflow keeps only this from `proposeRatings`). */
export type LevelRef = Pick<RatingLevel, 'id' | 'vi' | 'en'>;

/** The longest reason accepted (as for every other administrator reason). */
const MAX_REASON = 2000;

/** The longest decision number accepted. */
const MAX_DECISION_NUMBER = 200;

/** What is checked. */
export interface RatingConfirmation {
  /** The proposed level id, when a proposal exists. */
  readonly proposed?: string | null;
  /** The final rating as typed: a level id or its Vietnamese or English label. */
  readonly final: string;
  readonly reason?: string | null;
  readonly decisionNumber?: string | null;
  /** The year's scale, or just its levels (e.g. `{ levels: proposal.scale }`). */
  readonly scale: { readonly levels: readonly LevelRef[] };
}

/** A refusal as a catalogue message. */
export interface ConfirmationRefusal {
  readonly key: keyof typeof evaluationMessages;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The outcome: the level the rating names (and whether it overrides the proposal), or a refusal. */
export type ConfirmationResult =
  | { readonly ok: true; readonly level: LevelRef; readonly override: boolean }
  | { readonly ok: false; readonly message: ConfirmationRefusal };

/** Checks a final rating against the scale and the proposal. */
export function checkRatingConfirmation(input: RatingConfirmation): ConfirmationResult {
  const level = findLevel(input.scale, input.final);
  if (!level) {
    return {
      ok: false,
      message: {
        key: 'evaluation.confirm.unknownLevel',
        params: {
          rating: input.final,
          levels: input.scale.levels.map((l) => `${l.id} = ${l.vi}`).join('; '),
        },
      },
    };
  }
  const reason = (input.reason ?? '').trim();
  if (reason.length > MAX_REASON) {
    return { ok: false, message: { key: 'evaluation.confirm.reasonTooLong', params: { max: MAX_REASON } } };
  }
  if ((input.decisionNumber ?? '').trim().length > MAX_DECISION_NUMBER) {
    return {
      ok: false,
      message: { key: 'evaluation.confirm.decisionTooLong', params: { max: MAX_DECISION_NUMBER } },
    };
  }
  const proposed = input.proposed ? findLevel(input.scale, input.proposed) : undefined;
  // Without a proposal every rating is an override of "nothing": it needs a reason too.
  const override = proposed === undefined || proposed.id !== level.id;
  if (override && reason.length === 0) {
    return {
      ok: false,
      message: {
        key: 'evaluation.confirm.reasonRequired',
        params: {
          finalVi: level.vi,
          finalEn: level.en,
          proposedVi: proposed?.vi ?? '—',
          proposedEn: proposed?.en ?? '—',
        },
      },
    };
  }
  return { ok: true, level, override };
}
