/**
 * `WORKER_WORKFLOW_STACK_TRACES` (worker/workflow-bundle.ts), on the real time-skipping test server: by default an
 * error made inside the workflow sandbox has its message and no stack frames; with the setting on it has them, as
 * the SDK gives them. The probe workflow is bundled with the product's preloaded modules for each setting.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { silentLogger } from '../../system/silent-logger';
import { loadConfig } from '../../worker/config';
import { workflowBundleOptions } from '../../worker/workflow-bundle';
import { stackOfAnError } from '../support/stack-probe-workflows';
import { createTimeSkippingEnv, uniqueTaskQueue } from '../support/temporal';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});

afterAll(async () => {
  await env?.teardown();
});

/** The probe's answer on a worker bundled as the product's worker is for `WORKER_WORKFLOW_STACK_TRACES=value`. */
async function probe(value: string | undefined): Promise<string> {
  const config = loadConfig(value === undefined ? {} : { WORKER_WORKFLOW_STACK_TRACES: value });
  const { preloadModules } = workflowBundleOptions({ stackTraces: config.workerWorkflowStackTraces });
  const taskQueue = uniqueTaskQueue('stack-probe');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('../support/stack-probe-workflows'),
      preloadModules,
      logger: silentLogger,
    }),
  });
  return worker.runUntil(
    env.client.workflow.execute(stackOfAnError, { taskQueue, workflowId: `${taskQueue}-probe` }),
  );
}

describe('stack traces inside the workflow sandbox', () => {
  it('are off by default: the error keeps its message, without frames', async () => {
    expect(loadConfig({}).workerWorkflowStackTraces).toBe(false);
    const stack = await probe(undefined);
    expect(stack.trimEnd()).toBe('Error: probe');
    expect(stack).not.toMatch(/\n\s+at /);
  });

  it('are there with WORKER_WORKFLOW_STACK_TRACES=true', async () => {
    const stack = await probe('true');
    expect(stack.startsWith('Error: probe\n')).toBe(true);
    expect(stack).toMatch(/\n\s+at /);
  });

  it('are off with false (any other value is refused: test/config/worker-tuning.test.ts)', async () => {
    expect((await probe('false')).trimEnd()).toBe('Error: probe');
  });
});
