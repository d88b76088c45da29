/**
 * The workflow of the stack-trace test (a worker's `workflowsPath`, bundled with the product's preloaded
 * modules): what an error made inside the sandbox carries.
 */

/** The stack of an error made inside the workflow sandbox. */
export function stackOfAnError(): Promise<string> {
  return Promise.resolve(new Error('probe').stack ?? '');
}
