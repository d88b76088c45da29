/**
 * Who may see and do what (docs/domain.md, "Who sees and does what"): the one pure rule table that the web
 * server's API layer and every query of the dashboard enforce. Pure: it knows roles, sides and unit IDs, never
 * the database.
 */
import type { Side } from './cycle/types';

/** The roles of the programme's users (the Prisma enum `UserRole`). */
export type Role = 'ADMIN' | 'LEADERSHIP' | 'SPONSOR_OFFICER' | 'RECIPIENT_OFFICER';

/**
 * Which pairs a user sees: every pair (administrators, leadership), or the pairs in which one of the listed units
 * stands on the given side (an officer's own unit; for a district's recipient officer, also its communes).
 */
export type Scope =
  | { readonly kind: 'all' }
  | { readonly kind: 'units'; readonly side: Side; readonly unitIds: readonly string[] };

/** A signed-in user as access rules see them. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly scope: Scope;
}

/** What a user may do, beyond reading what its scope shows. */
export type Permission =
  /** Submit documents and progress of a side of a pair in scope (the officers' forms). */
  | 'submit'
  /** Extend, waive, resend, dissolve or re-pair, end a period, merge units, positive factors, confirm ratings. */
  | 'administer'
  /** Import the roster, manage users and the holiday calendar. */
  | 'manage'
  /** Download exports and reports. */
  | 'export';

const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ADMIN: ['administer', 'manage', 'export'],
  // Leadership sees everything and changes nothing.
  LEADERSHIP: ['export'],
  SPONSOR_OFFICER: ['submit'],
  RECIPIENT_OFFICER: ['submit'],
};

/** Whether a role has a permission. */
export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission);
}

/** The side of every pair an officer acts for (`undefined` for administrators and leadership). */
export function sideOfRole(role: Role): Side | undefined {
  return role === 'SPONSOR_OFFICER' ? 'sponsor' : role === 'RECIPIENT_OFFICER' ? 'recipient' : undefined;
}

/** Whether a pair with these two units is in the scope. */
export function pairInScope(
  scope: Scope,
  pair: { readonly sponsorId: string; readonly recipientId: string },
): boolean {
  if (scope.kind === 'all') return true;
  return scope.unitIds.includes(scope.side === 'sponsor' ? pair.sponsorId : pair.recipientId);
}

/**
 * Whether an actor may submit as `side` on a pair: an officer of that side whose scope holds the pair. Nobody
 * else submits a unit's documents (administrators act through their own actions).
 */
export function maySubmit(
  actor: Actor,
  side: Side,
  pair: { readonly sponsorId: string; readonly recipientId: string },
): boolean {
  return can(actor.role, 'submit') && sideOfRole(actor.role) === side && pairInScope(actor.scope, pair);
}
