/** The Schedule of the leadership digest: working-day mornings (default 07:30 local, Monday–Friday). */
import type { Client, ScheduleOptions } from '@temporalio/client';
import { ensureSchedule } from './ensure';
import type { AppConfig } from '../worker/config';

/** The Schedule's ID (stable: operators and the engine's UI refer to it). */
export const DIGEST_SCHEDULE_ID = 'leadership-digest';

/**
 * The workflow type the Schedule starts: the name of `leadershipDigestWorkflow` (workflows/leadership-digest.ts),
 * by name so that no workflow code is loaded here. A wire contract; the Schedule test runs it.
 */
const DIGEST_WORKFLOW_TYPE = 'leadershipDigestWorkflow';

/** The Schedule's definition; holidays are skipped by the activity, which reads the holiday table. */
export function digestSchedule(config: Pick<AppConfig, 'temporal' | 'mail'>): ScheduleOptions {
  const [hour, minute] = config.mail.digestTime.split(':').map(Number);
  return {
    scheduleId: DIGEST_SCHEDULE_ID,
    spec: {
      calendars: [
        {
          dayOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
          hour: hour ?? 7,
          minute: minute ?? 30,
        },
      ],
      timezone: 'Asia/Ho_Chi_Minh',
    },
    action: {
      type: 'startWorkflow',
      workflowType: DIGEST_WORKFLOW_TYPE,
      args: [{}],
      taskQueue: config.temporal.taskQueue,
      workflowId: 'leadership-digest',
    },
    // A digest missed by more than half a day is stale: tomorrow's covers it (nothing is lost, only merged).
    policies: { overlap: 'SKIP', catchupWindow: '12 hours' },
  };
}

/** Creates the Schedule, or updates it to the current definition; returns what it did. */
export function ensureDigestSchedule(
  client: Client,
  config: Pick<AppConfig, 'temporal' | 'mail'>,
): Promise<'created' | 'updated'> {
  return ensureSchedule(client, digestSchedule(config));
}
