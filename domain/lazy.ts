/**
 * Values built on first use. The workflow bundle gives every workflow its own instance of every module, so
 * whatever a module builds when it loads is built again for each cycle the worker starts, replays or caches.
 * zod schemas are the dearest such thing (each schema object carries dozens of methods of its own): building
 * them lazily keeps a workflow that never validates from paying for them (see BENCHMARKS.md, B5 and B7).
 */

/** `build()`, called on the first call of the returned function and kept for every later one. */
export function lazily<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
