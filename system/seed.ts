/**
 * First-run data: the demo roster when the database has no units, and the seeded holiday table for every
 * seeded year that has no calendar day yet. Both are skipped once data exists, so a restart never re-seeds or
 * overwrites edits.
 */
import path from 'node:path';
import type { PrismaClient } from '../generated/prisma';
import { importRoster } from '../roster/import';
import { loadRoster } from '../roster/load';
import { seedCalendarTable } from '../services/calendar-store';

/** The demo roster shipped with the project. */
const DEMO_ROSTER = path.resolve(__dirname, '..', 'demo', 'roster.json');

/** The example administrator (Ban Dân tộc) and leadership (UBND tỉnh) accounts of a first run. */
const DEMO_USERS = [
  { email: 'bandantoc@quangnam.example.gov.vn', name: 'Ban Dân tộc tỉnh (ví dụ)', role: 'ADMIN' as const },
  {
    email: 'vanphong@ubnd.quangnam.example.gov.vn',
    name: 'Văn phòng UBND tỉnh (ví dụ)',
    role: 'LEADERSHIP' as const,
  },
];

/** Seeds what is missing; returns one line per thing done, for the start-up log. */
export async function seedIfEmpty(prisma: PrismaClient): Promise<string[]> {
  const done: string[] = [];
  const seededDays = await seedCalendarTable(prisma);
  if (seededDays > 0) done.push(`holiday table seeded (${seededDays} days)`);
  if ((await prisma.unit.count()) === 0) {
    const loaded = await loadRoster([DEMO_ROSTER]);
    if (!loaded.ok) throw new Error(`the demo roster is invalid: ${loaded.errors.length} error(s)`);
    const summary = await importRoster(prisma, loaded.roster, { actor: 'system:demo-seed' });
    done.push(`demo roster loaded: ${summary.units.created} units, ${summary.pairs.created} pairs`);
  }
  if ((await prisma.user.count()) === 0) {
    // Someone must receive what goes to Ban Dân tộc and to provincial leadership (O7 reminders, escalations,
    // the digest); a first run gets one example address for each, replaced by the real users later.
    await prisma.user.createMany({
      data: DEMO_USERS.map((u) => ({ ...u })),
      skipDuplicates: true,
    });
    done.push(`demo users created: ${DEMO_USERS.map((u) => u.email).join(', ')}`);
  }
  return done;
}
