/**
 * What a cycle is waiting for, in plain words: one line per party that still owes an obligation the cycle waits
 * for now (pending in the current or an earlier phase) or that is overdue (missed, still owed: a late
 * submission is accepted). "Đang chờ Xã La Dêê (XA-A): đề xuất nhu cầu (O2), từ ngày 01/01/2026." Pure.
 */
import { diffDays, toLocalDate } from '../calendar/time';
import { formatDate } from '../format';
import { t, type MessageKey, type MessageParams } from '../messages';
import { cycleVocabulary } from '../messages/cycle';
import {
  CYCLE_PHASES,
  HOME_PHASE,
  owingParties,
  phaseIndex,
  type CyclePhase,
  type ObligationId,
  type ObligationStatus,
  type Party,
  type Side,
} from '../cycle/types';

/** A unit as the line names it. */
export interface WaitingUnit {
  readonly code: string;
  readonly name: string;
}

/** What the lines are computed from. */
export interface WaitingInput {
  readonly phase: CyclePhase;
  /** The obligations the read model says the cycle waits for (`Cycle.waitingFor`). */
  readonly waitingFor: readonly ObligationId[];
  readonly obligations: ReadonlyArray<{
    readonly id: ObligationId;
    readonly status: ObligationStatus;
    /** Effective due day, yyyy-mm-dd. */
    readonly effectiveDue: string;
  }>;
  /** The sides that have signed the programme (O3). */
  readonly signed: readonly Side[];
  /** ISO instant the cycle entered each phase it went through (`opened` counts as entering needsProposal). */
  readonly phaseEntered: Readonly<Partial<Record<CyclePhase, string>>>;
  /** ISO instant the current phase began: the fallback when a phase's entry is not known. */
  readonly waitingSince: string;
  readonly sponsor: WaitingUnit;
  readonly recipient: WaitingUnit;
  /** ISO instant "now", for the number of days waited. */
  readonly now: string;
}

/** One "waiting on" line: the facts, the catalogue message, and its text in both languages. */
export interface WaitingLine {
  readonly obligation: ObligationId;
  readonly party: Party;
  /** The owing unit's code (absent for the coordinator). */
  readonly unitCode?: string;
  /** ISO instant the wait began. */
  readonly since: string;
  /** Whole local days from the day the wait began to today. */
  readonly days: number;
  /** Effective due day, yyyy-mm-dd. */
  readonly due: string;
  readonly overdue: boolean;
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly vi: string;
  readonly en: string;
}

/** When the cycle began waiting for an obligation: when it entered the obligation's phase (or the next known). */
function sinceOf(obligation: ObligationId, input: WaitingInput): string {
  const home = phaseIndex(HOME_PHASE[obligation]);
  // A cycle opened mid-year may never have entered the obligation's own phase: the first later phase counts.
  for (const phase of CYCLE_PHASES.slice(home)) {
    const at = input.phaseEntered[phase];
    if (at !== undefined) return at;
  }
  return input.waitingSince;
}

function partyWords(party: Party, input: WaitingInput): MessageParams {
  if (party === 'coordinator') {
    return {
      partyVi: t('dashboard.party.coordinator', {}, 'vi'),
      partyEn: t('dashboard.party.coordinator', {}, 'en'),
    };
  }
  const unit = input[party];
  const words = `${unit.name} (${unit.code})`;
  return { partyVi: words, partyEn: words };
}

/** The lines of a cycle, in obligation order, the parties of one obligation sponsor first. A closed cycle waits for nothing. */
export function waitingLines(input: WaitingInput): WaitingLine[] {
  if (input.phase === 'closed') return [];
  const today = toLocalDate(input.now);
  const lines: WaitingLine[] = [];
  for (const o of input.obligations) {
    const overdue = o.status === 'missed';
    if (!overdue && !(o.status === 'pending' && input.waitingFor.includes(o.id))) continue;
    const since = sinceOf(o.id, input);
    const names = cycleVocabulary.obligation[o.id];
    for (const party of owingParties(o.id, o.id === 'O3' ? input.signed : [])) {
      const key: MessageKey = overdue ? 'dashboard.waiting.overdue' : 'dashboard.waiting.on';
      const params: MessageParams = {
        ...partyWords(party, input),
        obligation: o.id,
        obligationVi: names.vi,
        obligationEn: names.en,
        since: formatDate(since),
        due: formatDate(o.effectiveDue),
      };
      lines.push({
        obligation: o.id,
        party,
        ...(party === 'coordinator' ? {} : { unitCode: input[party].code }),
        since,
        days: Math.max(0, diffDays(toLocalDate(since), today)),
        due: o.effectiveDue,
        overdue,
        key,
        params,
        vi: t(key, params, 'vi'),
        en: t(key, params, 'en'),
      });
    }
  }
  return lines;
}

/** Whether each side still owes something: it is named by one of the lines. */
export function sidesOwing(lines: readonly WaitingLine[]): Readonly<Record<Side, boolean>> {
  return {
    sponsor: lines.some((l) => l.party === 'sponsor'),
    recipient: lines.some((l) => l.party === 'recipient'),
  };
}
