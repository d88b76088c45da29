/**
 * Preloaded into the workers' shared workflow context unless `WORKER_WORKFLOW_STACK_TRACES` is on
 * (`worker/workflow-bundle.ts`): no stack frames for errors made inside the sandbox. The SDK makes one such error
 * for every promise a workflow creates, to answer the stack-trace query, and formats its frames: about a fifth of
 * the workflow thread's time during a burst of reminders (BENCHMARKS.md, B2). The context's globals are frozen
 * right after the preloaded modules run, so this is set once, before any workflow exists, and no workflow can
 * change it.
 */
Error.stackTraceLimit = 0;

export {};
