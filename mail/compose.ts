/**
 * Composing the message of a ledger row from the database at the moment of sending: the roster (contacts not
 * flagged bounced), the read model (due dates, O3 signatures) and the year's calendar (escalation dates). The
 * texts and the recipient rules themselves are pure (`domain/mail/`); this module only reads what they need.
 */
import { ApplicationFailure } from '@temporalio/common';
import { escalations } from '../domain/calendar/deadlines';
import { dayEndingAt, toLocalDate } from '../domain/calendar/time';
import {
  isOwed,
  obligationStatusFromDb,
  owingParties,
  SIDE_TO_DB,
  type ObligationId,
  type Party,
  type Side,
} from '../domain/cycle/types';
import {
  normaliseAddress,
  renderObligationMail,
  renderTestMail,
  resolveRecipients,
  type ResponsibleUnit,
} from '../domain/mail';
import { NOTIFICATION_NOT_FOUND } from '../domain/mail/failure-types';
import type { PrismaClient } from '../generated/prisma';
import { loadYearCalendar } from '../services/calendar-store';
import { loadComposeCycle, loadStandingAddresses } from './compose-reads';
import type { Composer, MailDeliveryConfig } from './deliver';
import { smtpServerName } from './transport';

/** Ban Dân tộc and leadership addresses: users with role ADMIN / LEADERSHIP plus the configured lists. */
export async function standingRecipients(
  prisma: PrismaClient,
  config: MailDeliveryConfig,
): Promise<{ coordinator: string[]; leadership: string[] }> {
  const { users, bounced: addresses } = await loadStandingAddresses(prisma);
  const bounced = new Set(addresses.map(normaliseAddress));
  const live = (list: readonly string[]): string[] => list.filter((a) => !bounced.has(normaliseAddress(a)));
  return {
    coordinator: live([
      ...users.filter((u) => u.role === 'ADMIN').map((u) => u.email),
      ...config.mail.coordinatorEmails,
    ]),
    leadership: live([
      ...users.filter((u) => u.role === 'LEADERSHIP').map((u) => u.email),
      ...config.mail.leadershipEmails,
    ]),
  };
}

/**
 * Who still owes `obligation` by the read model, given the cycle's O3 signatures (its submissions of O3).
 * Signatures narrow only O3: a unit that signed the programme still owes, say, its late needs proposal.
 */
export function owedByReadModel(
  obligation: ObligationId,
  o3Signatures: ReadonlyArray<{ readonly side: string }>,
): readonly Party[] {
  const signed = (['sponsor', 'recipient'] as const).filter((side: Side) =>
    o3Signatures.some((s) => s.side === SIDE_TO_DB[side]),
  );
  return owingParties(obligation, obligation === 'O3' ? signed : []);
}

/** The pair's unit that is `party`; undefined for the coordinator (Ban Dân tộc is no unit of the pair). */
export function unitOfParty<U>(
  pair: { readonly sponsor: U; readonly recipient: U },
  party: Party,
): U | undefined {
  return party === 'sponsor' ? pair.sponsor : party === 'recipient' ? pair.recipient : undefined;
}

/** The link to a pair's page on the web server (the page of the pair's cycle in `year`). */
function pairPageUrl(publicBaseUrl: string, pairCode: string, year: number): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/pairs/${encodeURIComponent(pairCode)}?year=${year}`;
}

/**
 * Composes reminders, progress reminders, escalations and the test message from the database. `parties` is
 * who still owes the obligation as the machine saw it; without it (ledger rows written before the machine
 * named them) it is read from the read model.
 */
export function obligationComposer(
  deps: { readonly prisma: PrismaClient; readonly config: MailDeliveryConfig },
  parties?: readonly Party[],
): Composer {
  const { prisma, config } = deps;
  return async (row, now) => {
    if (row.kind === 'TEST') {
      const mail = renderTestMail(
        { idempotencyKey: row.idempotencyKey, at: now, server: smtpServerName(config.smtp.url) },
        config.lang,
      );
      return { kind: 'send', mail, recipients: { to: [...row.recipients], cc: [], skippedBounced: [] } };
    }
    if (!row.cycleId || !row.obligation)
      throw ApplicationFailure.nonRetryable(
        `ledger row ${row.idempotencyKey} has no cycle`,
        NOTIFICATION_NOT_FOUND,
      );
    const cycle = await loadComposeCycle(prisma, row.cycleId, row.obligation);
    if (!cycle)
      throw ApplicationFailure.nonRetryable(
        `the cycle of ${row.idempotencyKey} is gone`,
        NOTIFICATION_NOT_FOUND,
      );
    const obligation: ObligationId = row.obligation;
    const state = cycle.state;
    // A reminder delayed by SMTP trouble must not chase an obligation that is no longer owed (met, waived, not
    // applicable). Quarterly progress reminders are periodic: they ask for the next entries whatever O4's
    // status, so they always go.
    if (row.kind !== 'PROGRESS_REMINDER' && state && !isOwed(obligationStatusFromDb(state.status)))
      return { kind: 'skip', reason: `${obligation} is ${state.status}` };
    const owing = parties ?? owedByReadModel(obligation, cycle.o3Signatures);
    const { pair } = cycle;
    const standing = await standingRecipients(prisma, config);
    const responsible = owing.flatMap((p): ResponsibleUnit[] => {
      const unit = unitOfParty(pair, p);
      return unit
        ? [
            {
              code: unit.code,
              name: unit.name,
              contacts: unit.contacts,
            },
          ]
        : [];
    });
    const kind =
      row.kind === 'ESCALATION'
        ? 'escalation'
        : row.kind === 'PROGRESS_REMINDER'
          ? 'progressReminder'
          : 'reminder';
    const recipients = resolveRecipients({
      kind,
      ...(row.level !== null ? { level: row.level } : {}),
      responsible,
      coordinatorOwes: owing.includes('coordinator'),
      coordinator: standing.coordinator,
      leadership: standing.leadership,
    });
    const dueEnd = row.dueAt ?? state?.effectiveDue;
    const dueDate = dueEnd ? dayEndingAt(dueEnd) : toLocalDate(now);
    const statutoryDue = state ? dayEndingAt(state.statutoryDue) : undefined;
    let escalationDates: { 1?: string; 2?: string } | undefined;
    try {
      const year = await loadYearCalendar(prisma, cycle.year);
      const list = escalations(dueDate, year.settings, year.calendar);
      escalationDates = Object.fromEntries(list.map((e) => [e.level, e.date]));
    } catch {
      // Invalid stored settings must not stop a reminder: the text then names no escalation dates.
      escalationDates = undefined;
    }
    const mail = renderObligationMail(
      {
        kind,
        ...(row.level !== null ? { level: row.level } : {}),
        idempotencyKey: row.idempotencyKey,
        workflowId: cycle.workflowId,
        obligation,
        pairCode: pair.code,
        year: cycle.year,
        sponsorName: pair.sponsor.name,
        recipientName: pair.recipient.name,
        owing: owing.map((p) => ({ party: p, name: unitOfParty(pair, p)?.name ?? '' })),
        dueDate,
        ...(statutoryDue ? { statutoryDue } : {}),
        ...(escalationDates ? { escalationDates } : {}),
        now,
        pairUrl: pairPageUrl(config.web.publicBaseUrl, pair.code, cycle.year),
      },
      config.lang,
    );
    return { kind: 'send', mail, recipients };
  };
}
