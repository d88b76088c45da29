/**
 * A measurement aid, never part of the product: loaded into a bench worker with
 * `--worker-env "NODE_OPTIONS=--require ./bench/experiments/without-vm-timeout.js"`, it runs the workflow
 * sandbox's scripts without the SDK's execution timeout, to measure what that timeout costs (BENCHMARKS.md,
 * B2). The SDK passes `timeout` (WorkerOptions.isolateExecutionTimeout, 5 s) to every call into the sandbox, and
 * Node enforces it with a watchdog thread started and stopped per call (nodejs/node#47739); no worker option
 * turns it off. Without it a workflow stuck in a loop would hold its thread forever instead of failing its task.
 */
'use strict';

const { isMainThread } = require('node:worker_threads');

// Only the SDK's workflow threads run the sandbox; the main thread (activities) is left as it is.
if (!isMainThread) {
  const vm = require('node:vm');
  const runInContext = vm.Script.prototype.runInContext;
  vm.Script.prototype.runInContext = function (context, options) {
    if (options && options.timeout !== undefined) {
      const { timeout: _dropped, ...rest } = options;
      return runInContext.call(this, context, rest);
    }
    return runInContext.call(this, context, options);
  };
}
