/**
 * The Temporal web UI's codec endpoint: an administrator signed in to the dashboard gets the UI's payloads
 * decoded (and encoded), without a CSRF token, answered with CORS headers for the UI's origin only; leadership
 * and officers get 403, anonymous callers 401, and a malformed body a 400 with the catalogue's message.
 */
import { defaultPayloadConverter } from '@temporalio/common';
import { payloadFromJson, payloadToJson, type JsonPayloads } from '../../system/payload-codec';
import { startWebWorld, USERS, WEB_TEST_CODEC, type WebWorld } from '../support/web';

const UI_ORIGIN = 'http://127.0.0.1:18299';
let world: WebWorld;
let encrypted: JsonPayloads;

beforeAll(async () => {
  world = await startWebWorld();
  const clear = defaultPayloadConverter.toPayload({ beneficiaries: ['Hồ Thị Lan'] });
  encrypted = { payloads: (await WEB_TEST_CODEC.encode([clear])).map(payloadToJson) };
});
afterAll(async () => {
  await world?.close();
});

const fromUi = { origin: UI_ORIGIN, 'content-type': 'application/json', 'x-namespace': 'default' };

it('decodes for a signed-in administrator, without a CSRF token, with CORS for the UI origin', async () => {
  const admin = world.agent();
  expect((await admin.signIn(USERS.ADMIN.email)).statusCode).toBe(303);
  const reply = await admin.request({
    method: 'POST',
    url: '/api/v1/codec/decode',
    headers: fromUi,
    payload: JSON.stringify(encrypted),
  });
  expect(reply.statusCode).toBe(200);
  expect(reply.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
  expect(reply.headers['access-control-allow-credentials']).toBe('true');
  const [payload] = reply.json<JsonPayloads>().payloads;
  expect(defaultPayloadConverter.fromPayload(payloadFromJson(payload!))).toEqual({
    beneficiaries: ['Hồ Thị Lan'],
  });

  // And back: what the UI encodes, the codec decodes.
  const encoded = await admin.request({
    method: 'POST',
    url: '/api/v1/codec/encode',
    headers: fromUi,
    payload: JSON.stringify({ payloads: [payload] }),
  });
  expect(encoded.statusCode).toBe(200);
  const [again] = await WEB_TEST_CODEC.decode(encoded.json<JsonPayloads>().payloads.map(payloadFromJson));
  expect(defaultPayloadConverter.fromPayload(again!)).toEqual({ beneficiaries: ['Hồ Thị Lan'] });

  // Another origin gets no CORS header: its browser never hands it the answer.
  const elsewhere = await admin.request({
    method: 'POST',
    url: '/api/v1/codec/decode',
    headers: { ...fromUi, origin: 'http://evil.example' },
    payload: JSON.stringify(encrypted),
  });
  expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();

  const bad = await admin.request({
    method: 'POST',
    url: '/api/v1/codec/decode',
    headers: fromUi,
    payload: JSON.stringify({ payloads: 'x' }),
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.json<{ error: { code: string } }>().error.code).toBe('invalid_input');
});

it('answers the UI origin’s preflight', async () => {
  const reply = await world.agent().request({
    method: 'OPTIONS',
    url: '/api/v1/codec/decode',
    headers: {
      origin: UI_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-namespace',
    },
  });
  expect(reply.statusCode).toBe(204);
  expect(reply.headers).toMatchObject({
    'access-control-allow-origin': UI_ORIGIN,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type, x-namespace',
  });
});

it('refuses everyone but administrators: anonymous 401, the other roles 403, and shows them no payload', async () => {
  const anonymous = await world.agent().request({
    method: 'POST',
    url: '/api/v1/codec/decode',
    headers: fromUi,
    payload: JSON.stringify(encrypted),
  });
  expect(anonymous.statusCode).toBe(401);
  expect(anonymous.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
  for (const role of ['LEADERSHIP', 'SPONSOR_OFFICER', 'RECIPIENT_OFFICER'] as const) {
    const agent = world.agent();
    expect((await agent.signIn(USERS[role].email)).statusCode).toBe(303);
    const reply = await agent.request({
      method: 'POST',
      url: '/api/v1/codec/decode',
      headers: fromUi,
      payload: JSON.stringify(encrypted),
    });
    expect({ role, status: reply.statusCode }).toEqual({ role, status: 403 });
    expect(reply.body).not.toContain('Hồ Thị Lan');
  }
});
