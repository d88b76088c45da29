/**
 * Rules of user accounts, pure: e-mail normalisation, the password policy, the one-time links' lifetimes, the
 * lock-out after wrong passwords, the timeouts of a signed-in session, and which unit an officer may belong to.
 * The I/O (hashing, the database, e-mail) is `services/users.ts`.
 */
import type { Role } from './access';
import type { MessageKey } from './messages';
import { sideOfKind, type UnitKind } from './units';

/** An invitation link is valid for 7 days. */
export const INVITE_LINK_TTL_MS = 7 * 24 * 3600_000;

/** A password-reset link is valid for 1 hour. */
export const RESET_LINK_TTL_MS = 3600_000;

/** Passwords are at least this long… */
export const PASSWORD_MIN_LENGTH = 10;

/** …and at most this long (hashing an unbounded input is a cheap way to load the server). */
export const PASSWORD_MAX_LENGTH = 200;

/** The roles, in the order forms list them. */
export const ROLES: readonly Role[] = ['ADMIN', 'LEADERSHIP', 'SPONSOR_OFFICER', 'RECIPIENT_OFFICER'];

/** Whether a text is one of the {@link ROLES}. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** E-mail addresses are compared trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Whether a (normalised) text looks like an e-mail address. */
export function isEmailAddress(email: string): boolean {
  return ADDRESS.test(email) && email.length <= 254;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): MessageKey | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'auth.password.tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'auth.password.tooLong';
  if (password.trim() === '') return 'auth.password.tooShort';
  return undefined;
}

/**
 * Whether a role may hold a unit of this kind: an officer needs a unit of its own side (a sponsor officer a
 * department, a lowland district or commune; a recipient officer a mountain district or commune);
 * administrators and leadership belong to no unit.
 */
export function unitProblem(role: Role, unitKind: UnitKind | undefined): MessageKey | undefined {
  const side =
    role === 'SPONSOR_OFFICER' ? 'sponsor' : role === 'RECIPIENT_OFFICER' ? 'recipient' : undefined;
  if (side === undefined) return unitKind === undefined ? undefined : 'auth.user.unitNotAllowed';
  if (unitKind === undefined) return 'auth.user.unitRequired';
  return sideOfKind(unitKind) === side ? undefined : 'auth.user.unitWrongSide';
}

/** An account's sign-in counters. */
export interface SignInState {
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
}

/** The lock-out policy (`SIGN_IN_MAX_FAILURES`, `SIGN_IN_LOCKOUT`). */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockoutMs: number;
}

/** What a sign-in attempt leads to, and the counters to store. */
export type SignInOutcome =
  | { readonly kind: 'ok'; readonly next: SignInState }
  | { readonly kind: 'wrong'; readonly next: SignInState }
  | { readonly kind: 'locked'; readonly until: Date; readonly next: SignInState };

/** Whether the account is locked at `now`. */
export function lockedAt(state: SignInState, now: Date): Date | undefined {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime()
    ? state.lockedUntil
    : undefined;
}

/**
 * Decides a sign-in attempt. While locked, nothing is checked and nothing changes (even the right password is
 * refused). Otherwise a right password clears the counters; a wrong one counts, and the one that reaches
 * `maxFailures` locks the account for `lockoutMs` and starts the count again.
 */
export function decideSignIn(
  state: SignInState,
  passwordOk: boolean,
  now: Date,
  policy: LockoutPolicy,
): SignInOutcome {
  const locked = lockedAt(state, now);
  if (locked) return { kind: 'locked', until: locked, next: state };
  if (passwordOk) return { kind: 'ok', next: { failedSignIns: 0, lockedUntil: null } };
  const failed = state.failedSignIns + 1;
  if (failed >= policy.maxFailures) {
    const until = new Date(now.getTime() + policy.lockoutMs);
    return { kind: 'locked', until, next: { failedSignIns: 0, lockedUntil: until } };
  }
  return { kind: 'wrong', next: { failedSignIns: failed, lockedUntil: null } };
}

/** The session timeouts (`SESSION_IDLE_TIMEOUT`, `SESSION_ABSOLUTE_TIMEOUT`). */
export interface SessionTimeouts {
  readonly idleTimeoutMs: number;
  readonly absoluteTimeoutMs: number;
}

/** The instants of a signed-in session, in ms since the epoch. */
export interface SessionTimes {
  readonly signedInAt: number;
  readonly lastSeenAt: number;
}

/** Whether a signed-in session has ended at `now`: after the idle or the absolute timeout. */
export function sessionEnded(
  times: SessionTimes,
  now: Date,
  timeouts: SessionTimeouts,
): 'idle' | 'absolute' | undefined {
  const at = now.getTime();
  if (at - times.signedInAt >= timeouts.absoluteTimeoutMs) return 'absolute';
  if (at - times.lastSeenAt >= timeouts.idleTimeoutMs) return 'idle';
  return undefined;
}

/** When a signed-in session ends at the latest if nothing more happens. */
export function sessionExpiry(times: SessionTimes, timeouts: SessionTimeouts): Date {
  return new Date(
    Math.min(times.lastSeenAt + timeouts.idleTimeoutMs, times.signedInAt + timeouts.absoluteTimeoutMs),
  );
}

/** What an account's row shows about it. */
export type AccountStatus = 'active' | 'invited' | 'locked' | 'disabled';

/** The status of an account at `now`: disabled, locked after wrong passwords, without a password yet, or active. */
export function accountStatus(
  user: SignInState & { readonly disabledAt: Date | null; readonly passwordHash: string | null },
  now: Date,
): AccountStatus {
  if (user.disabledAt !== null) return 'disabled';
  if (lockedAt(user, now)) return 'locked';
  return user.passwordHash === null ? 'invited' : 'active';
}
