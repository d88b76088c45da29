/**
 * `twinning simulate SCENARIO.json [--json] [--report FILE]`: a whole year on the time-skipping server against
 * a throw-away database (see simulate/run.ts), printed as a timeline in local time.
 */
import type { Command } from 'commander';
import { formatDateTime } from '../../domain/format';
import { simulate } from '../../simulate/run';
import type { TimelineLine } from '../../simulate/scenario';
import type { CliDeps } from '../deps';
import { progressBar } from '../progress';

function describe(line: TimelineLine): string {
  const what = [line.kind, line.obligation ?? '', line.level ? `cấp/level ${line.level}` : '']
    .filter(Boolean)
    .join(' ');
  const to = line.to.length > 0 ? ` → ${line.to.join(', ')}` : '';
  return `${formatDateTime(line.at)}  ${line.pair.padEnd(12)} ${what.padEnd(28)} ${line.detail}${to}`;
}

/** Registers `simulate`. */
export function registerSimulateCommands(program: Command, deps: CliDeps): void {
  program
    .command('simulate <scenario>')
    .description(
      'Mô phỏng cả năm trên máy chủ thử nghiệm, không đụng dữ liệu thật / simulate a whole year on the test server, never touching live data',
    )
    .option('--json', 'mỗi dòng một đối tượng JSON / one JSON object per line')
    .option(
      '--report <file>',
      'ghi báo cáo tổng kết năm mô phỏng (.html, .xlsx, .csv, .pdf) / write the simulated year-end summary',
    )
    .action(async (scenario: string, flags: { json?: boolean; report?: string }) => {
      const bar = progressBar(process.stderr.isTTY === true && !flags.json, 'Mô phỏng / Simulating');
      const result = await simulate(scenario, {
        config: deps.config,
        ...(flags.report ? { reportFile: flags.report } : {}),
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.stop();
      for (const line of result.timeline) deps.out(flags.json ? JSON.stringify(line) : describe(line));
      if (flags.json) return;
      const proposed = result.evaluations.filter((e) => e.proposed !== null).length;
      deps.out(
        `Đề xuất xếp loại: ${proposed}/${result.evaluations.length} đơn vị-cặp. / Rating proposals: ${proposed} of ${result.evaluations.length} unit-pair sides.`,
      );
      if (result.reportFile) deps.out(`Báo cáo / report: ${result.reportFile}`);
    });
}
