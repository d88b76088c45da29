/** Port checks done before anything starts, so a busy port gives a clear message instead of a crash. */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { bilingual } from '../domain/messages';

/** Whether something already listens on host:port. */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, host);
  });
}

/** Thrown when a port that an embedded service needs is taken. */
class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly service: string,
    readonly variable: string,
  ) {
    super(bilingual('port.inUse', { port, service, variable }));
    this.name = 'PortInUseError';
  }
}

/** A port a service wants, with the variable that moves it. */
export interface WantedPort {
  readonly port: number;
  readonly service: string;
  readonly variable: string;
}

/** Fails with every busy port named at once. */
export async function assertPortsFree(wanted: readonly WantedPort[], host = '127.0.0.1'): Promise<void> {
  const busy: PortInUseError[] = [];
  for (const w of wanted) {
    if (await isPortInUse(w.port, host)) busy.push(new PortInUseError(w.port, w.service, w.variable));
  }
  if (busy.length === 1) throw busy[0]!;
  if (busy.length > 1) throw new Error(busy.map((b) => b.message).join('\n'));
}

function answers(port: number, host: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Resolves once something accepts connections on host:port, or rejects after `timeoutMs`, or as soon as
 * `signal` aborts (so a stop during start-up leaves no polling behind).
 */
export async function waitForPort(
  port: number,
  host = '127.0.0.1',
  timeoutMs = 60_000,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    if (await answers(port, host)) return;
    if (Date.now() > deadline) throw new Error(`Nothing answered on ${host}:${port} within ${timeoutMs} ms`);
    await sleep(200, undefined, { signal });
  }
}

/**
 * Resolves once nothing listens on any of `ports` any more (a restarted server must get its old port back),
 * or rejects after `timeoutMs` naming the port that stayed busy.
 */
export async function waitForPortsFree(
  ports: readonly number[],
  host = '127.0.0.1',
  timeoutMs = 30_000,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const port of ports) {
    for (;;) {
      signal?.throwIfAborted();
      if (!(await isPortInUse(port, host))) break;
      if (Date.now() > deadline) throw new Error(`${host}:${port} still in use after ${timeoutMs} ms`);
      await sleep(200, undefined, { signal });
    }
  }
}

/** A TCP port on loopback that nothing listens on right now (the system gives it, then it is closed again). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
