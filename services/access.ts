/**
 * The scope of a signed-in user, resolved from the roster, and the Prisma filters that apply it: every query the
 * dashboard and its API run goes through these, so a user never reads a pair outside its scope, whatever the URL.
 */
import { sideOfRole, type Actor, type Role, type Scope } from '../domain/access';
import type { Prisma, PrismaClient } from '../generated/prisma';

/** The user fields the scope depends on. */
export interface ScopedUser {
  readonly id: string;
  readonly role: Role;
  readonly unitId: string | null;
}

/**
 * The actor of a user: administrators and leadership see all; an officer its own unit's pairs on its side; a
 * recipient officer of a mountain district also the pairs of the district's communes. An officer without a unit
 * sees nothing.
 */
export async function actorOf(prisma: Pick<PrismaClient, 'unit'>, user: ScopedUser): Promise<Actor> {
  const communes =
    sideOfRole(user.role) === 'recipient' && user.unitId !== null
      ? await prisma.unit.findMany({
          where: { parentId: user.unitId, kind: 'COMMUNE' },
          select: { id: true },
        })
      : [];
  return actorWithCommunes(
    user,
    communes.map((c) => c.id),
  );
}

/**
 * {@link actorOf} when the communes of the user's unit are already known (`sessionWithUser` reads them with the
 * session and its user, in the one statement of each web request before its own); ignored unless the user is a
 * recipient officer.
 */
export function actorWithCommunes(user: ScopedUser, communeIds: readonly string[]): Actor {
  const side = sideOfRole(user.role);
  if (side === undefined) return { userId: user.id, role: user.role, scope: { kind: 'all' } };
  if (user.unitId === null)
    return { userId: user.id, role: user.role, scope: { kind: 'units', side, unitIds: [] } };
  const unitIds = side === 'recipient' ? [user.unitId, ...communeIds] : [user.unitId];
  return { userId: user.id, role: user.role, scope: { kind: 'units', side, unitIds } };
}

/** The filter of the pairs a scope shows. */
export function pairWhere(scope: Scope): Prisma.PairWhereInput {
  if (scope.kind === 'all') return {};
  const ids = { in: [...scope.unitIds] };
  return scope.side === 'sponsor' ? { sponsorId: ids } : { recipientId: ids };
}

/** The filter of the cycles a scope shows. */
export function cycleWhere(scope: Scope): Prisma.CycleWhereInput {
  return scope.kind === 'all' ? {} : { pair: pairWhere(scope) };
}

/** A pair by its code, only when it is in the scope (so an out-of-scope pair looks exactly like an unknown one). */
export function findPairInScope(
  prisma: Pick<PrismaClient, 'pair'>,
  scope: Scope,
  code: string,
): Promise<{ id: string; code: string; sponsorId: string; recipientId: string } | null> {
  return prisma.pair.findFirst({
    where: { AND: [{ code }, pairWhere(scope)] },
    select: { id: true, code: true, sponsorId: true, recipientId: true },
  });
}

/**
 * A unit by its code, only when it is the scope's own (administrators and leadership: every unit; an officer its
 * own unit, a district's officer also its communes), so another unit looks exactly like an unknown one.
 */
export async function findUnitInScope(
  prisma: Pick<PrismaClient, 'unit'>,
  scope: Scope,
  code: string,
): Promise<{ id: string; code: string } | null> {
  const unit = await prisma.unit.findUnique({ where: { code }, select: { id: true, code: true } });
  if (!unit || (scope.kind !== 'all' && !scope.unitIds.includes(unit.id))) return null;
  return unit;
}
