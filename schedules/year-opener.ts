/** The yearly Schedule that opens the cycle year at 00:05 local time on 1 January. */
import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  type Client,
  type ScheduleOptions,
} from '@temporalio/client';
import { yearOpenerWorkflow } from '../workflows/year-opener';

/** The Schedule's ID (stable: operators and the engine's UI refer to it). */
export const YEAR_OPENER_SCHEDULE_ID = 'open-cycle-year';

/** The Schedule's definition. */
export function yearOpenerSchedule(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: YEAR_OPENER_SCHEDULE_ID,
    spec: {
      calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour: 0, minute: 5 }],
      timezone: 'Asia/Ho_Chi_Minh',
    },
    action: {
      type: 'startWorkflow',
      workflowType: yearOpenerWorkflow,
      args: [{}],
      taskQueue,
      workflowId: 'open-cycle-year',
    },
    policies: { overlap: 'SKIP', catchupWindow: '7 days' },
  };
}

/** Creates the Schedule, or updates it to the current definition; returns what it did. */
export async function ensureYearOpenerSchedule(
  client: Client,
  taskQueue: string,
): Promise<'created' | 'updated'> {
  const options = yearOpenerSchedule(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = client.schedule.getHandle(YEAR_OPENER_SCHEDULE_ID);
  try {
    await handle.update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: options.policies,
    }));
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return ensureYearOpenerSchedule(client, taskQueue);
    throw error;
  }
  return 'updated';
}
