/**
 * Cycles at evaluation written straight into the read model, for tests of the year-end summary: every obligation
 * due on its default statutory day, submitted the day before it unless the test says otherwise (O7, the rating,
 * pending).
 */
import { endOfLocalDay } from '../../domain/calendar/time';
import type { ObligationId } from '../../domain/cycle/types';
import type { PrismaClient } from '../../generated/prisma';
import { writeNextDeadlines } from './next-deadline';

/** An obligation's status in the read model. */
export type ObligationRowStatus = 'PENDING' | 'SUBMITTED' | 'LATE' | 'MISSED' | 'WAIVED' | 'NOT_APPLICABLE';

/** The default statutory days (`MM-DD`; O7 in the next year). */
export const DEFAULT_DUE: Readonly<Record<ObligationId, string>> = {
  O1: '02-28',
  O2: '02-28',
  O3: '03-31',
  O4: '12-15',
  O5: '12-15',
  O6: '12-15',
  O7: '01-15',
};

/**
 * Creates the `year` cycle of `pairCode` in phase evaluation with O1–O7; a submitted obligation was met the day
 * before its deadline, a late one the day after. Resolves the cycle's ID.
 */
export async function createEvaluatedCycle(
  prisma: PrismaClient,
  pairCode: string,
  year: number,
  statuses: Partial<Record<ObligationId, ObligationRowStatus>> = {},
): Promise<string> {
  const pair = await prisma.pair.findUniqueOrThrow({ where: { code: pairCode } });
  const workflowId = `twinning-cycle:${pairCode}:${year}`;
  const cycle = await prisma.cycle.create({
    data: { pairId: pair.id, year, workflowId, phase: 'evaluation', flags: [] },
  });
  for (const [obligation, monthDay] of Object.entries(DEFAULT_DUE) as [ObligationId, string][]) {
    const status = statuses[obligation] ?? (obligation === 'O7' ? 'PENDING' : 'SUBMITTED');
    const due = endOfLocalDay(`${obligation === 'O7' ? year + 1 : year}-${monthDay}`);
    await prisma.cycleObligation.create({
      data: {
        cycleId: cycle.id,
        obligation,
        statutoryDue: due,
        effectiveDue: due,
        status,
        completedAt:
          status === 'SUBMITTED'
            ? new Date(due.getTime() - 86_400_000)
            : status === 'LATE'
              ? new Date(due.getTime() + 86_400_000)
              : null,
      },
    });
  }
  await writeNextDeadlines(prisma, [cycle.id]);
  return cycle.id;
}
