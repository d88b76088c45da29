/**
 * The cycle workflow's wire contract: its ID, input, Updates, Signal and Query. Names are part of running cycles'
 * histories and of every caller (CLI, web, simulator): never rename one; add optional fields only.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DeliverNotificationInput } from '../../activities/mail-delivery';
import type { CalendarDayEntry, YearCalendarSettingsOverrides } from '../../domain/calendar';
import type {
  DissolveRequest,
  EndPeriodRequest,
  ExtendRequest,
  PositiveFactorsRequest,
  ProgressRequest,
  RateRequest,
  ResendRequest,
  SubmitRequest,
  UnitRatedSignal,
  WaiveRequest,
} from '../../domain/cycle/requests';
import type { CycleProjection } from '../../domain/cycle/types';
import { CYCLE_MESSAGES } from '../../domain/workflow-ids';
import type { PersistedCycle } from '../../machines/cycle';

export type {
  DissolveRequest,
  EndPeriodRequest,
  ExtendRequest,
  PositiveFactorsRequest,
  ProgressRequest,
  RateRequest,
  ResendRequest,
  SubmitRequest,
  Submitter,
  UnitRatedSignal,
  WaiveRequest,
} from '../../domain/cycle/requests';

/** Patch IDs of changes made while cycles were running (see README, "Versioning running cycles"). */
export const PATCHES = {
  /** Deliver each notification by e-mail after the ledger row is written. */
  mailDelivery: 'deliver-mail-v1',
  /** Propose ratings on entering evaluation; record final ratings through the evaluation activities. */
  ratings: 'propose-ratings-v1',
  /**
   * The runner: every decision from the machine, units rated as units, the pair's period, continue-as-new.
   * Cycles started before it run `legacy.ts` to their end.
   */
  runner: 'cycle-runner-v3',
  /** An extension sends the owed parties a reminder of the new deadline at once. */
  extensionNotice: 'extension-notice-v1',
} as const;

/** A submission of O1, O2, O3 (one side's signature), O5 or O6. */
export const submitUpdate = defineUpdate<CycleProjection, [SubmitRequest]>(CYCLE_MESSAGES.submit);
/** A progress entry. */
export const progressUpdate = defineUpdate<CycleProjection, [ProgressRequest]>(CYCLE_MESSAGES.progress);
/** Extend a deadline. */
export const extendUpdate = defineUpdate<CycleProjection, [ExtendRequest]>(CYCLE_MESSAGES.extend);
/** Waive an obligation. */
export const waiveUpdate = defineUpdate<CycleProjection, [WaiveRequest]>(CYCLE_MESSAGES.waive);
/** Resend a reminder. */
export const resendUpdate = defineUpdate<CycleProjection, [ResendRequest]>(CYCLE_MESSAGES.resend);
/** Dissolve or re-pair now. */
export const dissolveUpdate = defineUpdate<CycleProjection, [DissolveRequest]>(CYCLE_MESSAGES.dissolve);
/** End the pair's period on a given day (a merger of units), optionally re-paired. */
export const endPeriodUpdate = defineUpdate<CycleProjection, [EndPeriodRequest]>(CYCLE_MESSAGES.endPeriod);
/** Record the final rating of both sides (cycles started before unit ratings; see the `unitRated` signal). */
export const rateUpdate = defineUpdate<CycleProjection, [RateRequest]>(CYCLE_MESSAGES.rate);
/** Record positive factors and propose again (cycles started before unit ratings). */
export const positiveFactorsUpdate = defineUpdate<CycleProjection, [PositiveFactorsRequest]>(
  CYCLE_MESSAGES.positiveFactors,
);
/** A unit's confirmed rating, from its evaluation workflow. */
export const unitRatedSignal = defineSignal<[UnitRatedSignal]>(CYCLE_MESSAGES.unitRated);
/** The cycle's projection: phase, obligations, next timer, escalation level, flags. */
export const statusQuery = defineQuery<CycleProjection>(CYCLE_MESSAGES.status);

/** What a run hands to the next one when it continues as new. */
export interface ContinuedCycle {
  readonly snapshot: PersistedCycle;
  /** The sequence of the last read-model write (the next run goes on from it). */
  readonly sequence: number;
  /** Business time when the run ended (simulations and tests), so the next run keeps the same clock. */
  readonly businessNow?: string;
  /** Deliveries not yet finished: the next run starts them again (the ledger makes that harmless). */
  readonly deliveries: readonly DeliverNotificationInput[];
}

/** Everything the cycle needs, fixed when it starts (so replays compute the same dates). */
export interface TwinningCycleInput {
  readonly pairCode: string;
  readonly year: number;
  readonly sponsorCode: string;
  readonly recipientCode: string;
  /** Per-year overrides of the default calendar settings (policy, due dates, offsets). */
  readonly settings?: YearCalendarSettingsOverrides;
  /** The holiday table of the cycle year and the next (O7 falls in January). */
  readonly calendarDays: readonly CalendarDayEntry[];
  /** The pair's period within the year (yyyy-mm-dd), when it starts or ends inside it. */
  readonly period?: { readonly from?: string; readonly to?: string };
  /** Codes of the communes the pair covers (a mountain district's pair); progress may name only these. */
  readonly communes?: readonly string[];
  /**
   * Simulation and tests only: the business instant at which the workflow starts. Business time then runs at
   * the engine's pace from there, so a past or future year can be played through. Production cycles leave it
   * unset (business time = engine time).
   */
  readonly businessStart?: string;
  /**
   * With `businessStart`: the engine time (epoch ms) that business instant stands for. A simulation starts many
   * cycles and gives each the same anchor, so all their clocks and the simulator's agree to the millisecond;
   * without it a cycle's clock is anchored at its own start.
   */
  readonly businessStartEngineMs?: number;
  /**
   * Whether to set the typed search attributes (default true). The time-skipping test server used by
   * `twinning simulate` and the tests cannot register custom search attributes, so they pass false.
   */
  readonly searchAttributes?: boolean;
  /** Set by continue-as-new: the state the previous run ended in. */
  readonly continued?: ContinuedCycle;
}

export { cycleWorkflowId } from '../../domain/workflow-ids';
