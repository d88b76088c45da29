/**
 * Every activity the worker registers, built from the clients the worker owns. Each area contributes a
 * factory (`createXActivities(deps)`); the worker calls this once at start-up.
 */
import type { Client } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import type { PrismaClient } from '../generated/prisma';
import type { AppConfig } from '../worker/config';
import { createCycleEffectsActivities } from './cycle-effects';
import { createEvaluationActivities } from './evaluation';
import { createLeadershipDigestActivities } from './leadership-digest';
import { createMailDeliveryActivities } from './mail-delivery';
import { createUnitEvaluationActivities } from './unit-evaluation';
import { createYearOpenerActivities } from './year-opener';

/** The clients activities may use. */
export interface ActivityDeps {
  readonly prisma: PrismaClient;
  readonly mailer: Transporter;
  readonly config: AppConfig;
  /** A Temporal client (for activities that start workflows), connected on first use. */
  readonly temporalClient: () => Promise<Client>;
}

/** All activities, by name. */
export function createActivities(deps: ActivityDeps): Record<string, (...args: never[]) => Promise<unknown>> {
  return {
    ...createCycleEffectsActivities(deps),
    ...createMailDeliveryActivities(deps),
    ...createLeadershipDigestActivities(deps),
    ...createEvaluationActivities(deps),
    ...createUnitEvaluationActivities(deps),
    ...createYearOpenerActivities({
      prisma: deps.prisma,
      client: deps.temporalClient,
      taskQueue: deps.config.temporal.taskQueue,
      ...(deps.config.cycleOpenConcurrency !== undefined
        ? { concurrency: deps.config.cycleOpenConcurrency }
        : {}),
    }),
  };
}
