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

/** Lists units (sponsors first, then recipients, each by code) and pairs (by code). */
export async function listRoster(prisma: PrismaClient): Promise<ListedRoster> {
  const units = await prisma.unit.findMany({
    include: {
      parent: { select: { code: true } },
      staff: { orderBy: { year: 'desc' }, take: 1 },
      contacts: { orderBy: [{ role: 'desc' }, { email: 'asc' }] },
    },
    orderBy: { code: 'asc' },
  });
  const pairs = await prisma.pair.findMany({
    include: {
      sponsor: { select: { code: true, name: true } },
      recipient: { select: { code: true, name: true } },
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
        from: p.validFrom.toISOString().slice(0, 10),
        to: p.validTo ? p.validTo.toISOString().slice(0, 10) : null,
        status: p.status,
      }),
    ),
  };
}
