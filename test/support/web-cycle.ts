/**
 * The web server over running cycles: a cycle world (time-skipping Temporal server, in-process worker, real
 * PostgreSQL with the cycle fixture roster, SMTP catcher), users of the roles a test names, and the Fastify
 * instance on it driven with `inject`. The web server's clock is fixed; the cycles' business time is the test
 * server's.
 */
import type { FastifyInstance } from 'fastify';
import type { Transporter } from 'nodemailer';
import type { Role } from '../../domain/access';
import { createMailTransport } from '../../mail/transport';
import { hashPassword } from '../../services/users';
import { buildWebServer } from '../../web/server';
import { loadConfig } from '../../worker/config';
import { startCycle, type CycleUnderTest } from './cycle-harness';
import { startCycleWorld, type CycleWorld } from './cycle-world';
import { eventually } from './eventually';
import { Agent, PASSWORD } from './web';

/** The web server's clock in these worlds. */
export const WEB_CYCLE_NOW = (): Date => new Date('2026-01-10T09:00:00+07:00');

/** A user to sign up: an e-mail, a role and, for an officer, its unit's code. */
export interface WorldUser {
  readonly email: string;
  readonly role: Role;
  readonly unit?: string;
}

/** The users of the web cycle tests by what they are in the fixture roster (test/fixtures/cycle-roster.json). */
export const WEB_CYCLE_EMAILS = {
  admin: 'bandantoc@bdt.example.gov.vn',
  leadership: 'lanhdao@ubnd.example.gov.vn',
  /** Sponsor of P01, P02, P07. */
  snn: 'canbo@snn.example.gov.vn',
  /** Sponsor of P03, P04, P08. */
  syt: 'canbo@syt.example.gov.vn',
  /** Sponsor of P05, P06. */
  dienBan: 'canbo@dienban.example.gov.vn',
  /** The district's recipient officer: P05 and its communes' P01, P02, P08. */
  namGiang: 'canbo@namgiang.example.gov.vn',
  /** Recipient of P03 and P07. */
  aXan: 'canbo@axan.example.gov.vn',
} as const;

/** Every user of {@link WEB_CYCLE_EMAILS} with its role and unit. */
export const WEB_CYCLE_USERS: readonly WorldUser[] = [
  { email: WEB_CYCLE_EMAILS.admin, role: 'ADMIN' },
  { email: WEB_CYCLE_EMAILS.leadership, role: 'LEADERSHIP' },
  { email: WEB_CYCLE_EMAILS.snn, role: 'SPONSOR_OFFICER', unit: 'QN-SNN' },
  { email: WEB_CYCLE_EMAILS.syt, role: 'SPONSOR_OFFICER', unit: 'QN-SYT' },
  { email: WEB_CYCLE_EMAILS.dienBan, role: 'SPONSOR_OFFICER', unit: 'TX-DIEN-BAN' },
  { email: WEB_CYCLE_EMAILS.namGiang, role: 'RECIPIENT_OFFICER', unit: 'H-NAM-GIANG' },
  { email: WEB_CYCLE_EMAILS.aXan, role: 'RECIPIENT_OFFICER', unit: 'XA-A-XAN' },
];

/** A running web server over a cycle world. */
export interface WebCycleWorld {
  readonly world: CycleWorld;
  readonly app: FastifyInstance;
  /** An agent signed in as `email`. */
  signedIn(email: string): Promise<Agent>;
  /** An agent that is not signed in. */
  anonymous(): Agent;
  /** Starts the 2026 cycle of a pair of the fixture roster. */
  startCycle(pairCode: string, sponsorCode: string, recipientCode: string): Promise<CycleUnderTest>;
  /** The database ID of a user (what `uploadedBy` records). */
  userId(email: string): Promise<string>;
  close(): Promise<void>;
}

/** Options of {@link startWebCycleWorld}. */
export interface WebCycleWorldOptions {
  /** The users to sign up (password {@link PASSWORD}); default {@link WEB_CYCLE_USERS}. */
  readonly users?: readonly WorldUser[];
  /** The web server's clock; default {@link WEB_CYCLE_NOW}. */
  readonly now?: () => Date;
  /** A roster of test/fixtures other than the cycle fixture roster. */
  readonly roster?: string;
}

/** Starts the world with its users signed up. */
export async function startWebCycleWorld(
  prefix: string,
  options: WebCycleWorldOptions = {},
): Promise<WebCycleWorld> {
  const users = options.users ?? WEB_CYCLE_USERS;
  const now = options.now ?? WEB_CYCLE_NOW;
  const world = await startCycleWorld(prefix, options.roster ? { roster: options.roster } : {});
  const { prisma } = world.db;
  const passwordHash = await hashPassword(PASSWORD);
  for (const user of users) {
    const unit = user.unit ? await prisma.unit.findUniqueOrThrow({ where: { code: user.unit } }) : null;
    await prisma.user.create({
      data: {
        email: user.email,
        name: `Người dùng ${user.role}`,
        role: user.role,
        unitId: unit?.id ?? null,
        passwordHash,
      },
    });
  }
  const smtpUrl = `smtp://127.0.0.1:${world.smtp.port}`;
  const mailer: Transporter = createMailTransport(smtpUrl, { maxConnections: 1 });
  const app = buildWebServer({
    prisma,
    mailer,
    config: loadConfig({ DATABASE_URL: world.db.url, SMTP_URL: smtpUrl }),
    sessionSecret: 'a test session secret that is long enough',
    temporal: () => Promise.resolve(world.env.client),
    namespace: 'default',
    taskQueue: world.taskQueue,
    temporalUiUrl: 'http://127.0.0.1:18299',
    now,
    // Several agents sign in from the same inject address.
    signInRateLimitPerMinute: 200,
  });
  await app.ready();
  return {
    world,
    app,
    async signedIn(email) {
      const agent = new Agent(app, now);
      const answer = await agent.signIn(email);
      if (answer.statusCode !== 303) throw new Error(`sign-in of ${email} answered ${answer.statusCode}`);
      return agent;
    },
    anonymous: () => new Agent(app, now),
    async startCycle(pairCode, sponsorCode, recipientCode) {
      const cycle = await startCycle(world.env, world.taskQueue, pairCode, { sponsorCode, recipientCode });
      // The pages read the read model, which the cycle's first batch of effects writes.
      const row = await eventually(
        () => prisma.cycle.findUnique({ where: { workflowId: cycle.workflowId } }),
        (found) => found !== null,
        60_000,
        100,
      );
      if (!row) throw new Error(`the read model has no cycle ${cycle.workflowId}`);
      return cycle;
    },
    async userId(email) {
      return (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
    },
    async close() {
      await app.close();
      mailer.close();
      await world.teardown();
    },
  };
}
