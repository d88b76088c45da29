/**
 * Every activity the worker registers, built from the clients the worker owns. Each area contributes a
 * factory (`createXActivities(deps)`); the worker calls this once at start-up.
 */
import type { Transporter } from 'nodemailer';
import type { PrismaClient } from '../generated/prisma';
import type { AppConfig } from '../worker/config';
import { createCycleEffectsActivities } from './cycle-effects';

/** The clients activities may use. */
export interface ActivityDeps {
  readonly prisma: PrismaClient;
  readonly mailer: Transporter;
  readonly config: AppConfig;
}

/** All activities, by name. */
export function createActivities(deps: ActivityDeps): Record<string, (...args: never[]) => Promise<unknown>> {
  return { ...createCycleEffectsActivities(deps) };
}
