/**
 * A local SMTP server that accepts every message and keeps it: the embedded default of `npm start` (nothing
 * leaves the machine) and the real SMTP peer of the tests. Messages are stored as .eml files when a
 * directory is given, and kept in memory for inspection.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message as received on the wire. */
export interface CaughtMessage {
  readonly id: number;
  readonly receivedAt: Date;
  readonly from: string;
  readonly to: string[];
  readonly raw: Buffer;
}

/** A running catcher. */
export interface SmtpCatcher {
  readonly port: number;
  readonly messages: readonly CaughtMessage[];
  close(): Promise<void>;
}

/** Options for {@link startSmtpCatcher}. */
export interface SmtpCatcherOptions {
  readonly port: number;
  readonly host?: string;
  /** Where to write each message as `<n>.eml`; omit to keep messages in memory only. */
  readonly dir?: string;
  /** Lets a test decide a reply (e.g. 451 or 550) per message; return undefined to accept. */
  readonly reject?: (message: { from: string; to: string[] }) => { code: number; message: string } | undefined;
}

/** Starts the catcher and resolves once it listens. */
export async function startSmtpCatcher(options: SmtpCatcherOptions): Promise<SmtpCatcher> {
  const messages: CaughtMessage[] = [];
  if (options.dir) await fs.mkdir(options.dir, { recursive: true });
  let counter = options.dir ? (await fs.readdir(options.dir)).filter((f) => f.endsWith('.eml')).length : 0;
  const serverOptions: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        const rejection = options.reject?.({ from, to });
        if (rejection) {
          const err = Object.assign(new Error(rejection.message), { responseCode: rejection.code });
          callback(err);
          return;
        }
        counter += 1;
        const message: CaughtMessage = { id: counter, receivedAt: new Date(), from, to, raw: Buffer.concat(chunks) };
        messages.push(message);
        const store = options.dir
          ? fs.writeFile(path.join(options.dir, `${String(counter).padStart(6, '0')}.eml`), message.raw)
          : Promise.resolve();
        store.then(
          () => callback(),
          (e: Error) => callback(e),
        );
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
