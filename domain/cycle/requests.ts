/**
 * The requests a cycle accepts, in the shape callers send them (the arguments of the workflow's Updates and
 * Signals). Their names and fields are a wire contract shared by the CLI, the web server, the simulator and the
 * workflow: add optional fields, never rename one. Payloads are validated by `schemas.ts`.
 */
import { z } from 'zod';
import { lazily } from '../lazy';
import type { CycleRefusal } from './check';
import { safeParsed, storable } from './schemas';
import {
  OBLIGATION_IDS,
  SUBMITTABLE_OBLIGATIONS,
  type CycleRating,
  type ObligationId,
  type Side,
  type SubmittableObligation,
} from './types';

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

// ---------------------------------------------------------------------------------------------------------------
// The envelopes' shapes: what a request must look like before its payload is even read. Updates arrive as JSON
// from anyone who can reach the engine, so a request of the wrong shape is refused like bad data, never thrown.

/**
 * The shape of each request kind (the payload inside is checked by `schemas.ts`), built on first use
 * (`domain/lazy.ts`).
 */
export const requestEnvelopes = lazily(() => {
  const actor = z
    .string({ error: 'cycle.invalid.type' })
    .min(1, { error: 'cycle.invalid.empty' })
    .max(200, { error: 'cycle.invalid.tooLong' })
    .superRefine(storable);
  const side = z.enum(['sponsor', 'recipient'], { error: 'cycle.invalid.choice' });
  const obligation = z.enum(OBLIGATION_IDS, { error: 'cycle.invalid.choice' });
  // Any object: its fields are the payload schema's to judge. Not `z.record`, whose check (zod 4.1) reads
  // `data.constructor.prototype`: a `constructor` key made it throw (null) or refuse the object (any other value).
  const data = z.looseObject({}, { error: 'cycle.invalid.type' });

  const envelopes = {
    submit: z.looseObject({
      obligation: z.enum(SUBMITTABLE_OBLIGATIONS, { error: 'cycle.invalid.choice' }),
      side,
      actor,
      data,
    }),
    progress: z.looseObject({ side, actor, data }),
    extend: z.looseObject({ actor, obligation }),
    waive: z.looseObject({ actor, obligation }),
    resend: z.looseObject({ actor, obligation }),
    dissolve: z.looseObject({ actor }),
    endPeriod: z.looseObject({ actor }),
    unitRated: z.looseObject({ side, actor, unitCode: z.string(), rating: z.string(), at: z.string() }),
  } as const;
  return envelopes;
});

/** A request kind with an envelope. */
export type RequestKind = keyof ReturnType<typeof requestEnvelopes>;

/** The first problem of a request's shape as a catalogue message, or `undefined` when its shape is right. */
export function envelopeProblem(kind: RequestKind, request: unknown): CycleRefusal | undefined {
  const result = safeParsed(requestEnvelopes()[kind], request);
  if (result === undefined) return { key: 'cycle.invalid.type', params: { field: '(request)' } };
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(request)';
  const key = issue?.message;
  return {
    key:
      key === 'cycle.invalid.choice' ||
      key === 'cycle.invalid.empty' ||
      key === 'cycle.invalid.tooLong' ||
      key === 'cycle.invalid.nul' ||
      key === 'cycle.invalid.surrogate'
        ? key
        : 'cycle.invalid.type',
    params: { field, ...(issue?.code === 'too_big' ? { max: 200 } : {}) },
  };
}
