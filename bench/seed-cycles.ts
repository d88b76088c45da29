/**
 * A generator of a large read model for measuring the dashboard: units, pairs, cycles in every phase, their seven
 * obligations (statuses consistent with the phase), O3 signatures and the units' evaluations, written straight
 * into the tables (no workflow runs). Deterministic: the same options give the same rows. Used by
 * test/services/dashboard/list-plan.test.ts (EXPLAIN on 10,000 cycles) and meant for the dashboard benchmark.
 */
import { DEFAULT_CALENDAR_SETTINGS } from '../domain/calendar/settings';
import { endOfLocalDay } from '../domain/calendar/time';
import { nextDeadlineOf, type DeadlineRow } from '../domain/cycle/next-deadline';
import {
  CYCLE_PHASES,
  HOME_PHASE,
  OBLIGATION_IDS,
  phaseIndex,
  type CyclePhase,
  type ObligationId,
} from '../domain/cycle/types';
import type { Prisma, PrismaClient } from '../generated/prisma';

/** What to generate. */
export interface SeedOptions {
  /** Number of cycles in all (default 10,000); spread evenly over the years, one per pair and year. */
  readonly cycles?: number;
  /** The years (default [2026]). */
  readonly years?: readonly number[];
  /** Seed of the pseudo-random choices (default 1). */
  readonly seed?: number;
}

/** What was generated, for the caller's assertions. */
export interface SeedResult {
  readonly cycles: number;
  readonly pairs: number;
  readonly units: number;
  readonly years: readonly number[];
  /** Some codes that exist: a department, a district and one of its communes. */
  readonly sample: { readonly sponsor: string; readonly district: string; readonly commune: string };
}

const { dueDates } = DEFAULT_CALENDAR_SETTINGS;

/** The default calendar's named day (mm-dd) of an obligation; O4 has none of its own and is due with O5. */
const dueOf = (o: ObligationId): string => dueDates[o] ?? dueDates.O5 ?? '12-15';

const PHASE_START: Readonly<Record<CyclePhase, string>> = {
  needsProposal: '01-01',
  agreement: '03-01',
  implementation: '04-01',
  yearEndReporting: '12-01',
  evaluation: '12-16',
  closed: '01-16',
};

const LEVELS = ['HTXS', 'TOT', 'KHA', 'TB', 'YEU'] as const;

/** mulberry32: a small, fast, seedable generator; quality is irrelevant here, repeatability is not. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A column of {@link insertRows}: its name and the SQL type of its values. */
type ColumnSpec = readonly [name: string, type: string];

/** A value of a generated row: a scalar, a timestamp, a text array or a JSON object. */
type SqlValue = string | number | boolean | null | Date | readonly string[] | Prisma.InputJsonObject;

function asParam(value: SqlValue, type: string): string | number | boolean | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((v) => JSON.stringify(v)).join(',')}}`;
  if (type === 'jsonb') return JSON.stringify(value);
  return value as string | number | boolean;
}

/**
 * Inserts many rows in one statement per table (`INSERT … SELECT FROM unnest(arrays)`): Prisma's createMany
 * takes over a minute for the 90,000 rows of 10,000 cycles, this a few seconds. Timestamps are written as UTC
 * ISO strings, which is how Prisma stores its `timestamp(3)` columns.
 */
async function insertRows(
  prisma: PrismaClient,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly SqlValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map(([, type], i) => rows.map((r) => asParam(r[i] ?? null, type)));
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  // Every column travels as an array of text (an array column as its text form) and is cast in SQL.
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const casts = columns.map(([, type], i) => `c${i}::${type}`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  await prisma.$executeRawUnsafe(
    `INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${unnest}) AS t(${aliases})`,
    ...arrays.map((values) => values.map((v) => (v === null ? null : String(v)))),
  );
}

/** Writes the generated roster and read model into a database whose roster is empty. */
export async function seedCycles(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const years = options.years ?? [2026];
  const total = options.cycles ?? 10_000;
  const pairCount = Math.ceil(total / years.length);
  const rnd = random(options.seed ?? 1);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;
  const now = new Date(Date.UTC(2026, 0, 1));

  const sponsorCount = Math.max(1, Math.ceil(pairCount / 4));
  const districtCount = Math.max(1, Math.ceil(pairCount / 60));
  const communeCount = Math.max(1, Math.ceil(pairCount / 3));
  // id, code, name, kind, parentId, border
  const units: [string, string, string, string, string | null, boolean][] = [];
  const sponsorIds: string[] = [];
  const districtIds: string[] = [];
  const communeIds: string[] = [];
  for (let i = 1; i <= sponsorCount; i += 1) {
    const district = i % 10 === 0;
    const id = `seed-s-${i}`;
    units.push([
      id,
      district ? `HDB-${pad(i, 5)}` : `SO-${pad(i, 5)}`,
      district ? `Huyện đồng bằng ${i}` : `Sở ${i}`,
      district ? 'LOWLAND_DISTRICT' : 'DEPARTMENT',
      null,
      false,
    ]);
    sponsorIds.push(id);
  }
  for (let i = 1; i <= districtCount; i += 1) {
    const id = `seed-d-${i}`;
    units.push([id, `HMN-${pad(i, 4)}`, `Huyện miền núi ${i}`, 'MOUNTAIN_DISTRICT', null, false]);
    districtIds.push(id);
  }
  for (let i = 1; i <= communeCount; i += 1) {
    const id = `seed-c-${i}`;
    units.push([
      id,
      `XA-${pad(i, 5)}`,
      `Xã miền núi ${i}`,
      'COMMUNE',
      districtIds[(i - 1) % districtCount]!,
      i % 7 === 0,
    ]);
    communeIds.push(id);
  }
  await insertRows(
    prisma,
    'Unit',
    [
      ['id', 'text'],
      ['code', 'text'],
      ['name', 'text'],
      ['kind', '"UnitKind"'],
      ['parentId', 'text'],
      ['border', 'boolean'],
      ['updatedAt', 'timestamp(3)'],
    ],
    units.map((u) => [...u, now]),
  );
  await insertRows(
    prisma,
    'Contact',
    [
      ['id', 'text'],
      ['unitId', 'text'],
      ['email', 'text'],
    ],
    units.map((u) => [`${u[0]}-contact`, u[0], `${u[1].toLowerCase()}@example.gov.vn`]),
  );

  // id, code, sponsorId, recipientId
  const pairs: [string, string, string, string][] = [];
  for (let i = 1; i <= pairCount; i += 1) {
    // Every 20th pair twins a sponsor with a whole mountain district, the others a sponsor with a commune.
    const wholeDistrict = i % 20 === 0;
    pairs.push([
      `seed-p-${i}`,
      `KN-${pad(i, 5)}`,
      sponsorIds[(i - 1) % sponsorCount]!,
      wholeDistrict ? districtIds[(i - 1) % districtCount]! : communeIds[(i * 7) % communeCount]!,
    ]);
  }
  await insertRows(
    prisma,
    'Pair',
    [
      ['id', 'text'],
      ['code', 'text'],
      ['sponsorId', 'text'],
      ['recipientId', 'text'],
      ['validFrom', 'date'],
      ['updatedAt', 'timestamp(3)'],
    ],
    pairs.map((p) => [...p, '2020-01-01', now]),
  );

  const cycles: SqlValue[][] = [];
  const obligations: SqlValue[][] = [];
  const signatures: SqlValue[][] = [];
  const rated = new Map<string, [string, number, 'SPONSOR' | 'RECIPIENT']>();
  let made = 0;
  for (const year of years) {
    for (const [pairId, pairCode, sponsorId, recipientId] of pairs) {
      if (made >= total) break;
      made += 1;
      const phase = pick(CYCLE_PHASES);
      const p = phaseIndex(phase);
      const cycleId = `seed-y-${year}-${pairCode}`;
      const at = (mmdd: string, y = year) => endOfLocalDay(`${y}-${mmdd}`);
      const waitingFor: string[] = [];
      let escalation = 0;
      let overdue = false;
      const rows: DeadlineRow[] = [];
      for (const o of OBLIGATION_IDS) {
        const home = phaseIndex(HOME_PHASE[o]);
        const due = at(dueOf(o), o === 'O7' ? year + 1 : year);
        const status =
          home < p || phase === 'closed'
            ? pick(['SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'LATE', 'MISSED', 'WAIVED'] as const)
            : 'PENDING';
        const level = status === 'MISSED' ? pick([1, 2] as const) : 0;
        if (status === 'MISSED' && phase !== 'closed') overdue = true;
        if (phase !== 'closed') escalation = Math.max(escalation, level);
        if (status === 'PENDING' && home <= p) waitingFor.push(o);
        // An extension now and then, so that effective and statutory due days differ.
        const effective =
          status === 'PENDING' && rnd() < 0.1 ? new Date(due.getTime() + 7 * 86_400_000) : due;
        const completedAt =
          status === 'SUBMITTED'
            ? new Date(due.getTime() - 86_400_000)
            : status === 'LATE'
              ? new Date(due.getTime() + 3 * 86_400_000)
              : null;
        obligations.push([cycleId, o, due, effective, status, completedAt, level]);
        rows.push({ obligation: o, status, effectiveDue: effective });
        if (o === 'O3' && status === 'PENDING' && rnd() < 0.3) {
          const payload = { signedOn: `${year}-03-10`, signatoryName: 'Giám đốc' };
          signatures.push([
            `${cycleId}-sign`,
            cycleId,
            'O3',
            'SPONSOR',
            'seed',
            at('03-10'),
            payload,
            `${cycleId}:sign`,
          ]);
        }
      }
      const next = nextDeadlineOf(rows);
      const waitingSince = new Date(
        at(PHASE_START[phase], phase === 'closed' ? year + 1 : year).getTime() - 86_400_000,
      );
      cycles.push([
        cycleId,
        pairId,
        year,
        `twinning-cycle:${pairCode}:${year}`,
        phase,
        escalation,
        overdue,
        overdue ? ['overdue'] : [],
        waitingFor.join(',') || null,
        waitingSince,
        phase === 'closed' ? null : at('12-08'),
        now,
        next.nextObligation,
        next.nextDue,
      ]);
      if (p >= phaseIndex('evaluation')) {
        rated.set(`${sponsorId}:${year}`, [sponsorId, year, 'SPONSOR']);
        rated.set(`${recipientId}:${year}`, [recipientId, year, 'RECIPIENT']);
      }
    }
  }
  await insertRows(
    prisma,
    'Cycle',
    [
      ['id', 'text'],
      ['pairId', 'text'],
      ['year', 'integer'],
      ['workflowId', 'text'],
      ['phase', 'text'],
      ['escalationLevel', 'integer'],
      ['overdue', 'boolean'],
      ['flags', 'text[]'],
      ['waitingFor', 'text'],
      ['waitingSince', 'timestamp(3)'],
      ['nextTimerAt', 'timestamp(3)'],
      ['updatedAt', 'timestamp(3)'],
      ['nextObligation', '"Obligation"'],
      ['nextDue', 'timestamp(3)'],
    ],
    cycles,
  );
  await insertRows(
    prisma,
    'CycleObligation',
    [
      ['cycleId', 'text'],
      ['obligation', '"Obligation"'],
      ['statutoryDue', 'timestamp(3)'],
      ['effectiveDue', 'timestamp(3)'],
      ['status', '"ObligationStatus"'],
      ['completedAt', 'timestamp(3)'],
      ['escalationLevel', 'integer'],
    ],
    obligations,
  );
  await insertRows(
    prisma,
    'Submission',
    [
      ['id', 'text'],
      ['cycleId', 'text'],
      ['obligation', '"Obligation"'],
      ['side', '"Side"'],
      ['submittedBy', 'text'],
      ['submittedAt', 'timestamp(3)'],
      ['payload', 'jsonb'],
      ['idempotencyKey', 'text'],
    ],
    signatures,
  );
  const evaluations = [...rated.values()].map(([unitId, year, side]): SqlValue[] => {
    const proposed = pick(LEVELS);
    const final = rnd() < 0.5 ? (rnd() < 0.8 ? proposed : pick(LEVELS)) : null;
    return [`${unitId}-${year}`, unitId, year, side, proposed, 50 + Math.floor(rnd() * 50), final, now];
  });
  await insertRows(
    prisma,
    'UnitEvaluation',
    [
      ['id', 'text'],
      ['unitId', 'text'],
      ['year', 'integer'],
      ['side', '"Side"'],
      ['proposedRating', 'text'],
      ['proposedScore', 'double precision'],
      ['finalRating', 'text'],
      ['updatedAt', 'timestamp(3)'],
    ],
    evaluations,
  );
  // As autovacuum would leave a settled database: statistics for the planner, and the visibility map that lets a
  // count be answered from an index alone.
  await prisma.$executeRawUnsafe(
    'VACUUM ANALYZE "Unit", "Pair", "Cycle", "CycleObligation", "Submission", "UnitEvaluation"',
  );
  return {
    cycles: made,
    pairs: pairCount,
    units: units.length,
    years,
    sample: { sponsor: 'SO-00001', district: 'HMN-0001', commune: 'XA-00001' },
  };
}
