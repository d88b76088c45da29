/** Temporal test servers from the project's toolchain (see system/toolchain.ts). */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../system/toolchain';
import { loadConfig } from '../../worker/config';

/** The native time-skipping test server. */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath(loadConfig()) } },
  });
}

/** A unique task queue per test, so tests never pick up each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
