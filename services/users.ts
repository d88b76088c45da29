/**
 * User accounts, for the web server, the `twinning user` commands and `npm start`: invitations and password
 * resets by a one-time link sent by e-mail, setting a password from such a link, signing in with the lock-out
 * after wrong passwords, disabling an account (its sessions end at once), listing.
 *
 * Passwords are hashed with argon2id. A link's token is 32 random bytes; only its SHA-256 is stored, and the
 * link itself is put in the message and nowhere else (never in a log, a ledger row or an error).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { Transporter } from 'nodemailer';
import type { Role } from '../domain/access';
import {
  accountStatus,
  decideSignIn,
  INVITE_LINK_TTL_MS,
  isEmailAddress,
  isRole,
  normaliseEmail,
  passwordProblem,
  RESET_LINK_TTL_MS,
  unitProblem,
  type AccountStatus,
  type LockoutPolicy,
} from '../domain/accounts';
import type { Message } from '../domain/messages';
import type { UnitKind } from '../domain/units';
import { plainSqlOf } from '../db/plain-sql';
import { Prisma, type PrismaClient, type User, type UserTokenPurpose } from '../generated/prisma';
import { sendAccountMail } from '../mail/account';
import type { MailDeliveryConfig } from '../mail/deliver';

/** The page a one-time link opens (`/account/password?token=…`). */
export const PASSWORD_LINK_PATH = '/account/password';

// `Algorithm.Argon2id` is a const enum, which isolatedModules cannot import as a value.
const ARGON2ID = 2 as Algorithm;

/** A password's argon2id hash (PHC string). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Verified when the address is unknown, so that a wrong address takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword('not-a-password-of-anyone');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** The SHA-256 of a link's token, as stored. */
function tokenHashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Why an account operation was refused: a catalogue message and what kind of refusal it is. */
export interface UserRefusal {
  /** `invalid` (bad input), `exists` (the address is taken), `notFound`, `disabled`. */
  readonly kind: 'invalid' | 'exists' | 'notFound' | 'disabled';
  readonly message: Message;
}

/** The outcome of an account operation. */
export type UserResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: UserRefusal };

function refuse(kind: UserRefusal['kind'], message: Message): { ok: false; refusal: UserRefusal } {
  return { ok: false, refusal: { kind, message } };
}

/** What the account operations that send e-mail need. */
export interface UserServiceDeps {
  readonly prisma: PrismaClient;
  readonly mailer: Transporter;
  readonly config: MailDeliveryConfig;
  readonly now?: () => Date;
}

function nowOf(deps: { readonly now?: () => Date }): Date {
  return deps.now ? deps.now() : new Date();
}

/** A one-time link just issued. */
export interface IssuedLink {
  readonly tokenId: string;
  readonly link: string;
  readonly expiresAt: Date;
}

/**
 * Issues a new one-time link of `purpose` for a user; the user's earlier unused links of the same purpose stop
 * working (only the newest one sent is valid).
 */
export async function issueLink(
  prisma: PrismaClient,
  publicBaseUrl: string,
  userId: string,
  purpose: UserTokenPurpose,
  now: Date,
): Promise<IssuedLink> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (purpose === 'INVITE' ? INVITE_LINK_TTL_MS : RESET_LINK_TTL_MS));
  const [, row] = await prisma.$transaction([
    prisma.userToken.deleteMany({ where: { userId, purpose, usedAt: null } }),
    prisma.userToken.create({ data: { userId, purpose, tokenHash: tokenHashOf(token), expiresAt } }),
  ]);
  const link = `${publicBaseUrl.replace(/\/+$/, '')}${PASSWORD_LINK_PATH}?token=${token}`;
  return { tokenId: row.id, link, expiresAt };
}

/** What an invitation asks for. */
export interface InviteInput {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  /** The officer's unit code (required for officers, refused for the others). */
  readonly unitCode?: string | undefined;
}

/** A user invited: the row, when its link expires, and the delivery's error if the message failed. */
export interface Invited {
  readonly user: User;
  readonly expiresAt: Date;
  /** Set when the message could not be sent (the user exists; send a reset link later). */
  readonly mailError?: string;
}

async function sendLink(
  deps: UserServiceDeps,
  user: User,
  purpose: UserTokenPurpose,
): Promise<{ expiresAt: Date; mailError?: string }> {
  const now = nowOf(deps);
  const issued = await issueLink(deps.prisma, deps.config.web.publicBaseUrl, user.id, purpose, now);
  try {
    await sendAccountMail(
      { ...deps, now: () => now },
      {
        purpose: purpose === 'INVITE' ? 'invite' : 'reset',
        tokenId: issued.tokenId,
        to: user.email,
        name: user.name,
        email: user.email,
        roleKey: `auth.role.${user.role}`,
        link: issued.link,
        expiresAt: issued.expiresAt,
      },
    );
    return { expiresAt: issued.expiresAt };
  } catch (error) {
    return { expiresAt: issued.expiresAt, mailError: (error as Error).message };
  }
}

/**
 * Creates a user without a password and sends the invitation with its link (valid 7 days). Officers need a
 * unit of their own side; an address already taken is refused.
 */
export async function inviteUser(deps: UserServiceDeps, input: InviteInput): Promise<UserResult<Invited>> {
  const email = normaliseEmail(input.email);
  if (!isEmailAddress(email))
    return refuse('invalid', { key: 'auth.user.badEmail', params: { value: email } });
  const name = input.name.trim();
  if (name === '' || name.length > 200) return refuse('invalid', { key: 'auth.user.nameRequired' });
  if (!isRole(input.role))
    return refuse('invalid', { key: 'auth.user.badRole', params: { value: input.role } });
  const role: Role = input.role;
  const unitCode = input.unitCode?.trim() || undefined;
  const unit = unitCode
    ? await deps.prisma.unit.findUnique({ where: { code: unitCode }, select: { id: true, kind: true } })
    : null;
  if (unitCode && !unit) return refuse('invalid', { key: 'unknown.unit', params: { code: unitCode } });
  const problem = unitProblem(role, unit?.kind as UnitKind | undefined);
  if (problem) return refuse('invalid', { key: problem, params: { unit: unitCode ?? '' } });
  const taken = await deps.prisma.user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' } },
    select: { id: true },
  });
  if (taken) return refuse('exists', { key: 'auth.user.exists', params: { email } });
  const user = await deps.prisma.user.create({ data: { email, name, role, unitId: unit?.id ?? null } });
  return { ok: true, value: { user, ...(await sendLink(deps, user, 'INVITE')) } };
}

async function findByEmail(prisma: PrismaClient, email: string): Promise<User | null> {
  return prisma.user.findFirst({ where: { email: { equals: normaliseEmail(email), mode: 'insensitive' } } });
}

/**
 * Sends a password-reset link (valid 1 hour) to an account that is not disabled. The web page says the same
 * whatever the outcome, so nobody learns which addresses have accounts; the CLI tells the administrator.
 */
export async function sendPasswordReset(
  deps: UserServiceDeps,
  email: string,
): Promise<UserResult<{ user: User; expiresAt: Date; mailError?: string }>> {
  const user = await findByEmail(deps.prisma, email);
  if (!user)
    return refuse('notFound', { key: 'auth.user.notFound', params: { email: normaliseEmail(email) } });
  if (user.disabledAt)
    return refuse('disabled', { key: 'auth.user.isDisabled', params: { email: user.email } });
  return { ok: true, value: { user, ...(await sendLink(deps, user, 'RESET')) } };
}

/** The user a link's token belongs to, while the link is valid (unused, not expired, account not disabled). */
export async function userOfLink(prisma: PrismaClient, token: string, now: Date): Promise<User | undefined> {
  const row = await prisma.userToken.findUnique({
    where: { tokenHash: tokenHashOf(token) },
    include: { user: true },
  });
  if (!row || row.usedAt !== null || row.expiresAt.getTime() <= now.getTime() || row.user.disabledAt)
    return undefined;
  return row.user;
}

/**
 * Sets a password from a one-time link: the link is used up (a second use is refused even at the same
 * moment), the lock-out is cleared, the user's other links and every session of the user end.
 */
export async function setPasswordFromLink(
  prisma: PrismaClient,
  token: string,
  password: string,
  now: Date,
): Promise<UserResult<User>> {
  const problem = passwordProblem(password);
  if (problem) return refuse('invalid', { key: problem });
  const user = await userOfLink(prisma, token, now);
  if (!user) return refuse('invalid', { key: 'auth.link.invalid' });
  const passwordHash = await hashPassword(password);
  const updated = await prisma.$transaction(async (tx) => {
    const used = await tx.userToken.updateMany({
      where: { tokenHash: tokenHashOf(token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) return undefined;
    await tx.userToken.deleteMany({ where: { userId: user.id, usedAt: null } });
    await tx.webSession.deleteMany({ where: { userId: user.id } });
    return tx.user.update({
      where: { id: user.id },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null },
    });
  });
  return updated ? { ok: true, value: updated } : refuse('invalid', { key: 'auth.link.invalid' });
}

/** The outcome of a sign-in attempt. */
export type SignInResult =
  | { readonly kind: 'ok'; readonly user: User }
  /** Unknown address, no password yet, disabled, or a wrong password: one answer for all. */
  | { readonly kind: 'failed' }
  | { readonly kind: 'locked'; readonly until: Date };

/**
 * Checks an address and a password. The counters are read and written under a row lock, so concurrent wrong
 * passwords all count; the password is verified before, outside the lock (argon2 is slow on purpose).
 */
export async function signIn(
  prisma: PrismaClient,
  email: string,
  password: string,
  now: Date,
  policy: LockoutPolicy,
): Promise<SignInResult> {
  const user = await findByEmail(prisma, email);
  const passwordOk = await verifyPassword(user && !user.disabledAt ? user.passwordHash : null, password);
  if (!user || user.disabledAt || user.passwordHash === null) return { kind: 'failed' };
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
    const state = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { failedSignIns: true, lockedUntil: true },
    });
    const outcome = decideSignIn(state, passwordOk, now, policy);
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { ...outcome.next, ...(outcome.kind === 'ok' ? { lastSignInAt: now } : {}) },
    });
    if (outcome.kind === 'ok') return { kind: 'ok', user: updated };
    return outcome.kind === 'locked' ? { kind: 'locked', until: outcome.until } : { kind: 'failed' };
  });
}

/** A signed-in user as the web server keeps it per request. */
export type ActiveUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'unitId'>;

/** An active user with the IDs of the communes under its unit (what a district's officer also sees). */
export interface ActiveUserWithCommunes extends ActiveUser {
  readonly communeIds: readonly string[];
}

/** A stored web session (`WebSession`) and its user, as {@link sessionWithUser} reads them. */
export interface StoredSession {
  /** The session object of `@fastify/session`. */
  readonly data: unknown;
  readonly expiresAt: Date;
  readonly userId: string | null;
  /**
   * The session's user with its unit's communes (for `actorWithCommunes`) if the account still may sign in (not
   * disabled, has a password); null if it may not, or if the session has no user.
   */
  readonly activeUser: ActiveUserWithCommunes | null;
}

/**
 * A session and its user in one plain statement on the pool (db/plain-sql.ts): every request of a signed-in user
 * reads both, and on the embedded PGlite, one backend that runs one statement at a time, each statement a request
 * spares is one that ten readers do not queue behind (BENCHMARKS.md, B4). Through Prisma's query compiler a read
 * cost about twice the CPU of the statement.
 */
export async function sessionWithUser(prisma: PrismaClient, sid: string): Promise<StoredSession | undefined> {
  const [row] = await plainSqlOf(prisma).rows<StoredSession>(Prisma.sql`
    SELECT s.data, s."expiresAt", s."userId",
      (SELECT json_build_object(
          'id', u.id, 'email', u.email, 'name', u.name, 'role', u.role::text, 'unitId', u."unitId",
          'communeIds',
          ARRAY(SELECT c.id::text FROM "Unit" c WHERE c."parentId" = u."unitId" AND c.kind = 'COMMUNE'))
        FROM "User" u
        WHERE u.id = s."userId" AND u."disabledAt" IS NULL AND u."passwordHash" IS NOT NULL) AS "activeUser"
    FROM "WebSession" s
    WHERE s.sid = ${sid}`);
  return row;
}

/** Disables an account: no more sign-in; its sessions and unused links are deleted at once. */
export async function disableUser(prisma: PrismaClient, email: string, now: Date): Promise<UserResult<User>> {
  const user = await findByEmail(prisma, email);
  if (!user)
    return refuse('notFound', { key: 'auth.user.notFound', params: { email: normaliseEmail(email) } });
  if (user.disabledAt)
    return refuse('disabled', { key: 'auth.user.alreadyDisabled', params: { email: user.email } });
  const [, , updated] = await prisma.$transaction([
    prisma.webSession.deleteMany({ where: { userId: user.id } }),
    prisma.userToken.deleteMany({ where: { userId: user.id, usedAt: null } }),
    prisma.user.update({ where: { id: user.id }, data: { disabledAt: now } }),
  ]);
  return { ok: true, value: updated };
}

/** A user as listed (no password hash). */
export interface ListedUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly unitCode: string | null;
  readonly status: AccountStatus;
  readonly lockedUntil: Date | null;
  readonly lastSignInAt: Date | null;
  readonly createdAt: Date;
}

/** Every user, by e-mail address, with the account's status at `now`. */
export async function listUsers(prisma: PrismaClient, now: Date): Promise<ListedUser[]> {
  const users = await prisma.user.findMany({
    include: { unit: { select: { code: true } } },
    orderBy: { email: 'asc' },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    unitCode: u.unit?.code ?? null,
    status: accountStatus(u, now),
    lockedUntil: u.lockedUntil,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
  }));
}

/**
 * The first run's way in: while no administrator that is not disabled has a password, a new invitation link
 * for the first such administrator (the demo seed creates one without a password). Undefined otherwise.
 */
export async function firstAdministratorLink(
  prisma: PrismaClient,
  publicBaseUrl: string,
  now: Date,
): Promise<(IssuedLink & { email: string }) | undefined> {
  const admins = await prisma.user.findMany({
    where: { role: 'ADMIN', disabledAt: null },
    orderBy: [{ createdAt: 'asc' }, { email: 'asc' }],
  });
  const first = admins[0];
  if (!first || admins.some((a) => a.passwordHash !== null)) return undefined;
  return { email: first.email, ...(await issueLink(prisma, publicBaseUrl, first.id, 'INVITE', now)) };
}
