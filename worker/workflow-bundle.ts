/**
 * How the product's workflow code is bundled and run, the same for the worker, the simulator's sandbox and the
 * replay test. Nothing is preloaded into the shared context: the SDK deep-freezes preloaded modules, and zod's
 * schemas (the Update validators) write to their own regular expressions, which then throws "Cannot assign to
 * read only property 'lastIndex'" inside every validator and every replay.
 */
import type { WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from './config';

/** The workflows' entry point. */
export function workflowBundleOptions(): { workflowsPath: string } {
  return { workflowsPath: require.resolve('../workflows') };
}

/**
 * The worker options that bound its memory and let the year opener resume: one reused V8 context per workflow
 * thread (`WORKER_WORKFLOW_THREADS`, default one), at most `WORKER_MAX_CACHED_WORKFLOWS` cycles in memory (an
 * evicted cycle is replayed from its history on its next task), and heartbeats sent at least every 2 s so that a retried opening resumes close to where the crashed
 * one was (the SDK's default throttles them to 30–60 s).
 */
export function workerTuning(config: Pick<AppConfig, 'workerMaxCachedWorkflows' | 'workerWorkflowThreads'>) {
  return {
    ...workflowBundleOptions(),
    reuseV8Context: true,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    workflowThreadPoolSize: config.workerWorkflowThreads,
    maxHeartbeatThrottleInterval: '2 seconds',
  } satisfies Partial<WorkerOptions>;
}
