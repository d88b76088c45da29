/** Reads and validates a roster in one step: what the CLI and the web upload call. */
import { validateRoster, type RosterError, type RosterFile, type RosterRules } from '../domain/roster';
import type { UnitKind } from '../domain/units';
import {
  readRosterBytes,
  readRosterFiles,
  type ReadRosterOptions,
  type ReadRosterResult,
  type RosterBytes,
  type RosterFormat,
} from './read-file';

/** Options of {@link loadRoster}. */
export interface LoadRosterOptions extends ReadRosterOptions {
  readonly rules?: Partial<RosterRules>;
  /**
   * The units already stored, code to kind (see {@link storedUnitKinds}): a successor may name one. Asked
   * only when a successor is not a row of the files, so a file that needs no database is checked without one.
   */
  readonly storedUnits?: () => Promise<ReadonlyMap<string, UnitKind>>;
  /** Progress of validation, row by row (called every few thousand rows). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A valid roster with the number of rows read, or every error found in the files. */
export type LoadRosterResult =
  | { readonly ok: true; readonly roster: RosterFile; readonly rows: number }
  | { readonly ok: false; readonly errors: readonly RosterError[] };

/**
 * Reads the files and validates every row. Errors of reading (an unreadable JSON entry, say) and of
 * validation are reported together, so one run shows everything that must be fixed.
 */
export async function loadRoster(
  paths: readonly string[],
  options: LoadRosterOptions = {},
): Promise<LoadRosterResult> {
  return validateRead(await readRosterFiles(paths, options), options);
}

/** {@link loadRoster} of files held in memory (a web upload), in a format the caller decided. */
export async function loadRosterBytes(
  format: RosterFormat,
  files: readonly RosterBytes[],
  options: Omit<LoadRosterOptions, 'maxBytes'> = {},
): Promise<LoadRosterResult> {
  return validateRead(await readRosterBytes(format, files), options);
}

async function validateRead(read: ReadRosterResult, options: LoadRosterOptions): Promise<LoadRosterResult> {
  if (read.raw === null) return { ok: false, errors: read.errors };
  const raw = read.raw;
  const validate = (knownUnits?: ReadonlyMap<string, UnitKind>) =>
    validateRoster(raw, {
      ...(options.rules ? { rules: options.rules } : {}),
      ...(knownUnits ? { knownUnits } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  let validation = validate();
  // Only a successor that is not a row of the files needs the stored units; the second pass then reports
  // the successors neither the files nor the database hold, and everything else as the first did.
  if (
    options.storedUnits &&
    !validation.ok &&
    validation.errors.some((e) => e.key === 'roster.successorUnknown')
  ) {
    validation = validate(await options.storedUnits());
  }
  const errors = [...read.errors, ...(validation.ok ? [] : validation.errors)];
  if (!validation.ok || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    roster: validation.roster,
    rows: raw.units.rows.length + raw.pairs.rows.length,
  };
}
