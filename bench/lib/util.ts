/** Small helpers of the benchmarks: a bounded pool, polling until a condition holds, timing. */
import { setTimeout as sleep } from 'node:timers/promises';

/** Seconds elapsed since `startMs` (from `performance.now()`). */
export function secondsSince(startMs: number): number {
  return (performance.now() - startMs) / 1000;
}

/**
 * Runs `fn` on every item, at most `concurrency` at a time, and resolves once all are done; `onDone` is called
 * after each. The first failure stops new calls and is thrown once the running ones have ended.
 */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<unknown>,
  onDone?: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await fn(items[index]!, index);
      } catch (error) {
        failure ??= { error };
        return;
      }
      done += 1;
      onDone?.(done);
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure) throw failure.error;
}

/**
 * Polls `read` every `intervalMs` until `ok` holds for its value, and returns that value; throws after
 * `timeoutMs` with `what` and the last value seen.
 */
export async function until<T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  options: { timeoutMs: number; intervalMs?: number; what: string; onValue?: (value: T) => void },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    options.onValue?.(value);
    if (ok(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${options.what} (last: ${String(value)})`,
      );
    }
    await sleep(options.intervalMs ?? 250);
  }
}

/** The `p`-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export { sleep };
