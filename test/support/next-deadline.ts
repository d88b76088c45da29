/**
 * For fixtures that write obligation rows straight into the tables: sets their cycles' next-deadline columns as
 * the cycle's own writes do (`nextDeadlineOf`), so that the read model is one the product could have written.
 */
import { nextDeadlineOf } from '../../domain/cycle/next-deadline';
import type { PrismaClient } from '../../generated/prisma';

/** Recomputes `Cycle.nextObligation` and `Cycle.nextDue` of the cycles `cycleIds` from their obligation rows. */
export async function writeNextDeadlines(
  prisma: Pick<PrismaClient, 'cycle' | 'cycleObligation'>,
  cycleIds: readonly string[],
): Promise<void> {
  const rows = await prisma.cycleObligation.findMany({
    where: { cycleId: { in: [...cycleIds] } },
    select: { cycleId: true, obligation: true, status: true, effectiveDue: true },
  });
  for (const id of cycleIds) {
    await prisma.cycle.update({
      where: { id },
      data: nextDeadlineOf(rows.filter((r) => r.cycleId === id)),
    });
  }
}
