/**
 * The web server over a fault world: its database, its Temporal dev server (through a client of the world) and
 * its SMTP catcher, driven with `inject`, for fault tests that go through the dashboard. The clock is the wall
 * clock: the dev server's business time is real time.
 */
import type { FastifyInstance } from 'fastify';
import { createMailTransport } from '../../mail/transport';
import { hashPassword } from '../../services/users';
import { buildWebServer } from '../../web/server';
import type { FaultWorld } from './fault-world';
import { Agent, PASSWORD } from './web';

/** A running web server over a fault world. */
export interface FaultWeb {
  readonly app: FastifyInstance;
  /** Signs up a sponsor officer of `pairCode`'s sponsor as `email` and signs it in. */
  sponsorOfficer(pairCode: string, email: string): Promise<Agent>;
  close(): Promise<void>;
}

/** Starts the web server over `world`. */
export async function startFaultWeb(world: FaultWorld): Promise<FaultWeb> {
  const { prisma } = world.db;
  const mailer = createMailTransport(world.config.smtp.url, { maxConnections: 1 });
  const app = buildWebServer({
    prisma,
    mailer,
    config: world.config,
    sessionSecret: 'a test session secret that is long enough',
    temporal: () => world.client(),
    namespace: world.config.temporal.namespace,
    taskQueue: world.taskQueue,
    temporalUiUrl: 'http://127.0.0.1:18299',
  });
  await app.ready();
  return {
    app,
    async sponsorOfficer(pairCode, email) {
      const pair = await prisma.pair.findUniqueOrThrow({ where: { code: pairCode } });
      await prisma.user.create({
        data: {
          email,
          name: 'Cán bộ đơn vị giúp đỡ',
          role: 'SPONSOR_OFFICER',
          unitId: pair.sponsorId,
          passwordHash: await hashPassword(PASSWORD),
        },
      });
      // The wall clock, as the server's: the dev server's business time is real time, and nothing here depends
      // on the day (sessions last far longer than a fault test).
      const officer = new Agent(app, () => new Date());
      const answer = await officer.signIn(email);
      if (answer.statusCode !== 303) throw new Error(`sign-in of ${email} answered ${answer.statusCode}`);
      return officer;
    },
    async close() {
      await app.close();
      mailer.close();
    },
  };
}
