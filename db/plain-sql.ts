/**
 * Plain SQL on the Prisma client's own `pg` pool, for the few statements that run on every web request (the
 * session with its user, the dashboard list's page and count) and for every message (the cycle's write of its read
 * model and ledger rows, the claim, the reads that compose it, the year's calendar, the `SENT` record). Prisma's
 * `$queryRaw` costs about twice the CPU of the same statement sent by `pg` (its query compiler and result decoding
 * run on each call), and a compiled `findUnique` or `updateMany` more: on a 2-core machine that CPU is what ten
 * readers or a burst of reminders wait for (BENCHMARKS.md, B2 and B4). The ledger's rarer writes (a failure, a
 * released claim) stay with Prisma.
 *
 * The answer is what `$queryRaw` gives: `timestamp` and `date` columns are instants in UTC (as Prisma stores
 * them), `bigint` is a `BigInt`, `json` is parsed; an instant sent as a parameter goes as UTC. Any other client
 * (a transaction's `tx`, a test's stand-in) runs the statement through its own `$queryRaw`, so a read inside a
 * transaction sees that transaction's writes, and every caller gets the same rows either way.
 */
import pg from 'pg';
import { Prisma } from '../generated/prisma';

/** What {@link plainSqlOf} needs of a Prisma client. */
export interface RawQueryClient {
  $queryRaw<T>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

/** Runs statements; see {@link plainSqlOf}. */
export interface PlainSql {
  /** The rows of one parameterised statement. */
  rows<T>(query: Prisma.Sql): Promise<T[]>;
}

const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;
const INT8_OID = 20;

/** `timestamp without time zone` holds UTC here (Prisma's convention); pg would read it in local time. */
function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

/** A column's text as its value. */
type TextParser = (text: string) => unknown;

const TYPES = {
  getTypeParser(oid: number): TextParser {
    if (oid === TIMESTAMP_OID) return parseUtcTimestamp;
    if (oid === DATE_OID) return (text) => new Date(`${text}T00:00:00Z`);
    if (oid === INT8_OID) return (text) => BigInt(text);
    // Every other type as pg reads it (json parsed, int4 and booleans as numbers and booleans, arrays).
    return pg.types.getTypeParser(oid, 'text') as TextParser;
  },
};

/**
 * A parameter as PostgreSQL should read it: an instant as ISO text in UTC. pg would send a `Date` in the
 * process's local time with its offset, which a `timestamp without time zone` column keeps as local time.
 */
function asParameter(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const pools = new WeakMap<object, pg.Pool>();

/** Registers the pool a client was made with (only `db/client.ts` calls this). */
export function registerPool(client: object, pool: pg.Pool): void {
  pools.set(client, pool);
}

/** Plain SQL on `client`'s pool when it has one, else through its `$queryRaw`. */
export function plainSqlOf(client: RawQueryClient): PlainSql {
  const pool = pools.get(client);
  return {
    async rows<T>(query: Prisma.Sql): Promise<T[]> {
      // An ended pool (after `$disconnect`) cannot serve; Prisma reconnects by itself, so let it.
      if (pool === undefined || pool.ending) return client.$queryRaw<T[]>(query);
      const result = await pool.query<T & pg.QueryResultRow>({
        text: query.text,
        values: query.values.map(asParameter),
        types: TYPES,
      });
      return result.rows;
    },
  };
}

/**
 * An instant for a `timestamp(3)` column, in any statement: its UTC text cast to the column's type (Prisma keeps
 * UTC there, and PostgreSQL ignores the `Z` of the text). `NULL` for null.
 */
export function sqlTimestamp(instant: Date | null): Prisma.Sql {
  return instant ? Prisma.sql`${instant.toISOString()}::timestamp(3)` : Prisma.sql`NULL::timestamp(3)`;
}
