/**
 * The web server on a running engine: the cycle test world (time-skipping Temporal server, in-process worker,
 * real PostgreSQL with the cycle fixture roster, SMTP catcher) with signed-up users and the Fastify instance
 * driven with `inject`. The web server's clock is the test's; the cycles' business time is the test server's.
 */
import type { FastifyInstance } from 'fastify';
import type { Transporter } from 'nodemailer';
import type { Role } from '../../domain/access';
import { createMailTransport } from '../../mail/transport';
import { hashPassword } from '../../services/users';
import { buildWebServer } from '../../web/server';
import { loadConfig } from '../../worker/config';
import { startCycleWorld, type CycleWorld } from './cycle-world';
import { Agent, PASSWORD } from './web';

/** A user to sign up: address, role and, for officers, the unit code. */
export interface WebCycleUser {
  readonly email: string;
  readonly role: Role;
  readonly unit?: string;
}

/** The running world. */
export interface WebCycleWorld {
  readonly world: CycleWorld;
  readonly app: FastifyInstance;
  /** A new agent signed in as `email` (fails the test when the sign-in does not succeed). */
  signedIn(email: string): Promise<Agent>;
  close(): Promise<void>;
}

/** Starts the cycle world (`roster` of test/fixtures), the users and the web server with the clock `now`. */
export async function startWebCycleWorld(
  prefix: string,
  options: { readonly users: readonly WebCycleUser[]; readonly now: () => Date; readonly roster?: string },
): Promise<WebCycleWorld> {
  const world = await startCycleWorld(prefix, options.roster ? { roster: options.roster } : {});
  let mailer: Transporter | undefined;
  let app: FastifyInstance | undefined;
  try {
    const { prisma } = world.db;
    const passwordHash = await hashPassword(PASSWORD);
    for (const user of options.users) {
      const unit = user.unit ? await prisma.unit.findUniqueOrThrow({ where: { code: user.unit } }) : null;
      await prisma.user.create({
        data: {
          email: user.email,
          name: user.email,
          role: user.role,
          unitId: unit?.id ?? null,
          passwordHash,
        },
      });
    }
    const smtp = `smtp://127.0.0.1:${world.smtp.port}`;
    mailer = createMailTransport(smtp, { maxConnections: 1 });
    app = buildWebServer({
      prisma,
      mailer,
      config: loadConfig({ DATABASE_URL: world.db.url, SMTP_URL: smtp }),
      sessionSecret: 'a test session secret that is long enough',
      temporal: () => Promise.resolve(world.env.client),
      namespace: 'default',
      taskQueue: world.taskQueue,
      temporalUiUrl: 'http://127.0.0.1:18299',
      now: options.now,
      // Many sign-ins from one address in a few seconds: the tests' agents, not an attack.
      signInRateLimitPerMinute: 1000,
    });
    await app.ready();
  } catch (error) {
    await app?.close();
    mailer?.close();
    await world.teardown();
    throw error;
  }
  const ready = app;
  const transport = mailer;
  return {
    world,
    app: ready,
    async signedIn(email) {
      const agent = new Agent(ready, options.now);
      const answer = await agent.signIn(email);
      if (answer.statusCode !== 303) throw new Error(`sign-in of ${email}: ${answer.statusCode}`);
      return agent;
    },
    async close() {
      await ready.close();
      transport.close();
      await world.teardown();
    },
  };
}
