/** Kinds of unit in the twinning programme (see ../shared/domain.md, "Who takes part"). */
export const UNIT_KINDS = ['DEPARTMENT', 'LOWLAND_DISTRICT', 'MOUNTAIN_DISTRICT', 'COMMUNE'] as const;

/** A unit's kind: two sponsor kinds and two recipient kinds. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The side of a twinning pair a unit can stand on. */
export type PairSide = 'sponsor' | 'recipient';

/** Sponsor kinds: provincial departments and lowland districts/towns/cities. */
export const SPONSOR_KINDS: readonly UnitKind[] = ['DEPARTMENT', 'LOWLAND_DISTRICT'];

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
