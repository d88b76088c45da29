/**
 * `twinning cycle …`: open a year (one workflow per active pair), list cycles from the read model, and show
 * one cycle's obligations, timeline and what it waits for.
 */
import type { Command } from 'commander';
import { timelineLines } from '../../domain/cycle/timeline';
import { formatDate, formatDateTime, formatDueDay } from '../../domain/format';
import { bilingual } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import { obligationStatusFromDb, type CyclePhase, type ObligationId } from '../../domain/cycle/types';
import { currentYearInVietnam } from '../../roster/import';
import { openYear } from '../../services/cycle-opener';
import { listCycles, showCycle, type CycleRow } from '../../services/cycle-read';
import { nowOf, type CliDeps } from '../deps';
import { parseAsOf, parseYear } from '../options';
import { registerCycleActionCommands } from './cycle-actions';
import { progressBar } from '../progress';

function phaseName(phase: string): string {
  const v = cycleVocabulary.phase[phase as CyclePhase];
  return v ? `${v.vi} / ${v.en}` : phase;
}

function obligationName(id: string): string {
  const v = cycleVocabulary.obligation[id as ObligationId];
  return v ? `${id} ${v.vi}` : id;
}

function statusName(status: string): string {
  const v = cycleVocabulary.status[obligationStatusFromDb(status)];
  return `${v.vi} / ${v.en}`;
}

function describeRow(c: CycleRow): string {
  const waiting =
    c.waitingFor.length > 0
      ? `chờ ${c.waitingFor.join(', ')} từ ${c.waitingSince ? formatDate(c.waitingSince) : '?'}`
      : '—';
  return [
    c.pairCode.padEnd(12),
    `${c.sponsor.name} → ${c.recipient.name}`.padEnd(60),
    phaseName(c.phase).padEnd(36),
    waiting.padEnd(30),
    c.escalationLevel > 0 ? `leo thang ${c.escalationLevel}` : '',
    c.overdue ? 'QUÁ HẠN' : '',
  ]
    .join('  ')
    .trimEnd();
}

/** Registers the `cycle` commands. */
export function registerCycleCommands(program: Command, deps: CliDeps): void {
  const cycle = program
    .command('cycle')
    .description('Chu kỳ hằng năm của các cặp / the annual cycles of the pairs');
  registerCycleActionCommands(cycle, deps);

  cycle
    .command('open')
    .description(
      'Mở năm: khởi động một chu kỳ cho mỗi cặp đang hoạt động / open a year: one cycle per active pair',
    )
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .option(
      '--as-of <moment>',
      "diễn tập: mở như thể đang là 'dd/mm/yyyy [HH:MM]' (mặc định 09:00), thời gian trôi như thật / rehearsal: open as if it were that moment (default 09:00), time then runs at its real pace",
      parseAsOf,
    )
    .option('--json', 'in JSON / print JSON')
    .action(async (flags: { year: number; asOf?: string; json?: boolean }) => {
      const prisma = await deps.getPrisma();
      const client = await deps.getTemporal();
      const bar = progressBar(process.stderr.isTTY === true && !flags.json, `Mở năm ${flags.year}`);
      const result = await openYear(prisma, client, {
        year: flags.year,
        taskQueue: deps.config.temporal.taskQueue,
        ...(deps.config.cycleOpenConcurrency !== undefined
          ? { concurrency: deps.config.cycleOpenConcurrency }
          : {}),
        onProgress: (done, total) => bar.update(done, total),
        // Each cycle stands at that instant when it starts, and its business time runs on from there.
        ...(flags.asOf !== undefined ? { openedAt: flags.asOf } : {}),
      });
      bar.stop();
      if (flags.json) {
        deps.out(JSON.stringify(result));
        return;
      }
      if (result.started.length === 0 && result.existing.length === 0) {
        deps.out(
          `Không có cặp nào hoạt động trong năm ${result.year}. / No pair is active in ${result.year}.`,
        );
      } else if (result.started.length === 0) {
        deps.out(
          `Năm ${result.year} đã được mở: ${result.existing.length} chu kỳ đã có, không khởi động thêm. / ` +
            `Year ${result.year} is already open: ${result.existing.length} cycles exist, nothing started.`,
        );
      } else {
        deps.out(
          `Đã khởi động ${result.started.length} chu kỳ, ${result.existing.length} đã có từ trước. / ` +
            `Started ${result.started.length} cycles, ${result.existing.length} already existed.`,
        );
      }
    });

  cycle
    .command('status')
    .description('Danh sách chu kỳ theo năm, giai đoạn, quá hạn / list cycles by year, phase, overdue')
    .option('--year <year>', 'năm / year (mặc định năm nay / default this year)', parseYear)
    .option(
      '--phase <phase>',
      'giai đoạn / phase: needsProposal, agreement, implementation, yearEndReporting, evaluation, closed',
    )
    .option('--overdue', 'chỉ các chu kỳ quá hạn / only overdue cycles')
    .option('--json', 'in JSON / print JSON')
    .action(async (flags: { year?: number; phase?: string; overdue?: boolean; json?: boolean }) => {
      if (flags.phase && !(flags.phase in cycleVocabulary.phase)) {
        throw new Error(
          bilingual('cli.invalidPhase', {
            value: flags.phase,
            allowed: Object.keys(cycleVocabulary.phase).join(', '),
          }),
        );
      }
      const year = flags.year ?? currentYearInVietnam(nowOf(deps));
      const rows = await listCycles(await deps.getPrisma(), {
        year,
        ...(flags.phase ? { phase: flags.phase } : {}),
        ...(flags.overdue ? { overdue: true } : {}),
      });
      if (flags.json) {
        deps.out(JSON.stringify(rows));
        return;
      }
      if (rows.length === 0) {
        deps.out(`Không có chu kỳ nào (năm ${year}). / No cycles (year ${year}).`);
        return;
      }
      for (const row of rows) deps.out(describeRow(row));
      deps.out(`${rows.length} chu kỳ / cycles`);
    });

  cycle
    .command('show <pair>')
    .description('Chi tiết một chu kỳ / one cycle in detail')
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .option('--json', 'in JSON / print JSON')
    .action(async (pair: string, flags: { year: number; json?: boolean }) => {
      const detail = await showCycle(await deps.getPrisma(), pair, flags.year);
      if (!detail) {
        throw new Error(bilingual('cli.noCycle', { pair, year: flags.year }));
      }
      if (flags.json) {
        deps.out(JSON.stringify(detail));
        return;
      }
      deps.out(`${detail.pairCode} ${flags.year}: ${detail.sponsor.name} → ${detail.recipient.name}`);
      deps.out(`Giai đoạn / phase: ${phaseName(detail.phase)}`);
      deps.out(
        detail.waitingFor.length > 0
          ? `Đang chờ / waiting for: ${detail.waitingFor.map(obligationName).join('; ')} — từ / since ${detail.waitingSince ? formatDateTime(detail.waitingSince) : '?'}`
          : 'Không chờ nghĩa vụ nào / waiting for nothing',
      );
      if (detail.nextTimerAt) deps.out(`Mốc tiếp theo / next timer: ${formatDateTime(detail.nextTimerAt)}`);
      deps.out(
        `Mức leo thang / escalation level: ${detail.escalationLevel}${detail.overdue ? ' — QUÁ HẠN / OVERDUE' : ''}`,
      );
      if (detail.flags.length > 0) deps.out(`Cờ / flags: ${detail.flags.join(', ')}`);
      deps.out('');
      deps.out('Nghĩa vụ / obligations:');
      for (const o of detail.obligations) {
        const statutory = formatDueDay(o.statutoryDue);
        const effective = formatDueDay(o.effectiveDue);
        const due = statutory === effective ? effective : `${statutory} → ${effective}`;
        deps.out(
          `  ${obligationName(o.obligation).padEnd(50)} hạn / due ${due.padEnd(24)} ${statusName(o.status)}` +
            (o.completedAt ? ` (${formatDateTime(o.completedAt)})` : ''),
        );
      }
      deps.out('');
      deps.out('Diễn biến / timeline:');
      for (const line of timelineLines(detail, { levels: detail.ratingLevels })) {
        deps.out(`  ${formatDateTime(line.at)}  ${line.vi} / ${line.en}`);
      }
    });
}
