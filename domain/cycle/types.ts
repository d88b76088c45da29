/**
 * Vocabulary of one pair's annual cycle, shared by the statechart (`machines/cycle`), the workflow's update
 * validators and the read model. Pure: no I/O, no clock.
 */

/** The seven yearly obligations of domain.md, in calendar order. */
export const OBLIGATION_IDS = ['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7'] as const;

/** One yearly obligation: O1 plan, O2 needs proposal, O3 signed programme, O4 progress, O5/O6 year-end reports, O7 rating. */
export type ObligationId = (typeof OBLIGATION_IDS)[number];

/** Obligations fulfilled by a `SUBMIT` (O4 is fed by `PROGRESS`, O7 by `RATE`). */
export const SUBMITTABLE_OBLIGATIONS = ['O1', 'O2', 'O3', 'O5', 'O6'] as const;

/** An obligation fulfilled by a `SUBMIT` event. */
export type SubmittableObligation = (typeof SUBMITTABLE_OBLIGATIONS)[number];

/** Phases of the cycle, in order; a cycle never goes back to an earlier phase. */
export const CYCLE_PHASES = [
  'needsProposal',
  'agreement',
  'implementation',
  'yearEndReporting',
  'evaluation',
  'closed',
] as const;

/** A phase of the cycle (the statechart's top-level state). */
export type CyclePhase = (typeof CYCLE_PHASES)[number];

/**
 * Status of one obligation.
 * - `pending`: open, before its deadline (or re-opened by an extension);
 * - `submitted`: met on time; `late`: met after its deadline;
 * - `missed`: its deadline passed unmet (a late submission can still turn it into `late`);
 * - `waived`: excused by an administrator; `notApplicable`: already past when the pair was added mid-year.
 */
export type ObligationStatus = 'pending' | 'submitted' | 'late' | 'missed' | 'waived' | 'notApplicable';

/** The two parties of a pair. */
export type Side = 'sponsor' | 'recipient';

/** Who owes an obligation: one side of the pair, or the coordinator (Ban Dân tộc) for O7. */
export type Party = Side | 'coordinator';

/** How the database (Prisma enum `Side`) spells each side of a pair. */
export const SIDE_TO_DB = {
  sponsor: 'SPONSOR',
  recipient: 'RECIPIENT',
} as const satisfies Record<Side, string>;

/** How the database (Prisma enum `ObligationStatus`) spells each status: the one mapping both ways use. */
export const OBLIGATION_STATUS_TO_DB = {
  pending: 'PENDING',
  submitted: 'SUBMITTED',
  late: 'LATE',
  missed: 'MISSED',
  waived: 'WAIVED',
  notApplicable: 'NOT_APPLICABLE',
} as const satisfies Record<ObligationStatus, string>;

/** The status a database value stands for (unknown values read as pending). */
export function obligationStatusFromDb(value: string): ObligationStatus {
  const found = (Object.keys(OBLIGATION_STATUS_TO_DB) as ObligationStatus[]).find(
    (status) => OBLIGATION_STATUS_TO_DB[status] === value,
  );
  return found ?? 'pending';
}

/** Statuses in which an obligation is still owed (reminders, escalations, late submission). */
export const OPEN_STATUSES: readonly ObligationStatus[] = ['pending', 'missed'];

/** Whether an obligation in this status is still owed: its reminders and escalations still go out. */
export function isOwed(status: ObligationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Statuses after which an obligation no longer holds up its phase. */
export function isSettled(status: ObligationStatus): boolean {
  return status !== 'pending';
}

/** Statuses in which an obligation counts as met. */
export function isMet(status: ObligationStatus): boolean {
  return status === 'submitted' || status === 'late';
}

/** Index of a phase in {@link CYCLE_PHASES}; phases compare by it. */
export function phaseIndex(phase: CyclePhase): number {
  return CYCLE_PHASES.indexOf(phase);
}

/** The phase each obligation belongs to: the cycle waits for it from that phase on. */
export const HOME_PHASE: Readonly<Record<ObligationId, CyclePhase>> = {
  O1: 'needsProposal',
  O2: 'needsProposal',
  O3: 'agreement',
  O4: 'implementation',
  O5: 'yearEndReporting',
  O6: 'yearEndReporting',
  O7: 'evaluation',
};

/** Who owes each obligation (the addressees of its reminders). */
export const OBLIGATION_PARTIES: Readonly<Record<ObligationId, readonly Party[]>> = {
  O1: ['recipient'],
  O2: ['recipient'],
  O3: ['sponsor', 'recipient'],
  O4: ['sponsor'],
  O5: ['sponsor'],
  O6: ['recipient'],
  O7: ['coordinator'],
};

/**
 * Who still owes an obligation: its parties (see {@link OBLIGATION_PARTIES}) less, for O3, the sides that have
 * already signed. The one place this rule lives (reminders, escalations and the "waiting on" line use it).
 */
export function owingParties(obligation: ObligationId, signed: readonly Side[]): readonly Party[] {
  return OBLIGATION_PARTIES[obligation].filter((p) => p === 'coordinator' || !signed.includes(p));
}

/** Who may submit, and in which phases. Outside the listed phases a submission is refused. */
export interface SubmissionRule {
  readonly sides: readonly Side[];
  readonly phases: readonly CyclePhase[];
}

/**
 * The pure table of submissions. After the deadline a submission in an accepted phase is taken and marked
 * `late`. O1/O2 are accepted from the start until the end of implementation; O3 may be signed early (from
 * needsProposal) and late until the end of implementation; the year-end reports O5/O6 from implementation
 * (an early report opens year-end reporting) until the rating, late in evaluation.
 */
export const SUBMISSION_RULES: Readonly<Record<SubmittableObligation, SubmissionRule>> = {
  O1: { sides: ['recipient'], phases: ['needsProposal', 'agreement', 'implementation'] },
  O2: { sides: ['recipient'], phases: ['needsProposal', 'agreement', 'implementation'] },
  O3: { sides: ['sponsor', 'recipient'], phases: ['needsProposal', 'agreement', 'implementation'] },
  O5: { sides: ['sponsor'], phases: ['implementation', 'yearEndReporting', 'evaluation'] },
  O6: { sides: ['recipient'], phases: ['implementation', 'yearEndReporting', 'evaluation'] },
};

/** Progress entries (O4): either side may enter them, during implementation and year-end reporting. */
export const PROGRESS_RULE: SubmissionRule = {
  sides: ['sponsor', 'recipient'],
  phases: ['implementation', 'yearEndReporting'],
};

/** The phases in which an administrator may act on a cycle (every phase but `closed`). */
export const ADMIN_PHASES: readonly CyclePhase[] = [
  'needsProposal',
  'agreement',
  'implementation',
  'yearEndReporting',
  'evaluation',
];

/**
 * Obligation statuses each administrator action accepts. An extension re-opens a `missed` or `notApplicable`
 * obligation as `pending` (the phase is never rewound); waiving and resending apply to owed obligations only.
 */
export const ADMIN_STATUS_RULES: Readonly<
  Record<'extend' | 'waive' | 'resend', readonly ObligationStatus[]>
> = {
  extend: ['pending', 'missed', 'notApplicable'],
  waive: ['pending', 'missed'],
  resend: ['pending', 'missed'],
};

/**
 * Flags for evaluation: `noSignedProgramme` (O3 missed), `noReport:sponsor` (O5 missed),
 * `noReport:recipient` (O6 missed), `noProgress` (no progress entry by the end of implementation, or O4
 * missed), `dissolved` / `repaired` (closed by a dissolution, with or without a successor pair), `ended` (the
 * pair's period ended within the year, e.g. its units merged on 1 July 2025), `overdue`
 * (an obligation missed and not waived, or pending past its end; never on a closed cycle).
 */
export type CycleFlag =
  | 'noSignedProgramme'
  | 'noReport:sponsor'
  | 'noReport:recipient'
  | 'noProgress'
  | 'dissolved'
  | 'repaired'
  | 'ended'
  | 'overdue';

/** One obligation as the status query and the read model show it. */
export interface ObligationView {
  readonly id: ObligationId;
  readonly status: ObligationStatus;
  /** The named date (yyyy-mm-dd), before any roll-forward or extension. */
  readonly statutoryDue: string;
  /** The date that counts (yyyy-mm-dd): after roll-forward and extensions. */
  readonly effectiveDue: string;
  /** ISO instant when it was met (O3: when the second side signed; O4: the first progress entry). */
  readonly completedAt?: string;
  /** Highest escalation level reached while it is owed; 0 once met or waived. */
  readonly escalationLevel: number;
  /** O3 only: the sides that have signed. */
  readonly signedBy?: readonly Side[];
  /** How many extensions it has had. */
  readonly extensions: number;
}

/**
 * The final rating of a cycle's two units (O7): level ids (or, in cycles started before units were rated as
 * units, the text the administrator typed), with the reason and decision number of a rating recorded on the
 * cycle itself. The one shape the machine's context, its projection and the legacy `rate` request share.
 */
export interface CycleRating {
  readonly sponsorRating: string;
  readonly recipientRating: string;
  readonly reason?: string;
  readonly decisionNumber?: string;
}

/** The public view of a cycle: what the status query and the read model return (never the raw snapshot). */
export interface CycleProjection {
  readonly workflowId: string;
  readonly pairCode: string;
  readonly year: number;
  readonly phase: CyclePhase;
  readonly obligations: readonly ObligationView[];
  /** Max escalation level over the obligations still owed. */
  readonly escalationLevel: number;
  readonly overdue: boolean;
  readonly flags: readonly CycleFlag[];
  /** The earliest pending timer, if any. */
  readonly nextTimer?: { readonly timerId: string; readonly at: string; readonly purpose: TimerPurpose };
  /** Pending obligations of the current or an earlier phase: what the cycle is waiting for now. */
  readonly waitingFor: readonly ObligationId[];
  /** ISO instant the current phase began. */
  readonly waitingSince: string;
  /** Number of accepted progress entries. */
  readonly progressEntries: number;
  /** ISO instant of the last event the machine saw. */
  readonly updatedAt: string;
  /** The final rating, once recorded. */
  readonly rating?: CycleRating;
  /** How the cycle was closed, once closed. */
  readonly closedBy?: 'rated' | 'waived' | 'dissolved' | 'repaired' | 'ended';
  readonly successorPairCode?: string;
  /** The pair's last day (yyyy-mm-dd) when its period ends within the year. */
  readonly periodEndsOn?: string;
  /** The confirmed ratings of the pair's two units so far (level ids), by side. */
  readonly unitRatings?: Partial<Record<Side, string>>;
}

/** What a timer is for. */
export type TimerPurpose = 'reminder' | 'escalation' | 'deadline' | 'progressReminder' | 'periodEnd';
