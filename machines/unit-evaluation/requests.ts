/**
 * From an administrator's request on a unit's evaluation to the machine's event, or to the reason it is
 * refused: the rating confirmation (once, against the proposal, a reason when it differs) and the positive
 * factors. The workflow's validator and handler call the same function on the same snapshot. Pure.
 */
import { checkRatingConfirmation } from '../../domain/evaluation/confirm';
import { validatePayload } from '../../domain/cycle/schemas';
import type { Message } from '../../domain/messages';
import { unitPhaseOf, type UnitEvaluationSnapshot } from './machine';
import type { FactorsEvent, RateUnitEvent } from './types';

/** A unit's final rating as the caller sends it. */
export interface RateUnitRequest {
  readonly actor: string;
  /** A level id or label of the year's scale. */
  readonly rating: string;
  readonly reason?: string;
  readonly decisionNumber?: string;
}

/** The unit's positive factors as the caller sends them (an empty text clears them). */
export interface UnitFactorsRequest {
  readonly actor: string;
  readonly text: string;
}

/** The outcome: the event, or the refusal with its failure type (a wire contract, see `RefusalType`). */
export type UnitDecision<E> =
  | { readonly ok: true; readonly event: E }
  | { readonly ok: false; readonly message: Message; readonly type: 'EvaluationRefusal' | 'InvalidPayload' };

/** A request that is not an object with an actor: refused as bad data (Updates arrive as JSON from anyone). */
function malformed(request: unknown): UnitDecision<never> | undefined {
  const actor = (request as { actor?: unknown } | null)?.actor;
  if (typeof request === 'object' && request !== null && typeof actor === 'string' && actor.length > 0)
    return undefined;
  return {
    ok: false,
    type: 'InvalidPayload',
    message: { key: 'cycle.invalid.required', params: { field: 'actor' } },
  };
}

function refusedState(snapshot: UnitEvaluationSnapshot): UnitDecision<never> | undefined {
  const ctx = snapshot.context;
  switch (unitPhaseOf(snapshot)) {
    case 'confirmed': {
      const final = ctx.final;
      const level = ctx.proposal?.scale.find((l) => l.id === final?.rating);
      return {
        ok: false,
        type: 'EvaluationRefusal',
        message: {
          key: 'evaluation.unit.alreadyConfirmed',
          params: {
            unitCode: ctx.unitCode,
            year: ctx.year,
            ratingVi: level?.vi ?? final?.rating ?? '—',
            ratingEn: level?.en ?? final?.rating ?? '—',
          },
        },
      };
    }
    case 'nothingToRate':
      return {
        ok: false,
        type: 'EvaluationRefusal',
        message: { key: 'evaluation.unit.nothingToRate', params: { unitCode: ctx.unitCode, year: ctx.year } },
      };
    case 'waiting':
    case 'proposed':
      return undefined;
  }
}

/** A confirmation or override of the unit's proposal. */
export function decideRateUnit(
  snapshot: UnitEvaluationSnapshot,
  request: RateUnitRequest,
  at: string,
): UnitDecision<RateUnitEvent> {
  const bad = malformed(request);
  if (bad) return bad;
  const { actor, ...rating } = request;
  const data = validatePayload('unitRating', rating);
  if (!data.ok) return { ok: false, type: 'InvalidPayload', message: data.message };
  const state = refusedState(snapshot);
  if (state) return state;
  const ctx = snapshot.context;
  if (unitPhaseOf(snapshot) !== 'proposed' || ctx.proposal === undefined) {
    return {
      ok: false,
      type: 'EvaluationRefusal',
      message: {
        key: 'evaluation.unit.notReady',
        params: { unitCode: ctx.unitCode, year: ctx.year, waitingFor: ctx.waitingFor.join(', ') || '—' },
      },
    };
  }
  const check = checkRatingConfirmation({
    proposed: ctx.proposal.rating,
    final: data.value.rating,
    reason: data.value.reason ?? null,
    decisionNumber: data.value.decisionNumber ?? null,
    scale: { levels: ctx.proposal.scale },
  });
  if (!check.ok) return { ok: false, type: 'EvaluationRefusal', message: check.message };
  return {
    ok: true,
    event: {
      type: 'RATE',
      at,
      actor,
      rating: check.level.id,
      override: check.override,
      ...(data.value.reason !== undefined ? { reason: data.value.reason } : {}),
      ...(data.value.decisionNumber !== undefined ? { decisionNumber: data.value.decisionNumber } : {}),
    },
  };
}

/** Positive factors, while the rating is not yet confirmed. */
export function decideUnitFactors(
  snapshot: UnitEvaluationSnapshot,
  request: UnitFactorsRequest,
  at: string,
): UnitDecision<FactorsEvent> {
  const bad = malformed(request);
  if (bad) return bad;
  const data = validatePayload('positiveFactors', { text: request.text });
  if (!data.ok) return { ok: false, type: 'InvalidPayload', message: data.message };
  const state = refusedState(snapshot);
  if (state) return state;
  return { ok: true, event: { type: 'FACTORS', at, actor: request.actor, text: data.value.text } };
}
