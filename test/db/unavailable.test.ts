/**
 * Which database errors mean "not answering for now" (503, try again) and which do not (a real failure). The
 * first case is a real Prisma client against a port nobody listens on; the others are the shapes Prisma 6.19's
 * pg adapter throws (a server shutting down or starting up), built as it builds them, and the errors bare `pg`
 * gives a plain statement (db/plain-sql.ts), built with the fields pg and Node set.
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

/** An error with the fields `pg` or Node's socket set. */
function pgError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

it.each([
  ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
  ['a reset connection', pgError('read ECONNRESET', 'ECONNRESET')],
  ['a connection that ended', pgError('Connection terminated unexpectedly')],
  ['a pool that had no connection in time', pgError('timeout exceeded when trying to connect')],
  [
    'the server shutting down (57P01)',
    pgError('terminating connection due to administrator command', '57P01'),
  ],
  [
    'every address refusing',
    new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect failed'),
  ],
])('a plain statement meeting %s is "not answering for now"', (_name, error) => {
  expect(isDatabaseUnavailable(error)).toBe(true);
});

it.each([
  [
    'a unique constraint',
    adapterError({ kind: 'UniqueConstraintViolation', constraint: { fields: ['email'] } }),
  ],
  ['a syntax error', adapterError({ kind: 'postgres', code: '42601', message: 'syntax error' })],
  ['a plain error', new Error('boom')],
  ['a plain statement with a syntax error', pgError('syntax error at or near "SELEC"', '42601')],
  ['a plain statement breaking a unique constraint', pgError('duplicate key value', '23505')],
  ['not an error', 'P1001'],
])('%s is not', (_name, error) => {
  expect(isDatabaseUnavailable(error)).toBe(false);
});
