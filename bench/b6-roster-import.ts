/**
 * B6: importing a roster of N pairs (and their units: communes, mountain districts, sponsors) into an empty
 * PostgreSQL database, as `twinning roster import` does (validation excluded: the file is read beforehand).
 *
 * Floor: the very rows our import wrote (units, staff counts, contacts, pairs, pair history, audit events),
 * read back and written into another empty database by bare Prisma `createMany` calls, one per table, in one
 * transaction as ours. What separates the two is the import's own work: reading what is stored, planning the
 * changes, building the rows.
 */
import type { Prisma, PrismaClient } from '../generated/prisma';
import { importRoster } from '../roster/import';
import { BENCH_YEAR, type BenchContext, type BenchmarkOutput } from './lib/context';
import { figure } from './lib/report';
import { secondsSince } from './lib/util';

/** Every row the import wrote, by table, in an order that satisfies the foreign keys. */
async function rowsOf(prisma: PrismaClient) {
  const units = await prisma.unit.findMany();
  // Parents before children: a commune's district must exist when the commune is written.
  units.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  return {
    units,
    staff: await prisma.unitStaff.findMany(),
    contacts: await prisma.contact.findMany(),
    pairs: await prisma.pair.findMany(),
    pairHistory: await prisma.pairHistory.findMany(),
    audit: await prisma.auditEvent.findMany(),
  };
}

/**
 * A row read back, as a createMany input: a JSON column read as null is written as absent (Prisma's input type
 * has no plain null for JSON), which stores the same SQL NULL.
 */
function jsonColumns<T extends { before: unknown; after: unknown }>(row: T) {
  const { before, after, ...rest } = row;
  return {
    ...rest,
    ...(before !== null ? { before: before as Prisma.InputJsonValue } : {}),
    ...(after !== null ? { after: after as Prisma.InputJsonValue } : {}),
  };
}

/** Runs B6. */
export async function runB6(ctx: BenchContext): Promise<BenchmarkOutput> {
  const roster = await ctx.roster();
  const rows = roster.units.length + roster.pairs.length;
  const ours = await ctx.emptyDatabase('postgres');
  let oursS: number;
  let written: Awaited<ReturnType<typeof rowsOf>>;
  try {
    const bar = ctx.phase('B6 ours: roster import', rows);
    const t0 = performance.now();
    const summary = await importRoster(ours.prisma, roster, {
      staffYear: BENCH_YEAR,
      actor: 'bench',
      onProgress: (done) => bar.update(done),
    });
    oursS = secondsSince(t0);
    bar.stop();
    if (summary.created.pairs.length !== roster.pairs.length)
      throw new Error(`the import created ${summary.created.pairs.length} of ${roster.pairs.length} pairs`);
    written = await rowsOf(ours.prisma);
  } finally {
    await ours.drop();
  }

  const floor = await ctx.emptyDatabase('postgres');
  let floorS: number;
  try {
    const bar = ctx.phase('B6 floor: bare createMany of the same rows', 6);
    const t0 = performance.now();
    await floor.prisma.$transaction(
      async (tx) => {
        await tx.unit.createMany({ data: written.units });
        bar.update(1);
        await tx.unitStaff.createMany({ data: written.staff });
        bar.update(2);
        await tx.contact.createMany({ data: written.contacts });
        bar.update(3);
        await tx.pair.createMany({ data: written.pairs });
        bar.update(4);
        await tx.pairHistory.createMany({ data: written.pairHistory.map(jsonColumns) });
        bar.update(5);
        await tx.auditEvent.createMany({ data: written.audit.map(jsonColumns) });
        bar.update(6);
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
    floorS = secondsSince(t0);
    bar.stop();
  } finally {
    await floor.drop();
  }
  const counts = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, v.length]));
  return {
    figures: [
      figure({
        name: `roster import, ${roster.units.length} units and ${roster.pairs.length} pairs`,
        unit: 's',
        ours: oursS,
        floor: floorS,
        better: 'lower',
        goal: { of: 'ratio', op: '>=', value: 0.5 },
      }),
    ],
    details: { rowsWritten: counts },
  };
}
