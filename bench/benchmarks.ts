/** Every benchmark, by name, with what it measures (BENCHMARKS.md explains each and its floor). */
import { runB1 } from './b1-open-year';
import { runB2 } from './b2-reminder-burst';
import { runB3 } from './b3-history-events';
import { runB4 } from './b4-dashboard-list';
import { runB5 } from './b5-worker-memory';
import { runB6 } from './b6-roster-import';
import { runB7 } from './b7-worker-restart';
import type { BenchContext, BenchmarkOutput } from './lib/context';

/** A benchmark of the registry. */
export interface Benchmark {
  readonly name: string;
  readonly title: string;
  readonly run: (ctx: BenchContext) => Promise<BenchmarkOutput>;
}

/** The benchmarks in the order `all` runs them. */
export const BENCHMARKS: readonly Benchmark[] = [
  { name: 'B1', title: 'open a year (twinning cycle open), worker running', run: runB1 },
  { name: 'B2', title: 'reminders due at one instant, until SMTP accepted all', run: runB2 },
  { name: 'B3', title: 'history events per pair-year for each scenario', run: runB3 },
  { name: 'B4', title: 'dashboard list API over N cycles, p50 and p95, 10 users', run: runB4 },
  { name: 'B5', title: 'worker memory with open cycles and after a deadline burst', run: runB5 },
  { name: 'B6', title: 'roster import of N units and pairs', run: runB6 },
  { name: 'B7', title: 'worker restarted with N open cycles, until all answer a status query', run: runB7 },
];
