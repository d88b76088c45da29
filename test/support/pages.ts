/**
 * Reading the dashboard's pages in tests: an element's text with the entities `html` writes turned back into
 * characters, the notice, the error next to a field, an input's value, the forms shown; and the parameters the
 * cycle's messages name a side or an obligation with.
 */
import type { Side } from '../../domain/cycle/types';
import { cycleVocabulary } from '../../domain/messages/cycle';

/** Text with the entities `html` writes turned back into characters, trimmed. */
export function decoded(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The page's notice, or undefined. */
export function noticeOf(body: string): string | undefined {
  const match = /data-testid="notice"\s*>([\s\S]*?)<\/p>/.exec(body);
  return match?.[1] === undefined ? undefined : decoded(match[1]);
}

/** The error shown next to the field with this id, or undefined. */
export function fieldError(body: string, id: string): string | undefined {
  const match = new RegExp(`id="${id}-error" class="error">([\\s\\S]*?)</`).exec(body);
  return match?.[1] === undefined ? undefined : decoded(match[1]);
}

/** The value of the input with this id, or undefined. */
export function valueOf(body: string, id: string): string | undefined {
  const match = new RegExp(`id="${id}"[^>]*?value="([^"]*)"`).exec(body);
  return match?.[1] === undefined ? undefined : decoded(match[1]);
}

/** The test IDs of the forms a page shows, in order. */
export function formsOn(body: string): string[] {
  return [...body.matchAll(/<form[^>]*data-testid="([a-z-]+-form)"/g)].map((m) => m[1] ?? '');
}

/** The parameters of a side in the cycle's messages. */
export function sideParams(side: Side): Record<string, string> {
  return { side, sideVi: cycleVocabulary.side[side].vi, sideEn: cycleVocabulary.side[side].en };
}

/** The parameters of an obligation in the cycle's messages. */
export function obligationParams(o: keyof typeof cycleVocabulary.obligation): Record<string, string> {
  const words = cycleVocabulary.obligation[o];
  return { obligation: o, obligationVi: words.vi, obligationEn: words.en };
}
