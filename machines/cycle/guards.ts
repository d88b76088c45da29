/**
 * Pure predicates on the cycle's context: when a phase is complete (the cycle moves on), and what the cycle is
 * waiting for in a phase.
 */
import {
  HOME_PHASE,
  OBLIGATION_IDS,
  isSettled,
  type CyclePhase,
  type ObligationId,
} from '../../domain/cycle/types';
import type { CycleContext } from './types';

/**
 * Whether the phase's own obligations are settled, so that the cycle moves to the next phase. While the end of
 * the pair's period is ahead, the cycle stays in implementation (or wherever it is past it) until that end closes
 * it: the obligations it no longer owes are not applicable, but its progress entries still count.
 */
export function phaseComplete(ctx: CycleContext, phase: CyclePhase): boolean {
  const settled = (id: ObligationId): boolean => isSettled(ctx.obligations[id].status);
  const periodEndAhead = ctx.periodEnd !== undefined && ctx.closedBy === undefined;
  if (
    periodEndAhead &&
    (phase === 'implementation' || phase === 'yearEndReporting' || phase === 'evaluation')
  )
    return false;
  switch (phase) {
    case 'needsProposal':
      return settled('O1') && settled('O2');
    case 'agreement':
      return settled('O3');
    case 'implementation':
      return ctx.yearEndOpened || (settled('O5') && settled('O6'));
    case 'yearEndReporting':
      return settled('O5') && settled('O6');
    case 'evaluation':
      // A missed O7 escalates but keeps the cycle in evaluation until it is rated (or waived).
      return ctx.obligations.O7.status !== 'pending' && ctx.obligations.O7.status !== 'missed';
    case 'closed':
      return false;
  }
}

const HOME_PHASE_ORDER: Readonly<Record<CyclePhase, number>> = {
  needsProposal: 0,
  agreement: 1,
  implementation: 2,
  yearEndReporting: 3,
  evaluation: 4,
  closed: 5,
};

/** The obligations the cycle waits for in a phase: pending ones whose home phase is this one or earlier. */
export function waitingFor(ctx: CycleContext, phase: CyclePhase): ObligationId[] {
  if (phase === 'closed') return [];
  const current = HOME_PHASE_ORDER[phase];
  return OBLIGATION_IDS.filter(
    (id) => ctx.obligations[id].status === 'pending' && HOME_PHASE_ORDER[HOME_PHASE[id]] <= current,
  );
}
