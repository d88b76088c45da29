/**
 * The roster: units and twinning pairs as an administrator imports them. Pure rules only; reading files
 * and writing the database live in `roster/` at the top level.
 */
export * from './types';
export { validateRoster, type ValidateRosterOptions } from './validate';
export { formatRosterError, describeRosterError, locateRosterError } from './format';
export { periodsOverlap } from './cross';
export { locateJsonError, type JsonSyntaxError } from './json-syntax';
export {
  parseRosterDate,
  parseBareYear,
  ROSTER_YEARS,
  parseBoolean,
  parseStaff,
  isEmail,
  splitEmails,
  CODE_PATTERN,
  MAX_NAME_LENGTH,
} from './cells';
export * from './plan';
export * from './merge';
