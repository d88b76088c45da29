/**
 * The public view of a cycle snapshot, and the JSON form the workflow carries it in across continue-as-new.
 */
import {
  CYCLE_PHASES,
  OBLIGATION_IDS,
  type CycleFlag,
  type CyclePhase,
  type CycleProjection,
  type ObligationView,
} from '../../domain/cycle/types';
import { waitingFor } from './guards';
import { cycleMachine, type CycleSnapshot } from './machine';
import { nextPendingTimer } from './timers';
import type { CycleContext } from './types';

/** The persisted form of a snapshot: plain JSON, restored with {@link restoreCycle}. */
export interface PersistedCycle {
  readonly phase: CyclePhase;
  readonly context: CycleContext;
}

/** The phase of a snapshot (its top-level state). */
export function phaseOf(snapshot: CycleSnapshot): CyclePhase {
  const value: unknown = snapshot.value;
  if (typeof value === 'string' && (CYCLE_PHASES as readonly string[]).includes(value))
    return value as CyclePhase;
  throw new Error(`Unexpected cycle state value ${JSON.stringify(value)}`);
}

/** The JSON form of a snapshot (a deep copy: nothing shared with the live snapshot). */
export function persistCycle(snapshot: CycleSnapshot): PersistedCycle {
  return JSON.parse(
    JSON.stringify({ phase: phaseOf(snapshot), context: snapshot.context }),
  ) as PersistedCycle;
}

/** A snapshot rebuilt from its JSON form, ready for `transition`. */
export function restoreCycle(persisted: PersistedCycle): CycleSnapshot {
  return cycleMachine.resolveState({ value: persisted.phase, context: persisted.context });
}

/** Evaluation flags of a context in a phase (see {@link CycleFlag}). */
export function flagsOf(ctx: CycleContext, phase: CyclePhase): CycleFlag[] {
  const o = ctx.obligations;
  const flags: CycleFlag[] = [];
  if (o.O3.status === 'missed') flags.push('noSignedProgramme');
  if (o.O5.status === 'missed') flags.push('noReport:sponsor');
  if (o.O6.status === 'missed') flags.push('noReport:recipient');
  if (ctx.noProgressAtImplementationEnd || o.O4.status === 'missed') flags.push('noProgress');
  if (ctx.closedBy === 'dissolved') flags.push('dissolved');
  if (ctx.closedBy === 'repaired') flags.push('repaired');
  if (ctx.closedBy === 'ended') flags.push('ended');
  if (phase !== 'closed' && isOverdue(ctx)) flags.push('overdue');
  return flags;
}

function isOverdue(ctx: CycleContext): boolean {
  return OBLIGATION_IDS.some((id) => {
    const o = ctx.obligations[id];
    return o.status === 'missed' || (o.status === 'pending' && o.endsAt <= ctx.lastEventAt);
  });
}

/** The projection returned by the status query and written to the read model. Never the raw snapshot. */
export function projectCycle(snapshot: CycleSnapshot): CycleProjection {
  const ctx = snapshot.context;
  const phase = phaseOf(snapshot);
  const obligations: ObligationView[] = OBLIGATION_IDS.map((id) => {
    const o = ctx.obligations[id];
    const owed = o.status === 'pending' || o.status === 'missed';
    return {
      id,
      status: o.status,
      statutoryDue: o.statutoryDue,
      effectiveDue: o.effectiveDue,
      ...(o.completedAt !== undefined ? { completedAt: o.completedAt } : {}),
      escalationLevel: owed ? o.escalationLevel : 0,
      ...(id === 'O3' ? { signedBy: (['sponsor', 'recipient'] as const).filter((s) => o.signedBy[s]) } : {}),
      extensions: o.generation,
    };
  });
  const next = nextPendingTimer(ctx);
  const flags = flagsOf(ctx, phase);
  return {
    workflowId: ctx.workflowId,
    pairCode: ctx.pairCode,
    year: ctx.year,
    phase,
    obligations,
    escalationLevel: phase === 'closed' ? 0 : Math.max(0, ...obligations.map((o) => o.escalationLevel)),
    overdue: flags.includes('overdue'),
    flags,
    ...(next !== undefined
      ? { nextTimer: { timerId: next.timerId, at: next.at, purpose: next.purpose } }
      : {}),
    waitingFor: waitingFor(ctx, phase),
    waitingSince: ctx.phaseEnteredAt,
    progressEntries: ctx.progressCount,
    updatedAt: ctx.lastEventAt,
    ...(ctx.rating !== undefined ? { rating: ctx.rating } : {}),
    ...(ctx.closedBy !== undefined ? { closedBy: ctx.closedBy } : {}),
    ...(ctx.successorPairCode !== undefined ? { successorPairCode: ctx.successorPairCode } : {}),
    ...(ctx.periodEnd !== undefined ? { periodEndsOn: ctx.periodEnd.lastDay } : {}),
    ...(ctx.unitRatings !== undefined
      ? {
          unitRatings: Object.fromEntries(
            Object.entries(ctx.unitRatings).map(([side, r]) => [side, r.rating]),
          ) as Partial<Record<'sponsor' | 'recipient', string>>,
        }
      : {}),
  };
}
