/**
 * `twinning roster import FILE… [--dry-run]` and `twinning roster list [--json]`: the roster of units and
 * twinning pairs (see docs/roster-format.md for the file formats).
 */
import os from 'node:os';

import type { Command } from 'commander';

import { bilingual } from '../../domain/messages';
import { describeRosterError, formatRosterError, type RosterError } from '../../domain/roster';
import { importRoster, type ImportRosterSummary } from '../../roster/import';
import { listRoster, storedUnitKinds, type ListedRoster } from '../../roster/list';
import { loadRoster } from '../../roster/load';
import type { CliDeps } from '../deps';
import { parseYear } from '../options';
import { progressBar } from '../progress';

/** Files with more rows than this get a progress bar (when standard error is a terminal). */
const PROGRESS_THRESHOLD = 500;

interface ImportFlags {
  readonly dryRun?: boolean;
  readonly year?: number;
  readonly json?: boolean;
  readonly actor?: string;
  readonly oneSponsorPerRecipient?: boolean;
  readonly oneRecipientPerSponsor?: boolean;
}

function defaultActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    // Some containers run under a uid with no passwd entry.
    return 'cli';
  }
}

/** The summary lines of an import, each in Vietnamese then English. */
function summaryLines(summary: ImportRosterSummary): string[] {
  const lines = [
    bilingual('roster.summary.units', { ...summary.units }),
    bilingual('roster.summary.pairs', { ...summary.pairs }),
  ];
  lines.push(bilingual('roster.summary.staffYear', { year: summary.staffYear }));
  if (summary.dryRun) lines.push(bilingual('roster.summary.dryRun'));
  return lines;
}

function errorJson(error: RosterError) {
  return { ...error, vi: describeRosterError(error, 'vi'), en: describeRosterError(error, 'en') };
}

/** Lays out rows as columns separated by two spaces (Vietnamese text is NFC: one code point a letter). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The roster as printed by `roster list`. */
function rosterTable(roster: ListedRoster): string[] {
  if (roster.units.length === 0) return [bilingual('roster.list.empty')];
  const units = table(
    ['code', 'name', 'kind', 'parent', 'border', 'staff', 'from', 'to', 'successor', 'emails'],
    roster.units.map((u) => [
      u.code,
      u.name,
      u.kind,
      u.parent ?? '',
      u.border ? 'true' : '',
      u.staff === null ? '' : `${u.staff} (${u.staffYear})`,
      u.from ?? '',
      u.to ?? '',
      u.successor ?? '',
      u.emails
        .map((e) => (e.role === 'HEAD' ? `head:${e.email}` : e.email) + (e.bounced ? ' (bounced)' : ''))
        .join('; '),
    ]),
  );
  const pairs = table(
    ['code', 'sponsor', 'recipient', 'from', 'to', 'status', 'communes', 'predecessor'],
    roster.pairs.map((p) => [
      p.code,
      `${p.sponsor} (${p.sponsorName})`,
      `${p.recipient} (${p.recipientName})`,
      p.from,
      p.to ?? '',
      p.status,
      p.communes.join(';'),
      p.predecessor ?? '',
    ]),
  );
  return [
    `Đơn vị / Units (${roster.units.length})`,
    ...units,
    '',
    `Cặp kết nghĩa / Pairs (${roster.pairs.length})`,
    ...pairs,
  ];
}

/** Registers the `roster` commands. */
export function registerRosterCommands(program: Command, deps: CliDeps): void {
  const roster = program
    .command('roster')
    .description('Danh sách đơn vị và cặp kết nghĩa / units and twinning pairs');

  roster
    .command('import')
    .description(
      'Nhập danh sách từ tệp .xlsx, .json hoặc hai tệp .csv / import the roster from .xlsx, .json or two .csv files',
    )
    .argument('<files...>', 'roster.xlsx | roster.json | units.csv [pairs.csv]')
    .option('--dry-run', 'chỉ kiểm tra, không ghi / check only, write nothing')
    .option('--year <year>', 'năm của số biên chế / year of the staff counts (default: this year)', parseYear)
    .option('--json', 'in kết quả dạng JSON / print the result as JSON')
    .option('--actor <name>', 'người nhập, ghi vào nhật ký / who imports, for the audit trail')
    .option(
      '--one-sponsor-per-recipient',
      'cấm một bên nhận có hai bên kết nghĩa cùng lúc / forbid two sponsors at once',
    )
    .option(
      '--one-recipient-per-sponsor',
      'cấm một bên kết nghĩa có hai bên nhận cùng lúc / forbid two recipients at once',
    )
    .action(async (files: string[], flags: ImportFlags) => {
      const bar = progressBar(process.stderr.isTTY === true && !flags.json);
      const prisma = await deps.getPrisma();
      // A unit's successor may be a unit already stored rather than a row of the file.
      const knownUnits = await storedUnitKinds(prisma);
      let loaded;
      try {
        loaded = await loadRoster(files, {
          knownUnits,
          rules: {
            allowRecipientMultipleSponsors: !flags.oneSponsorPerRecipient,
            allowSponsorMultipleRecipients: !flags.oneRecipientPerSponsor,
          },
          onProgress: (done, total) => {
            if (total > PROGRESS_THRESHOLD) bar.update(done, total);
          },
        });
      } finally {
        bar.stop();
      }
      if (!loaded.ok) {
        if (flags.json) {
          deps.out(JSON.stringify({ ok: false, errors: loaded.errors.map(errorJson) }, null, 2));
        } else {
          for (const error of loaded.errors) deps.err(formatRosterError(error));
          deps.err(bilingual('roster.invalid', { count: loaded.errors.length }));
        }
        process.exitCode = 1;
        return;
      }
      let summary: ImportRosterSummary;
      try {
        summary = await importRoster(prisma, loaded.roster, {
          dryRun: flags.dryRun ?? false,
          actor: flags.actor ?? defaultActor(),
          ...(flags.year !== undefined ? { staffYear: flags.year } : {}),
          onProgress: (done, total) => {
            if (loaded.rows > PROGRESS_THRESHOLD) bar.update(done, total);
          },
        });
      } finally {
        bar.stop();
      }
      if (flags.json) deps.out(JSON.stringify({ ok: true, summary }, null, 2));
      else for (const line of summaryLines(summary)) deps.out(line);
    });

  roster
    .command('list')
    .description('Liệt kê đơn vị và cặp kết nghĩa / list units and pairs')
    .option('--json', 'in dạng JSON / print as JSON')
    .action(async (flags: { json?: boolean }) => {
      const listed = await listRoster(await deps.getPrisma());
      if (flags.json) deps.out(JSON.stringify(listed, null, 2));
      else for (const line of rosterTable(listed)) deps.out(line);
    });
}
