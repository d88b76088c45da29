/**
 * Kinds of unit in the twinning programme (see docs/domain.md, "Who takes part"). `LOWLAND_COMMUNE` is a
 * lowland ward or commune (phường, xã đồng bằng), the sponsor of mountain communes since districts were
 * abolished on 1 July 2025.
 */
export const UNIT_KINDS = [
  'DEPARTMENT',
  'LOWLAND_DISTRICT',
  'LOWLAND_COMMUNE',
  'MOUNTAIN_DISTRICT',
  'COMMUNE',
] as const;

/** A unit's kind: three sponsor kinds and two recipient kinds. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The side of a twinning pair a unit can stand on. */
export type PairSide = 'sponsor' | 'recipient';

/** Sponsor kinds: departments, lowland districts/towns/cities, and (since 2025) lowland wards and communes. */
export const SPONSOR_KINDS: readonly UnitKind[] = ['DEPARTMENT', 'LOWLAND_DISTRICT', 'LOWLAND_COMMUNE'];

/** Recipient kinds: mountain districts and mountain or land-border communes. */
export const RECIPIENT_KINDS: readonly UnitKind[] = ['MOUNTAIN_DISTRICT', 'COMMUNE'];

/** Which side of a pair a unit of this kind stands on. */
export function sideOfKind(kind: UnitKind): PairSide {
  return SPONSOR_KINDS.includes(kind) ? 'sponsor' : 'recipient';
}

/** Whether a string names a unit kind. */
export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}
