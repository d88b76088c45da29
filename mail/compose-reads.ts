/**
 * What composing a cycle's message reads, each in one plain statement on the pool (`db/plain-sql.ts`): the
 * cycle with its pair, both units and their contacts, the obligation's row and O3's signatures; and the standing
 * recipients' addresses. Every reminder and escalation reads them, and through Prisma's `include` the cycle
 * alone was seven compiled queries, which made the worker's CPU, not SMTP, what bounds a burst (BENCHMARKS.md,
 * B2).
 */
import { plainSqlOf } from '../db/plain-sql';
import type { ObligationId } from '../domain/cycle/types';
import type { ContactAddress } from '../domain/mail';
import { Prisma, type PrismaClient } from '../generated/prisma';

/** A unit as a message names and addresses it. */
export interface ComposeUnit {
  readonly code: string;
  readonly name: string;
  /** The role is the `ContactRole` enum's value, as the database holds it. */
  readonly contacts: readonly ContactAddress[];
}

/** The cycle of a ledger row, as its message needs it. */
export interface ComposeCycle {
  readonly workflowId: string;
  readonly year: number;
  readonly pair: { readonly code: string; readonly sponsor: ComposeUnit; readonly recipient: ComposeUnit };
  /** The obligation's row in the read model, if written. */
  readonly state: {
    readonly status: string;
    readonly effectiveDue: Date;
    readonly statutoryDue: Date;
  } | null;
  /** The sides that have signed O3 (DB values). */
  readonly o3Signatures: ReadonlyArray<{ readonly side: string }>;
}

interface CycleRow {
  readonly workflowId: string;
  readonly year: number;
  readonly pair: ComposeCycle['pair'];
  readonly status: string | null;
  readonly effectiveDue: Date | null;
  readonly statutoryDue: Date | null;
  readonly o3Sides: string[];
}

/** A unit of the pair `p` with its contacts as JSON, in the table's order (as `include` gave them). */
function unitJson(column: 'sponsorId' | 'recipientId'): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('code', u.code, 'name', u.name, 'contacts',
      COALESCE((SELECT json_agg(json_build_object(
          'email', ct.email, 'role', ct.role, 'bounced', ct."bouncedAt" IS NOT NULL))
        FROM "Contact" ct WHERE ct."unitId" = u.id), '[]'::json))
    FROM "Unit" u WHERE u.id = p.${Prisma.raw(`"${column}"`)})`;
}

/** The cycle `cycleId` with what the message of its `obligation` needs, or undefined when it is gone. */
export async function loadComposeCycle(
  prisma: PrismaClient,
  cycleId: string,
  obligation: ObligationId,
): Promise<ComposeCycle | undefined> {
  const [row] = await plainSqlOf(prisma).rows<CycleRow>(Prisma.sql`
    SELECT c."workflowId", c.year,
      json_build_object('code', p.code, 'sponsor', ${unitJson('sponsorId')},
        'recipient', ${unitJson('recipientId')}) AS pair,
      o.status::text AS status, o."effectiveDue", o."statutoryDue",
      ARRAY(SELECT s.side::text FROM "Submission" s WHERE s."cycleId" = c.id AND s.obligation = 'O3')
        AS "o3Sides"
    FROM "Cycle" c
    JOIN "Pair" p ON p.id = c."pairId"
    LEFT JOIN "CycleObligation" o ON o."cycleId" = c.id AND o.obligation = ${obligation}::"Obligation"
    WHERE c.id = ${cycleId}`);
  if (!row) return undefined;
  return {
    workflowId: row.workflowId,
    year: row.year,
    pair: row.pair,
    state:
      row.status !== null && row.effectiveDue !== null && row.statutoryDue !== null
        ? { status: row.status, effectiveDue: row.effectiveDue, statutoryDue: row.statutoryDue }
        : null,
    o3Signatures: row.o3Sides.map((side) => ({ side })),
  };
}

/** The e-mail and role of every administrator and leadership user (by e-mail), and every bounced address. */
export async function loadStandingAddresses(prisma: PrismaClient): Promise<{
  users: ReadonlyArray<{ email: string; role: string }>;
  bounced: readonly string[];
}> {
  const [row] = await plainSqlOf(prisma).rows<{
    users: Array<{ email: string; role: string }>;
    bounced: string[];
  }>(Prisma.sql`
    SELECT
      COALESCE((SELECT json_agg(json_build_object('email', u.email, 'role', u.role) ORDER BY u.email)
        FROM "User" u WHERE u.role IN ('ADMIN', 'LEADERSHIP')), '[]'::json) AS users,
      ARRAY(SELECT ct.email FROM "Contact" ct WHERE ct."bouncedAt" IS NOT NULL) AS bounced`);
  return { users: row?.users ?? [], bounced: row?.bounced ?? [] };
}
