import { startWebWorld, USERS, type WebWorld } from '../support/web';

let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld();
});
afterAll(async () => {
  await world?.close();
});

it('every page carries the strict CSP and no referrer', async () => {
  const landing = await world.agent().get('/');
  expect(landing.statusCode).toBe(200);
  expect(landing.headers['content-security-policy']).toContain("script-src 'self'");
  expect(landing.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(landing.headers['content-security-policy']).not.toContain('unsafe-inline');
  expect(landing.headers['referrer-policy']).toBe('no-referrer');
});

it('sign-in rotates the session cookie (HttpOnly, SameSite=Lax) and opens /home', async () => {
  const agent = world.agent();
  await agent.csrf();
  const before = agent.cookies.get('twinning.sid');
  const signIn = await agent.signIn(USERS.ADMIN.email);
  expect(signIn.statusCode).toBe(303);
  expect(signIn.headers.location).toBe('/home');
  const setCookie = String(signIn.headers['set-cookie']);
  expect(setCookie).toMatch(/twinning\.sid=.*HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  expect(agent.cookies.get('twinning.sid')).not.toBe(before);
  expect((await agent.get('/home')).statusCode).toBe(200);
});

it('an anonymous page request goes to the sign-in page and an API request gets 401 with a code', async () => {
  const agent = world.agent();
  const home = await agent.get('/home');
  expect([home.statusCode, home.headers.location]).toEqual([303, '/sign-in?next=%2Fhome&lang=vi']);
  const api = await agent.get('/api/v1/pairs');
  expect(api.statusCode).toBe(401);
  expect(api.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
});

it('the OpenAPI document and the static assets are served', async () => {
  const agent = world.agent();
  const docs = await agent.get('/api/docs/json');
  expect(docs.statusCode).toBe(200);
  expect(Object.keys(docs.json<{ paths: object }>().paths)).toContain('/api/v1/pairs');
  const css = await agent.get('/assets/app.css');
  expect([css.statusCode, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
});
