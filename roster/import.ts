/**
 * Writes a valid roster to the database: units, their staff count for one year, their contacts and the
 * pairs, matched by code. All in one transaction, so a failure leaves the database as it was.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { Prisma, PrismaClient } from '../generated/prisma';
import {
  countChanges,
  planRosterImport,
  type ChangeCounts,
  type PairPlan,
  type PairSnapshot,
  type RosterContact,
  type RosterFile,
  type RosterUnit,
  type StoredPair,
  type StoredUnit,
  type UnitPlan,
  type UnitSnapshot,
} from '../domain/roster';

/** Options of {@link importRoster}. */
export interface ImportRosterOptions {
  /** Compute the summary without writing anything. */
  readonly dryRun?: boolean;
  /** The year the staff counts are recorded for (default: the current year in Asia/Ho_Chi_Minh). */
  readonly staffYear?: number;
  /** Who imports, for the audit trail (e.g. `cli:lan`). */
  readonly actor?: string;
  /** Called as rows are written: `done` of `total` units and pairs. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The current time, for the default staff year; tests pass a fixed one. */
  readonly now?: Date;
  /** Maximum duration of the transaction in milliseconds (default 10 minutes, for large files). */
  readonly timeoutMs?: number;
  /** Also return every change field by field and the plan's fingerprint (a report read before confirming). */
  readonly details?: boolean;
  /**
   * Write only if the plan has this fingerprint (the one a dry run showed): otherwise nothing is written and
   * {@link RosterPlanChangedError} is thrown, because the database changed since and the import would do
   * something else than what was shown.
   */
  readonly expectFingerprint?: string;
}

/** One unit or pair an import creates or changes, field by field (a dry-run report a person reads). */
export interface RosterChange {
  readonly table: 'units' | 'pairs';
  readonly code: string;
  readonly action: 'create' | 'update';
  /**
   * The last day the change gives it when it had none or a later one (`yyyy-mm-dd`): the unit or pair ends
   * then. Null otherwise.
   */
  readonly ends: string | null;
  /** An update: what differs, before and after; a creation: every field with a value (before null). */
  readonly fields: readonly {
    readonly field: string;
    readonly before: string | null;
    readonly after: string | null;
  }[];
}

/** The plan of an import is not the one expected (see {@link ImportRosterOptions.expectFingerprint}). */
export class RosterPlanChangedError extends Error {
  constructor() {
    super('roster import: the plan differs from the expected one');
    this.name = 'RosterPlanChangedError';
  }
}

/** The outcome of an import: counts and the codes concerned. */
export interface ImportRosterSummary {
  readonly dryRun: boolean;
  readonly staffYear: number;
  readonly units: ChangeCounts;
  readonly pairs: ChangeCounts;
  readonly created: { readonly units: readonly string[]; readonly pairs: readonly string[] };
  readonly updated: { readonly units: readonly string[]; readonly pairs: readonly string[] };
  /** With `details`: every creation and update, units first, in the file's order. */
  readonly changes?: readonly RosterChange[];
  /** With `details` or `expectFingerprint`: the SHA-256 of the plan's creations and updates and the staff year. */
  readonly fingerprint?: string;
}

/** The year of `now` in Vietnam (UTC+7): on 31 December after 17:00 UTC it is already next year there. */
export function currentYearInVietnam(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now));
}

// Large enough to keep round trips few, small enough to stay far below PostgreSQL's 65,535 bind parameters.
const CHUNK = 500;

/**
 * The advisory lock every change of the roster takes for its transaction (an import, a merger): two at once
 * could both decide to create the same code.
 */
export const ROSTER_LOCK = 74_112_025;

type Tx = Prisma.TransactionClient;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Reads what is stored, in the roster's terms. */
async function loadStored(tx: Tx, staffYear: number): Promise<{ units: StoredUnit[]; pairs: StoredPair[] }> {
  // The whole roster is a few hundred units: reading it all is simpler and faster than `IN` lists of codes.
  const rows = await tx.unit.findMany({
    include: {
      parent: { select: { code: true } },
      successor: { select: { code: true } },
      staff: { where: { year: staffYear } },
      contacts: { select: { email: true, role: true } },
    },
  });
  const units = rows.map(
    (u): StoredUnit => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      parent: u.parent?.code ?? null,
      border: u.border,
      staff: u.staff[0]?.staff ?? null,
      contacts: u.contacts.map((c): RosterContact => ({ email: c.email, role: c.role })),
      from: u.validFrom ? toIso(u.validFrom) : null,
      to: u.validTo ? toIso(u.validTo) : null,
      successor: u.successor?.code ?? null,
    }),
  );
  const pairRows = await tx.pair.findMany({
    include: { sponsor: { select: { code: true } }, recipient: { select: { code: true } } },
  });
  const pairs = pairRows.map(
    (p): StoredPair => ({
      id: p.id,
      code: p.code,
      sponsor: p.sponsor.code,
      recipient: p.recipient.code,
      from: toIso(p.validFrom),
      to: p.validTo ? toIso(p.validTo) : null,
      communes: p.communes,
    }),
  );
  return { units, pairs };
}

/**
 * Imports a validated roster. Units and pairs are matched by code: new ones are created, changed ones
 * updated, identical ones not touched at all (so re-importing the same file changes nothing, not even
 * `updatedAt`). Every created or updated unit and pair gets an audit event, and every created or changed
 * pair a history row. With `dryRun` the same summary is computed and nothing is written.
 */
export async function importRoster(
  prisma: PrismaClient,
  roster: RosterFile,
  options: ImportRosterOptions = {},
): Promise<ImportRosterSummary> {
  const staffYear = options.staffYear ?? currentYearInVietnam(options.now);
  const actor = options.actor ?? 'roster-import';
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ROSTER_LOCK})`);
      const stored = await loadStored(tx, staffYear);
      const plan = planRosterImport(stored, roster);
      const wantsFingerprint = options.details === true || options.expectFingerprint !== undefined;
      const fingerprint = wantsFingerprint ? planFingerprint(plan.units, plan.pairs, staffYear) : undefined;
      if (options.expectFingerprint !== undefined && fingerprint !== options.expectFingerprint)
        throw new RosterPlanChangedError();
      if (!options.dryRun) {
        const total = roster.units.length + roster.pairs.length;
        let done = 0;
        const progress = (n: number) => {
          done += n;
          options.onProgress?.(done, total);
        };
        const ids = await writeUnits(tx, plan.units, stored.units, staffYear, actor, progress);
        await writePairs(tx, plan.pairs, ids, actor, progress);
      }
      const codes = (plans: readonly (UnitPlan | PairPlan)[], action: 'create' | 'update') =>
        plans.filter((p) => p.action === action).map((p) => ('unit' in p ? p.unit.code : p.pair.code));
      return {
        dryRun: options.dryRun ?? false,
        staffYear,
        units: countChanges(plan.units),
        pairs: countChanges(plan.pairs),
        created: { units: codes(plan.units, 'create'), pairs: codes(plan.pairs, 'create') },
        updated: { units: codes(plan.units, 'update'), pairs: codes(plan.pairs, 'update') },
        ...(options.details ? { changes: describeChanges(plan.units, plan.pairs) } : {}),
        ...(fingerprint !== undefined ? { fingerprint } : {}),
      };
    },
    { timeout: options.timeoutMs ?? 10 * 60 * 1000, maxWait: 60 * 1000 },
  );
}

/** The creations and updates of a plan (what it would write), in order. */
function planWrites(
  units: readonly UnitPlan[],
  pairs: readonly PairPlan[],
): {
  table: 'units' | 'pairs';
  action: 'create' | 'update';
  before: UnitSnapshot | PairSnapshot | null;
  after: UnitSnapshot | PairSnapshot;
}[] {
  const writes = (table: 'units' | 'pairs', plans: readonly (UnitPlan | PairPlan)[]) =>
    plans.flatMap((p) =>
      p.action === 'unchanged'
        ? []
        : [{ table, action: p.action, before: p.action === 'update' ? p.before : null, after: p.after }],
    );
  return [...writes('units', units), ...writes('pairs', pairs)];
}

/** The SHA-256 of what a plan writes: two plans with the same fingerprint write the same rows. */
function planFingerprint(units: readonly UnitPlan[], pairs: readonly PairPlan[], staffYear: number): string {
  return createHash('sha256')
    .update(JSON.stringify({ staffYear, writes: planWrites(units, pairs) }))
    .digest('hex');
}

/** A snapshot field as text: lists joined by `; `, contacts with their `head:` mark, nothing as null. */
function fieldText(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'contacts')
    return (value as readonly RosterContact[])
      .map((c) => (c.role === 'HEAD' ? `head:${c.email}` : c.email))
      .join('; ');
  if (Array.isArray(value)) return value.length === 0 ? null : value.join('; ');
  return String(value as string | number | boolean);
}

function describeChanges(units: readonly UnitPlan[], pairs: readonly PairPlan[]): RosterChange[] {
  return planWrites(units, pairs).map(({ table, action, before, after }) => {
    const old = before as Readonly<Record<string, unknown>> | null;
    const now = after as unknown as Readonly<Record<string, unknown>>;
    const fields = Object.keys(now)
      .filter((field) => field !== 'code')
      .map((field) => ({
        field,
        before: old === null ? null : fieldText(field, old[field]),
        after: fieldText(field, now[field]),
      }))
      .filter((f) => f.before !== f.after);
    const ends =
      before !== null && after.to !== null && (before.to === null || after.to < before.to) ? after.to : null;
    return { table, code: after.code, action, ends, fields };
  });
}

/** Writes the units; returns the id of every unit code of the roster and of the database. */
async function writeUnits(
  tx: Tx,
  plans: readonly UnitPlan[],
  stored: readonly StoredUnit[],
  staffYear: number,
  actor: string,
  progress: (n: number) => void,
): Promise<Map<string, string>> {
  const ids = new Map(stored.map((u) => [u.code, u.id]));
  const created = plans.filter((p): p is Extract<UnitPlan, { action: 'create' }> => p.action === 'create');
  for (const plan of created) ids.set(plan.unit.code, randomUUID());
  const idOf = (code: string): string => ids.get(code)!;
  const idOrNull = (code: string | null) => (code === null ? null : idOf(code));
  const dateOf = (iso: string | null) => (iso === null ? null : toDate(iso));
  // The columns of a unit the file controls; the successor is linked apart on creation (see below).
  const fields = (unit: RosterUnit) => ({
    name: unit.name,
    kind: unit.kind,
    border: unit.border,
    parentId: idOrNull(unit.parent),
    validFrom: dateOf(unit.from),
    validTo: dateOf(unit.to),
  });

  // Parents first: a commune's parent is a mountain district, which has no parent itself, so two rounds
  // (units without a parent, then communes) satisfy the foreign key without a second write per unit.
  const rounds = [
    created.filter((p) => p.unit.parent === null),
    created.filter((p) => p.unit.parent !== null),
  ];
  for (const round of rounds) {
    for (const chunk of chunks(round)) {
      await tx.unit.createMany({
        data: chunk.map(({ unit }) => ({ id: idOf(unit.code), code: unit.code, ...fields(unit) })),
      });
      const staff = chunk.filter(({ unit }) => unit.staff !== null);
      if (staff.length > 0) {
        await tx.unitStaff.createMany({
          data: staff.map(({ unit }) => ({ unitId: idOf(unit.code), year: staffYear, staff: unit.staff! })),
        });
      }
      const contacts = chunk.flatMap(({ unit }) =>
        unit.contacts.map((c) => ({ unitId: idOf(unit.code), email: c.email, role: c.role })),
      );
      if (contacts.length > 0) await tx.contact.createMany({ data: contacts });
      await tx.auditEvent.createMany({
        data: chunk.map(({ unit, after }) => ({
          actor,
          action: 'roster.unit.create',
          entityType: 'Unit',
          entityId: idOf(unit.code),
          after: { ...after, staffYear } as unknown as Prisma.InputJsonValue,
        })),
      });
      progress(chunk.length);
    }
  }
  // A successor may be created in the same file, in a later chunk or round, or merged into in a chain: linked
  // once every new unit exists, so no order of creation has to satisfy the foreign key.
  for (const { unit } of created) {
    if (unit.successor === null) continue;
    await tx.unit.update({ where: { id: idOf(unit.code) }, data: { successorId: idOf(unit.successor) } });
  }

  for (const plan of plans) {
    if (plan.action === 'create') continue;
    if (plan.action === 'unchanged') {
      progress(1);
      continue;
    }
    const { unit, stored: old, changed } = plan;
    // Only the parts that differ are written, so `updatedAt` moves only when the unit itself changed.
    if (changed.fields) {
      await tx.unit.update({
        where: { id: old.id },
        data: { ...fields(unit), successorId: idOrNull(unit.successor) },
      });
    }
    if (changed.staff && unit.staff !== null) {
      await tx.unitStaff.upsert({
        where: { unitId_year: { unitId: old.id, year: staffYear } },
        create: { unitId: old.id, year: staffYear, staff: unit.staff },
        update: { staff: unit.staff },
      });
    }
    if (changed.contacts) await syncContacts(tx, old, unit.contacts);
    await tx.auditEvent.create({
      data: {
        actor,
        action: 'roster.unit.update',
        entityType: 'Unit',
        entityId: old.id,
        before: { ...plan.before, staffYear } as unknown as Prisma.InputJsonValue,
        after: { ...plan.after, staffYear } as unknown as Prisma.InputJsonValue,
      },
    });
    progress(1);
  }
  return ids;
}

/**
 * Makes a unit's contacts those of the file. Addresses that stay keep their row, so a recorded bounce is
 * not forgotten because the roster was re-imported; addresses no longer listed are removed.
 */
async function syncContacts(tx: Tx, unit: StoredUnit, wanted: readonly RosterContact[]): Promise<void> {
  const keep = new Set(wanted.map((c) => c.email));
  const gone = unit.contacts.filter((c) => !keep.has(c.email)).map((c) => c.email);
  if (gone.length > 0) await tx.contact.deleteMany({ where: { unitId: unit.id, email: { in: gone } } });
  const current = new Map(unit.contacts.map((c) => [c.email, c.role]));
  for (const contact of wanted) {
    const role = current.get(contact.email);
    if (role === undefined) {
      await tx.contact.create({ data: { unitId: unit.id, email: contact.email, role: contact.role } });
    } else if (role !== contact.role) {
      await tx.contact.update({
        where: { unitId_email: { unitId: unit.id, email: contact.email } },
        data: { role: contact.role },
      });
    }
  }
}

async function writePairs(
  tx: Tx,
  plans: readonly PairPlan[],
  unitIds: ReadonlyMap<string, string>,
  actor: string,
  progress: (n: number) => void,
): Promise<void> {
  const idOf = (code: string): string => unitIds.get(code)!;
  const created = plans.filter((p): p is Extract<PairPlan, { action: 'create' }> => p.action === 'create');
  for (const chunk of chunks(created)) {
    const rows = chunk.map(({ pair, after }) => ({ id: randomUUID(), pair, after }));
    await tx.pair.createMany({
      data: rows.map(({ id, pair }) => ({
        id,
        code: pair.code,
        sponsorId: idOf(pair.sponsor),
        recipientId: idOf(pair.recipient),
        validFrom: toDate(pair.from),
        validTo: pair.to === null ? null : toDate(pair.to),
        communes: [...pair.communes],
      })),
    });
    await tx.pairHistory.createMany({
      data: rows.map(({ id, after }) => ({
        pairId: id,
        action: 'created',
        reason: 'roster import',
        after: after as unknown as Prisma.InputJsonValue,
      })),
    });
    await tx.auditEvent.createMany({
      data: rows.map(({ id, after }) => ({
        actor,
        action: 'roster.pair.create',
        entityType: 'Pair',
        entityId: id,
        after: after as unknown as Prisma.InputJsonValue,
      })),
    });
    progress(chunk.length);
  }

  for (const plan of plans) {
    if (plan.action === 'create') continue;
    if (plan.action === 'update') {
      const { pair, stored, before, after } = plan;
      await tx.pair.update({
        where: { id: stored.id },
        data: {
          sponsorId: idOf(pair.sponsor),
          recipientId: idOf(pair.recipient),
          validFrom: toDate(pair.from),
          validTo: pair.to === null ? null : toDate(pair.to),
          communes: [...pair.communes],
        },
      });
      const json = {
        before: before as unknown as Prisma.InputJsonValue,
        after: after as unknown as Prisma.InputJsonValue,
      };
      await tx.pairHistory.create({
        data: { pairId: stored.id, action: 'changed', reason: 'roster import', ...json },
      });
      await tx.auditEvent.create({
        data: { actor, action: 'roster.pair.update', entityType: 'Pair', entityId: stored.id, ...json },
      });
    }
    progress(1);
  }
}
