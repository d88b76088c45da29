/**
 * Values built on first use. zod schemas are the dearest thing a module can build when it loads (each schema
 * object carries dozens of methods of its own), and the workers share the domain's modules between workflows
 * frozen (`worker/workflow-bundle.ts`): a schema built while its module loads would be frozen with it, and zod
 * writes to a schema's regular expressions when it checks them. Built lazily, a schema is built after the freeze,
 * once per worker thread, and only where something validates (BENCHMARKS.md, B5 and B7).
 */

/** `build()`, called on the first call of the returned function and kept for every later one. */
export function lazily<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
