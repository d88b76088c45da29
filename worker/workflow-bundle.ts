/**
 * How the product's workflow code is bundled, the same for the worker, the simulator's sandbox and the replay
 * test. With one reused V8 context (the SDK's default) a bundle's modules are evaluated again for every
 * workflow the worker keeps in its cache, except the modules named in `preloadModules`, which are evaluated
 * once and shared. Every module of `domain/` is shared: they are pure and hold no state of their own (the
 * layer rules keep I/O, clocks and randomness out), and they are most of the weight (zod schemas, the message
 * catalogue, the calendar). Measured with BENCHMARKS.md, B5: 3 MB per cached cycle before, under 0.5 MB after.
 * `machines/` and xstate stay per workflow: xstate numbers its actors with a module-level counter, which
 * shared by every workflow would differ between a run and its replay.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import type { AppConfig } from './config';

const root = path.resolve(__dirname, '..');

/** Every TypeScript module under `domain/`, as absolute paths. */
function domainModules(dir = path.join(root, 'domain')): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return domainModules(full);
      return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    })
    .sort();
}

/** The workflows' entry point and the modules shared by every workflow of a worker. */
export function workflowBundleOptions(): { workflowsPath: string; preloadModules: string[] } {
  return { workflowsPath: require.resolve('../workflows'), preloadModules: domainModules() };
}

/**
 * The worker options that bound its memory and let the year opener resume: the workflow code bundled as
 * above, one reused V8 context, at most `WORKER_MAX_CACHED_WORKFLOWS` cycles in memory (an evicted cycle is
 * replayed from its history on its next task), and heartbeats sent at least every 2 s so that a retried
 * opening resumes close to where the crashed one was (the SDK's default throttles them to 30–60 s).
 */
export function workerTuning(config: Pick<AppConfig, 'workerMaxCachedWorkflows'>) {
  const { workflowsPath, preloadModules } = workflowBundleOptions();
  return {
    workflowsPath,
    bundlerOptions: { preloadModules },
    reuseV8Context: true,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    maxHeartbeatThrottleInterval: '2 seconds',
  } satisfies Partial<WorkerOptions>;
}
