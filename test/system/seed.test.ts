/**
 * First-run data against a real PostgreSQL: the holiday seed goes into every seeded year that has no row, the
 * demo roster and accounts into an empty database, and a second run changes nothing.
 */
import { seedCalendarDays } from '../../domain/calendar';
import { seedIfEmpty } from '../../system/seed';
import { createTestDatabase, type TestDatabase } from '../support/db';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

it('seeds the years without a calendar row, leaves an edited year alone, and is idempotent', async () => {
  // An administrator already keeps 2026 with one day of their own.
  await db.prisma.calendarDay.create({
    data: { date: new Date('2026-05-19T00:00:00Z'), year: 2026, kind: 'DAY_OFF', name: 'Ngày nghỉ riêng' },
  });
  const expected = seedCalendarDays().filter((d) => !d.date.startsWith('2026-'));

  const first = await seedIfEmpty(db.prisma);
  expect(first[0]).toBe(`holiday table seeded (${expected.length} days)`);
  expect(first.slice(1).map((l) => l.split(':')[0])).toEqual(['demo roster loaded', 'demo users created']);
  expect(await db.prisma.calendarDay.count({ where: { year: 2026 } })).toBe(1);
  expect(await db.prisma.calendarDay.count({ where: { year: { not: 2026 } } })).toBe(expected.length);
  const tet2025 = await db.prisma.calendarDay.findUniqueOrThrow({
    where: { date: new Date('2025-01-29T00:00:00Z') },
  });
  expect([tet2025.year, tet2025.kind]).toEqual([2025, 'HOLIDAY']);

  await expect(seedIfEmpty(db.prisma)).resolves.toEqual([]);
});
