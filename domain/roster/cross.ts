import { RECIPIENT_KINDS, SPONSOR_KINDS, type UnitKind } from '../units';
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
 * Rules between units: codes are unique, a parent exists and a commune's parent is a mountain district.
 * `pending` holds codes of rows that exist but failed their own validation: a reference to them is not
 * reported again as unknown.
 */
export function checkUnits(units: readonly RosterUnit[], pending: ReadonlySet<string>): RosterError[] {
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
  const kinds = new Map<string, UnitKind>();
  for (const unit of units) if (!kinds.has(unit.code)) kinds.set(unit.code, unit.kind);

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
      const kind = kinds.get(unitCode);
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
    if (ok) usable.push(pair);
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
