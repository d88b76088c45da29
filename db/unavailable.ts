/**
 * Telling "the database does not answer right now" apart from every other database error, so the web server can
 * say "try again in a moment" (503) instead of failing (500), and nothing half-done is claimed. Prisma reports
 * an unreachable server as a known request error whose driver adapter cause names the condition, or as an
 * initialisation error before the first connection. The plain statements on the pool (`./plain-sql`) get `pg`'s
 * own errors: a socket error, a connection that ended, or the server's SQLSTATE.
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

/** Node's socket errors when the server is down, restarting or out of reach for now. */
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

/** What `pg` says when a connection ended under it or could not be had in time (it sets no code then). */
const PG_CONNECTION_LOST = /^(Connection terminated|timeout exceeded when trying to connect)/;

/** What a driver adapter says went wrong (`@prisma/driver-adapter-utils`). */
interface AdapterCause {
  readonly kind?: unknown;
  readonly code?: unknown;
  readonly originalCode?: unknown;
}

interface PrismaLikeError {
  readonly name?: unknown;
  readonly message?: unknown;
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

/** Whether a bare `pg` error (a plain statement's) says the server is not answering for now. */
function transientPgError(e: PrismaLikeError): boolean {
  if (typeof e.code === 'string')
    return TRANSIENT_SOCKET_CODES.has(e.code) || TRANSIENT_SQLSTATE.test(e.code);
  // Node reports a refused connection to every address of a name as one AggregateError of them.
  if (innerErrors(e).some((inner) => transientPgError(inner))) return true;
  return typeof e.message === 'string' && PG_CONNECTION_LOST.test(e.message);
}

function innerErrors(e: PrismaLikeError): PrismaLikeError[] {
  const errors = (e as { errors?: unknown }).errors;
  return Array.isArray(errors)
    ? errors.filter((x): x is PrismaLikeError => typeof x === 'object' && x !== null)
    : [];
}

/**
 * Whether `error` says the database is unreachable for now (the same request may succeed later): Prisma's own
 * errors, the driver adapter's error when it reaches us unwrapped (a server still starting up, 57P03), and a
 * plain statement's `pg` error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as PrismaLikeError;
  if (e.name === 'PrismaClientInitializationError') return true;
  if (e.name === 'DriverAdapterError') return transientCause(e.cause);
  if (e.name !== 'PrismaClientKnownRequestError') return transientPgError(e);
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return true;
  return transientCause(e.meta?.driverAdapterError?.cause);
}
