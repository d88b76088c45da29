/**
 * One line of a cycle's timeline in words, from an audit entry's action (`submitted:O2`, `phaseChanged`…) and
 * its detail. Pure; used by the CLI and the web page so both say the same thing.
 */
import type { Lang } from '../messages/catalogue';
import { cycleVocabulary } from '../messages/cycle';
import type { CyclePhase, ObligationId } from './types';

function phase(value: unknown, lang: Lang): string {
  const v = cycleVocabulary.phase[value as CyclePhase];
  return v ? v[lang] : String(value);
}

/** The words for a timeline entry: the action, its obligation by name, and for a phase change from → to. */
export function describeTimelineEntry(action: string, detail: unknown, lang: Lang): string {
  const [kind, obligation] = action.split(':');
  const named = obligation ? cycleVocabulary.obligation[obligation as ObligationId]?.[lang] : undefined;
  const data = (detail ?? {}) as Record<string, unknown>;
  if (kind === 'phaseChanged') return `${kind}: ${phase(data.from, lang)} → ${phase(data.to, lang)}`;
  const side = typeof data.side === 'string' ? ` (${data.side})` : '';
  return `${kind}${obligation ? ` ${obligation}${named ? ` ${named}` : ''}` : ''}${side}`;
}
