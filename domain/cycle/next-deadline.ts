/**
 * A cycle's next deadline, as the dashboard shows and sorts it: its earliest pending obligation by effective due
 * instant, ties by obligation ID. Kept on the cycle's read-model row (`Cycle.nextObligation`, `Cycle.nextDue`)
 * by every write of the cycle, so that the list reads one column instead of the obligations of every row.
 */
import { OBLIGATION_STATUS_TO_DB, type ObligationId } from './types';

/** An obligation row as the read model stores it (status in the database's spelling). */
export interface DeadlineRow {
  readonly obligation: ObligationId;
  readonly status: string;
  readonly effectiveDue: Date;
}

/** The next-deadline columns of a cycle whose obligations are `rows` (both null when nothing is pending). */
export interface NextDeadline {
  readonly nextObligation: ObligationId | null;
  readonly nextDue: Date | null;
}

/** The earliest pending row of `rows` (by due instant, then obligation ID), as the cycle's columns. */
export function nextDeadlineOf(rows: readonly DeadlineRow[]): NextDeadline {
  let next: DeadlineRow | undefined;
  for (const row of rows) {
    if (row.status !== OBLIGATION_STATUS_TO_DB.pending) continue;
    const due = row.effectiveDue.getTime();
    const best = next?.effectiveDue.getTime() ?? Infinity;
    if (due < best || (due === best && next !== undefined && row.obligation < next.obligation)) next = row;
  }
  return { nextObligation: next?.obligation ?? null, nextDue: next?.effectiveDue ?? null };
}
