import { RECIPIENT_KINDS, sideOfKind, SPONSOR_KINDS, type UnitKind } from '../units';
import type { RosterError, RosterPair, RosterRules, RosterUnit, RowSource } from './types';

/** Whether two inclusive periods share at least one day; `null` as an end means open-ended. */
export function periodsOverlap(
  a: { from: string; to: string | null },
  b: { from: string; to: string | null },
): boolean {
  // ISO dates compare correctly as strings.
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

function at(source: RowSource, column: string): Pick<RosterError, 'file' | 'sheet' | 'row' | 'column'> {
  return { ...source, column };
}

/**
 * Rules between units: codes are unique, a parent exists and a commune's parent is a mountain district, and a
 * successor exists (in the file or among `known`, the units already stored), is not the unit itself, stands on
 * the same side of a pair, and no chain of successors leads back to where it started. `pending` holds codes of
 * rows that exist but failed their own validation: a reference to them is not reported again as unknown.
 */
export function checkUnits(
  units: readonly RosterUnit[],
  pending: ReadonlySet<string>,
  known: ReadonlyMap<string, UnitKind> = new Map(),
): RosterError[] {
  const errors: RosterError[] = [];
  const byCode = new Map<string, RosterUnit>();
  for (const unit of units) {
    const first = byCode.get(unit.code);
    if (first) {
      errors.push({
        ...at(unit.source, 'code'),
        key: 'roster.duplicateUnitCode',
        params: { code: unit.code, firstRow: first.source.row },
      });
    } else {
      byCode.set(unit.code, unit);
    }
  }
  for (const unit of units) {
    if (unit.parent === null) continue;
    const parent = byCode.get(unit.parent);
    if (!parent) {
      if (!pending.has(unit.parent)) {
        errors.push({
          ...at(unit.source, 'parent'),
          key: 'roster.unknownParent',
          params: { code: unit.parent },
        });
      }
    } else if (unit.kind === 'COMMUNE' && parent.kind !== 'MOUNTAIN_DISTRICT') {
      errors.push({
        ...at(unit.source, 'parent'),
        key: 'roster.communeParentKind',
        params: { code: parent.code, kind: parent.kind },
      });
    }
  }
  errors.push(...checkSuccessors(units, byCode, pending, known));
  return errors;
}

function checkSuccessors(
  units: readonly RosterUnit[],
  byCode: ReadonlyMap<string, RosterUnit>,
  pending: ReadonlySet<string>,
  known: ReadonlyMap<string, UnitKind>,
): RosterError[] {
  const errors: RosterError[] = [];
  for (const unit of units) {
    const code = unit.successor;
    if (code === null || byCode.get(unit.code) !== unit) continue;
    if (code === unit.code) {
      errors.push({ ...at(unit.source, 'successor'), key: 'roster.successorSelf', params: { code } });
      continue;
    }
    // The file's row wins over the stored unit: the import is about to make the unit what the file says.
    const kind = byCode.get(code)?.kind ?? known.get(code);
    if (kind === undefined) {
      if (!pending.has(code)) {
        errors.push({ ...at(unit.source, 'successor'), key: 'roster.successorUnknown', params: { code } });
      }
    } else if (sideOfKind(kind) !== sideOfKind(unit.kind)) {
      errors.push({
        ...at(unit.source, 'successor'),
        key: 'roster.successorSide',
        params: { code, successorKind: kind, kind: unit.kind },
      });
    }
  }
  // A chain that comes back to a unit it passed (A → B → A) would make "the unit it became" endless. Each
  // chain is reported once, on the row of the unit of the loop that comes first in the file.
  const reported = new Set<string>();
  for (const unit of units) {
    const chain = [unit.code];
    let next = byCode.get(unit.code)?.successor ?? null;
    while (next !== null && next !== unit.code && !chain.includes(next)) {
      chain.push(next);
      next = byCode.get(next)?.successor ?? null;
    }
    if (next !== unit.code || chain.length < 2 || chain.some((c) => reported.has(c))) continue;
    for (const c of chain) reported.add(c);
    errors.push({
      ...at(unit.source, 'successor'),
      key: 'roster.successorCycle',
      params: { chain: [...chain, unit.code].join(' → ') },
    });
  }
  return errors;
}

/**
 * Rules between pairs and against the units: codes are unique, both units exist and stand on the right
 * side, and the same two units are never paired twice over overlapping periods. Whether one recipient may
 * have several sponsors at once (or one sponsor several recipients) is a policy in `rules`.
 */
export function checkPairs(
  pairs: readonly RosterPair[],
  units: readonly RosterUnit[],
  pending: ReadonlySet<string>,
  rules: RosterRules,
): RosterError[] {
  const errors: RosterError[] = [];
  const byUnit = new Map<string, RosterUnit>();
  for (const unit of units) if (!byUnit.has(unit.code)) byUnit.set(unit.code, unit);

  const byCode = new Map<string, RosterPair>();
  const usable: RosterPair[] = [];
  for (const pair of pairs) {
    let ok = true;
    const first = byCode.get(pair.code);
    if (first) {
      errors.push({
        ...at(pair.source, 'code'),
        key: 'roster.duplicatePairCode',
        params: { code: pair.code, firstRow: first.source.row },
      });
      ok = false;
    } else {
      byCode.set(pair.code, pair);
    }
    for (const side of ['sponsor', 'recipient'] as const) {
      const unitCode = pair[side];
      const kind = byUnit.get(unitCode)?.kind;
      const allowed = side === 'sponsor' ? SPONSOR_KINDS : RECIPIENT_KINDS;
      if (kind === undefined) {
        if (!pending.has(unitCode)) {
          errors.push({ ...at(pair.source, side), key: 'roster.unknownUnit', params: { code: unitCode } });
        }
        ok = false;
      } else if (!allowed.includes(kind)) {
        const key = side === 'sponsor' ? 'roster.sponsorKind' : 'roster.recipientKind';
        errors.push({ ...at(pair.source, side), key, params: { code: unitCode, kind } });
        ok = false;
      }
    }
    if (ok) {
      usable.push(pair);
      errors.push(...checkCommunes(pair, byUnit, pending));
    }
  }

  // Each pair is compared with the earlier pairs of its group only (same two units; same recipient; same
  // sponsor), so a conflict is reported once, on the later row, and a large file stays fast. The policy
  // groups are only built when the policy forbids something.
  const samePair = new Map<string, RosterPair[]>();
  const byRecipient = new Map<string, RosterPair[]>();
  const bySponsor = new Map<string, RosterPair[]>();
  const conflict = (
    group: Map<string, RosterPair[]>,
    key: string,
    pair: RosterPair,
    counts: (other: RosterPair) => boolean,
  ): RosterPair | undefined => {
    const list = group.get(key);
    const found = list?.find((other) => counts(other) && periodsOverlap(pair, other));
    if (list) list.push(pair);
    else group.set(key, [pair]);
    return found;
  };
  for (const pair of usable) {
    const paramsFor = (other: RosterPair) => ({
      sponsor: pair.sponsor,
      recipient: pair.recipient,
      other: other.code,
      otherRow: other.source.row,
    });
    const same = conflict(samePair, `${pair.sponsor}\u0000${pair.recipient}`, pair, () => true);
    // The same two units paired twice are reported as such, not again as "another sponsor/recipient".
    const otherSponsor = rules.allowRecipientMultipleSponsors
      ? undefined
      : conflict(byRecipient, pair.recipient, pair, (o) => o.sponsor !== pair.sponsor);
    const otherRecipient = rules.allowSponsorMultipleRecipients
      ? undefined
      : conflict(bySponsor, pair.sponsor, pair, (o) => o.recipient !== pair.recipient);
    if (same) {
      errors.push({ ...at(pair.source, 'from'), key: 'roster.pairOverlap', params: paramsFor(same) });
    } else if (otherSponsor) {
      errors.push({
        ...at(pair.source, 'sponsor'),
        key: 'roster.recipientMultipleSponsors',
        params: paramsFor(otherSponsor),
      });
    } else if (otherRecipient) {
      errors.push({
        ...at(pair.source, 'recipient'),
        key: 'roster.sponsorMultipleRecipients',
        params: paramsFor(otherRecipient),
      });
    }
  }
  return errors;
}

/**
 * The communes a pair names: only a pair whose recipient is a mountain district may name them, and each must be
 * a commune of the file under that district.
 */
function checkCommunes(
  pair: RosterPair,
  byUnit: ReadonlyMap<string, RosterUnit>,
  pending: ReadonlySet<string>,
): RosterError[] {
  if (pair.communes.length === 0) return [];
  const recipient = byUnit.get(pair.recipient);
  if (!recipient) return [];
  if (recipient.kind !== 'MOUNTAIN_DISTRICT') {
    return [
      {
        ...at(pair.source, 'communes'),
        key: 'roster.communesNotAllowed',
        params: { recipient: recipient.code, kind: recipient.kind },
      },
    ];
  }
  const errors: RosterError[] = [];
  for (const code of pair.communes) {
    const commune = byUnit.get(code);
    if (!commune) {
      if (!pending.has(code)) {
        errors.push({ ...at(pair.source, 'communes'), key: 'roster.communeUnknown', params: { code } });
      }
    } else if (commune.kind !== 'COMMUNE' || commune.parent !== recipient.code) {
      errors.push({
        ...at(pair.source, 'communes'),
        key: 'roster.communeNotUnderDistrict',
        params: { code, district: recipient.code },
      });
    }
  }
  return errors;
}
