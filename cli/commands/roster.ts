/**
 * `twinning roster import FILE… [--dry-run]`, `twinning roster list [--json]` and `twinning roster merge`: the
 * roster of units and twinning pairs (see docs/roster-format.md for the file formats, docs/reform-2025.md for
 * mergers).
 */
import os from 'node:os';

import type { Command } from 'commander';

import { bilingual, bilingualOf } from '../../domain/messages';
import { describeRosterError, formatRosterError, type RosterError } from '../../domain/roster';
import { importRoster, type ImportRosterSummary } from '../../roster/import';
import { listRoster, storedUnitKinds, type ListedRoster } from '../../roster/list';
import { loadRoster } from '../../roster/load';
import { mergeUnits } from '../../services/roster-merge';
import { mergeReport } from '../../services/roster-merge-report';
import type { CliDeps } from '../deps';
import { cliActor } from './cycle-actions';
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
      let loaded;
      try {
        loaded = await loadRoster(files, {
          // A successor may be a unit already stored rather than a row of the file.
          storedUnits: async () => storedUnitKinds(await deps.getPrisma()),
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
        // With --json the errors are the output (stdout stays JSON); the person at the terminal still reads why.
        if (flags.json)
          deps.out(JSON.stringify({ ok: false, errors: loaded.errors.map(errorJson) }, null, 2));
        else for (const error of loaded.errors) deps.err(formatRosterError(error));
        deps.err(bilingual('roster.invalid', { count: loaded.errors.length }));
        process.exitCode = 1;
        return;
      }
      const prisma = await deps.getPrisma();
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
    .command('merge')
    .description(
      'Sáp nhập đơn vị vào một đơn vị khác từ một ngày, ghép lại các cặp và báo cho các chu kỳ / merge units into another from a day, re-pair their pairs and tell their cycles',
    )
    .requiredOption('--into <code>', 'đơn vị tiếp nhận / the unit merged into')
    .requiredOption(
      '--from <codes>',
      'các đơn vị được sáp nhập, cách nhau bởi dấu phẩy / the units merged, comma-separated',
    )
    .requiredOption(
      '--on <date>',
      'ngày đầu tiên sau sáp nhập / the first day after the merger (yyyy-mm-dd, dd/mm/yyyy)',
    )
    .option('--decision <number>', 'số văn bản / decision number')
    .option('--reason <text>', 'lý do / reason')
    .action(async (flags: { into: string; from: string; on: string; decision?: string; reason?: string }) => {
      const result = await mergeUnits(
        await deps.getPrisma(),
        { into: flags.into.trim(), from: flags.from.split(','), on: flags.on },
        {
          actor: cliActor(deps),
          ...(flags.decision !== undefined ? { decisionNumber: flags.decision } : {}),
          ...(flags.reason !== undefined ? { reason: flags.reason } : {}),
          temporal: () => deps.getTemporal(),
          taskQueue: deps.config.temporal.taskQueue,
          // With an injected clock the cycles it starts open at that instant; otherwise at the engine's own time.
          ...(deps.now ? { open: { openedAt: deps.now().toISOString() } } : {}),
        },
      );
      const report = mergeReport(result, bilingualOf);
      for (const line of report.done) deps.out(bilingualOf(line));
      for (const line of report.problems) deps.err(bilingualOf(line));
      if (report.failed) process.exitCode = 1;
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
