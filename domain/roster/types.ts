import type { MessageParams } from '../messages/catalogue';
import type { rosterMessages } from '../messages/roster';
import type { UnitKind } from '../units';

/** A key of the roster part of the message catalogue. */
export type RosterMessageKey = keyof typeof rosterMessages;

/** The two tables of a roster. */
export type RosterTableName = 'units' | 'pairs';

/**
 * The columns of the units table, in the documented order. `from`, `to` and `successor` (the unit's life span and
 * the unit it was merged into, since the 2025 reform) come last, so files written before them stay valid.
 */
export const UNIT_COLUMNS = [
  'code',
  'name',
  'kind',
  'parent',
  'border',
  'staff',
  'emails',
  'from',
  'to',
  'successor',
] as const;

/** The columns of the pairs table, in the documented order (`communes` last, for the same reason). */
export const PAIR_COLUMNS = ['code', 'sponsor', 'recipient', 'from', 'to', 'communes'] as const;

/** Columns a units header must have; the others may be left out and then read as empty. */
export const REQUIRED_UNIT_COLUMNS: readonly string[] = ['code', 'name', 'kind'];

/** Columns a pairs header must have. */
export const REQUIRED_PAIR_COLUMNS: readonly string[] = ['code', 'sponsor', 'recipient', 'from'];

/**
 * One row as read from a file, before validation: every cell is text, keyed by the column name as written
 * in the header. `row` is what a person sees: the spreadsheet/CSV line (the header is line 1), or for JSON
 * the entry's position in its array counted from 1.
 */
export interface RawRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
  /** How many cells the record had, for formats where that can differ from the header (CSV). */
  readonly width?: number;
}

/**
 * One table as read from a file. `header` is the header line as written (null for JSON, whose entries carry
 * their own keys); a reader that could not even find rows reports that as a {@link RosterError} instead.
 */
export interface RawTable {
  readonly file: string;
  readonly sheet?: string;
  readonly header: readonly string[] | null;
  /** The line of the header (1 unless a spreadsheet starts lower down). */
  readonly headerRow?: number;
  readonly rows: readonly RawRow[];
}

/** Both tables of a roster, read from one .xlsx/.json file or from two .csv files. */
export interface RawRoster {
  readonly units: RawTable;
  readonly pairs: RawTable;
}

/** Where a row came from, so that later (cross-row) errors can point at it. */
export interface RowSource {
  readonly file: string;
  readonly sheet?: string;
  readonly row: number;
}

/** What a contact address is for; mirrors the `ContactRole` enum of the database. */
export type RosterContactRole = 'HEAD' | 'OFFICER';

/** An e-mail address of a unit, with its role (`head:` marks the head of the unit). */
export interface RosterContact {
  readonly email: string;
  readonly role: RosterContactRole;
}

/** A validated unit row. */
export interface RosterUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent: string | null;
  readonly border: boolean;
  /** Staff count (biên chế); required for departments, null when not given. */
  readonly staff: number | null;
  readonly contacts: readonly RosterContact[];
  /** First and last day the unit exists (`yyyy-mm-dd`); null when not given (since always, still exists). */
  readonly from: string | null;
  readonly to: string | null;
  /** The code of the unit it was merged into (same side of a pair), null when none. */
  readonly successor: string | null;
  readonly source: RowSource;
}

/** A validated pair row; dates are ISO calendar dates `yyyy-mm-dd`, `to` null when open-ended. */
export interface RosterPair {
  readonly code: string;
  readonly sponsor: string;
  readonly recipient: string;
  readonly from: string;
  readonly to: string | null;
  /**
   * The communes the pair covers when its recipient is a mountain district, as written; empty means every
   * commune under that district.
   */
  readonly communes: readonly string[];
  readonly source: RowSource;
}

/** A roster in which every row and every cross-row rule has been checked. */
export interface RosterFile {
  readonly units: readonly RosterUnit[];
  readonly pairs: readonly RosterPair[];
}

/**
 * One problem in a roster, located as precisely as possible. The text comes from the message catalogue
 * (`key` and `params`), so it can be shown in Vietnamese, English or both.
 */
export interface RosterError {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly key: RosterMessageKey;
  readonly params: MessageParams;
}

/** Options of the cross-row rules whose default is a policy choice (see docs/roster-format.md). */
export interface RosterRules {
  /** A recipient may have several sponsors over overlapping periods (default true: 89 agencies, 65 communes). */
  readonly allowRecipientMultipleSponsors: boolean;
  /** A sponsor may have several recipients over overlapping periods (default true). */
  readonly allowSponsorMultipleRecipients: boolean;
}

/** The default rules: several sponsors per commune and several communes per sponsor are both allowed. */
export const DEFAULT_ROSTER_RULES: RosterRules = {
  allowRecipientMultipleSponsors: true,
  allowSponsorMultipleRecipients: true,
};

/** The outcome of validation: either a valid roster or every error found. */
export type RosterValidation =
  | { readonly ok: true; readonly roster: RosterFile }
  | { readonly ok: false; readonly errors: readonly RosterError[] };
