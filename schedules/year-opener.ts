/** The yearly Schedule that opens the cycle year at 00:05 local time on 1 January. */
import type { Client, ScheduleOptions } from '@temporalio/client';
import { ensureSchedule } from './ensure';

/** The Schedule's ID (stable: operators and the engine's UI refer to it). */
export const YEAR_OPENER_SCHEDULE_ID = 'open-cycle-year';

/**
 * The workflow type the Schedule starts: the name of `yearOpenerWorkflow` (workflows/year-opener.ts), by name
 * so that no workflow code is loaded here. A wire contract; the Schedule test runs it.
 */
const YEAR_OPENER_WORKFLOW_TYPE = 'yearOpenerWorkflow';

/** The Schedule's definition. */
function yearOpenerSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: YEAR_OPENER_SCHEDULE_ID,
    spec: {
      calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour: 0, minute: 5 }],
      timezone: 'Asia/Ho_Chi_Minh',
    },
    action: {
      type: 'startWorkflow',
      workflowType: YEAR_OPENER_WORKFLOW_TYPE,
      args: [{}],
      taskQueue,
      workflowId: 'open-cycle-year',
    },
    policies: { overlap: 'SKIP', catchupWindow: '7 days' },
  };
}

/** Creates the Schedule, or updates it to the current definition; returns what it did. */
export function ensureYearOpenerSchedule(client: Client, taskQueue: string): Promise<'created' | 'updated'> {
  return ensureSchedule(client, yearOpenerSchedule(taskQueue));
}
