/**
 * The list's query plans on 10,000 generated cycles of one year (bench/seed-cycles.ts): for every sort the page's
 * keys come from the index that gives its order, the page never reads a whole table of cycles, pairs or
 * obligations (the few evaluations of a rating filter are hashed), and the count never reads the whole table of
 * obligations. Plans, not timings: the time is the benchmark's business.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seedCycles } from '../../../bench/seed-cycles';
import type { Scope } from '../../../domain/access';
import { parseCycleListQuery } from '../../../domain/dashboard/list-query';
import { Prisma } from '../../../generated/prisma';
import { listCycles, listSql } from '../../../services/dashboard/list';
import { createTestDatabase, type TestDatabase } from '../../support/db';

let db: TestDatabase;
const ALL: Scope = { kind: 'all' };

beforeAll(async () => {
  db = await createTestDatabase();
  const seeded = await seedCycles(db.prisma, { cycles: 10_000, years: [2026] });
  expect(seeded.cycles).toBe(10_000);
});

afterAll(async () => {
  await db?.drop();
});

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(sql: Prisma.Sql): Promise<PlanNode[]> {
  const [row] = await db.prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`,
  );
  return nodes(row!['QUERY PLAN'][0].Plan);
}

const indexes = (plan: PlanNode[]) => new Set(plan.flatMap((n) => n['Index Name'] ?? []));
const seqScans = (plan: PlanNode[]) =>
  plan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
const BIG = ['Cycle', 'CycleObligation', 'Pair'];
const bigSeqScans = (plan: PlanNode[]) => seqScans(plan).filter((r) => r !== undefined && BIG.includes(r));

function query(input: Record<string, unknown>) {
  const parsed = parseCycleListQuery({ year: 2026, ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

describe('list plans on 10,000 cycles', () => {
  it.each([
    [{ sort: 'pair' }, 'Pair_code_key'],
    [{ sort: 'pair', dir: 'desc', page: 40 }, 'Pair_code_key'],
    [{ sort: 'phase' }, 'Cycle_year_phase_workflowId_idx'],
    [{ sort: 'phase', dir: 'desc' }, 'Cycle_year_phase_workflowId_idx'],
    [{ sort: 'deadline' }, 'Cycle_year_nextDue_workflowId_idx'],
    [{ sort: 'deadline', dir: 'desc' }, 'Cycle_year_nextDue_workflowId_idx'],
    [{ sort: 'escalation', dir: 'desc' }, 'Cycle_year_escalationLevel_workflowId_idx'],
    [{ sort: 'waitingSince' }, 'Cycle_year_waitingSince_workflowId_idx'],
    [{ sort: 'sponsor' }, 'Unit_code_key'],
    [{ sort: 'recipient', dir: 'desc' }, 'Unit_code_key'],
    [{ sort: 'pair', phase: 'implementation', overdue: true }, 'Pair_code_key'],
    [{ sort: 'pair', obligation: 'O2', status: 'missed' }, 'CycleObligation_pkey'],
    [{ sort: 'pair', sponsor: 'SO-00001' }, 'Pair_sponsorId_idx'],
    [{ sort: 'pair', district: 'HMN-0001' }, 'Unit_parentId_idx'],
    [{ sort: 'pair', rating: 'TOT' }, 'Pair_code_key'],
  ])('%j reads its keys through %s, no whole table of cycles or obligations', async (input, index) => {
    const sql = listSql(ALL, query(input));
    const rows = await planOf(sql.rows);
    expect(indexes(rows)).toContain(index);
    expect(bigSeqScans(rows)).toEqual([]);
    // A count must look at every matching cycle: a filter through another table may hash a table of cycles or
    // pairs (10,000 narrow rows), never the seven times larger one of obligations.
    expect(seqScans(await planOf(sql.count))).not.toContain('CycleObligation');
  });

  it.each([[{}], [{ phase: 'evaluation' }], [{ overdue: true }], [{ escalation: 2 }]])(
    'counts %j from an index alone',
    async (input) => {
      const count = await planOf(listSql(ALL, query(input)).count);
      expect(seqScans(count)).toEqual([]);
      expect(count.map((n) => n['Node Type'])).toContain('Index Only Scan');
    },
  );

  it('an officer’s list starts from its unit’s pairs', async () => {
    const scope: Scope = { kind: 'units', side: 'sponsor', unitIds: ['seed-s-1', 'seed-s-2'] };
    const rows = await planOf(listSql(scope, query({ sort: 'deadline' })).rows);
    expect(bigSeqScans(rows)).toEqual([]);
    const count = await planOf(listSql(scope, query({})).count);
    expect(indexes(count)).toContain('Pair_sponsorId_idx');
  });

  it('returns a full page and the total', async () => {
    const page = await listCycles(db.prisma, ALL, query({ sort: 'deadline', pageSize: 200, page: 3 }));
    expect([page.rows.length, page.total, page.pages]).toEqual([200, 10_000, 50]);
    const dues = page.rows.flatMap((r) => (r.nextDeadline ? [r.nextDeadline.at] : []));
    expect(dues).toEqual([...dues].sort());
  });
});

describe('the next deadline kept on the cycle', () => {
  it('is what the migration that added it fills in for existing cycles', async () => {
    const columns = { id: true, nextObligation: true, nextDue: true } as const;
    // Written by the seed with nextDeadlineOf, as the cycles' own writes do.
    const kept = await db.prisma.cycle.findMany({ select: columns, orderBy: { id: 'asc' } });
    expect(kept.filter((c) => c.nextDue !== null).length).toBeGreaterThan(1_000);
    expect(kept.filter((c) => c.nextDue === null).length).toBeGreaterThan(100);
    const migration = readFileSync(
      path.join(__dirname, '../../../prisma/migrations/20261215090000_cycle_next_deadline/migration.sql'),
      'utf8',
    );
    const backfill = migration.slice(migration.indexOf('UPDATE "Cycle"'));
    await db.prisma.$executeRawUnsafe('UPDATE "Cycle" SET "nextObligation" = NULL, "nextDue" = NULL');
    await db.prisma.$executeRawUnsafe(backfill);
    expect(await db.prisma.cycle.findMany({ select: columns, orderBy: { id: 'asc' } })).toEqual(kept);
  });
});
