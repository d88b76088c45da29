/**
 * The one client of the engine's Updates, used by the CLI, the simulator and the web server: send an Update to
 * a pair's cycle or a unit's evaluation and unwrap its outcome, so every caller shows the workflow's own accept
 * or refuse message. A refusal carries the catalogue message (key and params) for the reader's language and its
 * failure type: `CycleRefusal` / `EvaluationRefusal` (wrong phase, party, state), `InvalidPayload` (bad data),
 * `NotFound` (no such cycle, unit or successor pair). Transport trouble (server down) is thrown as is: the
 * caller says "try again". A `requestId` becomes the Update's ID, so a retried request is applied once.
 */
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type {
  DissolveRequest,
  EndPeriodRequest,
  ExtendRequest,
  ProgressRequest,
  ResendRequest,
  SubmitRequest,
  WaiveRequest,
} from '../domain/cycle/requests';
import type { CycleProjection } from '../domain/cycle/types';
import { bilingualOf, type Message } from '../domain/messages';
import {
  CYCLE_MESSAGES,
  cycleWorkflowId,
  UNIT_EVALUATION_MESSAGES,
  unitEvaluationWorkflowId,
} from '../domain/workflow-ids';
import type { PrismaClient } from '../generated/prisma';
import type { RateUnitRequest, UnitFactorsRequest } from '../machines/unit-evaluation';
import type { UnitEvaluationStatus } from '../workflows/unit-evaluation/status';

/** Why a command was not applied. */
export interface Refusal {
  /** `CycleRefusal`, `EvaluationRefusal`, `InvalidPayload` or `NotFound`. */
  readonly type: string;
  /** The catalogue message, for the reader's language. */
  readonly message: Message;
  /** The same in Vietnamese then English (CLI, logs). */
  readonly text: string;
}

/** The outcome of a command: the new state, or the refusal. */
export type CommandResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: Refusal };

/** Options of one command. */
export interface CommandOptions {
  /** A caller's ID for the request (e.g. a form's token): a retry with the same ID is applied once. */
  readonly requestId?: string;
}

function refusal(type: string, message: Message): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { type, message, text: bilingualOf(message) } };
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/** Turns an Update's failure into a refusal; anything else (the server unreachable…) is thrown again. */
function unwrap(error: unknown, notFound: Message): { ok: false; refusal: Refusal } {
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) {
      const detail = cause.details?.[0];
      if (isMessage(detail)) return refusal(cause.type ?? 'CycleRefusal', detail);
      return refusal(cause.type ?? 'CycleRefusal', {
        key: 'commands.refused',
        params: { reason: cause.message },
      });
    }
  }
  if (error instanceof WorkflowNotFoundError) return refusal('NotFound', notFound);
  throw error;
}

/** Sends Updates to cycles and unit evaluations. */
export class CycleCommands {
  constructor(
    private readonly client: Client,
    /** To check that a successor pair exists before a re-pairing is sent (optional for read-only callers). */
    private readonly prisma?: Pick<PrismaClient, 'pair'>,
  ) {}

  private handle(workflowId: string): WorkflowHandle {
    return this.client.workflow.getHandle(workflowId);
  }

  private async send<T>(run: () => Promise<T>, notFound: Message): Promise<CommandResult<T>> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return unwrap(error, notFound);
    }
  }

  private update<T, A>(
    workflowId: string,
    name: string,
    request: A,
    options: CommandOptions,
    notFound: Message,
  ) {
    return this.send(
      () =>
        this.handle(workflowId).executeUpdate<T, [A]>(name, {
          args: [request],
          ...(options.requestId !== undefined ? { updateId: options.requestId } : {}),
        }),
      notFound,
    );
  }

  /**
   * The status of a workflow that exists but no longer runs (`COMPLETED`, `TERMINATED`…), or undefined when it
   * runs or does not exist: the server answers an Update to a closed workflow as to an unknown one.
   */
  private async closedStatus(workflowId: string): Promise<string | undefined> {
    try {
      const { status } = await this.handle(workflowId).describe();
      return status.name === 'RUNNING' ? undefined : status.name;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  /** An Update of a pair's cycle by its name (`CYCLE_MESSAGES`); prefer the named methods below. */
  async cycleUpdate<A>(
    pairCode: string,
    year: number,
    name: string,
    request: A,
    options: CommandOptions,
  ): Promise<CommandResult<CycleProjection>> {
    const workflowId = cycleWorkflowId(pairCode, year);
    const result = await this.update<CycleProjection, A>(workflowId, name, request, options, {
      key: 'commands.notRunning',
      params: { pairCode, year },
    });
    if (result.ok || result.refusal.type !== 'NotFound' || !(await this.closedStatus(workflowId)))
      return result;
    // A closed cycle refuses every action with the workflow's own words for it (dissolved, re-paired, rated).
    return refusal('CycleRefusal', { key: 'cycle.closed', params: { pairCode, year } });
  }

  /** A submission of O1, O2, O3, O5 or O6. */
  submit(pairCode: string, year: number, request: SubmitRequest, options: CommandOptions = {}) {
    return this.cycleUpdate(pairCode, year, CYCLE_MESSAGES.submit, request, options);
  }

  /** A progress entry (O4). */
  progress(pairCode: string, year: number, request: ProgressRequest, options: CommandOptions = {}) {
    return this.cycleUpdate(pairCode, year, CYCLE_MESSAGES.progress, request, options);
  }

  /** Extend an obligation's deadline. */
  extend(pairCode: string, year: number, request: ExtendRequest, options: CommandOptions = {}) {
    return this.cycleUpdate(pairCode, year, CYCLE_MESSAGES.extend, request, options);
  }

  /** Waive an owed obligation. */
  waive(pairCode: string, year: number, request: WaiveRequest, options: CommandOptions = {}) {
    return this.cycleUpdate(pairCode, year, CYCLE_MESSAGES.waive, request, options);
  }

  /** Resend an obligation's reminder. */
  resend(pairCode: string, year: number, request: ResendRequest, options: CommandOptions = {}) {
    return this.cycleUpdate(pairCode, year, CYCLE_MESSAGES.resend, request, options);
  }

  /** Dissolve the pair now, or re-pair it into a successor pair that must exist in the roster. */
  async dissolve(pairCode: string, year: number, request: DissolveRequest, options: CommandOptions = {}) {
    const missing = await this.missingSuccessor(request.successorPairCode);
    if (missing) return missing;
    return this.cycleUpdate(pairCode, year, CYCLE_MESSAGES.dissolve, request, options);
  }

  /** End the pair's period on a day (a merger), re-paired into a successor pair that must exist. */
  async endPeriod(pairCode: string, year: number, request: EndPeriodRequest, options: CommandOptions = {}) {
    const missing = await this.missingSuccessor(request.successorPairCode);
    if (missing) return missing;
    return this.cycleUpdate(pairCode, year, CYCLE_MESSAGES.endPeriod, request, options);
  }

  /** The cycle's projection (its status query). */
  status(pairCode: string, year: number): Promise<CommandResult<CycleProjection>> {
    return this.send(
      () => this.handle(cycleWorkflowId(pairCode, year)).query<CycleProjection>(CYCLE_MESSAGES.status),
      {
        key: 'commands.notRunning',
        params: { pairCode, year },
      },
    );
  }

  /**
   * An Update of a unit's evaluation. One that has finished (confirmed, or nothing to rate) is refused with the
   * words its validator would have used, from its result; one never started is `evaluation.unit.notStarted`.
   */
  private async unitUpdate<A>(
    unitCode: string,
    year: number,
    name: string,
    request: A,
    options: CommandOptions,
  ): Promise<CommandResult<UnitEvaluationStatus>> {
    const workflowId = unitEvaluationWorkflowId(unitCode, year);
    const result = await this.update<UnitEvaluationStatus, A>(workflowId, name, request, options, {
      key: 'evaluation.unit.notStarted',
      params: { unitCode, year },
    });
    if (result.ok || result.refusal.type !== 'NotFound') return result;
    if ((await this.closedStatus(workflowId)) !== 'COMPLETED') return result;
    const status = (await this.handle(workflowId).result()) as UnitEvaluationStatus;
    if (status.phase !== 'confirmed' || !status.final)
      return refusal('EvaluationRefusal', {
        key: 'evaluation.unit.nothingToRate',
        params: { unitCode, year },
      });
    const level = status.proposal?.scale.find((l) => l.id === status.final?.rating);
    return refusal('EvaluationRefusal', {
      key: 'evaluation.unit.alreadyConfirmed',
      params: {
        unitCode,
        year,
        ratingVi: level?.vi ?? status.final.rating,
        ratingEn: level?.en ?? status.final.rating,
      },
    });
  }

  /** Confirm or override a unit's proposal: its final rating, recorded once. */
  rateUnit(unitCode: string, year: number, request: RateUnitRequest, options: CommandOptions = {}) {
    return this.unitUpdate(unitCode, year, UNIT_EVALUATION_MESSAGES.rate, request, options);
  }

  /** Record (or clear) a unit's positive factors. */
  unitFactors(unitCode: string, year: number, request: UnitFactorsRequest, options: CommandOptions = {}) {
    return this.unitUpdate(unitCode, year, UNIT_EVALUATION_MESSAGES.positiveFactors, request, options);
  }

  /** A unit's evaluation state. */
  unitStatus(unitCode: string, year: number): Promise<CommandResult<UnitEvaluationStatus>> {
    return this.send(
      () =>
        this.handle(unitEvaluationWorkflowId(unitCode, year)).query<UnitEvaluationStatus>(
          UNIT_EVALUATION_MESSAGES.status,
        ),
      { key: 'evaluation.unit.notStarted', params: { unitCode, year } },
    );
  }

  private async missingSuccessor(
    code: string | undefined,
  ): Promise<{ ok: false; refusal: Refusal } | undefined> {
    // A request from the web is as sent: a code that is no text at all is the workflow's to refuse (its type),
    // and would make the lookup throw.
    if (typeof code !== 'string' || !this.prisma) return undefined;
    const found = await this.prisma.pair.findUnique({ where: { code }, select: { id: true } });
    return found ? undefined : refusal('NotFound', { key: 'commands.successorUnknown', params: { code } });
  }
}
