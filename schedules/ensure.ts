/** Creating or updating a Temporal Schedule to its current definition, shared by every Schedule of the engine. */
import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  type Client,
  type ScheduleOptions,
} from '@temporalio/client';

/** Creates the Schedule, or updates its spec, action and policies; returns what it did. */
export async function ensureSchedule(
  client: Client,
  options: ScheduleOptions,
): Promise<'created' | 'updated'> {
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  try {
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      ...(options.policies ? { policies: options.policies } : {}),
    }));
  } catch (error) {
    // Deleted between the two calls: create it again.
    if (error instanceof ScheduleNotFoundError) return ensureSchedule(client, options);
    throw error;
  }
  return 'updated';
}
