/**
 * How the product's workflow code is bundled and run, the same for the worker, the simulator's sandbox, the
 * replay test and the benchmarks. With one reused V8 context a bundle's modules are evaluated again for every
 * workflow the worker starts, replays or caches, except the modules named in `preloadModules`: the SDK evaluates
 * those once, before any workflow exists, deep-freezes them and shares them. A cycle replayed from its history at
 * a reminder spent about a sixth of its workflow thread's time evaluating modules, zod's and the message
 * catalogue's most of all (BENCHMARKS.md, B2).
 *
 * What is shared: zod itself and the `domain/` modules that the workflows and machines import. They are pure and
 * hold no state of their own (the layer rules keep I/O, clocks and randomness out of `domain/`). Their zod schemas
 * are built on first use (`domain/lazy.ts`), after the freeze, so they are never frozen: a frozen schema throws
 * "Cannot assign to read only property 'lastIndex'" when it checks a pattern, which is why an earlier version,
 * which built the schemas while preloading, shared nothing. `machines/` and xstate stay per workflow: xstate
 * numbers its actors with a module-level counter, which shared by every workflow would differ between a run and
 * its replay. One more preloaded module takes the stack frames out of the sandbox
 * (`workflows/sandbox/without-stack-traces.ts`, unless `WORKER_WORKFLOW_STACK_TRACES` is on).
 */
import type { WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from './config';

/**
 * The `domain/` modules that `workflows/` and `machines/` import (`test/config/workflow-bundle.test.ts` checks
 * that the list names them all); the modules they import in turn are shared with them.
 */
export const WORKFLOW_DOMAIN_MODULES = [
  'calendar',
  'calendar/time',
  'cycle/check',
  'cycle/requests',
  'cycle/schemas',
  'cycle/search-attributes',
  'cycle/types',
  'evaluation/confirm',
  'mail/delivery-options',
  'messages',
  'workflow-ids',
] as const;

/** The preloaded module that takes the stack frames out of the sandbox (see its header). */
export const SANDBOX_WITHOUT_STACK_TRACES = require.resolve('../workflows/sandbox/without-stack-traces');

/**
 * The workflows' entry point and the modules shared by every workflow of a worker; unless `stackTraces` (the
 * worker's `WORKER_WORKFLOW_STACK_TRACES`) is on, the module that takes the stack frames out of the sandbox.
 */
export function workflowBundleOptions(options: { readonly stackTraces?: boolean } = {}): {
  workflowsPath: string;
  preloadModules: string[];
} {
  return {
    workflowsPath: require.resolve('../workflows'),
    preloadModules: [
      'zod',
      ...WORKFLOW_DOMAIN_MODULES.map((m) => require.resolve(`../domain/${m}`)),
      ...(options.stackTraces === true ? [] : [SANDBOX_WITHOUT_STACK_TRACES]),
    ],
  };
}

/**
 * The worker options that bound its memory and let the year opener resume: the workflow code bundled as above
 * (stack traces in the sandbox only if `WORKER_WORKFLOW_STACK_TRACES` is on), one reused V8 context per workflow
 * thread (`WORKER_WORKFLOW_THREADS`, default one), at most `WORKER_MAX_CACHED_WORKFLOWS` cycles in memory (an
 * evicted cycle is replayed from its history on its next task), and heartbeats sent at least every 2 s so that a
 * retried opening resumes close to where the crashed one was (the SDK's default throttles them to 30–60 s).
 */
export function workerTuning(
  config: Pick<AppConfig, 'workerMaxCachedWorkflows' | 'workerWorkflowThreads' | 'workerWorkflowStackTraces'>,
) {
  const { workflowsPath, preloadModules } = workflowBundleOptions({
    stackTraces: config.workerWorkflowStackTraces,
  });
  return {
    workflowsPath,
    bundlerOptions: { preloadModules },
    reuseV8Context: true,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    workflowThreadPoolSize: config.workerWorkflowThreads,
    maxHeartbeatThrottleInterval: '2 seconds',
  } satisfies Partial<WorkerOptions>;
}
