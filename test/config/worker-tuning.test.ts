/**
 * The worker's memory bound and the year opener's concurrency in worker/config.ts: `WORKER_MAX_CACHED_WORKFLOWS`
 * defaults to 100 cached cycles (not the SDK's heap-sized default), `WORKER_WORKFLOW_THREADS` to one thread,
 * `CYCLE_OPEN_CONCURRENCY` is a whole number from 1 to 1000, and each reaches the worker options or the opener as
 * given.
 */
import { DEFAULT_OPEN_CONCURRENCY } from '../../services/cycle-opener';
import { DEFAULT_MAX_CACHED_WORKFLOWS, DEFAULT_WORKFLOW_THREADS, loadConfig } from '../../worker/config';
import { problem, refusal } from '../support/config';
import { workerTuning } from '../../worker/workflow-bundle';

describe('WORKER_MAX_CACHED_WORKFLOWS', () => {
  it('defaults to 100 cached cycles, and the worker is bounded by it with one reused V8 context', () => {
    expect(DEFAULT_MAX_CACHED_WORKFLOWS).toBe(100);
    const config = loadConfig({});
    expect(config.workerMaxCachedWorkflows).toBe(100);
    const tuning = workerTuning(config);
    expect([tuning.maxCachedWorkflows, tuning.reuseV8Context]).toEqual([100, true]);
  });

  it('takes 0 (no sticky execution) and any other whole number', () => {
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '0' }).workerMaxCachedWorkflows).toBe(0);
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '2000' }).workerMaxCachedWorkflows).toBe(2000);
  });

  it('refuses a negative or fractional size', () => {
    const text = 'must be a whole number ≥ 0';
    expect(refusal({ WORKER_MAX_CACHED_WORKFLOWS: '-1' })).toEqual([
      problem('WORKER_MAX_CACHED_WORKFLOWS', text),
    ]);
    expect(refusal({ WORKER_MAX_CACHED_WORKFLOWS: '2.5' })).toEqual([
      problem('WORKER_MAX_CACHED_WORKFLOWS', text),
    ]);
  });
});

describe('WORKER_WORKFLOW_THREADS', () => {
  it('defaults to one workflow thread, and the worker runs on as many as it says', () => {
    expect(DEFAULT_WORKFLOW_THREADS).toBe(1);
    expect(workerTuning(loadConfig({})).workflowThreadPoolSize).toBe(1);
    expect(workerTuning(loadConfig({ WORKER_WORKFLOW_THREADS: '2' })).workflowThreadPoolSize).toBe(2);
    expect(loadConfig({ WORKER_WORKFLOW_THREADS: '16' }).workerWorkflowThreads).toBe(16);
  });

  it.each(['0', '17', '1.5', 'two'])('refuses %s', (value) => {
    expect(refusal({ WORKER_WORKFLOW_THREADS: value })).toEqual([
      problem('WORKER_WORKFLOW_THREADS', 'must be a whole number of threads (1–16)'),
    ]);
  });
});

describe.each([
  ['WORKER_SOURCE_MAPS', 'workerSourceMaps'],
  ['WORKER_WORKFLOW_STACK_TRACES', 'workerWorkflowStackTraces'],
] as const)('%s', (variable, field) => {
  it('is off by default, on with true, and refuses anything else', () => {
    expect(loadConfig({})[field]).toBe(false);
    expect(loadConfig({ [variable]: 'true' })[field]).toBe(true);
    expect(loadConfig({ [variable]: 'false' })[field]).toBe(false);
    expect(refusal({ [variable]: 'yes' })).toEqual([problem(variable, 'must be true or false')]);
  });
});

describe('CYCLE_OPEN_CONCURRENCY', () => {
  it("is unset by default, leaving the opener's own default of 32", () => {
    expect(loadConfig({}).cycleOpenConcurrency).toBeUndefined();
    expect(DEFAULT_OPEN_CONCURRENCY).toBe(32);
  });

  it('takes 1 and 1000, the bounds', () => {
    expect(loadConfig({ CYCLE_OPEN_CONCURRENCY: '1' }).cycleOpenConcurrency).toBe(1);
    expect(loadConfig({ CYCLE_OPEN_CONCURRENCY: '1000' }).cycleOpenConcurrency).toBe(1000);
  });

  it.each(['0', '1001', '4.5', 'many'])('refuses %s', (value) => {
    expect(refusal({ CYCLE_OPEN_CONCURRENCY: value })).toEqual([
      problem('CYCLE_OPEN_CONCURRENCY', 'must be a whole number of cycles (1–1000)'),
    ]);
  });
});
