/** Reads and validates a roster in one step: what the CLI and the web upload call. */
import { validateRoster, type RosterError, type RosterFile, type RosterRules } from '../domain/roster';
import type { UnitKind } from '../domain/units';
import { readRosterFiles, type ReadRosterOptions } from './read-file';

/** Options of {@link loadRoster}. */
export interface LoadRosterOptions extends ReadRosterOptions {
  readonly rules?: Partial<RosterRules>;
  /** The units already stored, code to kind (see {@link storedUnitKinds}): a successor may name one. */
  readonly knownUnits?: ReadonlyMap<string, UnitKind>;
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
  const read = await readRosterFiles(paths, options);
  if (read.raw === null) return { ok: false, errors: read.errors };
  const validation = validateRoster(read.raw, {
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.knownUnits ? { knownUnits: options.knownUnits } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const errors = [...read.errors, ...(validation.ok ? [] : validation.errors)];
  if (!validation.ok || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    roster: validation.roster,
    rows: read.raw.units.rows.length + read.raw.pairs.rows.length,
  };
}
