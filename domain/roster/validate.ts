import type { UnitKind } from '../units';
import { CODE_PATTERN } from './cells';
import { checkPairs, checkUnits } from './cross';
import { checkHeader, normaliseColumnName } from './header';
import { validatePairRow, validateUnitRow } from './rows';
import {
  DEFAULT_ROSTER_RULES,
  PAIR_COLUMNS,
  REQUIRED_PAIR_COLUMNS,
  REQUIRED_UNIT_COLUMNS,
  UNIT_COLUMNS,
  type RawRow,
  type RawRoster,
  type RosterError,
  type RosterPair,
  type RosterRules,
  type RosterUnit,
  type RosterValidation,
} from './types';

/** Options of {@link validateRoster}. */
export interface ValidateRosterOptions {
  readonly rules?: Partial<RosterRules>;
  /** The units already stored, code to kind: a unit's successor may be one of them instead of a row of the file. */
  readonly knownUnits?: ReadonlyMap<string, UnitKind>;
  /** Called every few thousand rows, for a progress bar on large files. */
  readonly onProgress?: (done: number, total: number) => void;
}

// The code of a row that failed, when its code itself is well-formed: other rows may refer to it, and
// should not be told it does not exist.
function codeOf(raw: RawRow): string | null {
  const entry = Object.entries(raw.cells).find(([key]) => normaliseColumnName(key) === 'code');
  const code = entry?.[1].trim() ?? '';
  return CODE_PATTERN.test(code) ? code : null;
}

/**
 * Validates a roster read from any format: the headers, every row, then the rules between rows. Every
 * error is collected, so the user fixes the file in one go; the roster is returned only when there is
 * none.
 */
export function validateRoster(raw: RawRoster, options: ValidateRosterOptions = {}): RosterValidation {
  const rules: RosterRules = { ...DEFAULT_ROSTER_RULES, ...options.rules };
  const total = raw.units.rows.length + raw.pairs.rows.length;
  let done = 0;
  const tick = () => {
    done++;
    if (options.onProgress && (done % 2000 === 0 || done === total)) options.onProgress(done, total);
  };

  const unitHeader = checkHeader(raw.units, {
    columns: UNIT_COLUMNS,
    required: REQUIRED_UNIT_COLUMNS,
    rowsRequired: true,
  });
  const pairHeader = checkHeader(raw.pairs, {
    columns: PAIR_COLUMNS,
    required: REQUIRED_PAIR_COLUMNS,
    rowsRequired: false,
  });
  const unitErrors: RosterError[] = [...unitHeader.errors];
  const pairErrors: RosterError[] = [...pairHeader.errors];

  const units: RosterUnit[] = [];
  const pending = new Set<string>();
  if (!unitHeader.fatal) {
    for (const row of raw.units.rows) {
      const result = validateUnitRow(raw.units, row, UNIT_COLUMNS);
      if (result.unit) units.push(result.unit);
      else {
        const code = codeOf(row);
        if (code !== null) pending.add(code);
      }
      unitErrors.push(...result.errors);
      tick();
    }
    unitErrors.push(...checkUnits(units, pending, options.knownUnits));
  }

  const pairs: RosterPair[] = [];
  if (!pairHeader.fatal) {
    for (const row of raw.pairs.rows) {
      const result = validatePairRow(raw.pairs, row, PAIR_COLUMNS);
      if (result.pair) pairs.push(result.pair);
      pairErrors.push(...result.errors);
      tick();
    }
    // When the units table could not be read at all, every pair would point at an "unknown" unit.
    if (!unitHeader.fatal) pairErrors.push(...checkPairs(pairs, units, pending, rules));
  }

  const errors = [...sortByRow(unitErrors), ...sortByRow(pairErrors)];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, roster: { units, pairs } };
}

/** Errors of one table in row order (errors of the whole table first); stable, so columns keep their order. */
function sortByRow(errors: RosterError[]): RosterError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => (a.error.row ?? 0) - (b.error.row ?? 0) || a.index - b.index)
    .map(({ error }) => error);
}
