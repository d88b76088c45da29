/**
 * The results file of a day, `bench/results/<yyyy-mm-dd>.json`: a list of runs, each with the machine, the
 * versions of what ran, the exact command and every benchmark's figures. A run is appended, never rewritten.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchmarkResult } from './report';

const run = promisify(execFile);

/** The machine a run was taken on (no host name or user: results are committed). */
export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryMB: number;
  readonly os: string;
  /** 1, 5 and 15 minute load averages when the run started: how busy the machine was. */
  readonly loadAverage: readonly number[];
}

/** Versions of what the figures depend on. */
export type Versions = Record<string, string>;

/** One invocation of `npm run bench`. */
export interface BenchRun {
  readonly startedAt: string;
  readonly command: string;
  readonly machine: MachineInfo;
  readonly versions: Versions;
  readonly benchmarks: readonly BenchmarkResult[];
}

/** The machine, now. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryMB: Math.round(os.totalmem() / 1048576),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function packageVersion(name: string): Promise<string> {
  try {
    // Read from node_modules: some packages (PGlite) do not export their package.json.
    const file = path.resolve(__dirname, '..', '..', 'node_modules', name, 'package.json');
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as { version?: string };
    return json.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Versions of Node, the libraries under test and the Temporal CLI (its dev server). */
export async function versions(temporalCli: string): Promise<Versions> {
  const libraries = [
    '@temporalio/worker',
    '@temporalio/client',
    '@prisma/client',
    '@electric-sql/pglite',
    'pg',
    'nodemailer',
    'smtp-server',
    'xstate',
  ];
  const out: Record<string, string> = { node: process.version };
  for (const name of libraries) out[name] = await packageVersion(name);
  try {
    const { stdout } = await run(temporalCli, ['--version']);
    out.temporalCli = stdout.trim();
  } catch {
    out.temporalCli = 'unknown';
  }
  return out;
}

/** `yyyy-mm-dd` of an instant, in UTC (the file a run goes to). */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Appends `entry` to `<dir>/<yyyy-mm-dd>.json` and returns the file's path. */
export async function appendRun(dir: string, entry: BenchRun): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${dayOf(new Date(entry.startedAt))}.json`);
  let runs: BenchRun[] = [];
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
    if (Array.isArray(parsed)) runs = parsed as BenchRun[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  runs.push(entry);
  // Written beside and renamed, so an interrupted run never leaves half a file.
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(runs, null, 2)}\n`);
  await fs.rename(temp, file);
  return file;
}
