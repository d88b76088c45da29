/** The yearly obligations of a twinning pair (see docs/domain.md, "The seven yearly obligations"). */

/**
 * O1 implementation plan, O2 needs proposal, O3 signed programme, O4 progress through the year, O5 sponsor's
 * year-end report, O6 recipient's year-end report, O7 evaluation and rating.
 */
export const OBLIGATIONS = ['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7'] as const;

/** One of the yearly obligations O1–O7. */
export type ObligationId = (typeof OBLIGATIONS)[number];

/** Whether a string names an obligation. */
export function isObligationId(value: string): value is ObligationId {
  return (OBLIGATIONS as readonly string[]).includes(value);
}
