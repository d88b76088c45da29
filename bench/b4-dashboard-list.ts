/**
 * B4: the dashboard's list API (`GET /api/v1/cycles`) over N cycles with typical filters, 10 users at once.
 *
 * Ours: the product's web server (`web/main.ts`, a child process configured through its environment, as
 * operators run it) over a read model of N generated cycles (`bench/seed-cycles.ts`), asked by 10 signed-in
 * users (administrators, leadership, sponsor and district officers, each with its own scope) through HTTP with
 * their session cookies, each sending the same sequence of typical list queries one after the other. Timed per
 * request, from the call until the whole JSON body is read. Floor: the very SQL the list runs for each of
 * those requests (the page's rows and the count, on two connections at once, as `listCycles` does), sent by
 * bare `pg` clients with the web server's pool size, by the same 10 users at once. What separates the two is
 * HTTP, the session and its scope, the query's validation, Prisma and the JSON answer. Goals: p95 ≤ 50 ms and
 * p95 ≤ 2 × the floor's.
 */
import { Pool } from 'pg';
import type { Role, Scope } from '../domain/access';
import { parseCycleListQuery } from '../domain/dashboard/list-query';
import { actorOf } from '../services/access';
import { listSql } from '../services/dashboard';
import { hashPassword } from '../services/users';
import { seedCycles, type SeedResult } from './seed-cycles';
import type { BenchContext, BenchmarkOutput } from './lib/context';
import { figure, type Figure } from './lib/report';
import { inPool, percentile } from './lib/util';
import {
  createDatabase,
  startSmtp,
  startWebServer,
  type BenchDatabase,
  type DatabaseKind,
} from './lib/world';

/** Users asking at once (the figure). */
const USERS = 10;
/** Requests each user sends after the warm-up; 10 users × 60 = 600 timed requests per side and database. */
const REQUESTS_PER_USER = 60;
/** Untimed requests per user first, so that both sides run on warm caches and prepared connections. */
const WARM_UP_PER_USER = 10;
const PASSWORD = 'mật khẩu của phép đo 2026';
const YEAR = 2026;

/** The goals: p95 at most 50 ms, and at most twice the raw SQL's p95. */
const P95_MS = 50;
const P95_RATIO = 0.5;

/** The roles of the 10 users, in order. */
const ROLES: readonly Role[] = [
  'ADMIN',
  'ADMIN',
  'ADMIN',
  'ADMIN',
  'LEADERSHIP',
  'LEADERSHIP',
  'SPONSOR_OFFICER',
  'SPONSOR_OFFICER',
  'RECIPIENT_OFFICER',
  'RECIPIENT_OFFICER',
];

/**
 * What people filter by, as query strings of the list (the dashboard's own parameters): the year's first page,
 * a phase, the overdue ones by deadline, one sponsor, one district, an obligation's status, a rating, a later
 * page of the phase order, the most escalated first, and those waiting longest.
 */
function typicalQueries(sample: SeedResult['sample']): readonly Record<string, string>[] {
  const y = String(YEAR);
  return [
    { year: y },
    { year: y, phase: 'agreement' },
    { year: y, overdue: 'true', sort: 'deadline' },
    { year: y, sponsor: sample.sponsor },
    { year: y, district: sample.district },
    { year: y, obligation: 'O2', status: 'late' },
    { year: y, rating: 'TOT' },
    { year: y, sort: 'phase', page: '5' },
    { year: y, sort: 'escalation', dir: 'desc' },
    { year: y, sort: 'waitingSince' },
  ];
}

/** A signed-in user of the benchmark: its session cookie and its scope (for the floor's SQL). */
interface BenchUser {
  readonly role: Role;
  readonly cookie: string;
  readonly scope: Scope;
}

/** The cookie pairs (`name=value`) of a response's Set-Cookie headers, merged into `jar`. */
function keepCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) =>
  [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** Signs in through the session API (GET for the token and cookie, POST the credentials with the token). */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const first = await fetch(`${baseUrl}/api/v1/session`);
  keepCookies(jar, first);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const signed = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: cookieHeader(jar) },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (signed.status !== 200) throw new Error(`sign-in of ${email}: ${signed.status} ${await signed.text()}`);
  keepCookies(jar, signed);
  await signed.arrayBuffer();
  return cookieHeader(jar);
}

/** The 10 users, written into the roster's database with a password (officers on the sample's units). */
async function createUsers(db: BenchDatabase, sample: SeedResult['sample']) {
  const passwordHash = await hashPassword(PASSWORD);
  const units = await db.prisma.unit.findMany({
    where: { code: { in: ['SO-00002', sample.sponsor, sample.district, 'HMN-0002'] } },
    select: { id: true, code: true },
  });
  const unitOf = (code: string) => units.find((u) => u.code === code)?.id ?? null;
  const unitOfUser = [
    null,
    null,
    null,
    null,
    null,
    null,
    sample.sponsor,
    'SO-00002',
    sample.district,
    'HMN-0002',
  ];
  return Promise.all(
    ROLES.map(async (role, i) => {
      const code = unitOfUser[i];
      const user = await db.prisma.user.create({
        data: {
          email: `nguoidung${i + 1}@bench.example.gov.vn`,
          name: `Người dùng ${i + 1}`,
          role,
          unitId: code ? unitOf(code) : null,
          passwordHash,
        },
      });
      const actor = await actorOf(db.prisma, user);
      return { role, email: user.email, scope: actor.scope };
    }),
  );
}

/** One timed request of a user: the list query `q`, in a given position of its sequence. */
type Timed = (user: BenchUser, q: Record<string, string>) => Promise<void>;

/**
 * Runs every user's sequence (the typical queries in turn, each user starting at another one) at once, the
 * warm-up first, and returns the timed latencies in ms with the latencies per query kind.
 */
async function latencies(
  ctx: BenchContext,
  label: string,
  users: readonly BenchUser[],
  queries: readonly Record<string, string>[],
  send: Timed,
) {
  const all: number[] = [];
  const byQuery = queries.map(() => [] as number[]);
  const bar = ctx.phase(label, users.length * (REQUESTS_PER_USER + WARM_UP_PER_USER));
  let done = 0;
  await inPool(users, users.length, async (user, u) => {
    for (let i = 0; i < WARM_UP_PER_USER + REQUESTS_PER_USER; i += 1) {
      const which = (u + i) % queries.length;
      const t0 = performance.now();
      await send(user, queries[which]!);
      const ms = performance.now() - t0;
      if (i >= WARM_UP_PER_USER) {
        all.push(ms);
        byQuery[which]!.push(ms);
      }
      bar.update((done += 1));
    }
  });
  bar.stop();
  return { all, byQuery };
}

/** `GET /api/v1/cycles` with the query string `q`, as the signed-in `user`. */
function listApi(baseUrl: string, user: BenchUser, q: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/cycles?${new URLSearchParams(q).toString()}`, {
    headers: { cookie: user.cookie, accept: 'application/json' },
  });
}

/** The API's answer to `q` for a user (the whole body read; anything but 200 is a failure of the run). */
function apiRequest(baseUrl: string): Timed {
  return async (user, q) => {
    const response = await listApi(baseUrl, user, q);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET /api/v1/cycles ${response.status}: ${body}`);
  };
}

/** The list's SQL for a user's scope and query string, exactly as the API would run it. */
function listSqlOf(user: BenchUser, q: Record<string, string>) {
  const parsed = parseCycleListQuery(q);
  if (!parsed.ok) throw new Error(`query ${JSON.stringify(q)}: ${JSON.stringify(parsed.errors)}`);
  return listSql(user.scope, parsed.query);
}

/** The floor: the list's own SQL for the user's scope and `q`, rows and count at once, through bare `pg`. */
function rawRequest(pool: Pool): Timed {
  return async (user, q) => {
    const sql = listSqlOf(user, q);
    await Promise.all([
      pool.query(sql.rows.text, sql.rows.values),
      pool.query(sql.count.text, sql.count.values),
    ]);
  };
}

/**
 * Whether both sides do the same work: for every user and query, the API's page and total are the raw SQL's
 * rows (by pair code, in order) and count. Returns the number of pairs checked; throws on the first mismatch.
 */
async function sameAnswers(
  baseUrl: string,
  pool: Pool,
  users: readonly BenchUser[],
  queries: readonly Record<string, string>[],
): Promise<number> {
  let checked = 0;
  for (const user of users) {
    for (const q of queries) {
      const response = await listApi(baseUrl, user, q);
      const api = (await response.json()) as { total: number; rows: { pairCode: string }[] };
      const sql = listSqlOf(user, q);
      const [rows, count] = await Promise.all([
        pool.query<{ pairCode: string }>(sql.rows.text, sql.rows.values),
        pool.query<{ n: number }>(sql.count.text, sql.count.values),
      ]);
      const apiCodes = api.rows.map((r) => r.pairCode).join(',');
      const rawCodes = rows.rows.map((r) => r.pairCode).join(',');
      if (api.total !== count.rows[0]?.n || apiCodes !== rawCodes) {
        throw new Error(
          `the API and the raw SQL disagree for ${user.role} on ${JSON.stringify(q)}: ` +
            `${api.total} [${apiCodes}] vs ${count.rows[0]?.n} [${rawCodes}]`,
        );
      }
      checked += 1;
    }
  }
  return checked;
}

/** Both sides on one kind of database. */
async function runOn(ctx: BenchContext, kind: DatabaseKind) {
  const db = await createDatabase(kind, { adminUrl: ctx.adminUrl() });
  const smtp = await startSmtp();
  let web: Awaited<ReturnType<typeof startWebServer>> | undefined;
  let pool: Pool | undefined;
  try {
    const seedStart = performance.now();
    const seeded = await seedCycles(db.prisma, { cycles: ctx.pairs, years: [YEAR] });
    const seedS = (performance.now() - seedStart) / 1000;
    const created = await createUsers(db, seeded.sample);
    // The seed's rows are new: the planner's statistics must know them, as they would on a database in use.
    await db.prisma.$executeRawUnsafe('ANALYZE');
    web = await startWebServer({
      name: `web-${kind}`,
      logDir: ctx.dir,
      database: db,
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    });
    const users: BenchUser[] = [];
    for (const user of created) users.push({ ...user, cookie: await signIn(web.baseUrl, user.email) });
    const queries = typicalQueries(seeded.sample);
    pool = new Pool({ connectionString: db.url, max: db.poolSize });
    const checked = await sameAnswers(web.baseUrl, pool, users, queries);
    // Floor first, then ours, then the floor again: the floor's figures are the better of its two runs, so a
    // machine that warms up (or slows down) during the run does not favour ours.
    const floorA = await latencies(ctx, `B4 floor: raw SQL (${kind})`, users, queries, rawRequest(pool));
    const ours = await latencies(ctx, `B4 ours: list API (${kind})`, users, queries, apiRequest(web.baseUrl));
    const floorB = await latencies(ctx, `B4 floor again (${kind})`, users, queries, rawRequest(pool));
    // One administrator alone, floor then ours: the time of a request that waits for no other (on 2 cores, ten
    // users at once mostly wait for each other).
    const alone = users.slice(0, 1);
    const floorAlone = await latencies(ctx, `B4 floor, one user (${kind})`, alone, queries, rawRequest(pool));
    const oursAlone = await latencies(
      ctx,
      `B4 ours, one user (${kind})`,
      alone,
      queries,
      apiRequest(web.baseUrl),
    );
    const p = (xs: readonly number[], q: number) => percentile(xs, q);
    const better = (q: number) => Math.min(p(floorA.all, q), p(floorB.all, q));
    return {
      seedS,
      cycles: seeded.cycles,
      ours: { p50: p(ours.all, 50), p95: p(ours.all, 95), max: Math.max(...ours.all) },
      floor: { p50: better(50), p95: better(95) },
      alone: {
        ours: { p50: p(oursAlone.all, 50), p95: p(oursAlone.all, 95) },
        floor: { p50: p(floorAlone.all, 50), p95: p(floorAlone.all, 95) },
      },
      floorRuns: [
        { p50: p(floorA.all, 50), p95: p(floorA.all, 95) },
        { p50: p(floorB.all, 50), p95: p(floorB.all, 95) },
      ],
      byQuery: queries.map((q, i) => ({
        query: new URLSearchParams(q).toString(),
        oursP95: p(ours.byQuery[i]!, 95),
        floorP95: Math.min(p(floorA.byQuery[i]!, 95), p(floorB.byQuery[i]!, 95)),
      })),
      requests: ours.all.length,
      sameAnswersChecked: checked,
    };
  } finally {
    await pool?.end();
    await web?.stop();
    await smtp.close();
    await db.drop();
  }
}

/** Runs B4. */
export async function runB4(ctx: BenchContext): Promise<BenchmarkOutput> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { users: USERS, requestsPerUser: REQUESTS_PER_USER };
  for (const kind of ctx.databases) {
    const run = await runOn(ctx, kind);
    figures.push(
      figure({
        name: `list API p95, ${USERS} users, ${kind}`,
        unit: 'ms',
        ours: run.ours.p95,
        floor: run.floor.p95,
        better: 'lower',
        goal: { of: 'ratio', op: '>=', value: P95_RATIO },
        note: `≤ ${P95_MS} ms: ${run.ours.p95 <= P95_MS ? 'yes' : 'NO'}; ${run.requests} requests`,
      }),
      figure({
        name: `list API p95 itself, ${kind}`,
        unit: 'ms',
        ours: run.ours.p95,
        better: 'lower',
        goal: { of: 'ours', op: '<=', value: P95_MS },
      }),
      figure({
        name: `list API p95, one user at a time, ${kind}`,
        unit: 'ms',
        ours: run.alone.ours.p95,
        floor: run.alone.floor.p95,
        better: 'lower',
        note: `p50 ${run.alone.ours.p50.toFixed(1)} ms, floor ${run.alone.floor.p50.toFixed(1)} ms`,
      }),
      figure({
        name: `list API p50, ${kind}`,
        unit: 'ms',
        ours: run.ours.p50,
        floor: run.floor.p50,
        better: 'lower',
      }),
    );
    details[kind] = run;
  }
  return { figures, details };
}
