/** Assertions on promises that must fail with an error of a given class. */

/** The error `run` rejects with; throws (failing the test) when it resolves or rejects with another class. */
export async function rejectionOf<E extends Error>(
  run: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof type)) throw new Error(`expected a ${type.name}, got ${String(error)}`);
  return error;
}
