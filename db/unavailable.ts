/**
 * Telling "the database does not answer right now" apart from every other database error, so the web server can
 * say "try again in a moment" (503) instead of failing (500), and nothing half-done is claimed. Prisma reports
 * an unreachable server as a known request error whose driver adapter cause names the condition, or as an
 * initialisation error before the first connection.
 */

/** Driver adapter conditions that pass once the server is back. */
const TRANSIENT_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/**
 * Prisma's codes for an unreachable server, a timeout, a closed connection and an exhausted pool
 * (https://www.prisma.io/docs/orm/reference/error-reference).
 */
const TRANSIENT_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** PostgreSQL's own codes for a server shutting down, restarting or refusing connections (class 57P, 08). */
const TRANSIENT_SQLSTATE = /^(57P0[1-3]|08\d{3})$/;

/** What a driver adapter says went wrong (`@prisma/driver-adapter-utils`). */
interface AdapterCause {
  readonly kind?: unknown;
  readonly code?: unknown;
  readonly originalCode?: unknown;
}

interface PrismaLikeError {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly cause?: AdapterCause;
  readonly meta?: { readonly driverAdapterError?: { readonly cause?: AdapterCause } };
}

function transientCause(cause: AdapterCause | undefined): boolean {
  if (cause === undefined) return false;
  if (typeof cause.kind === 'string' && TRANSIENT_KINDS.has(cause.kind)) return true;
  const sqlState = typeof cause.code === 'string' ? cause.code : cause.originalCode;
  return typeof sqlState === 'string' && TRANSIENT_SQLSTATE.test(sqlState);
}

/**
 * Whether `error` says the database is unreachable for now (the same request may succeed later): Prisma's own
 * errors, and the driver adapter's error when it reaches us unwrapped (a server still starting up, 57P03).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as PrismaLikeError;
  if (e.name === 'PrismaClientInitializationError') return true;
  if (e.name === 'DriverAdapterError') return transientCause(e.cause);
  if (e.name !== 'PrismaClientKnownRequestError') return false;
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  return transientCause(e.meta?.driverAdapterError?.cause);
}
