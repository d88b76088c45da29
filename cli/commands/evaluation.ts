/**
 * `twinning evaluate --year Y` (status of every rating proposal) and `twinning report --year Y --format …`
 * (the province's year-end summary as xlsx, csv, pdf or html).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatNumber } from '../../domain/format';
import { bilingual, type MessageKey } from '../../domain/messages';
import {
  buildYearSummary,
  defaultReportFileName,
  PdfUnavailableError,
  renderReport,
  REPORT_FORMATS,
  type ReportFormat,
  type YearSummary,
} from '../../reports';
import { KIND_VI, SIDE_VI } from '../../reports/tables';
import { EvaluationSettingsError } from '../../services/evaluation-store';
import type { CliDeps } from '../deps';
import { parseYear } from '../options';

/** An error an official can act on; its message is printed as is. */
class EvaluationCliError extends Error {
  constructor(key: MessageKey, params: Record<string, string | number> = {}) {
    super(bilingual(key, params));
    this.name = 'EvaluationCliError';
  }
}

function parseFormat(value: string): ReportFormat {
  const format = value.trim().toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new EvaluationCliError('evaluation.report.invalidFormat', { value });
  }
  return format as ReportFormat;
}

/** The status of every unit's proposal, as JSON-friendly rows. */
export function proposalStatus(summary: YearSummary) {
  return summary.units.map((u) => ({
    unit: u.code,
    name: u.name,
    kind: u.kind,
    side: u.side,
    pairs: u.pairCodes,
    score: u.evaluation.score,
    proposed: u.evaluation.level.id,
    proposedLabel: u.evaluation.level.vi,
    proposalStored: u.proposalStored,
    final: u.finalByPair,
    finalLabel: u.finalText || null,
    confirmed: u.confirmed,
    criticised: u.evaluation.criticised,
    criticism: u.evaluation.criticism,
    proposedReward: u.evaluation.proposedReward,
  }));
}

/** The text lines of `evaluate`: one line per unit. */
export function renderStatus(summary: YearSummary): string[] {
  if (summary.units.length === 0) return [bilingual('evaluation.status.none', { year: summary.year })];
  const lines = [
    bilingual('evaluation.status.heading', {
      year: summary.year,
      proposed: summary.units.filter((u) => u.proposalStored).length,
      confirmed: summary.units.filter((u) => u.confirmed).length,
      criticised: summary.units.filter((u) => u.evaluation.criticised).length,
    }),
    '',
  ];
  for (const u of summary.units) {
    const flags = [
      u.proposalStored ? '' : 'tạm tính/provisional',
      u.evaluation.criticised ? 'KIỂM ĐIỂM/criticised' : '',
      u.evaluation.proposedReward ? 'KHEN THƯỞNG/reward' : '',
    ].filter(Boolean);
    lines.push(
      [
        u.code.padEnd(14),
        `${SIDE_VI[u.side]} (${KIND_VI[u.kind] ?? u.kind})`.padEnd(34),
        `${formatNumber(u.evaluation.score, 'vi', 1).padStart(5)} đ.`,
        `đề xuất/proposed: ${u.evaluation.level.vi}`.padEnd(38),
        `chính thức/final: ${u.finalText || '—'}`.padEnd(34),
        flags.join(', '),
      ].join('  '),
    );
  }
  return lines;
}

async function withFriendlyErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    // Settings and browser problems are for an official to fix: print the message, not a stack trace.
    if (error instanceof EvaluationSettingsError || error instanceof PdfUnavailableError) {
      throw new Error(error.message);
    }
    throw error;
  }
}

/** Registers `evaluate` and `report`. */
export function registerEvaluationCommands(program: Command, deps: CliDeps): void {
  program
    .command('evaluate')
    .description('Trạng thái đề xuất xếp loại của mọi đơn vị / Status of every rating proposal')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .option('--json', 'in JSON / print JSON')
    .action(async (options: { year: number; json?: boolean }) => {
      const prisma = await deps.getPrisma();
      const summary = await withFriendlyErrors(() => buildYearSummary(prisma, options.year));
      if (options.json)
        deps.out(JSON.stringify({ year: summary.year, units: proposalStatus(summary) }, null, 2));
      else for (const line of renderStatus(summary)) deps.out(line);
    });

  program
    .command('report')
    .description('Báo cáo tổng kết năm của tỉnh / The province year-end summary')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--format <format>', 'xlsx | csv | pdf | html', parseFormat)
    .option('--out <file>', 'tệp kết quả / output file (default bao-cao-ket-nghia-<year>.<ext>)')
    .action(async (options: { year: number; format: ReportFormat; out?: string }) => {
      const prisma = await deps.getPrisma();
      const path = resolve(options.out ?? defaultReportFileName(options.year, options.format));
      const bytes = await withFriendlyErrors(async () =>
        renderReport(await buildYearSummary(prisma, options.year), options.format),
      );
      await writeFile(path, bytes);
      deps.out(bilingual('evaluation.report.written', { path }));
    });
}
