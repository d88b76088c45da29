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

describe('forms with files (multipart)', () => {
  it('read their fields and CSRF token like any form, and a missing token is refused', async () => {
    const agent = world.agent();
    await agent.signIn(USERS.ADMIN.email);
    // The users form takes its fields from a multipart body just as from an urlencoded one.
    const invalid = await agent.postMultipart('/users', {
      email: 'khong-phai-email',
      name: 'A',
      role: 'ADMIN',
    });
    expect(invalid.statusCode).toBe(400);
    const noToken = await agent.postMultipart(
      '/users',
      { email: 'moi@bdt.example.gov.vn', name: 'A', role: 'ADMIN' },
      {},
      { csrf: false },
    );
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ (mã chống giả mạo).');
    expect(await world.db.prisma.user.count({ where: { email: 'moi@bdt.example.gov.vn' } })).toBe(0);
  });

  it('refuse a file over 10 MB with the limit in words, before the handler runs', async () => {
    const agent = world.agent();
    await agent.signIn(USERS.ADMIN.email);
    const response = await agent.postMultipart(
      '/users',
      { email: 'to@bdt.example.gov.vn', name: 'A', role: 'ADMIN' },
      {
        scan: {
          filename: 'quyet-dinh.pdf',
          contentType: 'application/pdf',
          content: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
        },
      },
    );
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Tệp gửi lên lớn quá giới hạn 10 MB.');
    expect(await world.db.prisma.user.count({ where: { email: 'to@bdt.example.gov.vn' } })).toBe(0);
  });
});
