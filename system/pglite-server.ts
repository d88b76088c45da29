/**
 * The embedded PostgreSQL: PGlite served on loopback, one query unit at a time.
 *
 * PGlite is a single PostgreSQL backend, so every client connection shares it. `@electric-sql/pglite-socket`
 * queues each protocol message on its own, which lets one connection's Parse/Bind/Execute interleave with
 * another's: a statement is then bound to the wrong query (wrong rows come back) or is gone ("unnamed
 * prepared statement does not exist"). This server queues a connection's messages as one unit up to the
 * message that ends it (Sync or a simple Query), and while a transaction is open only its owner's units run.
 *
 * Run: `node --import tsx system/pglite-server.ts --db DIR|memory:// --port PORT [--host 127.0.0.1]`.
 */
import net from 'node:net';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

/** Frontend messages after which a unit of work is complete and its replies are due. */
const UNIT_END = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0), 'X'.charCodeAt(0)]);
const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_V3 = 196608;

interface Unit {
  readonly connection: number;
  readonly messages: Uint8Array[];
  readonly reply: (data: Uint8Array) => void;
  readonly done: () => void;
}

/** Serialises units over the one backend; an open transaction's owner goes first. */
class UnitQueue {
  private readonly pending: Unit[] = [];
  private running = false;
  private owner: number | undefined;

  constructor(private readonly db: PGlite) {}

  push(unit: Unit): void {
    this.pending.push(unit);
    void this.drain();
  }

  /** Drops a closed connection's units and rolls back its open transaction. */
  async forget(connection: number): Promise<void> {
    for (let i = this.pending.length - 1; i >= 0; i -= 1) {
      if (this.pending[i]!.connection === connection) this.pending.splice(i, 1);
    }
    if (this.owner === connection) {
      this.owner = undefined;
      // exec() takes PGlite's own lock, unlike execProtocolRawStream(): no runExclusive around it.
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
      void this.drain();
    }
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index =
          this.owner === undefined ? 0 : this.pending.findIndex((u) => u.connection === this.owner);
        if (index < 0 || index >= this.pending.length) break;
        const [unit] = this.pending.splice(index, 1);
        if (!unit) break;
        try {
          await this.db.runExclusive(async () => {
            for (const message of unit.messages) {
              await this.db.execProtocolRawStream(message, { onRawData: unit.reply });
            }
          });
        } finally {
          this.owner = this.db.isInTransaction() ? unit.connection : undefined;
          unit.done();
        }
      }
    } finally {
      this.running = false;
    }
  }
}

function serve(db: PGlite, queue: UnitQueue, socket: net.Socket, id: number): void {
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let started = false;
  let collected: Uint8Array[] = [];
  // Units of one connection run in order: the next is queued only when the previous one has finished.
  let chain = Promise.resolve();
  const reply = (data: Uint8Array): void => {
    if (data.length > 0 && socket.writable) socket.write(Buffer.from(data));
  };
  const enqueue = (messages: Uint8Array[]): void => {
    chain = chain.then(
      () => new Promise<void>((done) => queue.push({ connection: id, messages, reply, done })),
    );
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (buffer.length < length) return;
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) {
          socket.write('N');
        } else if (code === CANCEL_REQUEST) {
          // Not supported by PGlite; the client simply waits for its query.
        } else if (code === PROTOCOL_V3) {
          started = true;
          enqueue([new Uint8Array(message)]);
        } else {
          socket.destroy();
          return;
        }
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const message = new Uint8Array(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
      const type = message[0]!;
      if (type === 'X'.charCodeAt(0)) {
        socket.end();
        return;
      }
      collected.push(message);
      if (UNIT_END.has(type)) {
        enqueue(collected);
        collected = [];
      }
    }
  });
  const close = (): void => {
    void queue.forget(id);
  };
  socket.on('close', close);
  socket.on('error', close);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'memory://' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '5432' },
    },
  });
  const db = new PGlite(values.db);
  await db.waitReady;
  const queue = new UnitQueue(db);
  let next = 0;
  const server = net.createServer((socket) => serve(db, queue, socket, (next += 1)));
  server.listen(Number(values.port), values.host, () => {
    process.stdout.write(`pglite: listening on ${values.host}:${values.port} (${values.db})\n`);
  });
  const shutdown = (): void => {
    server.close();
    void db.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`pglite: ${(error as Error).message}\n`);
  process.exit(1);
});
