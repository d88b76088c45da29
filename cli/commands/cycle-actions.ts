/**
 * The administrator's actions on one cycle, as Updates of its workflow: extend a deadline, waive an
 * obligation, resend a reminder, dissolve or re-pair, record positive factors, and confirm or override the
 * final ratings. A refusal (wrong phase, missing reason…) is printed as the workflow's bilingual message.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Command } from 'commander';
import { OBLIGATION_IDS, type CycleProjection, type ObligationId, type Side } from '../../domain/cycle/types';
import {
  cycleWorkflowId,
  dissolveUpdate,
  extendUpdate,
  positiveFactorsUpdate,
  rateUpdate,
  resendUpdate,
  waiveUpdate,
  type twinningCycleWorkflow,
} from '../../workflows/twinning-cycle';
import type { CliDeps } from '../deps';

function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new Error(
      `Năm không hợp lệ: «${value}» (ví dụ 2026). / Invalid year: "${value}" (for example 2026).`,
    );
  }
  return year;
}

function parseObligation(value: string): ObligationId {
  const id = value.toUpperCase();
  if (!(OBLIGATION_IDS as readonly string[]).includes(id)) {
    throw new Error(`Nghĩa vụ không hợp lệ: «${value}» (O1…O7). / Unknown obligation "${value}" (O1…O7).`);
  }
  return id as ObligationId;
}

function parseSide(value: string): Side {
  if (value !== 'sponsor' && value !== 'recipient') {
    throw new Error(
      `Bên không hợp lệ: «${value}» (sponsor, recipient). / Unknown side "${value}" (sponsor, recipient).`,
    );
  }
  return value;
}

/** Who the audit trail names for actions taken from the CLI. */
function actor(): string {
  return `cli:${process.env.USER ?? 'admin'}`;
}

type Act = (handle: ReturnType<CycleHandle>) => Promise<CycleProjection>;
type CycleHandle = (id: string) => import('@temporalio/client').WorkflowHandle<typeof twinningCycleWorkflow>;

async function act(deps: CliDeps, pair: string, year: number, action: Act, done: string): Promise<void> {
  const client = await deps.getTemporal();
  const handle = client.workflow.getHandle<typeof twinningCycleWorkflow>(cycleWorkflowId(pair, year));
  try {
    const projection = await action(handle);
    deps.out(`${done} — ${pair} ${year}: ${projection.phase}`);
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new Error(error.cause?.message ?? error.message);
    }
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') {
      throw new Error(
        `Cặp «${pair}» không có chu kỳ đang chạy năm ${year}. / Pair "${pair}" has no running cycle in ${year}.`,
      );
    }
    throw error;
  }
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
      (
        pair: string,
        f: { year: number; obligation: ObligationId; date: string; reason: string; decision?: string },
      ) =>
        act(
          deps,
          pair,
          f.year,
          (h) =>
            h.executeUpdate(extendUpdate, {
              args: [
                {
                  actor: actor(),
                  obligation: f.obligation,
                  newDate: f.date,
                  reason: f.reason,
                  ...(f.decision ? { decisionNumber: f.decision } : {}),
                },
              ],
            }),
          'Đã gia hạn / extended',
        ),
    );

  cycle
    .command('waive <pair>')
    .description('Miễn một nghĩa vụ / waive an obligation')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--obligation <id>', 'O1…O7', parseObligation)
    .requiredOption('--reason <text>', 'lý do / reason')
    .action((pair: string, f: { year: number; obligation: ObligationId; reason: string }) =>
      act(
        deps,
        pair,
        f.year,
        (h) =>
          h.executeUpdate(waiveUpdate, {
            args: [{ actor: actor(), obligation: f.obligation, reason: f.reason }],
          }),
        'Đã miễn / waived',
      ),
    );

  cycle
    .command('resend <pair>')
    .description('Gửi lại nhắc nhở / resend a reminder')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--obligation <id>', 'O1…O7', parseObligation)
    .action((pair: string, f: { year: number; obligation: ObligationId }) =>
      act(
        deps,
        pair,
        f.year,
        (h) => h.executeUpdate(resendUpdate, { args: [{ actor: actor(), obligation: f.obligation }] }),
        'Đã gửi lại / resent',
      ),
    );

  cycle
    .command('dissolve <pair>')
    .description('Giải thể, hoặc ghép lại khi sáp nhập đơn vị / dissolve, or re-pair when units merge')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--reason <text>', 'lý do / reason')
    .option('--successor <pair>', 'mã cặp kế tiếp / successor pair code')
    .action((pair: string, f: { year: number; reason: string; successor?: string }) =>
      act(
        deps,
        pair,
        f.year,
        (h) =>
          h.executeUpdate(dissolveUpdate, {
            args: [
              {
                actor: actor(),
                reason: f.reason,
                ...(f.successor ? { successorPairCode: f.successor } : {}),
              },
            ],
          }),
        f.successor ? 'Đã ghép lại / re-paired' : 'Đã giải thể / dissolved',
      ),
    );

  cycle
    .command('factors <pair>')
    .description(
      'Ghi yếu tố tích cực của một bên rồi đề xuất lại / record positive factors and propose again',
    )
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--side <side>', 'sponsor | recipient', parseSide)
    .requiredOption('--text <text>', 'nội dung (để trống để xoá) / the factors (empty clears them)')
    .action((pair: string, f: { year: number; side: Side; text: string }) =>
      act(
        deps,
        pair,
        f.year,
        (h) =>
          h.executeUpdate(positiveFactorsUpdate, { args: [{ actor: actor(), side: f.side, text: f.text }] }),
        'Đã ghi yếu tố tích cực / positive factors recorded',
      ),
    );

  cycle
    .command('rate <pair>')
    .description('Xác nhận hoặc thay đổi xếp loại (O7) / confirm or override the final ratings (O7)')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .requiredOption('--sponsor <rating>', 'xếp loại đơn vị giúp đỡ / sponsor rating')
    .requiredOption('--recipient <rating>', 'xếp loại đơn vị được giúp đỡ / recipient rating')
    .option('--reason <text>', 'lý do (bắt buộc khi khác đề xuất) / reason (required when overriding)')
    .option('--decision <number>', 'số quyết định / decision number')
    .action(
      (
        pair: string,
        f: { year: number; sponsor: string; recipient: string; reason?: string; decision?: string },
      ) =>
        act(
          deps,
          pair,
          f.year,
          (h) =>
            h.executeUpdate(rateUpdate, {
              args: [
                {
                  actor: actor(),
                  sponsorRating: f.sponsor,
                  recipientRating: f.recipient,
                  ...(f.reason ? { reason: f.reason } : {}),
                  ...(f.decision ? { decisionNumber: f.decision } : {}),
                },
              ],
            }),
          'Đã ghi xếp loại / ratings recorded',
        ),
    );
}
