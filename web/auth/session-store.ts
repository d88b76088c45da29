/**
 * The store of `@fastify/session` in PostgreSQL (`WebSession`): one row per session, its object as JSON, the
 * signed-in user's ID (so disabling a user deletes its sessions at once) and when it expires (the idle or the
 * absolute timeout, whichever comes first; an anonymous session lasts the idle timeout). An expired anonymous
 * session is never returned; an expired signed-in one is, for a day, so that the access check (which never
 * trusts it: `web/auth/access.ts` ends it) can tell its user why they must sign in again. Rows are swept a day
 * after they expire.
 *
 * A session is read with its user in the same statement (`sessionWithUser`): the session comes back with
 * `activeUser` set from that read, which the access check takes as the request's user, and which is never stored.
 */
import type { Session } from 'fastify';
import type { SessionStore } from '@fastify/session';
import { sessionExpiry, type SessionTimeouts } from '../../domain/accounts';
import type { Prisma, PrismaClient } from '../../generated/prisma';
import { sessionWithUser } from '../../services/users';

/** How long an expired signed-in session is kept to say why it ended. */
const EXPIRED_KEPT_MS = 24 * 3600_000;

/** A session store on the `WebSession` table. */
export class PrismaSessionStore implements SessionStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly timeouts: SessionTimeouts,
    private readonly now: () => Date,
  ) {}

  private expiresAt(session: Session): Date {
    const now = this.now().getTime();
    if (session.userId && session.signedInAt !== undefined)
      return sessionExpiry(
        { signedInAt: session.signedInAt, lastSeenAt: session.lastSeenAt ?? session.signedInAt },
        this.timeouts,
      );
    return new Date(now + this.timeouts.idleTimeoutMs);
  }

  /** Writes a session (called after a request that changed it). */
  set(sid: string, session: Session, callback: (err?: unknown) => void): void {
    // The session object is a class instance; its JSON form is what comes back in `get`. Its user is read with
    // it every time, never kept: a disabled account must not outlive the request that read it.
    const data = JSON.parse(JSON.stringify(session)) as Record<string, Prisma.InputJsonValue>;
    delete data.activeUser;
    const row = { data, expiresAt: this.expiresAt(session), userId: session.userId ?? null };
    this.prisma.webSession
      .upsert({ where: { sid }, create: { sid, ...row }, update: row })
      .then(() => callback(), callback);
  }

  /**
   * Reads a session that has not expired, or a signed-in one that expired less than a day ago, with its user as
   * `activeUser` (null when the account may no longer sign in).
   */
  get(sid: string, callback: (err: unknown, result?: Session | null) => void): void {
    sessionWithUser(this.prisma, sid).then((row) => {
      if (!row) return callback(null, null);
      const now = this.now().getTime();
      const expired = row.expiresAt.getTime() <= now;
      if (expired && (row.userId === null || row.expiresAt.getTime() <= now - EXPIRED_KEPT_MS))
        return callback(null, null);
      callback(null, { ...(row.data as Session), activeUser: row.activeUser });
    }, callback);
  }

  /** Deletes a session (sign-out, rotation at sign-in, timeout). */
  destroy(sid: string, callback: (err?: unknown) => void): void {
    this.prisma.webSession.deleteMany({ where: { sid } }).then(() => callback(), callback);
  }

  /** Deletes every session that expired a day ago or more; returns how many. */
  async sweep(): Promise<number> {
    const before = new Date(this.now().getTime() - EXPIRED_KEPT_MS);
    const { count } = await this.prisma.webSession.deleteMany({ where: { expiresAt: { lte: before } } });
    return count;
  }
}
