/**
 * The engine floor's worker (B2), a child process as the product's worker is: the SDK's worker with the
 * product's cache size, one reused V8 context, source maps off and no stack traces in the sandbox (as the
 * product's defaults are), a bare pooled transport and no payload codec,
 * running the floor's `sendOneMessage` workflow on its own task queue. Configured by its environment:
 * ENGINE_FLOOR_TEMPORAL_ADDRESS, ENGINE_FLOOR_TASK_QUEUE, ENGINE_FLOOR_SMTP_PORT. Prints `engine floor: polling`
 * once it polls, and ends on SIGINT or SIGTERM (the SDK's default shutdown signals).
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { DEFAULT_MAX_CACHED_WORKFLOWS } from '../../worker/config';
import { SANDBOX_WITHOUT_STACK_TRACES } from '../../worker/workflow-bundle';
import { floorTransport } from '../lib/floor-mail';
import { createEngineFloorActivities } from './activities';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  // As the product's worker runs by default (WORKER_SOURCE_MAPS), so that the floor's tasks cost what ours do.
  process.setSourceMapsEnabled(false);
  const transport = floorTransport(Number(required('ENGINE_FLOOR_SMTP_PORT')));
  const connection = await NativeConnection.connect({ address: required('ENGINE_FLOOR_TEMPORAL_ADDRESS') });
  try {
    const worker = await Worker.create({
      connection,
      taskQueue: required('ENGINE_FLOOR_TASK_QUEUE'),
      workflowsPath: require.resolve('./workflows'),
      // As the product's worker runs by default (WORKER_WORKFLOW_STACK_TRACES): the SDK's per-promise stack
      // traces would otherwise cost the floor's tasks what they no longer cost ours.
      bundlerOptions: { preloadModules: [SANDBOX_WITHOUT_STACK_TRACES] },
      activities: createEngineFloorActivities(transport),
      reuseV8Context: true,
      maxCachedWorkflows: DEFAULT_MAX_CACHED_WORKFLOWS,
    });
    console.log('engine floor: polling');
    await worker.run();
  } finally {
    await connection.close();
    transport.close();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
