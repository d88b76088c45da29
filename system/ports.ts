/** Port checks done before anything starts, so a busy port gives a clear message instead of a crash. */
import net from 'node:net';
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

/** Resolves once something accepts connections on host:port, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, host = '127.0.0.1', timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Nothing answered on ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
