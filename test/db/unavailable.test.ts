/**
 * Which database errors mean "not answering for now" (503, try again) and which do not (a real failure). The
 * first case is a real Prisma client against a port nobody listens on; the others are the shapes Prisma 6.19's
 * pg adapter throws (a server shutting down or starting up), built as it builds them.
 */
import { createPrismaClient } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { freePort } from '../../system/ports';

/** An error named as the adapter names it, with its cause. */
function adapterError(cause: Record<string, unknown>): Error {
  const error = new Error(String(cause.message ?? cause.kind));
  Object.defineProperty(error, 'name', { value: 'DriverAdapterError' });
  return Object.assign(error, { cause });
}

it('a server nobody listens on is "not answering for now"', async () => {
  const prisma = createPrismaClient(`postgresql://postgres@127.0.0.1:${await freePort()}/none`, {
    maxConnections: 1,
  });
  try {
    const error = await prisma.user.findFirst().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
  } finally {
    await prisma.$disconnect();
  }
});

it.each([
  ['starting up (57P03)', { kind: 'postgres', code: '57P03', message: 'the database system is starting up' }],
  ['shutting down (57P01)', { kind: 'postgres', originalCode: '57P01', message: 'terminating connection' }],
  ['a closed connection', { kind: 'ConnectionClosed' }],
  ['no free connection', { kind: 'TooManyConnections', cause: 'sorry, too many clients' }],
])('the adapter saying the server is %s is "not answering for now"', (_name, cause) => {
  expect(isDatabaseUnavailable(adapterError(cause))).toBe(true);
});

it.each([
  [
    'a unique constraint',
    adapterError({ kind: 'UniqueConstraintViolation', constraint: { fields: ['email'] } }),
  ],
  ['a syntax error', adapterError({ kind: 'postgres', code: '42601', message: 'syntax error' })],
  ['a plain error', new Error('boom')],
  ['not an error', 'P1001'],
])('%s is not', (_name, error) => {
  expect(isDatabaseUnavailable(error)).toBe(false);
});
