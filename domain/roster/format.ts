import { t, type Lang } from '../messages';
import type { RosterError } from './types';

/** Where an error is, in one language: `units.csv, dòng 4, cột parent`. */
export function locateRosterError(error: RosterError, lang: Lang): string {
  const parts = [error.file];
  if (error.sheet !== undefined) parts.push(t('roster.at.sheet', { sheet: error.sheet }, lang));
  if (error.row !== undefined) parts.push(t('roster.at.row', { row: error.row }, lang));
  if (error.column !== undefined && error.column !== '') {
    parts.push(t('roster.at.column', { column: error.column }, lang));
  }
  return parts.join(', ');
}

/** An error in one language: `units.csv, row 4, column parent: <text>`. */
export function describeRosterError(error: RosterError, lang: Lang): string {
  return `${locateRosterError(error, lang)}: ${t(error.key, error.params, lang)}`;
}

/**
 * An error as the CLI prints it, located in Vietnamese and worded in Vietnamese then English:
 * `units.csv, dòng 4, cột parent: <vi> / <en>`.
 */
export function formatRosterError(error: RosterError): string {
  return `${locateRosterError(error, 'vi')}: ${t(error.key, error.params, 'vi')} / ${t(error.key, error.params, 'en')}`;
}
