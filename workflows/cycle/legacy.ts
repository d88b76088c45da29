/**
 * The cycle workflow's body for cycles started before the runner (see `PATCHES.runner` in `messages.ts`): the
 * code as it was, so that their histories replay. It feeds the same statechart, which only ever added action
 * kinds and events this code does not use.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { initialTransition, transition } from 'xstate';
import type { CycleEffects, CycleEffectsActivities } from '../../activities/cycle-effects';
import type { EvaluationActivities, ProposalSummary } from '../../activities/evaluation';
import type { MailDeliveryActivities } from '../../activities/mail-delivery';
import { MAIL_DELIVERY_ACTIVITY_OPTIONS } from '../../domain/mail/delivery-options';
import { extendedSchedule, resolveSettings, WorkingCalendar, yearSchedule } from '../../domain/calendar';
import { checkSubmissionAllowed, type CycleRequest } from '../../domain/cycle/check';
import {
  OBLIGATION_PAYLOAD,
  validatePayload,
  type Payload,
  type PayloadKind,
} from '../../domain/cycle/schemas';
import type { CycleProjection, ObligationId } from '../../domain/cycle/types';
import { checkRatingConfirmation } from '../../domain/evaluation/confirm';
import { bilingual, bilingualOf } from '../../domain/messages';
import {
  cycleActions,
  cycleInputFromCalendar,
  cycleMachine,
  machineSchedule,
  phaseOf,
  projectCycle,
  type CycleAction,
  type CycleEvent,
  type CycleSnapshot,
  type PendingTimer,
} from '../../machines/cycle';
import {
  ESCALATION_LEVEL,
  OVERDUE,
  PHASE,
  RECIPIENT,
  SPONSOR,
  YEAR,
} from '../../domain/cycle/search-attributes';
import {
  dissolveUpdate,
  extendUpdate,
  PATCHES,
  positiveFactorsUpdate,
  progressUpdate,
  rateUpdate,
  resendUpdate,
  statusQuery,
  submitUpdate,
  waiveUpdate,
  type DissolveRequest,
  type ExtendRequest,
  type PositiveFactorsRequest,
  type ProgressRequest,
  type RateRequest,
  type ResendRequest,
  type SubmitRequest,
  type TwinningCycleInput,
  type WaiveRequest,
} from './messages';

const { applyCycleEffects } = proxyLocalActivities<CycleEffectsActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const { deliverNotification } = proxyActivities<MailDeliveryActivities>(MAIL_DELIVERY_ACTIVITY_OPTIONS);

const evaluation = proxyActivities<EvaluationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/**
 * The cycle as it ran before the runner (`PATCHES.runner`): cycles started then replay and finish on this code.
 * Frozen: change nothing here but what keeps it compiling against the shared machine; delete it once no cycle
 * started before the runner can still be running (their years end by February 2028).
 */
export async function legacyCycle(input: TwinningCycleInput): Promise<CycleProjection> {
  const info = workflowInfo();
  const settings = resolveSettings(input.year, input.settings ?? {});
  const calendar = WorkingCalendar.fromEntries(input.calendarDays);
  const schedule = yearSchedule(input.year, settings, calendar);
  // Workflow time is deterministic (it comes from history), so the offset is the same on every replay.
  const offsetMs = input.businessStart ? Date.parse(input.businessStart) - Date.now() : 0;
  const nowMs = (): number => Date.now() + offsetMs;
  const now = (): string => new Date(nowMs()).toISOString();

  const [initial, initialActions] = initialTransition(
    cycleMachine,
    cycleInputFromCalendar({
      workflowId: info.workflowId,
      pairCode: input.pairCode,
      year: input.year,
      openedAt: now(),
      schedule,
    }),
  );
  let snapshot: CycleSnapshot = initial;
  const indexed = input.searchAttributes ?? true;
  // Decided once, at the start of the run: cycles started before a change keep their old behaviour on replay.
  const deliversMail = patched(PATCHES.mailDelivery);
  const ratesThroughEvaluation = patched(PATCHES.ratings);
  const deliveries = new Set<Promise<unknown>>();
  let proposals: { sponsor: ProposalSummary; recipient: ProposalSummary } | undefined;
  let proposing = false;
  let sequence = 0;
  const timers = new Map<string, PendingTimer>();
  // Effects run one transition at a time, in order: a later read-model write never overtakes an earlier one.
  let effectsChain: Promise<void> = Promise.resolve();

  const collect = (actions: readonly CycleAction[], extra: Partial<CycleEffects> = {}): void => {
    const effects: CycleEffects = {
      workflowId: info.workflowId,
      pairCode: input.pairCode,
      year: input.year,
      sequence: ++sequence,
      projection: projectCycle(snapshot),
      records: [],
      notifications: [],
      submissions: extra.submissions ?? [],
      progress: extra.progress ?? [],
    };
    for (const action of actions) {
      switch (action.type) {
        case 'scheduleTimer':
          timers.set(action.params.timerId, action.params);
          break;
        case 'cancelTimer':
          timers.delete(action.params.timerId);
          break;
        case 'notify':
          effects.notifications.push(action.params);
          break;
        case 'record':
          effects.records.push(action.params.entry);
          break;
        case 'changePair':
          // The roster change is an explicit action now; it only alters the effects activity's input.
          effects.pairChange = action.params;
          break;
      }
    }
    const p = effects.projection;
    if (indexed)
      upsertSearchAttributes([
        { key: PHASE, value: p.phase },
        { key: OVERDUE, value: p.overdue },
        { key: ESCALATION_LEVEL, value: p.escalationLevel },
      ]);
    const entersEvaluation = ratesThroughEvaluation && p.phase === 'evaluation' && !proposing;
    if (entersEvaluation) proposing = true;
    effectsChain = effectsChain.then(async () => {
      await applyCycleEffects(effects);
      if (deliversMail) {
        for (const n of effects.notifications) {
          // A failed delivery is already FAILED in the ledger and raised to the administrators: it never fails
          // the cycle. Deliveries run beside the effects chain, so days of 4xx retries hold nothing up.
          const delivery: Promise<unknown> = deliverNotification({
            idempotencyKey: n.idempotencyKey,
            parties: n.parties,
          })
            .catch(() => undefined)
            .finally(() => deliveries.delete(delivery));
          deliveries.add(delivery);
        }
      }
      // The proposal reads the read model, so it runs after the transition that entered evaluation is written.
      if (entersEvaluation) proposals = await evaluation.proposeRatings({ workflowId: info.workflowId });
    });
  };

  const step = (event: CycleEvent, extra?: Partial<CycleEffects>): CycleProjection => {
    const [next, actions] = transition(cycleMachine, snapshot, event);
    snapshot = next;
    collect(cycleActions(actions), extra);
    return projectCycle(snapshot);
  };

  if (indexed)
    upsertSearchAttributes([
      { key: YEAR, value: input.year },
      { key: SPONSOR, value: input.sponsorCode },
      { key: RECIPIENT, value: input.recipientCode },
    ]);
  collect(cycleActions(initialActions));

  // A validator refuses in the caller's language pair; nothing refused ever reaches history.
  const refuseUnless = (request: CycleRequest): void => {
    const result = checkSubmissionAllowed(projectCycle(snapshot), request);
    if (!result.ok) {
      throw ApplicationFailure.nonRetryable(bilingualOf(result.message), 'CycleRefusal');
    }
  };

  // Payloads are validated in the validator (refused ones never reach history) and normalised again in the
  // handler, which is pure and cheap, so the handler always works on the canonical form.
  const validated = <K extends PayloadKind>(kind: K, payload: unknown): Payload<K> => {
    const result = validatePayload(kind, payload);
    if (!result.ok) throw ApplicationFailure.nonRetryable(bilingualOf(result.message), 'InvalidPayload');
    return result.value;
  };

  setHandler(statusQuery, () => projectCycle(snapshot));

  setHandler(
    submitUpdate,
    (request) => {
      const submissionId = currentUpdateInfo()?.id ?? `${sequence}`;
      return Promise.resolve(
        step(
          {
            type: 'SUBMIT',
            obligation: request.obligation,
            side: request.side,
            at: now(),
            submissionId,
            actor: request.actor,
            data: request.data,
          },
          {
            submissions: [
              {
                idempotencyKey: `${info.workflowId}:${submissionId}`,
                obligation: request.obligation,
                side: request.side,
                actor: request.actor,
                at: now(),
                data: validated(OBLIGATION_PAYLOAD[request.obligation], request.data),
              },
            ],
          },
        ),
      );
    },
    {
      validator: (request: SubmitRequest) => {
        refuseUnless({ action: 'submit', obligation: request.obligation, side: request.side });
        validated(OBLIGATION_PAYLOAD[request.obligation], request.data);
      },
    },
  );

  setHandler(
    progressUpdate,
    (request) => {
      const entryId = currentUpdateInfo()?.id ?? `${sequence}`;
      return Promise.resolve(
        step(
          { type: 'PROGRESS', at: now(), entryId, actor: request.actor, data: request.data },
          {
            progress: [
              {
                idempotencyKey: `${info.workflowId}:${entryId}`,
                actor: request.actor,
                at: now(),
                data: validated('progressEntry', request.data),
              },
            ],
          },
        ),
      );
    },
    {
      validator: (request: ProgressRequest) => {
        refuseUnless({ action: 'progress', side: request.side });
        validated('progressEntry', request.data);
      },
    },
  );

  const scheduleOf = (obligation: ObligationId) => {
    const current = schedule.obligations.find((o) => o.obligation === obligation);
    if (!current) throw new Error(`no schedule for ${obligation}`);
    const view = projectCycle(snapshot).obligations.find((o) => o.id === obligation);
    // Extend from the obligation's current effective day, which an earlier extension may have moved.
    return view ? { ...current, effective: view.effectiveDue } : current;
  };

  setHandler(
    extendUpdate,
    (request) => {
      const moved = machineSchedule(
        extendedSchedule(scheduleOf(request.obligation), request.newDate, settings, calendar),
      );
      return Promise.resolve(
        step({
          type: 'EXTEND',
          obligation: request.obligation,
          at: now(),
          newEffectiveDue: moved.effectiveDue,
          endsAt: moved.endsAt,
          reminders: moved.reminders,
          escalations: moved.escalations,
          reason: request.reason,
          ...(request.decisionNumber ? { decisionNumber: request.decisionNumber } : {}),
          actor: request.actor,
        }),
      );
    },
    {
      validator: (request: ExtendRequest) => {
        validated('extend', {
          newDate: request.newDate,
          reason: request.reason,
          decisionNumber: request.decisionNumber,
        });
        const current = scheduleOf(request.obligation);
        let newEndsAt: string | undefined;
        try {
          newEndsAt = extendedSchedule(current, request.newDate, settings, calendar).effectiveEndsAt;
        } catch {
          newEndsAt = undefined;
        }
        refuseUnless({
          action: 'extend',
          obligation: request.obligation,
          at: now(),
          newDate: request.newDate,
          ...(newEndsAt ? { newEndsAt } : {}),
        });
      },
    },
  );

  setHandler(
    waiveUpdate,
    (request) =>
      Promise.resolve(
        step({
          type: 'WAIVE',
          obligation: request.obligation,
          at: now(),
          reason: request.reason,
          actor: request.actor,
        }),
      ),
    {
      validator: (request: WaiveRequest) => {
        validated('waive', { reason: request.reason });
        refuseUnless({ action: 'waive', obligation: request.obligation });
      },
    },
  );

  setHandler(
    resendUpdate,
    (request) =>
      Promise.resolve(
        step({ type: 'RESEND', obligation: request.obligation, at: now(), actor: request.actor }),
      ),
    {
      validator: (request: ResendRequest) =>
        refuseUnless({ action: 'resend', obligation: request.obligation }),
    },
  );

  setHandler(
    dissolveUpdate,
    (request) =>
      Promise.resolve(
        step({
          type: 'DISSOLVE',
          at: now(),
          reason: request.reason,
          actor: request.actor,
          ...(request.successorPairCode ? { successorPairCode: request.successorPairCode } : {}),
        }),
      ),
    {
      validator: (request: DissolveRequest) => {
        validated('dissolve', { reason: request.reason, successorPairCode: request.successorPairCode });
        refuseUnless({ action: 'dissolve' });
      },
    },
  );

  setHandler(
    rateUpdate,
    async (request) => {
      if (ratesThroughEvaluation) {
        const at = now();
        for (const side of ['sponsor', 'recipient'] as const) {
          await evaluation.recordFinalRating({
            workflowId: info.workflowId,
            side,
            rating: side === 'sponsor' ? request.sponsorRating : request.recipientRating,
            ...(request.reason ? { reason: request.reason } : {}),
            ...(request.decisionNumber ? { decisionNumber: request.decisionNumber } : {}),
            actor: request.actor,
            at,
          });
        }
      }
      return step({
        type: 'RATE',
        at: now(),
        actor: request.actor,
        sponsorRating: request.sponsorRating,
        recipientRating: request.recipientRating,
        ...(request.reason ? { reason: request.reason } : {}),
        ...(request.decisionNumber ? { decisionNumber: request.decisionNumber } : {}),
      });
    },
    {
      validator: (request: RateRequest) => {
        const { actor: _actor, ...payload } = request;
        validated('rating', payload);
        refuseUnless({ action: 'rate' });
        if (!ratesThroughEvaluation) return;
        if (!proposals) {
          throw ApplicationFailure.nonRetryable(bilingual('evaluation.proposalNotReady'), 'ProposalNotReady');
        }
        for (const side of ['sponsor', 'recipient'] as const) {
          const result = checkRatingConfirmation({
            proposed: proposals[side].proposedRating,
            final: side === 'sponsor' ? request.sponsorRating : request.recipientRating,
            reason: request.reason ?? null,
            decisionNumber: request.decisionNumber ?? null,
            scale: { levels: proposals[side].scale },
          });
          if (!result.ok) throw ApplicationFailure.nonRetryable(bilingualOf(result.message), 'RatingRefused');
        }
      },
    },
  );

  setHandler(
    positiveFactorsUpdate,
    async (request) => {
      await evaluation.recordPositiveFactors({
        workflowId: info.workflowId,
        side: request.side,
        text: request.text,
        actor: request.actor,
      });
      proposals = await evaluation.proposeRatings({ workflowId: info.workflowId });
      return projectCycle(snapshot);
    },
    {
      validator: (request: PositiveFactorsRequest) => {
        if (request.text.length > 2000) {
          throw ApplicationFailure.nonRetryable(
            bilingual('evaluation.factorsTooLong', { max: 2000 }),
            'InvalidPayload',
          );
        }
        refuseUnless({ action: 'rate' });
        if (!ratesThroughEvaluation || !proposals) {
          throw ApplicationFailure.nonRetryable(bilingual('evaluation.proposalNotReady'), 'ProposalNotReady');
        }
      },
    },
  );

  // The timer loop: sleep until the earliest pending timer (one durable timer per wake-up), then feed every
  // timer that is due to the machine in time order. Updates wake the condition so a new timer is considered.
  let wakeFor = sequence;
  while (phaseOf(snapshot) !== 'closed') {
    const next = [...timers.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))[0];
    const seen = sequence;
    wakeFor = seen;
    if (!next) {
      await condition(() => sequence !== wakeFor || phaseOf(snapshot) === 'closed');
      continue;
    }
    const waitMs = Date.parse(next.at) - nowMs();
    if (waitMs > 0) {
      const interrupted = await condition(
        () => sequence !== wakeFor || phaseOf(snapshot) === 'closed',
        waitMs,
      );
      if (interrupted) continue;
    }
    const due = [...timers.values()]
      .filter((t) => Date.parse(t.at) <= nowMs())
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const timer of due) {
      if (!timers.has(timer.timerId)) continue;
      timers.delete(timer.timerId);
      step({ type: 'TIMER_FIRED', timerId: timer.timerId, at: now() });
    }
  }

  await effectsChain;
  await Promise.allSettled([...deliveries]);
  await condition(allHandlersFinished);
  return projectCycle(snapshot);
}
