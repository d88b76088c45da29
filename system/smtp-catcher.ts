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
  /** The Message-ID header as sent (angle brackets included), or '' when the message has none. */
  readonly messageId: string;
}

/** A reply a test wants the catcher to give instead of accepting. */
export interface CatcherReply {
  readonly code: number;
  readonly message: string;
}

/** What the `reject` and `drop` hooks see of a message whose data has arrived. */
export interface ArrivingMessage {
  readonly from: string;
  readonly to: string[];
  readonly messageId: string;
  readonly raw: Buffer;
}

/** The Message-ID header of a raw message ('' when absent). */
function messageIdOf(raw: Buffer): string {
  const headerEnd = raw.indexOf('\r\n\r\n');
  const headers = raw
    .subarray(0, headerEnd < 0 ? raw.length : headerEnd)
    .toString('utf8')
    .replace(/\r\n[ \t]+/g, ' ');
  return /^message-id:\s*(\S+)/im.exec(headers)?.[1] ?? '';
}

/** A running catcher. */
export interface SmtpCatcher {
  readonly port: number;
  readonly messages: readonly CaughtMessage[];
  /** Client connections that ended in an error (e.g. reset by a killed client). */
  readonly connectionErrors: number;
  close(): Promise<void>;
}

/** Options for {@link startSmtpCatcher}. */
export interface SmtpCatcherOptions {
  readonly port: number;
  readonly host?: string;
  /** Where to write each message as `<n>.eml`; omit to keep messages in memory only. */
  readonly dir?: string;
  /** Lets a test decide a reply (e.g. 451 or 550) per message; return undefined to accept. */
  readonly reject?: (message: ArrivingMessage) => CatcherReply | undefined;
  /** Lets a test refuse one recipient at RCPT TO (e.g. 550 5.1.1 for an unknown mailbox). */
  readonly rejectRecipient?: (address: string) => CatcherReply | undefined;
  /**
   * Lets a test drop the connection after a message's data arrived, without any reply (the client cannot know
   * whether the message was kept). A dropped message is not kept.
   */
  readonly drop?: (message: ArrivingMessage) => boolean;
  /** Called after a message is kept (and written), before the 250 reply is sent. */
  readonly onMessage?: (message: CaughtMessage) => void;
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
    onRcptTo(address, _session, callback) {
      const rejection = options.rejectRecipient?.(address.address);
      if (rejection) {
        callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        const raw = Buffer.concat(chunks);
        const arriving: ArrivingMessage = { from, to, raw, messageId: messageIdOf(raw) };
        if (options.drop?.(arriving)) {
          // smtp-server gives handlers no socket; its connection set is public but untyped.
          for (const connection of server.connections as Set<{ id: string; _socket: { destroy(): void } }>) {
            if (connection.id === session.id) connection._socket.destroy();
          }
          return;
        }
        const rejection = options.reject?.(arriving);
        if (rejection) {
          const err = Object.assign(new Error(rejection.message), { responseCode: rejection.code });
          callback(err);
          return;
        }
        counter += 1;
        const message: CaughtMessage = {
          id: counter,
          receivedAt: new Date(),
          from,
          to,
          raw,
          messageId: arriving.messageId,
        };
        messages.push(message);
        const store = options.dir
          ? fs.writeFile(path.join(options.dir, `${String(counter).padStart(6, '0')}.eml`), message.raw)
          : Promise.resolve();
        store.then(
          () => {
            options.onMessage?.(message);
            callback();
          },
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
  // A client that dies mid-session (a worker killed with SIGKILL) resets its connection; that is the client's
  // problem, not the server's, so it is counted rather than left to crash the process as an unhandled error.
  let connectionErrors = 0;
  server.on('error', () => {
    connectionErrors += 1;
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    messages,
    get connectionErrors() {
      return connectionErrors;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
