/**
 * Opens a cycle year: started by the yearly Schedule at 00:05 local on 1 January (and usable by hand). The
 * year defaults to the current year in Asia/Ho_Chi_Minh at the time the workflow runs.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { YearOpenerActivities } from '../activities/year-opener';
import type { OpenYearResult } from '../activities/year-opener';

const { openCycleYear } = proxyActivities<YearOpenerActivities>({
  startToCloseTimeout: '1 hour',
  // The activity heartbeats at least every 5 s while it runs, so a crashed worker is noticed within 30 s and
  // the retry resumes after the last pair the server heard of (timeouts are no part of replay: safe to change).
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes' },
});

/** Input of {@link yearOpenerWorkflow}. */
export interface YearOpenerInput {
  /** The year to open; default: the local year of `openedAt`, or of the workflow's time. */
  readonly year?: number;
  /** The injected clock (tests): the business instant the cycles open at; default: the engine's time. */
  readonly openedAt?: string;
}

/** Starts one cycle workflow per active pair of the year. */
export async function yearOpenerWorkflow(input: YearOpenerInput = {}): Promise<OpenYearResult> {
  // Workflow time is deterministic; +7 h gives the local calendar year (no daylight saving in Vietnam).
  const now = input.openedAt !== undefined ? Date.parse(input.openedAt) : Date.now();
  const year = input.year ?? new Date(now + 7 * 3600_000).getUTCFullYear();
  return openCycleYear({ year, ...(input.openedAt !== undefined ? { openedAt: input.openedAt } : {}) });
}
