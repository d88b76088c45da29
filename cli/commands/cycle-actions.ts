/**
 * The administrator's actions on one cycle, as Updates of its workflow through the cycle-commands client:
 * extend a deadline, waive an obligation, resend a reminder, dissolve or re-pair, end the pair's period. A refusal
 * (wrong phase, missing reason, unknown successor…) is printed as the workflow's bilingual message.
 */
import type { Command } from 'commander';
import { OBLIGATION_IDS, type CycleProjection, type ObligationId } from '../../domain/cycle/types';
import { bilingual } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { CycleCommands, type CommandResult } from '../../services/cycle-commands';
import type { CliDeps } from '../deps';
import { parseYear } from '../options';

function parseObligation(value: string): ObligationId {
  const id = value.toUpperCase();
  if (!(OBLIGATION_IDS as readonly string[]).includes(id)) {
    throw new Error(bilingual('cli.invalidObligation', { value }));
  }
  return id as ObligationId;
}

/** Who the audit trail names for actions taken from the CLI. */
export function cliActor(deps: Pick<CliDeps, 'config'>): string {
  return `cli:${deps.config.operator}`;
}

/** The cycle-commands client of a CLI run. */
export async function commandsOf(deps: CliDeps): Promise<CycleCommands> {
  return new CycleCommands(await deps.getTemporal(), await deps.getPrisma());
}

type Done =
  | 'commands.done.extended'
  | 'commands.done.waived'
  | 'commands.done.resent'
  | 'commands.done.dissolved'
  | 'commands.done.repaired'
  | 'commands.done.periodEnd';

/** Prints the new phase of an accepted command, or throws the refusal as the message an official reads. */
function report(
  deps: CliDeps,
  result: CommandResult<CycleProjection>,
  pair: string,
  year: number,
  done: Done,
): void {
  if (!result.ok) throw new Error(result.refusal.text);
  const phase = cycleVocabulary.phase[result.value.phase];
  deps.out(bilingual(done, { pair, year, phaseVi: phase.vi, phaseEn: phase.en }));
}

/** Registers the action subcommands on the `cycle` command. */
export function registerCycleActionCommands(cycle: Command, deps: CliDeps): void {
  cycle
    .command('extend <pair>')
    .description('Gia hạn một nghĩa vụ / extend a deadline')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--obligation <id>', 'O1…O7', parseObligation)
    .requiredOption('--date <yyyy-mm-dd>', 'ngày cuối mới / the new last day')
    .requiredOption('--reason <text>', 'lý do / reason')
    .option('--decision <number>', 'số văn bản / decision number')
    .action(
      async (
        pair: string,
        f: { year: number; obligation: ObligationId; date: string; reason: string; decision?: string },
      ) => {
        const result = await (
          await commandsOf(deps)
        ).extend(pair, f.year, {
          actor: cliActor(deps),
          obligation: f.obligation,
          newDate: f.date,
          reason: f.reason,
          ...(f.decision ? { decisionNumber: f.decision } : {}),
        });
        report(deps, result, pair, f.year, 'commands.done.extended');
      },
    );

  cycle
    .command('waive <pair>')
    .description('Miễn một nghĩa vụ / waive an obligation')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--obligation <id>', 'O1…O7', parseObligation)
    .requiredOption('--reason <text>', 'lý do / reason')
    .action(async (pair: string, f: { year: number; obligation: ObligationId; reason: string }) => {
      const result = await (
        await commandsOf(deps)
      ).waive(pair, f.year, { actor: cliActor(deps), obligation: f.obligation, reason: f.reason });
      report(deps, result, pair, f.year, 'commands.done.waived');
    });

  cycle
    .command('resend <pair>')
    .description('Gửi lại nhắc nhở / resend a reminder')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--obligation <id>', 'O1…O7', parseObligation)
    .action(async (pair: string, f: { year: number; obligation: ObligationId }) => {
      const result = await (
        await commandsOf(deps)
      ).resend(pair, f.year, { actor: cliActor(deps), obligation: f.obligation });
      report(deps, result, pair, f.year, 'commands.done.resent');
    });

  cycle
    .command('dissolve <pair>')
    .description('Giải thể, hoặc ghép lại khi sáp nhập đơn vị / dissolve, or re-pair when units merge')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--reason <text>', 'lý do / reason')
    .option(
      '--successor <pair>',
      'mã cặp kế tiếp (phải có trong danh mục) / successor pair code (must exist)',
    )
    .action(async (pair: string, f: { year: number; reason: string; successor?: string }) => {
      const result = await (
        await commandsOf(deps)
      ).dissolve(pair, f.year, {
        actor: cliActor(deps),
        reason: f.reason,
        ...(f.successor ? { successorPairCode: f.successor } : {}),
      });
      report(deps, result, pair, f.year, f.successor ? 'commands.done.repaired' : 'commands.done.dissolved');
    });

  cycle
    .command('end-period <pair>')
    .description(
      "Kết thúc thời hạn kết nghĩa vào một ngày (sáp nhập đơn vị) / end the pair's period on a day (units merged)",
    )
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--last-day <yyyy-mm-dd>', "ngày cuối cùng của cặp / the pair's last day")
    .requiredOption('--reason <text>', 'lý do / reason')
    .option(
      '--successor <pair>',
      'mã cặp kế tiếp (phải có trong danh mục) / successor pair code (must exist)',
    )
    .option('--decision <number>', 'số văn bản / decision number')
    .action(
      async (
        pair: string,
        f: { year: number; lastDay: string; reason: string; successor?: string; decision?: string },
      ) => {
        const result = await (
          await commandsOf(deps)
        ).endPeriod(pair, f.year, {
          actor: cliActor(deps),
          lastDay: f.lastDay,
          reason: f.reason,
          ...(f.successor ? { successorPairCode: f.successor } : {}),
          ...(f.decision ? { decisionNumber: f.decision } : {}),
        });
        report(deps, result, pair, f.year, 'commands.done.periodEnd');
      },
    );
}
