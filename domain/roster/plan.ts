import type { UnitKind } from '../units';
import type { RosterContact, RosterFile, RosterPair, RosterUnit } from './types';

/** A unit as stored, seen through the roster's eyes (codes instead of ids, staff of the import's year). */
export interface StoredUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent: string | null;
  readonly border: boolean;
  readonly staff: number | null;
  readonly contacts: readonly RosterContact[];
  readonly from: string | null;
  readonly to: string | null;
  /** The code of the unit it was merged into. */
  readonly successor: string | null;
}

/** A pair as stored, with unit codes and ISO dates. */
export interface StoredPair {
  readonly id: string;
  readonly code: string;
  readonly sponsor: string;
  readonly recipient: string;
  readonly from: string;
  readonly to: string | null;
  readonly communes: readonly string[];
}

/** The state of a unit that the roster controls, as recorded in audit events (before/after). */
export interface UnitSnapshot {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent: string | null;
  readonly border: boolean;
  readonly staff: number | null;
  readonly contacts: readonly RosterContact[];
  readonly from: string | null;
  readonly to: string | null;
  readonly successor: string | null;
}

/** The state of a pair that the roster controls. */
export interface PairSnapshot {
  readonly code: string;
  readonly sponsor: string;
  readonly recipient: string;
  readonly from: string;
  readonly to: string | null;
  readonly communes: readonly string[];
}

/** What the import does with one unit; `changed` says which parts differ, so only those are written. */
export type UnitPlan =
  | { readonly action: 'create'; readonly unit: RosterUnit; readonly after: UnitSnapshot }
  | {
      readonly action: 'update';
      readonly unit: RosterUnit;
      readonly stored: StoredUnit;
      readonly before: UnitSnapshot;
      readonly after: UnitSnapshot;
      readonly changed: { readonly fields: boolean; readonly staff: boolean; readonly contacts: boolean };
    }
  | { readonly action: 'unchanged'; readonly unit: RosterUnit; readonly stored: StoredUnit };

/** What the import does with one pair. */
export type PairPlan =
  | { readonly action: 'create'; readonly pair: RosterPair; readonly after: PairSnapshot }
  | {
      readonly action: 'update';
      readonly pair: RosterPair;
      readonly stored: StoredPair;
      readonly before: PairSnapshot;
      readonly after: PairSnapshot;
    }
  | { readonly action: 'unchanged'; readonly pair: RosterPair; readonly stored: StoredPair };

/** Created, updated and unchanged counts. */
export interface ChangeCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** The whole plan of an import. */
export interface RosterPlan {
  readonly units: readonly UnitPlan[];
  readonly pairs: readonly PairPlan[];
}

function contactKey(contacts: readonly RosterContact[]): string {
  return contacts
    .map((c) => `${c.email}:${c.role}`)
    .sort()
    .join('|');
}

/** Only the fields the roster controls (a stored unit's id, a row's source are left out). */
function unitSnapshot(unit: UnitSnapshot): UnitSnapshot {
  const { code, name, kind, parent, border, staff, contacts, from, to, successor } = unit;
  return { code, name, kind, parent, border, staff, contacts, from, to, successor };
}

/** Only the fields the roster controls of a pair. */
function pairSnapshot(pair: PairSnapshot): PairSnapshot {
  const { code, sponsor, recipient, from, to, communes } = pair;
  return { code, sponsor, recipient, from, to, communes };
}

/** The communes in the order written: a reordered list is a change the file asked for. */
function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code, i) => code === b[i]);
}

/**
 * Compares a valid roster with what is stored, by code, and decides for every unit and pair whether it is
 * created, updated or left alone. Nothing is ever deleted: a unit or pair missing from the file stays as it
 * is (dissolving a pair is an administrator's action with a reason, not a side effect of a spreadsheet).
 * An empty staff cell leaves the stored staff count of that year alone.
 */
export function planRosterImport(
  stored: { readonly units: readonly StoredUnit[]; readonly pairs: readonly StoredPair[] },
  roster: RosterFile,
): RosterPlan {
  const units = new Map(stored.units.map((u) => [u.code, u]));
  const pairs = new Map(stored.pairs.map((p) => [p.code, p]));

  const unitPlans = roster.units.map((unit): UnitPlan => {
    const after = unitSnapshot(unit);
    const old = units.get(unit.code);
    if (!old) return { action: 'create', unit, after };
    const changed = {
      fields:
        old.name !== unit.name ||
        old.kind !== unit.kind ||
        old.parent !== unit.parent ||
        old.border !== unit.border ||
        old.from !== unit.from ||
        old.to !== unit.to ||
        old.successor !== unit.successor,
      staff: unit.staff !== null && unit.staff !== old.staff,
      contacts: contactKey(old.contacts) !== contactKey(unit.contacts),
    };
    if (!changed.fields && !changed.staff && !changed.contacts)
      return { action: 'unchanged', unit, stored: old };
    const before = unitSnapshot(old);
    return {
      action: 'update',
      unit,
      stored: old,
      before,
      after: { ...after, staff: unit.staff ?? old.staff },
      changed,
    };
  });

  const pairPlans = roster.pairs.map((pair): PairPlan => {
    const after = pairSnapshot(pair);
    const old = pairs.get(pair.code);
    if (!old) return { action: 'create', pair, after };
    const same =
      old.sponsor === pair.sponsor &&
      old.recipient === pair.recipient &&
      old.from === pair.from &&
      old.to === pair.to &&
      sameCodes(old.communes, pair.communes);
    if (same) return { action: 'unchanged', pair, stored: old };
    return { action: 'update', pair, stored: old, before: pairSnapshot(old), after };
  });

  return { units: unitPlans, pairs: pairPlans };
}

/** Counts the actions of a list of plans. */
export function countChanges(
  plans: readonly { readonly action: 'create' | 'update' | 'unchanged' }[],
): ChangeCounts {
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const plan of plans) {
    if (plan.action === 'create') created++;
    else if (plan.action === 'update') updated++;
    else unchanged++;
  }
  return { created, updated, unchanged };
}
