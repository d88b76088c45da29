/**
 * Text that PostgreSQL cannot keep as it was given. A `text` column refuses the NUL character outright (a 500
 * where the write happens, or a workflow task that fails its activity over and over), and a lone UTF-16
 * surrogate, which JSON can carry as `\ud800` but UTF-8 cannot encode, is silently replaced by U+FFFD on the way
 * to the server: stored, but not what was written. Every caller refuses such text before anything is written.
 */

/** Half of a UTF-16 surrogate pair on its own: a high one not followed by a low one, or a low one not preceded. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Why `text` cannot be stored as written: `nul` (a NUL character), `surrogate` (a lone surrogate), or null. */
export function unstorableText(text: string): 'nul' | 'surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(text) ? 'surrogate' : null;
}

/** `text` as a refusal may quote it: a NUL written as backslash-zero, a lone surrogate as U+FFFD. */
export function visibleText(text: string): string {
  return text.replace(/\u0000/g, '\\0').replace(LONE_SURROGATES, '\ufffd');
}

/** What {@link scanJson} found in a parsed JSON value. */
export interface JsonScan {
  /** The keys and strings holding text that cannot be stored: their path (keys joined by dots, '' the root). */
  readonly unstorable: ReadonlyArray<{ readonly path: string; readonly why: 'nul' | 'surrogate' }>;
  /** Whether the value nests (objects and arrays) deeper than the limit given. */
  readonly tooDeep: boolean;
}

/**
 * Walks a parsed JSON value (binary views skipped: files are judged by their content) for text that cannot be
 * stored, in keys and strings alike, going no deeper than `maxDepth`. Without recursion: JSON.parse reads a
 * document nested deeper than a recursive walk could go.
 */
export function scanJson(value: unknown, maxDepth = Number.POSITIVE_INFINITY): JsonScan {
  const unstorable: { path: string; why: 'nul' | 'surrogate' }[] = [];
  let tooDeep = false;
  const pending: [unknown, string, number][] = [[value, '', 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path, depth] = next;
    if (typeof item === 'string') {
      const why = unstorableText(item);
      if (why !== null) unstorable.push({ path, why });
    }
    if (typeof item !== 'object' || item === null || ArrayBuffer.isView(item)) continue;
    if (depth >= maxDepth) {
      tooDeep = true;
      continue;
    }
    for (const [key, child] of Object.entries(item)) {
      const childPath = path ? `${path}.${key}` : key;
      const why = unstorableText(key);
      if (why !== null) unstorable.push({ path: childPath, why });
      else pending.push([child, childPath, depth + 1]);
    }
  }
  return { unstorable, tooDeep };
}
