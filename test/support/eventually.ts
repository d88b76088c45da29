/** Polling for tests of running systems, where a change shows only after a while. */

/**
 * Reads `read()` every `intervalMs` until `ok` accepts the value or `timeoutMs` has passed, and returns the last
 * value read either way, so the caller's assertion on it shows what was seen.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 60_000,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
