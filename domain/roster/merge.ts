/**
 * The rules of a merger of units (`twinning roster merge`): which requests are refused, and what the roster
 * becomes. Pure: the service (services/roster-merge.ts) loads the units and pairs concerned, asks
 * {@link planMerge}, and writes the plan in one transaction.
 */
import { addDays } from '../calendar/time';
import { formatDate } from '../format';
import type { Message } from '../messages';
import { sideOfKind, type UnitKind } from '../units';
import { parseRosterDate } from './cells';

/** A unit as the merger sees it; dates `yyyy-mm-dd`, null when open. */
export interface MergeUnit {
  readonly code: string;
  readonly kind: UnitKind;
  readonly from: string | null;
  readonly to: string | null;
  readonly successor: string | null;
}

/** A pair as the merger sees it, with unit codes. */
export interface MergePair {
  readonly code: string;
  readonly sponsor: string;
  readonly recipient: string;
  readonly from: string;
  readonly to: string | null;
  /** Status ACTIVE (a dissolved or re-paired pair is left alone). */
  readonly active: boolean;
  readonly communes: readonly string[];
}

/** What an administrator asks: merge `from` into `into` on `on` (as typed: yyyy-mm-dd or dd/mm/yyyy). */
export interface MergeRequest {
  readonly into: string;
  readonly from: readonly string[];
  readonly on: string;
}

/** The pair that continues an old one after the merger. */
export interface SuccessorPair {
  readonly code: string;
  readonly sponsor: string;
  readonly recipient: string;
  /** A new pair to create (with its period and communes), or an existing pair of the same two units reused. */
  readonly create?: {
    readonly from: string;
    readonly to: string | null;
    readonly communes: readonly string[];
  };
}

/** What the merger does. */
export interface MergePlan {
  readonly into: string;
  /** The first day of the merged unit (`yyyy-mm-dd`) and the last day of the old ones. */
  readonly on: string;
  readonly lastDay: string;
  /** Units merged now, and units an earlier run of the same merger merged already. */
  readonly merge: readonly string[];
  readonly already: readonly string[];
  /** Whether the merged unit gets `on` as its first day (it had none). */
  readonly intoFrom: boolean;
  /** The old pairs ended on `lastDay`, each with its successor. */
  readonly pairs: readonly { readonly code: string; readonly successor: SuccessorPair }[];
}

/** A plan, or every reason the request is refused. */
export type MergePlanning =
  | { readonly ok: true; readonly plan: MergePlan }
  | { readonly ok: false; readonly refusals: readonly Message[] };

/** The code of the pair that continues `pairCode` with `into` in place of the merged unit. */
export function successorPairCode(pairCode: string, into: string): string {
  return `${pairCode}-${into}`;
}

/** Whether a pair's period contains a day. */
function covers(pair: MergePair, day: string): boolean {
  return pair.from <= day && (pair.to === null || pair.to >= day);
}

function shown(date: string | null): string {
  return date === null ? '…' : formatDate(date);
}

/**
 * Decides a merger from the request, the units it names (`units`, by code, those that exist) and every pair
 * it can touch: the pairs of the units merged and of the unit merged into, and any pair already holding a
 * successor code. A unit already merged into `into` on the same day counts as done, so running the same
 * merger again plans nothing for it.
 *
 * Refused: an invalid date, no unit to merge, an unknown unit, a unit merged into itself, units of different
 * sides, a unit already merged (into another unit, or on another day), a unit that does not exist on the day,
 * a pair of a merged unit that starts on or after the day, a successor code taken by another pair.
 */
export function planMerge(
  request: MergeRequest,
  units: ReadonlyMap<string, MergeUnit>,
  pairs: readonly MergePair[],
): MergePlanning {
  const refusals: Message[] = [];
  const on = parseRosterDate(request.on);
  if (on === null) refusals.push({ key: 'roster.merge.dateInvalid', params: { value: request.on } });
  const fromCodes = [...new Set(request.from.map((c) => c.trim()).filter((c) => c !== ''))];
  if (fromCodes.length === 0) refusals.push({ key: 'roster.merge.fromMissing' });
  const into = units.get(request.into);
  if (!into) refusals.push({ key: 'roster.merge.intoUnknown', params: { code: request.into } });
  const lastDay = on === null ? null : addDays(on, -1);

  const exists = (unit: MergeUnit, day: string) =>
    (unit.from === null || unit.from <= day) && (unit.to === null || unit.to >= day);
  if (into && on !== null && !exists(into, on)) {
    refusals.push({
      key: 'roster.merge.notValidOn',
      params: { code: into.code, date: formatDate(on), from: shown(into.from), to: shown(into.to) },
    });
  }

  const merge: MergeUnit[] = [];
  const already: string[] = [];
  for (const code of fromCodes) {
    const unit = units.get(code);
    if (!unit) {
      refusals.push({ key: 'roster.merge.fromUnknown', params: { code } });
      continue;
    }
    if (code === request.into) {
      refusals.push({ key: 'roster.successorSelf', params: { code } });
      continue;
    }
    if (into && sideOfKind(unit.kind) !== sideOfKind(into.kind)) {
      refusals.push({
        key: 'roster.merge.sidesDiffer',
        params: { code, kind: unit.kind, into: into.code, intoKind: into.kind },
      });
      continue;
    }
    if (unit.successor !== null) {
      if (unit.successor === request.into && lastDay !== null && unit.to === lastDay) {
        already.push(code);
      } else if (unit.to === null) {
        refusals.push({
          key: 'roster.merge.alreadyMergedUndated',
          params: { code, successor: unit.successor },
        });
      } else {
        refusals.push({
          key: 'roster.merge.alreadyMerged',
          params: { code, successor: unit.successor, since: formatDate(addDays(unit.to, 1)) },
        });
      }
      continue;
    }
    // The unit must still exist on its last day: a unit that ended earlier, or starts only on the day of the
    // merger, has nothing to hand over.
    if (lastDay !== null && on !== null && !exists(unit, lastDay)) {
      refusals.push({
        key: 'roster.merge.notValidOn',
        params: { code, date: formatDate(lastDay), from: shown(unit.from), to: shown(unit.to) },
      });
      continue;
    }
    merge.push(unit);
  }

  const planned: { code: string; successor: SuccessorPair }[] = [];
  if (on !== null && lastDay !== null && into) {
    const merged = new Set(merge.map((u) => u.code));
    const byCode = new Map(pairs.map((p) => [p.code, p]));
    const continuing = (sponsor: string, recipient: string) =>
      planned.find((p) => p.successor.sponsor === sponsor && p.successor.recipient === recipient)
        ?.successor ??
      pairs.find(
        (p) =>
          p.active && p.sponsor === sponsor && p.recipient === recipient && (p.to === null || p.to >= on),
      );
    for (const pair of [...pairs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
      const side = merged.has(pair.sponsor) ? 'sponsor' : merged.has(pair.recipient) ? 'recipient' : null;
      if (side === null || !pair.active) continue;
      if (pair.from >= on) {
        refusals.push({
          key: 'roster.merge.pairStartsLater',
          params: { pair: pair.code, code: pair[side], from: formatDate(pair.from), date: formatDate(on) },
        });
        continue;
      }
      if (!covers(pair, on)) continue;
      const sponsor = side === 'sponsor' ? into.code : pair.sponsor;
      const recipient = side === 'recipient' ? into.code : pair.recipient;
      const existing = continuing(sponsor, recipient);
      if (existing) {
        planned.push({ code: pair.code, successor: { code: existing.code, sponsor, recipient } });
        continue;
      }
      const code = successorPairCode(pair.code, into.code);
      const taken = byCode.get(code);
      if (taken) {
        refusals.push({
          key: 'roster.merge.pairCodeTaken',
          params: { code, sponsor: taken.sponsor, recipient: taken.recipient },
        });
        continue;
      }
      // The communes a pair names lie under its old recipient: they stay only while the recipient does.
      const communes = side === 'sponsor' ? pair.communes : [];
      planned.push({
        code: pair.code,
        successor: { code, sponsor, recipient, create: { from: on, to: pair.to, communes } },
      });
    }
  }

  if (refusals.length > 0 || on === null || lastDay === null || !into) return { ok: false, refusals };
  return {
    ok: true,
    plan: {
      into: into.code,
      on,
      lastDay,
      merge: merge.map((u) => u.code),
      already,
      intoFrom: merge.length > 0 && into.from === null,
      pairs: planned,
    },
  };
}
