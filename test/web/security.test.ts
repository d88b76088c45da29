/** CSRF refusal, the lock-out at the tenth wrong password, and scope: another sponsor's pair is a 404 everywhere. */
import { formatDateTime } from '../../domain/format';
import { t } from '../../domain/messages';
import { pageText, startWebWorld, USERS, PASSWORD, type WebWorld } from '../support/web';

let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld({ signInRateLimitPerMinute: 100 });
});
afterAll(async () => {
  await world?.close();
});

it('a state-changing request without a CSRF token, or with a made-up one, is refused with 403 csrf and changes nothing', async () => {
  const admin = world.agent();
  expect((await admin.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  const before = await world.db.prisma.user.count();
  const body = { email: 'moi@example.gov.vn', name: 'Người mới', role: 'LEADERSHIP' };
  const missing = await admin.api('POST', '/api/v1/users', body, { csrf: false });
  expect(missing.statusCode).toBe(403);
  expect(missing.json<{ error: { code: string; message: string } }>().error).toEqual({
    code: 'csrf',
    message: t('web.error.csrf', {}, 'vi'),
  });
  const forged = await admin.api('POST', '/api/v1/users', body, { csrf: 'not-a-token' });
  expect(forged.statusCode).toBe(403);
  const form = await admin.postForm(
    '/users',
    { email: body.email, name: body.name, role: body.role },
    { csrf: false },
  );
  expect(form.statusCode).toBe(403);
  expect(pageText(form.body)).toContain(t('web.error.csrf', {}, 'vi'));
  expect(await world.db.prisma.user.count()).toBe(before);
});

it('a NUL or half of a surrogate pair anywhere in a request is refused with its own message and changes nothing', async () => {
  const admin = world.agent();
  expect((await admin.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  const before = await world.db.prisma.user.count();
  for (const [name, key] of [
    ['Người\u0000mới', 'web.error.nul'],
    ['Người \ud800mới', 'web.error.surrogate'],
  ] as const) {
    const response = await admin.api('POST', '/api/v1/users', {
      email: 'moi@example.gov.vn',
      name,
      role: 'LEADERSHIP',
    });
    expect([response.statusCode, response.json()]).toEqual([
      400,
      { error: { code: 'invalid_input', message: t(key, {}, 'vi') } },
    ]);
  }
  // A whole pair (an emoji) is text like any other.
  const emoji = await admin.api('POST', '/api/v1/users', {
    email: 'moi@example.gov.vn',
    name: 'Người 🌾',
    role: 'LEADERSHIP',
  });
  expect(emoji.statusCode).toBe(201);
  expect(await world.db.prisma.user.count()).toBe(before + 1);
});

it('the tenth wrong password in a row locks sign-in until the lock-out ends, even with the right password', async () => {
  const agent = world.agent();
  const email = USERS.LEADERSHIP.email;
  const statuses: number[] = [];
  for (let i = 0; i < 9; i++) statuses.push((await agent.signIn(email, `sai ${i}`)).statusCode);
  expect(statuses).toEqual(Array(9).fill(401));
  const tenth = await agent.signIn(email, 'sai lần mười');
  const until = formatDateTime(new Date(world.clock.now().getTime() + 15 * 60_000));
  const locked = t('auth.signIn.locked', { count: 10, until }, 'vi');
  expect(tenth.statusCode).toBe(429);
  expect(pageText(tenth.body)).toContain(locked);
  const right = await agent.signIn(email, PASSWORD);
  expect(right.statusCode).toBe(429);
  expect(pageText(right.body)).toContain(locked);
  world.clock.advance(15 * 60_000 + 1000);
  const after = await agent.signIn(email, PASSWORD);
  expect([after.statusCode, after.headers.location]).toEqual([303, '/home']);
});

it("a sponsor officer cannot read another sponsor's pair by page, by API or by guessed URL", async () => {
  const officer = world.agent();
  expect((await officer.signIn(USERS.SPONSOR_OFFICER.email)).statusCode).toBe(303);
  // P01 is QN-SNN's own pair; P02 is QN-STC's.
  expect((await officer.get('/pairs/P01')).statusCode).toBe(200);
  expect((await officer.get('/api/v1/pairs/P01')).statusCode).toBe(200);
  const page = await officer.get('/pairs/P02');
  expect(page.statusCode).toBe(404);
  const api = await officer.get('/api/v1/pairs/P02');
  expect(api.statusCode).toBe(404);
  expect(api.json<{ error: { code: string } }>().error.code).toBe('not_found');
  // A guessed pair code answers exactly like another sponsor's pair: nothing tells them apart.
  const guessed = await officer.get('/api/v1/pairs/P99');
  expect([guessed.statusCode, guessed.body]).toEqual([404, api.body]);
  const list = await officer.get('/api/v1/pairs');
  expect(list.json<{ pairs: { code: string }[] }>().pairs.map((p) => p.code)).toEqual(['P01']);
  const cycles = await officer.get('/api/v1/cycles?sponsor=QN-STC');
  expect([cycles.statusCode, cycles.json<{ total: number }>().total]).toEqual([200, 0]);
});

it('the cycle list refuses an unknown or bad parameter with the read model’s message, on the API and the page', async () => {
  const admin = world.agent();
  expect((await admin.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  const bad = await admin.get('/api/v1/cycles?pageSize=201');
  expect(bad.statusCode).toBe(400);
  expect(bad.json<{ error: { code: string; message: string } }>().error).toEqual({
    code: 'invalid_input',
    message: t('dashboard.query.integer', { field: 'pageSize', value: '201', min: 1, max: 200 }, 'vi'),
  });
  const page = await admin.get('/cycles?colour=red&lang=en');
  expect(page.statusCode).toBe(400);
  expect(pageText(page.body)).toContain(t('dashboard.query.unknownField', { field: 'colour' }, 'en'));
  const ok = await admin.get('/cycles?overdue=true&lang=en');
  expect(ok.statusCode).toBe(200);
  expect(pageText(ok.body)).toContain(t('web.cycles.total', { total: 0 }, 'en'));
  const csv = await admin.get('/api/v1/cycles/export?format=csv&overdue=true');
  expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
});

it('a CSRF token replayed from another session, or from before sign-in, is refused and changes nothing', async () => {
  const other = world.agent();
  expect((await other.signIn(USERS.LEADERSHIP.email)).statusCode).toBe(303);
  const stolen = await other.csrf();
  const admin = world.agent();
  // The token an anonymous visitor had: sign-in rotates the session, so it no longer counts.
  const beforeSignIn = await admin.csrf();
  expect((await admin.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  const before = await world.db.prisma.user.count();
  const body = { email: 'phat-lai@example.gov.vn', name: 'Người mới', role: 'LEADERSHIP' };
  for (const token of [stolen, beforeSignIn]) {
    const replayed = await admin.api('POST', '/api/v1/users', body, { csrf: token });
    expect([replayed.statusCode, replayed.json<{ error: { code: string } }>().error.code]).toEqual([
      403,
      'csrf',
    ]);
  }
  expect(await world.db.prisma.user.count()).toBe(before);
});

it('a session past its idle or absolute timeout is ended: the page asks to sign in again and says why', async () => {
  const admin = world.agent();
  expect((await admin.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  expect((await admin.get('/home')).statusCode).toBe(200);
  // 30 minutes without a request (SESSION_IDLE_TIMEOUT's default).
  world.clock.advance(30 * 60_000 + 1000);
  const idle = await admin.get('/home');
  expect([idle.statusCode, idle.headers.location]).toEqual([303, '/sign-in?next=%2Fhome&lang=vi']);
  const signInPage = await admin.get('/sign-in');
  expect(pageText(signInPage.body)).toContain(t('auth.signIn.expiredIdle', { minutes: 30 }, 'vi'));
  expect((await admin.api('GET', '/api/v1/pairs')).statusCode).toBe(401);

  // 12 hours after sign-in (SESSION_ABSOLUTE_TIMEOUT's default), however busy the session was.
  expect((await admin.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  // A request every 20 minutes for 11 h 40 min keeps it alive…
  for (let step = 0; step < 35; step += 1) {
    world.clock.advance(20 * 60_000);
    expect((await admin.get('/home')).statusCode).toBe(200);
  }
  // …until 12 hours after sign-in.
  world.clock.advance(20 * 60_000 + 1000);
  expect((await admin.get('/home')).statusCode).toBe(303);
  expect(pageText((await admin.get('/sign-in')).body)).toContain(
    t('auth.signIn.expiredAbsolute', { hours: 12 }, 'vi'),
  );
});

it('an account disabled or left without a password behind its session’s back is signed out at the next request', async () => {
  const email = USERS.LEADERSHIP.email;
  const user = await world.db.prisma.user.findUniqueOrThrow({ where: { email } });
  const leader = world.agent();
  expect((await leader.signIn(email)).statusCode).toBe(303);
  expect((await leader.api('GET', '/api/v1/pairs')).statusCode).toBe(200);
  try {
    // Straight in the table, so that the session row stays: only the per-request check can end it.
    await world.db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: world.clock.now() } });
    expect((await leader.api('GET', '/api/v1/pairs')).statusCode).toBe(401);
    await world.db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect((await leader.signIn(email)).statusCode).toBe(303);
    expect((await leader.api('GET', '/api/v1/pairs')).statusCode).toBe(200);
    await world.db.prisma.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    expect((await leader.api('GET', '/api/v1/pairs')).statusCode).toBe(401);
  } finally {
    await world.db.prisma.user.update({
      where: { id: user.id },
      data: { disabledAt: null, passwordHash: user.passwordHash },
    });
  }
});

it('the user read with a session is never written into the stored session', async () => {
  const email = USERS.LEADERSHIP.email;
  const user = await world.db.prisma.user.findUniqueOrThrow({ where: { email } });
  const leader = world.agent();
  expect((await leader.signIn(email)).statusCode).toBe(303);
  // Past the touch interval, the next request writes the session again (its last-seen instant).
  world.clock.advance(2 * 60_000);
  const before = await world.db.prisma.webSession.findMany({ where: { userId: user.id } });
  expect((await leader.api('GET', '/api/v1/pairs')).statusCode).toBe(200);
  const after = await world.db.prisma.webSession.findMany({ where: { userId: user.id } });
  expect(after.length).toBeGreaterThan(0);
  const lastSeen = (rows: typeof after) => rows.map((r) => (r.data as { lastSeenAt?: number }).lastSeenAt);
  expect(lastSeen(after)).not.toEqual(lastSeen(before));
  for (const row of after) {
    expect(row.data).toEqual(expect.objectContaining({ userId: user.id }));
    expect(Object.keys(row.data as object)).not.toContain('activeUser');
  }
});
