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
