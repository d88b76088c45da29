/**
 * The requests a cycle accepts, in the shape callers send them (the arguments of the workflow's Updates and
 * Signals). Their names and fields are a wire contract shared by the CLI, the web server, the simulator and the
 * workflow: add optional fields, never rename one. Payloads are validated by `schemas.ts`.
 */
import type { CycleRating, ObligationId, Side, SubmittableObligation } from './types';

/** Who submits: the side of the pair and an opaque actor ID (a user ID or `cli:…`, never a name). */
export interface Submitter {
  readonly side: Side;
  readonly actor: string;
}

/** A submission of O1, O2, O3 (one side's signature), O5 or O6. */
export interface SubmitRequest extends Submitter {
  readonly obligation: SubmittableObligation;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A progress entry during implementation (O4). */
export interface ProgressRequest extends Submitter {
  readonly data: Readonly<Record<string, unknown>>;
}

/** An administrator extends one obligation's deadline. */
export interface ExtendRequest {
  readonly actor: string;
  readonly obligation: ObligationId;
  /** The new last day, yyyy-mm-dd (the year's policy may roll it forward). */
  readonly newDate: string;
  readonly reason: string;
  readonly decisionNumber?: string;
}

/** Waiving an owed obligation. */
export interface WaiveRequest {
  readonly actor: string;
  readonly obligation: ObligationId;
  readonly reason: string;
}

/** Re-sending an obligation's reminder now. */
export interface ResendRequest {
  readonly actor: string;
  readonly obligation: ObligationId;
}

/** Dissolving the pair now, or re-pairing it into a successor when units merge. */
export interface DissolveRequest {
  readonly actor: string;
  readonly reason: string;
  readonly successorPairCode?: string;
}

/**
 * Ending the pair's period on a given day (units merged, the plan period ends): later obligations are not
 * applicable and the cycle closes at the end of that day, re-paired into `successorPairCode` if given.
 */
export interface EndPeriodRequest {
  readonly actor: string;
  /** The pair's last day, yyyy-mm-dd. */
  readonly lastDay: string;
  readonly reason: string;
  readonly successorPairCode?: string;
  readonly decisionNumber?: string;
}

/** The final rating of both sides (O7), for cycles started before units were rated as units. */
export interface RateRequest extends CycleRating {
  readonly actor: string;
}

/** Positive factors of one side, for cycles started before units were rated as units. */
export interface PositiveFactorsRequest {
  readonly actor: string;
  readonly side: Side;
  /** The factors in words; an empty text clears them. */
  readonly text: string;
}

/** A unit's confirmed rating, signalled by its evaluation to each of its cycles. */
export interface UnitRatedSignal {
  readonly side: Side;
  readonly unitCode: string;
  /** The level id of the year's scale. */
  readonly rating: string;
  readonly actor: string;
  /** ISO instant of the confirmation. */
  readonly at: string;
  readonly reason?: string;
  readonly decisionNumber?: string;
}
