/** Reading urlencoded form bodies (`@fastify/formbody`): one text value per field, never an array or an object. */

/** The text of one field of a form body ('' when absent; the first value when a field came twice). */
export function formText(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : '';
}

/** A local path to go to after a form (`next`), or the fallback when it is not one (never another site). */
export function localPath(value: string, fallback: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}
