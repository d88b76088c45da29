/**
 * Plain SQL on the client's pool answers exactly what `$queryRaw` answers for the same statement (instants in
 * UTC whatever the process's time zone, bigints, json, arrays, nulls), on the real test PostgreSQL; a client it
 * did not make goes through `$queryRaw`; a server nobody listens on is "not answering for now".
 */
import { createPrismaClient } from '../../db/client';
import { plainSqlOf, sqlTimestamp } from '../../db/plain-sql';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { Prisma } from '../../generated/prisma';
import { freePort } from '../../system/ports';
import { createTestDatabase, type TestDatabase } from '../support/db';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

const STATEMENT = Prisma.sql`SELECT
    ${'2026-02-28 09:30:00.125'}::timestamp(3) AS at,
    ${'2026-03-31'}::date AS day,
    ${'2026-02-28T09:30:00+07:00'}::timestamptz AS "atZoned",
    ${'9007199254740993'}::bigint AS big,
    count(*)::int AS n,
    ${JSON.stringify({ level: 'TOT', n: 2 })}::jsonb AS settings,
    ARRAY[${'a'}, ${'b'}]::text[] AS list,
    NULL::timestamp(3) AS nothing,
    ${true}::boolean AS flag
  FROM generate_series(1, 3)`;

it('answers what $queryRaw answers, with instants in UTC', async () => {
  const [plain] = await plainSqlOf(db.prisma).rows<Record<string, unknown>>(STATEMENT);
  const [prisma] = await db.prisma.$queryRaw<Record<string, unknown>[]>(STATEMENT);
  expect(plain).toEqual(prisma);
  expect(plain).toEqual({
    at: new Date('2026-02-28T09:30:00.125Z'),
    day: new Date('2026-03-31T00:00:00Z'),
    atZoned: new Date('2026-02-28T02:30:00Z'),
    big: 9007199254740993n,
    n: 3,
    settings: { level: 'TOT', n: 2 },
    list: ['a', 'b'],
    nothing: null,
    flag: true,
  });
});

it('sends an instant as UTC, as $queryRaw does', async () => {
  const at = new Date('2026-02-28T16:59:59.999Z');
  const wallClock = '2026-02-28 16:59:59.999';
  const statement = Prisma.sql`
    SELECT ${at}::timestamp(3) AS at, ${at}::timestamp(3) = ${wallClock}::timestamp(3) AS same`;
  const plain = await plainSqlOf(db.prisma).rows(statement);
  expect(plain).toEqual([{ at, same: true }]);
  expect(plain).toEqual(await db.prisma.$queryRaw(statement));
});

it('writes an instant for a timestamp column as UTC text, and null as NULL, on the pool and through $queryRaw', async () => {
  const at = new Date('2026-02-28T16:59:59.999Z');
  const statement = Prisma.sql`SELECT ${sqlTimestamp(at)} AS at, ${sqlTimestamp(null)} AS nothing,
    ${sqlTimestamp(at)} = ${'2026-02-28 16:59:59.999'}::timestamp(3) AS "wallClockIsUtc"`;
  const expected = [{ at, nothing: null, wallClockIsUtc: true }];
  expect(await plainSqlOf(db.prisma).rows(statement)).toEqual(expected);
  expect(await db.prisma.$queryRaw(statement)).toEqual(expected);
});

it('reads the row a Prisma write just made, on the same pool', async () => {
  const user = await db.prisma.user.create({
    data: { email: 'plain-sql@example.gov.vn', name: 'Người đọc', role: 'ADMIN' },
  });
  const rows = await plainSqlOf(db.prisma).rows<{ id: string; createdAt: Date }>(
    Prisma.sql`SELECT id, "createdAt" FROM "User" WHERE email = ${'plain-sql@example.gov.vn'}`,
  );
  expect(rows).toEqual([{ id: user.id, createdAt: user.createdAt }]);
});

it("reads a whole ledger row as Prisma's findUnique does (enums, arrays, nulls, instants)", async () => {
  const key = 'plain-sql:ledger-row';
  const created = await db.prisma.notification.create({
    data: {
      idempotencyKey: key,
      kind: 'REMINDER',
      obligation: 'O2',
      level: null,
      dueAt: new Date('2026-03-31T16:59:59.999Z'),
      scheduledFor: new Date('2026-03-24T01:00:00Z'),
      recipients: ['a@example.gov.vn', 'b@example.gov.vn'],
    },
  });
  const [plain] = await plainSqlOf(db.prisma).rows(
    Prisma.sql`SELECT * FROM "Notification" WHERE "idempotencyKey" = ${key}`,
  );
  expect(plain).toEqual(await db.prisma.notification.findUnique({ where: { idempotencyKey: key } }));
  expect(plain).toEqual(created);
});

it("inside a transaction, reads through the transaction's client and sees its writes", async () => {
  const email = 'plain-sql-tx@example.gov.vn';
  const read = (client: Parameters<typeof plainSqlOf>[0]) =>
    plainSqlOf(client).rows<{ email: string }>(Prisma.sql`SELECT email FROM "User" WHERE email = ${email}`);
  const [inside, outside] = await db.prisma.$transaction(async (tx) => {
    await tx.user.create({ data: { email, name: 'Người trong giao dịch', role: 'ADMIN' } });
    return [await read(tx), await read(db.prisma)];
  });
  expect(inside).toEqual([{ email }]);
  // The pool's own connection does not see a write that is not committed yet.
  expect(outside).toEqual([]);
  expect(await read(db.prisma)).toEqual([{ email }]);
});

it('a client it did not make goes through $queryRaw', async () => {
  const calls: Prisma.Sql[] = [];
  const client = {
    $queryRaw<T>(query: Prisma.Sql) {
      calls.push(query);
      return db.prisma.$queryRaw<T>(query);
    },
  };
  const rows = await plainSqlOf(client).rows<{ n: number }>(Prisma.sql`SELECT ${41}::int + 1 AS n`);
  expect(rows).toEqual([{ n: 42 }]);
  expect(calls).toHaveLength(1);
});

it('a server nobody listens on is "not answering for now", and the client still disconnects', async () => {
  const prisma = createPrismaClient(`postgresql://postgres@127.0.0.1:${await freePort()}/none`, {
    maxConnections: 1,
  });
  try {
    const error = await plainSqlOf(prisma)
      .rows(Prisma.sql`SELECT 1`)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(String(error)).toMatch(/ECONNREFUSED/);
    expect(isDatabaseUnavailable(error)).toBe(true);
  } finally {
    await prisma.$disconnect();
  }
});
