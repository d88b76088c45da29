/** Reads the roster back for display (`twinning roster list`) and for the web. */
import type { PrismaClient } from '../generated/prisma';
import type { UnitKind } from '../domain/units';

/** A unit as listed. */
export interface ListedUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent: string | null;
  readonly border: boolean;
  /** The staff count of the latest year recorded, with that year; null when none. */
  readonly staff: number | null;
  readonly staffYear: number | null;
  readonly emails: readonly {
    readonly email: string;
    readonly role: 'HEAD' | 'OFFICER';
    readonly bounced: boolean;
  }[];
  /** First and last day the unit exists (`yyyy-mm-dd`), null when open. */
  readonly from: string | null;
  readonly to: string | null;
  /** The code of the unit it was merged into. */
  readonly successor: string | null;
}

/** A pair as listed; dates are `yyyy-mm-dd`. */
export interface ListedPair {
  readonly code: string;
  readonly sponsor: string;
  readonly sponsorName: string;
  readonly recipient: string;
  readonly recipientName: string;
  readonly from: string;
  readonly to: string | null;
  readonly status: 'ACTIVE' | 'DISSOLVED' | 'REPAIRED';
  /** The communes a pair with a mountain district covers (empty: all of them). */
  readonly communes: readonly string[];
  /** The code of the pair this one continues (after a merger or a re-pairing). */
  readonly predecessor: string | null;
}

/** The whole roster. */
export interface ListedRoster {
  readonly units: readonly ListedUnit[];
  readonly pairs: readonly ListedPair[];
}

const KIND_ORDER: Readonly<Record<UnitKind, number>> = {
  DEPARTMENT: 0,
  LOWLAND_DISTRICT: 1,
  LOWLAND_COMMUNE: 2,
  MOUNTAIN_DISTRICT: 3,
  COMMUNE: 4,
};

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Every stored unit's kind by code: what a roster file may name as a successor besides its own rows. */
export async function storedUnitKinds(prisma: PrismaClient): Promise<Map<string, UnitKind>> {
  const units = await prisma.unit.findMany({ select: { code: true, kind: true } });
  return new Map(units.map((u) => [u.code, u.kind]));
}

/** Lists units (sponsors first, then recipients, each by code) and pairs (by code). */
export async function listRoster(prisma: PrismaClient): Promise<ListedRoster> {
  const units = await prisma.unit.findMany({
    include: {
      parent: { select: { code: true } },
      successor: { select: { code: true } },
      staff: { orderBy: { year: 'desc' }, take: 1 },
      contacts: { orderBy: [{ role: 'desc' }, { email: 'asc' }] },
    },
    orderBy: { code: 'asc' },
  });
  const pairs = await prisma.pair.findMany({
    include: {
      sponsor: { select: { code: true, name: true } },
      recipient: { select: { code: true, name: true } },
      predecessor: { select: { code: true } },
    },
    orderBy: { code: 'asc' },
  });
  return {
    units: units
      .map(
        (u): ListedUnit => ({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parent: u.parent?.code ?? null,
          border: u.border,
          staff: u.staff[0]?.staff ?? null,
          staffYear: u.staff[0]?.year ?? null,
          emails: u.contacts.map((c) => ({ email: c.email, role: c.role, bounced: c.bouncedAt !== null })),
          from: u.validFrom ? isoDay(u.validFrom) : null,
          to: u.validTo ? isoDay(u.validTo) : null,
          successor: u.successor?.code ?? null,
        }),
      )
      .sort(
        (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      ),
    pairs: pairs.map(
      (p): ListedPair => ({
        code: p.code,
        sponsor: p.sponsor.code,
        sponsorName: p.sponsor.name,
        recipient: p.recipient.code,
        recipientName: p.recipient.name,
        from: isoDay(p.validFrom),
        to: p.validTo ? isoDay(p.validTo) : null,
        status: p.status,
        communes: p.communes,
        predecessor: p.predecessor?.code ?? null,
      }),
    ),
  };
}
