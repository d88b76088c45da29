/**
 * `npm run bench -- NAME|all [--pairs N] [--concurrency C] [--db postgres,pglite] [--out DIR] [--quiet]`:
 * runs benchmarks one after the other (never two at once: each would be the other's noise), prints a table of
 * every figure and appends the run to `<DIR>/<yyyy-mm-dd>.json` (default `bench/results/`). BENCHMARKS.md
 * says what each measures and its floor.
 */
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { TemporalSqliteSync } from '../system/embedded';
import { temporalCliPath } from '../system/toolchain';
import { loadConfig } from '../worker/config';
import { BENCHMARKS, type Benchmark } from './benchmarks';
import { createContext } from './lib/context';
import { resultTable, type BenchmarkResult } from './lib/report';
import { appendRun, machineInfo, versions } from './lib/results';
import type { DatabaseKind } from './lib/world';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
}

function workerEnv(value: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(value);
  if (!match) throw new InvalidArgumentError('must be NAME=VALUE, e.g. WORKER_MAX_CACHED_WORKFLOWS=2000');
  return { ...previous, [match[1]!]: match[2]! };
}

function temporalSync(value: string): TemporalSqliteSync {
  if (value !== 'off' && value !== 'normal' && value !== 'full')
    throw new InvalidArgumentError('must be off, normal or full');
  return value;
}

function databases(value: string): DatabaseKind[] {
  const kinds = value.split(',').map((v) => v.trim());
  for (const kind of kinds) {
    if (kind !== 'postgres' && kind !== 'pglite')
      throw new InvalidArgumentError('must be postgres, pglite or both');
  }
  return kinds as DatabaseKind[];
}

async function runOne(
  benchmark: Benchmark,
  run: ReturnType<typeof createContext>,
  pairs: number,
): Promise<BenchmarkResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const base = { name: benchmark.name, title: benchmark.title, pairs, startedAt: startedAt.toISOString() };
  const ctx = await run.forBenchmark(benchmark.name);
  try {
    ctx.log(`${benchmark.name}: ${benchmark.title} (${pairs} pairs)`);
    const output = await benchmark.run(ctx);
    return {
      ...base,
      status: 'done',
      durationS: Math.round((performance.now() - t0) / 100) / 10,
      figures: output.figures,
      details: { loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100), ...output.details },
    };
  } catch (error) {
    return {
      ...base,
      status: 'failed',
      durationS: Math.round((performance.now() - t0) / 100) / 10,
      figures: [],
      details: {},
      error: (error as Error).stack ?? String(error),
    };
  } finally {
    await ctx.cleanup();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('npm run bench --')
    .argument('<name>', `a benchmark (${BENCHMARKS.map((b) => b.name).join(', ')}) or all`)
    .option('--pairs <n>', 'pairs (cycles) to run with', positiveInt, 10_000)
    .option(
      '--concurrency <n>',
      'client concurrency of starts and queries (ours and floor alike)',
      positiveInt,
      32,
    )
    .option('--db <kinds>', 'databases for B1: postgres, pglite or postgres,pglite', databases, [
      'postgres',
      'pglite',
    ] as DatabaseKind[])
    .option(
      '--lead-seconds <s>',
      'B2, B5: seconds from opening the cycles to their reminders (default 30 + N/10)',
      positiveInt,
    )
    .option('--worker-env <NAME=VALUE>', "add to every worker's environment (repeatable)", workerEnv, {})
    .option(
      '--temporal-sync <mode>',
      "how the dev servers sync their SQLite file: off (default), normal, or full (the embedded system's)",
      temporalSync,
      'off' as TemporalSqliteSync,
    )
    .option('--out <dir>', 'where the results file is written', path.resolve(__dirname, 'results'))
    .option('--quiet', 'no progress bars or log lines on standard error')
    .exitOverride();
  program.parse(argv, { from: 'user' });
  const name = program.args[0] ?? '';
  const flags = program.opts<{
    pairs: number;
    concurrency: number;
    db: DatabaseKind[];
    leadSeconds?: number;
    workerEnv: Record<string, string>;
    temporalSync: TemporalSqliteSync;
    out: string;
    quiet?: boolean;
  }>();
  const selected =
    name.toLowerCase() === 'all' ? BENCHMARKS : BENCHMARKS.filter((b) => b.name === name.toUpperCase());
  if (selected.length === 0) {
    process.stderr.write(
      `unknown benchmark ${name}: one of ${BENCHMARKS.map((b) => b.name).join(', ')} or all\n`,
    );
    process.exitCode = 2;
    return;
  }
  const temporalCli = temporalCliPath(loadConfig());
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const run = createContext({
    pairs: flags.pairs,
    concurrency: flags.concurrency,
    databases: flags.db,
    workerEnv: flags.workerEnv,
    ...(flags.leadSeconds !== undefined ? { leadSeconds: flags.leadSeconds } : {}),
    temporalCli,
    temporalSync: flags.temporalSync,
    scratch: path.join(os.tmpdir(), `twinning-bench-${process.pid}`),
    quiet: flags.quiet === true,
  });
  const results: BenchmarkResult[] = [];
  try {
    for (const benchmark of selected) results.push(await runOne(benchmark, run, flags.pairs));
  } finally {
    await run.close();
  }
  const file = await appendRun(flags.out, {
    startedAt,
    command: ['npm', 'run', 'bench', '--', ...argv].join(' '),
    machine,
    versions: await versions(temporalCli),
    benchmarks: results,
  });
  process.stdout.write(`${resultTable(results)}\n\nresults: ${file}\n`);
  for (const r of results.filter((r) => r.status === 'failed'))
    process.stderr.write(`${r.name} failed:\n${r.error}\n`);
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  // commander has printed its own message for a bad option or --help.
  if (typeof code !== 'string' || !code.startsWith('commander.')) process.stderr.write(`${String(error)}\n`);
  process.exitCode = code === 'commander.helpDisplayed' ? 0 : 2;
});
