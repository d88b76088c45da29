/**
 * The engine floor's workflow (B2): nothing but what a reminder needs of Temporal, one workflow task that runs
 * one local activity sending one message. Bundled by the engine floor's own worker, never by the product's.
 */
import { proxyLocalActivities } from '@temporalio/workflow';
import type { EngineFloorActivities } from './activities';

const { sendFloorMessage } = proxyLocalActivities<EngineFloorActivities>({ startToCloseTimeout: '1 minute' });

/** Sends message `index` of about `bytes` and ends. */
export async function sendOneMessage(index: number, bytes: number): Promise<void> {
  await sendFloorMessage(index, bytes);
}
