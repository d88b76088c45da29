/**
 * `twinning unit …`: one unit's yearly evaluation (the plan rates units, not pairs): show its proposal and what it
 * still waits for, record positive factors, confirm or override the rating once. Each is an Update of the
 * unit's evaluation workflow through the cycle-commands client; a refusal prints its bilingual message.
 */
import type { Command } from 'commander';
import { bilingual } from '../../domain/messages';
import type { UnitEvaluationStatus } from '../../workflows/unit-evaluation/status';
import type { CliDeps } from '../deps';
import { parseYear } from '../options';
import { cliActor, commandsOf } from './cycle-actions';

/** The lines of a unit's evaluation status, in Vietnamese then English. */
export function describeUnitStatus(s: UnitEvaluationStatus): string[] {
  const lines = [bilingual(`unit.phase.${s.phase}`, { unitCode: s.unitCode, year: s.year })];
  if (s.proposal) {
    lines.push(
      bilingual('unit.proposal', {
        ratingVi: s.proposal.labelVi,
        ratingEn: s.proposal.labelEn,
        scoreVi: String(s.proposal.score).replace('.', ','),
        scoreEn: String(s.proposal.score),
      }),
    );
  }
  if (s.waitingFor.length > 0) lines.push(bilingual('unit.waitingFor', { pairs: s.waitingFor.join(', ') }));
  if (s.final) {
    const level = s.proposal?.scale.find((l) => l.id === s.final?.rating);
    lines.push(
      bilingual('unit.final', {
        ratingVi: level?.vi ?? s.final.rating,
        ratingEn: level?.en ?? s.final.rating,
        actor: s.final.actor,
      }),
    );
  }
  return lines;
}

/** Registers `unit show|factors|rate`. */
export function registerUnitCommands(program: Command, deps: CliDeps): void {
  const unit = program
    .command('unit')
    .description("Đánh giá, xếp loại một đơn vị trong năm / one unit's yearly evaluation and rating");

  unit
    .command('show <unit>')
    .description('Đề xuất xếp loại và những gì còn chờ / the proposal and what it still waits for')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .option('--json', 'in JSON / print JSON')
    .action(async (code: string, f: { year: number; json?: boolean }) => {
      const result = await (await commandsOf(deps)).unitStatus(code, f.year);
      if (!result.ok) throw new Error(result.refusal.text);
      if (f.json) deps.out(JSON.stringify(result.value, null, 2));
      else for (const line of describeUnitStatus(result.value)) deps.out(line);
    });

  unit
    .command('factors <unit>')
    .description('Ghi yếu tố tích cực rồi đề xuất lại / record positive factors and propose again')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--text <text>', 'nội dung (để trống để xoá) / the factors (empty clears them)')
    .action(async (code: string, f: { year: number; text: string }) => {
      const result = await (
        await commandsOf(deps)
      ).unitFactors(code, f.year, { actor: cliActor(deps), text: f.text });
      if (!result.ok) throw new Error(result.refusal.text);
      for (const line of describeUnitStatus(result.value)) deps.out(line);
    });

  unit
    .command('rate <unit>')
    .description('Xác nhận hoặc thay đổi xếp loại (một lần) / confirm or override the rating (once)')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--rating <level>', 'mức xếp loại (mã hoặc tên) / the level (id or name)')
    .option('--reason <text>', 'lý do (bắt buộc khi khác đề xuất) / reason (required when overriding)')
    .option('--decision <number>', 'số quyết định / decision number')
    .action(async (code: string, f: { year: number; rating: string; reason?: string; decision?: string }) => {
      const result = await (
        await commandsOf(deps)
      ).rateUnit(code, f.year, {
        actor: cliActor(deps),
        rating: f.rating,
        ...(f.reason ? { reason: f.reason } : {}),
        ...(f.decision ? { decisionNumber: f.decision } : {}),
      });
      if (!result.ok) throw new Error(result.refusal.text);
      for (const line of describeUnitStatus(result.value)) deps.out(line);
    });
}
