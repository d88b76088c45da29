/**
 * Whether a submission or an administrator action is allowed in a cycle's current state: the one rule table
 * used by the workflow's update validators and by the statechart's guards. Pure and synchronous.
 */
import { cycleVocabulary } from '../messages/cycle';
import type { cycleMessages } from '../messages/cycle';
import {
  ADMIN_PHASES,
  ADMIN_STATUS_RULES,
  PROGRESS_RULE,
  SUBMISSION_RULES,
  type CyclePhase,
  type CycleProjection,
  type ObligationId,
  type ObligationStatus,
  type ObligationView,
  type Side,
  type SubmittableObligation,
} from './types';

/** A request to check, in the shape of the update it comes from. */
export type CycleRequest =
  | { readonly action: 'submit'; readonly obligation: SubmittableObligation; readonly side: Side }
  | { readonly action: 'progress'; readonly side?: Side }
  | {
      readonly action: 'extend';
      readonly obligation: ObligationId;
      /** With `newEndsAt`: the instant of the request, to refuse a new deadline already past. */
      readonly at?: string;
      readonly newEndsAt?: string;
      readonly newDate?: string;
    }
  | { readonly action: 'waive'; readonly obligation: ObligationId }
  | { readonly action: 'resend'; readonly obligation: ObligationId }
  | { readonly action: 'dissolve' }
  | {
      readonly action: 'endPeriod';
      /** The requested last day (yyyy-mm-dd) and the end of it (ISO instant). */
      readonly lastDay: string;
      readonly endsAt: string;
      /** The end already set for the pair's period, if any (ISO instant, and its last day). */
      readonly currentEndsAt?: string;
      readonly currentLastDay?: string;
    }
  | { readonly action: 'rate' }
  | { readonly action: 'unitRated'; readonly side: Side; readonly alreadyRated: readonly Side[] };

/** The part of a cycle's state the check reads; a {@link CycleProjection} has it. */
export interface CycleView {
  readonly pairCode: string;
  readonly year: number;
  readonly phase: CyclePhase;
  readonly obligations: readonly Pick<ObligationView, 'id' | 'status' | 'signedBy'>[];
}

/** A refusal's message key in the catalogue. */
export type CycleMessageKey = keyof typeof cycleMessages;

/** A message of the catalogue with its params (both language forms of every named thing). */
export interface CycleRefusal {
  readonly key: CycleMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The outcome of a check. */
export type CheckResult = { readonly ok: true } | { readonly ok: false; readonly message: CycleRefusal };

const OK: CheckResult = { ok: true };

function refuse(key: CycleMessageKey, params: Record<string, string | number>): CheckResult {
  return { ok: false, message: { key, params } };
}

function obligationParams(id: ObligationId): Record<string, string> {
  const v = cycleVocabulary.obligation[id];
  return { obligation: id, obligationVi: v.vi, obligationEn: v.en };
}

function statusParams(status: ObligationStatus): Record<string, string> {
  const v = cycleVocabulary.status[status];
  return { status, statusVi: v.vi, statusEn: v.en };
}

function sideParams(side: Side): Record<string, string> {
  const v = cycleVocabulary.side[side];
  return { side, sideVi: v.vi, sideEn: v.en };
}

/** The parameters of `cycle.wrongPhase`: the action and the phase, named in both languages. */
export function wrongPhaseParams(action: CycleRequest['action'], phase: CyclePhase): Record<string, string> {
  const a = cycleVocabulary.action[action];
  const p = cycleVocabulary.phase[phase];
  return { action, actionVi: a.vi, actionEn: a.en, phase, phaseVi: p.vi, phaseEn: p.en };
}

function wrongPhase(action: CycleRequest['action'], phase: CyclePhase): CheckResult {
  return refuse('cycle.wrongPhase', wrongPhaseParams(action, phase));
}

function find(view: CycleView, id: ObligationId): Pick<ObligationView, 'id' | 'status' | 'signedBy'> {
  const o = view.obligations.find((x) => x.id === id);
  // A view always lists the seven obligations; a missing one is treated as not applicable.
  return o ?? { id, status: 'notApplicable' };
}

/**
 * Checks a request against the cycle's state: closed cycle, wrong party, wrong phase, obligation already
 * settled, side already signed, new deadline in the past. Order: closed, party, phase, status.
 */
export function checkSubmissionAllowed(view: CycleView, request: CycleRequest): CheckResult {
  if (view.phase === 'closed') return refuse('cycle.closed', { pairCode: view.pairCode, year: view.year });
  switch (request.action) {
    case 'submit': {
      const rule = SUBMISSION_RULES[request.obligation];
      if (!rule.sides.includes(request.side)) {
        return refuse('cycle.wrongSide', {
          ...sideParams(request.side),
          ...obligationParams(request.obligation),
        });
      }
      if (!rule.phases.includes(view.phase)) return wrongPhase('submit', view.phase);
      const o = find(view, request.obligation);
      if (o.status !== 'pending' && o.status !== 'missed') {
        return refuse('cycle.alreadyDone', {
          ...obligationParams(request.obligation),
          ...statusParams(o.status),
        });
      }
      if (request.obligation === 'O3' && (o.signedBy ?? []).includes(request.side)) {
        return refuse('cycle.alreadySigned', sideParams(request.side));
      }
      return OK;
    }
    case 'progress':
      if (request.side !== undefined && !PROGRESS_RULE.sides.includes(request.side)) {
        return refuse('cycle.wrongSide', { ...sideParams(request.side), ...obligationParams('O4') });
      }
      return PROGRESS_RULE.phases.includes(view.phase) ? OK : wrongPhase('progress', view.phase);
    case 'extend':
    case 'waive':
    case 'resend': {
      if (!ADMIN_PHASES.includes(view.phase)) return wrongPhase(request.action, view.phase);
      const o = find(view, request.obligation);
      if (!ADMIN_STATUS_RULES[request.action].includes(o.status)) {
        const a = cycleVocabulary.action[request.action];
        return refuse('cycle.notOwed', {
          action: request.action,
          actionVi: a.vi,
          actionEn: a.en,
          ...obligationParams(request.obligation),
          ...statusParams(o.status),
        });
      }
      if (
        request.action === 'extend' &&
        request.at !== undefined &&
        request.newEndsAt !== undefined &&
        request.newEndsAt <= request.at
      ) {
        return refuse('cycle.extend.notInFuture', { newDate: request.newDate ?? request.newEndsAt });
      }
      return OK;
    }
    case 'dissolve':
      return OK;
    case 'endPeriod':
      // An end can be brought forward, never pushed back: obligations after the old end are already settled.
      if (request.currentEndsAt !== undefined && request.currentEndsAt <= request.endsAt) {
        return refuse('cycle.endPeriod.alreadyEnds', {
          lastDay: request.currentLastDay ?? request.currentEndsAt,
          requested: request.lastDay,
        });
      }
      return OK;
    case 'unitRated': {
      if (view.phase !== 'evaluation') return wrongPhase('rate', view.phase);
      const o = find(view, 'O7');
      if (o.status !== 'pending' && o.status !== 'missed') {
        return refuse('cycle.alreadyDone', { ...obligationParams('O7'), ...statusParams(o.status) });
      }
      if (request.alreadyRated.includes(request.side))
        return refuse('cycle.unitAlreadyRated', sideParams(request.side));
      return OK;
    }
    case 'rate': {
      if (view.phase !== 'evaluation') return wrongPhase('rate', view.phase);
      const o = find(view, 'O7');
      if (o.status !== 'pending' && o.status !== 'missed') {
        return refuse('cycle.alreadyDone', { ...obligationParams('O7'), ...statusParams(o.status) });
      }
      return OK;
    }
  }
}

/** Re-exported so callers of the check need one import. */
export type { CycleProjection };
