/**
 * Who receives which message, from roster data (pure). Reminders go to the responsible unit's officers;
 * level 1 escalations add the unit's head and Ban Dân tộc; level 2 adds the provincial leadership; the digest
 * goes to the leadership with Ban Dân tộc in copy. Addresses that bounced permanently are left out.
 */

/** A unit's contact address as the roster holds it. */
export interface ContactAddress {
  readonly email: string;
  readonly role: 'OFFICER' | 'HEAD';
  /** Set when the address bounced permanently; such an address is skipped until an administrator clears it. */
  readonly bounced: boolean;
}

/** A unit that owes the obligation, with its addresses. */
export interface ResponsibleUnit {
  readonly code: string;
  readonly name: string;
  readonly contacts: readonly ContactAddress[];
}

/** What decides the recipients of one message. */
export interface RecipientInput {
  readonly kind: 'reminder' | 'progressReminder' | 'escalation' | 'digest' | 'test';
  readonly level?: number;
  /** The units that still owe the obligation (empty for the digest and the test message). */
  readonly responsible: readonly ResponsibleUnit[];
  /** Whether Ban Dân tộc itself owes it (O7): it is then addressed directly. */
  readonly coordinatorOwes?: boolean;
  /** Ban Dân tộc's addresses. */
  readonly coordinator: readonly string[];
  /** The provincial leadership's addresses (UBND tỉnh). */
  readonly leadership: readonly string[];
  /** For the test message: the address typed by the operator. */
  readonly testAddress?: string;
}

/** The envelope of one message. */
export interface ResolvedRecipients {
  readonly to: string[];
  readonly cc: string[];
  /** Addresses left out because they bounced before. */
  readonly skippedBounced: string[];
}

/** Lower-cased, trimmed address: the form addresses are compared in. */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

function unitAddresses(
  unit: ResponsibleUnit,
  roles: ReadonlyArray<'OFFICER' | 'HEAD'>,
  skipped: string[],
): string[] {
  const live = unit.contacts.filter((c) => {
    if (c.bounced) skipped.push(c.email);
    return !c.bounced;
  });
  const chosen = live.filter((c) => roles.includes(c.role));
  // A unit whose only live address is its head still has to hear about its own reminder.
  return (chosen.length > 0 ? chosen : live).map((c) => c.email);
}

/** Resolves To and Cc; an address appears once, in To if it belongs there. */
export function resolveRecipients(input: RecipientInput): ResolvedRecipients {
  const skipped: string[] = [];
  let to: string[] = [];
  let cc: string[] = [];
  switch (input.kind) {
    case 'test':
      to = input.testAddress ? [input.testAddress] : [];
      break;
    case 'digest':
      to = [...input.leadership];
      cc = [...input.coordinator];
      // Without any leadership address the digest still reaches Ban Dân tộc.
      if (to.length === 0) [to, cc] = [cc, []];
      break;
    case 'reminder':
    case 'progressReminder':
      to = input.responsible.flatMap((u) => unitAddresses(u, ['OFFICER'], skipped));
      if (input.coordinatorOwes) to.push(...input.coordinator);
      break;
    case 'escalation':
      to = input.responsible.flatMap((u) => unitAddresses(u, ['OFFICER', 'HEAD'], skipped));
      if (input.coordinatorOwes) to.push(...input.coordinator);
      cc = [...input.coordinator, ...((input.level ?? 1) >= 2 ? input.leadership : [])];
      break;
  }
  const seen = new Set<string>();
  const unique = (list: readonly string[]): string[] =>
    list.filter((a) => {
      const key = normaliseAddress(a);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const uniqueTo = unique(to);
  const uniqueCc = unique(cc);
  // Nobody in To: promote Cc, so that a message with only copies still has a primary reader.
  return uniqueTo.length > 0
    ? { to: uniqueTo, cc: uniqueCc, skippedBounced: [...new Set(skipped)] }
    : { to: uniqueCc, cc: [], skippedBounced: [...new Set(skipped)] };
}
