/**
 * Typed search attributes of the cycle workflows: the engine's own UI and list API filter on them. Their
 * names are a wire contract with the Temporal namespace (registered by start-up and by operators).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Cycle year. */
export const YEAR = defineSearchAttributeKey('TwinningYear', SearchAttributeType.INT);
/** Current phase of the cycle. */
export const PHASE = defineSearchAttributeKey('TwinningPhase', SearchAttributeType.KEYWORD);
/** Sponsor unit code (a code, never a person's name). */
export const SPONSOR = defineSearchAttributeKey('TwinningSponsor', SearchAttributeType.KEYWORD);
/** Recipient unit code. */
export const RECIPIENT = defineSearchAttributeKey('TwinningRecipient', SearchAttributeType.KEYWORD);
/** Whether any obligation is overdue. */
export const OVERDUE = defineSearchAttributeKey('TwinningOverdue', SearchAttributeType.BOOL);
/** Highest open escalation level (0, 1, 2). */
export const ESCALATION_LEVEL = defineSearchAttributeKey('TwinningEscalationLevel', SearchAttributeType.INT);

/** Every key with the type name the Temporal CLI's `--search-attribute Name=Type` expects. */
export const SEARCH_ATTRIBUTES: ReadonlyArray<{ name: string; cliType: 'Int' | 'Keyword' | 'Bool' }> = [
  { name: YEAR.name, cliType: 'Int' },
  { name: PHASE.name, cliType: 'Keyword' },
  { name: SPONSOR.name, cliType: 'Keyword' },
  { name: RECIPIENT.name, cliType: 'Keyword' },
  { name: OVERDUE.name, cliType: 'Bool' },
  { name: ESCALATION_LEVEL.name, cliType: 'Int' },
];
