/**
 * The cycle runner: holds the statechart's snapshot, feeds it events, and hands the actions it returns to the
 * timers (kept here) and to the effects queue. It decides nothing: every Update's validator and handler ask the
 * same pure decision of `machines/cycle/requests.ts`, and a handler makes its transition before its first
 * `await`, so two Updates delivered together never act on the same state (the second one's validator sees the
 * first one's transition and refuses).
 */
import {
  ApplicationFailure,
  currentUpdateInfo,
  patched,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { initialTransition, transition } from 'xstate';
import { resolveSettings, WorkingCalendar, yearSchedule } from '../../domain/calendar';
import type {
  DissolveRequest,
  EndPeriodRequest,
  ExtendRequest,
  ProgressRequest,
  ResendRequest,
  SubmitRequest,
  UnitRatedSignal,
  WaiveRequest,
} from '../../domain/cycle/requests';
import type { CycleProjection } from '../../domain/cycle/types';
import { bilingualOf } from '../../domain/messages';
import {
  byInstant,
  cycleActions,
  cycleInputFromCalendar,
  cycleMachine,
  decideDissolve,
  decideEndPeriod,
  decideExtend,
  decidePairRating,
  decideProgress,
  decideResend,
  decideSubmit,
  decideUnitRated,
  decideWaive,
  persistCycle,
  phaseOf,
  projectCycle,
  restoreCycle,
  type CycleAction,
  type CycleEvent,
  type CycleSnapshot,
  type Decision,
  type PendingTimer,
  type RequestEnv,
} from '../../machines/cycle';
import {
  ESCALATION_LEVEL,
  OVERDUE,
  PHASE,
  RECIPIENT,
  SPONSOR,
  YEAR,
} from '../../domain/cycle/search-attributes';
import { EffectsQueue } from './effects';
import { PATCHES, type ContinuedCycle, type TwinningCycleInput } from './messages';

/** The search attributes that follow the cycle's state, as last written. */
interface Indexed {
  readonly phase: string;
  readonly overdue: boolean;
  readonly escalationLevel: number;
}

/** One pair's cycle for one year, as the workflow runs it. */
export class CycleRunner {
  private snapshot: CycleSnapshot;
  private readonly timers = new Map<string, PendingTimer>();
  private readonly effects: EffectsQueue;
  private readonly env: RequestEnv;
  private readonly offsetMs: number;
  private readonly indexed: boolean;
  private lastIndexed: Indexed | undefined;
  /** Bumped by every transition: the timer loop re-plans when it changes. */
  private version = 0;

  constructor(
    private readonly input: TwinningCycleInput,
    private readonly workflowId: string,
    /** The engine's clock (deterministic workflow time). */
    private readonly engineNowMs: () => number,
  ) {
    const settings = resolveSettings(input.year, input.settings ?? {});
    const calendar = WorkingCalendar.fromEntries(input.calendarDays);
    this.env = { settings, calendar, schedule: yearSchedule(input.year, settings, calendar) };
    const continued = input.continued;
    // Anchored on the run's start time (from history, so the same on every replay, and the instant the caller
    // started it, however late the first workflow task ran).
    const businessAnchor = continued?.businessNow ?? input.businessStart;
    const engineAnchor =
      continued === undefined && input.businessStartEngineMs !== undefined
        ? input.businessStartEngineMs
        : workflowInfo().runStartTime.getTime();
    this.offsetMs = businessAnchor !== undefined ? Date.parse(businessAnchor) - engineAnchor : 0;
    this.indexed = input.searchAttributes ?? true;
    this.effects = new EffectsQueue(
      { workflowId, pairCode: input.pairCode, year: input.year, simulated: this.offsetMs !== 0 },
      continued?.sequence ?? 0,
      () => this.now(),
    );
    // What the starter (the year opener) or the previous run already set need not be set again.
    const current = workflowInfo().typedSearchAttributes;
    const phase = current.get(PHASE);
    const overdue = current.get(OVERDUE);
    const level = current.get(ESCALATION_LEVEL);
    if (phase !== undefined && overdue !== undefined && level !== undefined)
      this.lastIndexed = { phase, overdue, escalationLevel: level };
    if (continued) {
      this.snapshot = restoreCycle(continued.snapshot);
      for (const t of Object.values(this.snapshot.context.timers)) this.timers.set(t.timerId, t);
      this.effects.resumeDeliveries(continued.deliveries);
      return;
    }
    const [initial, actions] = initialTransition(
      cycleMachine,
      cycleInputFromCalendar({
        workflowId,
        pairCode: input.pairCode,
        year: input.year,
        openedAt: this.now(),
        schedule: this.env.schedule,
        ...(input.period !== undefined ? { period: input.period } : {}),
        ...(input.communes !== undefined ? { communes: input.communes } : {}),
      }),
    );
    this.snapshot = initial;
    if (
      this.indexed &&
      (current.get(YEAR) !== input.year ||
        current.get(SPONSOR) !== input.sponsorCode ||
        current.get(RECIPIENT) !== input.recipientCode)
    )
      upsertSearchAttributes([
        { key: YEAR, value: input.year },
        { key: SPONSOR, value: input.sponsorCode },
        { key: RECIPIENT, value: input.recipientCode },
      ]);
    void this.run(cycleActions(actions));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Time

  /** Business time now, in milliseconds (engine time, shifted in simulations). */
  nowMs(): number {
    return this.engineNowMs() + this.offsetMs;
  }

  /** Business time now, as the machine's events carry it. */
  now(): string {
    return new Date(this.nowMs()).toISOString();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Queries and state for the workflow

  /** The projection (the status query's answer). */
  status(): CycleProjection {
    return projectCycle(this.snapshot);
  }

  /** Whether the cycle is over. */
  get closed(): boolean {
    return phaseOf(this.snapshot) === 'closed';
  }

  /** The transition counter (the timer loop waits for it to change). */
  get transitions(): number {
    return this.version;
  }

  /** The earliest pending timer. */
  nextTimer(): PendingTimer | undefined {
    return [...this.timers.values()].sort(byInstant)[0];
  }

  /** Feeds every timer due by now to the machine, in time order. */
  fireDueTimers(): void {
    const now = this.nowMs();
    const due = [...this.timers.values()].filter((t) => Date.parse(t.at) <= now).sort(byInstant);
    for (const timer of due) {
      if (!this.timers.has(timer.timerId)) continue;
      this.timers.delete(timer.timerId);
      void this.step({ type: 'TIMER_FIRED', timerId: timer.timerId, at: this.now() });
    }
  }

  /** Resolves once every effect handed out so far is written and every delivery has finished. */
  async settled(): Promise<void> {
    await this.effects.idle();
    await this.effects.deliveriesSettled();
  }

  /** What the next run needs when the cycle continues as new (call once the queue is idle). */
  continuation(): ContinuedCycle {
    return {
      snapshot: persistCycle(this.snapshot),
      sequence: this.effects.lastSequence,
      ...(this.offsetMs !== 0 ? { businessNow: this.now() } : {}),
      deliveries: this.effects.unfinishedDeliveries(),
    };
  }

  /** Resolves once every effect handed out so far is written (deliveries may still run). */
  effectsWritten(): Promise<void> {
    return this.effects.idle();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Updates: `validate…` throws the refusal; the handler of the same name applies the same decision.

  /** The ID of the Update being handled: the business key of what it submits. */
  private updateId(): string {
    return currentUpdateInfo()?.id ?? `t${this.version}`;
  }

  validateSubmit(request: SubmitRequest): void {
    this.accept(decideSubmit(this.snapshot, request, this.now(), this.updateId()));
  }
  submit(request: SubmitRequest): Promise<CycleProjection> {
    return this.step(this.accept(decideSubmit(this.snapshot, request, this.now(), this.updateId())));
  }

  validateProgress(request: ProgressRequest): void {
    this.accept(decideProgress(this.snapshot, request, this.now(), this.updateId()));
  }
  progress(request: ProgressRequest): Promise<CycleProjection> {
    return this.step(this.accept(decideProgress(this.snapshot, request, this.now(), this.updateId())));
  }

  validateExtend(request: ExtendRequest): void {
    this.accept(decideExtend(this.snapshot, request, this.now(), this.env));
  }
  extend(request: ExtendRequest): Promise<CycleProjection> {
    const event = this.accept(decideExtend(this.snapshot, request, this.now(), this.env));
    // Only cycles that take the notice send it, so histories recorded before it replay unchanged.
    return this.step(
      event.type === 'EXTEND' && patched(PATCHES.extensionNotice) ? { ...event, notifyParties: true } : event,
    );
  }

  validateWaive(request: WaiveRequest): void {
    this.accept(decideWaive(this.snapshot, request, this.now()));
  }
  waive(request: WaiveRequest): Promise<CycleProjection> {
    return this.step(this.accept(decideWaive(this.snapshot, request, this.now())));
  }

  validateResend(request: ResendRequest): void {
    this.accept(decideResend(this.snapshot, request, this.now()));
  }
  resend(request: ResendRequest): Promise<CycleProjection> {
    return this.step(this.accept(decideResend(this.snapshot, request, this.now())));
  }

  validateDissolve(request: DissolveRequest): void {
    this.accept(decideDissolve(this.snapshot, request, this.now()));
  }
  dissolve(request: DissolveRequest): Promise<CycleProjection> {
    return this.step(this.accept(decideDissolve(this.snapshot, request, this.now())));
  }

  validateEndPeriod(request: EndPeriodRequest): void {
    this.accept(decideEndPeriod(this.snapshot, request, this.now()));
  }
  endPeriod(request: EndPeriodRequest): Promise<CycleProjection> {
    return this.step(this.accept(decideEndPeriod(this.snapshot, request, this.now())));
  }

  /** A per-pair rating or positive factors: always refused (units are rated in their evaluation). */
  validatePairRating(): void {
    this.accept(decidePairRating());
  }
  pairRating(): Promise<CycleProjection> {
    return this.step(this.accept(decidePairRating()));
  }

  /** A unit's confirmed rating (a Signal: one the machine would not accept is ignored). */
  unitRated(signal: UnitRatedSignal): void {
    const decision = decideUnitRated(this.snapshot, signal, this.now());
    if (decision.ok) void this.step(decision.event);
  }

  // -------------------------------------------------------------------------------------------------------------
  // The transition and its effects

  /** The event of an accepted decision; a refusal is thrown as the failure the caller reads. */
  private accept(decision: Decision): CycleEvent {
    // The catalogue message travels as the failure's detail, so a caller can show it in its reader's language.
    if (!decision.ok)
      throw ApplicationFailure.nonRetryable(bilingualOf(decision.message), decision.type, decision.message);
    return decision.event;
  }

  /** One transition: new snapshot, timers, search attributes, then its effects; resolves once they are written. */
  private async step(event: CycleEvent): Promise<CycleProjection> {
    const [next, actions] = transition(cycleMachine, this.snapshot, event);
    this.snapshot = next;
    await this.run(cycleActions(actions));
    return projectCycle(this.snapshot);
  }

  private run(actions: readonly CycleAction[]): Promise<void> {
    this.version += 1;
    for (const action of actions) {
      if (action.type === 'scheduleTimer') this.timers.set(action.params.timerId, action.params);
      else if (action.type === 'cancelTimer') this.timers.delete(action.params.timerId);
    }
    const projection = projectCycle(this.snapshot);
    this.index(projection);
    return this.effects.add(actions, projection);
  }

  private indexValues(p: CycleProjection): Indexed {
    return { phase: p.phase, overdue: p.overdue, escalationLevel: p.escalationLevel };
  }

  /** Upserts the search attributes that follow the state, only when one of them changed. */
  private index(projection: CycleProjection): void {
    if (!this.indexed) return;
    const values = this.indexValues(projection);
    const last = this.lastIndexed;
    if (
      last &&
      last.phase === values.phase &&
      last.overdue === values.overdue &&
      last.escalationLevel === values.escalationLevel
    )
      return;
    this.lastIndexed = values;
    upsertSearchAttributes([
      { key: PHASE, value: values.phase },
      { key: OVERDUE, value: values.overdue },
      { key: ESCALATION_LEVEL, value: values.escalationLevel },
    ]);
  }
}
