/**
 * The leadership digest, started by the Schedule `leadership-digest` (07:30 local, Monday–Friday; the
 * activity skips holidays and days with nothing new). One activity: building and delivering the digest is all
 * I/O, and its ledger key (`digest:<yyyy-mm-dd>`) makes a retry or a second run on the same day harmless.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { LeadershipDigestActivities, SendDigestResult } from '../activities/leadership-digest';
import { MAIL_DELIVERY_ACTIVITY_OPTIONS } from '../domain/mail/delivery-options';

const { sendLeadershipDigest } = proxyActivities<LeadershipDigestActivities>(MAIL_DELIVERY_ACTIVITY_OPTIONS);

/** Input of {@link leadershipDigestWorkflow}. */
export interface LeadershipDigestInput {
  /** The instant the digest is for; default: the time the workflow starts (the Schedule's fire time). */
  readonly at?: string;
}

/** Sends the day's leadership digest, or skips it. */
export async function leadershipDigestWorkflow(input: LeadershipDigestInput = {}): Promise<SendDigestResult> {
  // The start time is fixed in history, so a replay computes the same day.
  const at = input.at ?? workflowInfo().startTime.toISOString();
  return sendLeadershipDigest({ at });
}
