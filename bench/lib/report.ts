/**
 * What a benchmark reports: figures, each our value against its floor (what the engine or library underneath
 * reaches on the same machine in the same run), the ratio between them and the goal it is held to. The ratio,
 * not the raw value, is what the goals speak of: on a busy machine both sides slow down together.
 */

/** How a figure is judged: its ratio (ours against the floor) or our value itself, at most or at least a bound. */
export interface Goal {
  /** `ratio`: the goal bounds ours ÷ floor (or floor ÷ ours for durations, see {@link Figure.ratio}). */
  readonly of: 'ratio' | 'ours';
  readonly op: '>=' | '<=';
  readonly value: number;
}

/** One measured figure. */
export interface Figure {
  readonly name: string;
  /** Unit of `ours` and `floor` (e.g. `cycles/s`, `ms`, `MB`, `events`). */
  readonly unit: string;
  readonly ours: number;
  /** The floor measured in the same run, or null when the figure has none (a count, a memory size). */
  readonly floor: number | null;
  /**
   * How far we are from the floor, as a number where 1 means "as good as the floor": ours ÷ floor for rates
   * (higher is better), floor ÷ ours for durations and per-item costs (lower is better), ours ÷ floor for
   * counts held to "at most k × the minimum". Null without a floor.
   */
  readonly ratio: number | null;
  /** Null for an informational figure. */
  readonly goal: Goal | null;
  /** Whether the goal is met; null without a goal. */
  readonly pass: boolean | null;
  readonly note?: string;
}

/** Whether higher or lower values of a figure are better (decides how its ratio is formed). */
export type Better = 'higher' | 'lower' | 'count';

/** Builds a figure, computing its ratio and whether it passes. */
export function figure(options: {
  name: string;
  unit: string;
  ours: number;
  floor?: number | null;
  better: Better;
  goal?: Goal | null;
  note?: string;
}): Figure {
  const floor = options.floor ?? null;
  let ratio: number | null = null;
  if (floor !== null && floor > 0 && options.ours > 0) {
    ratio = options.better === 'lower' ? floor / options.ours : options.ours / floor;
  }
  const goal = options.goal ?? null;
  let pass: boolean | null = null;
  if (goal) {
    const value = goal.of === 'ratio' ? ratio : options.ours;
    pass = value === null ? false : goal.op === '>=' ? value >= goal.value : value <= goal.value;
  }
  return {
    name: options.name,
    unit: options.unit,
    ours: round(options.ours),
    floor: floor === null ? null : round(floor),
    ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
    goal,
    pass,
    ...(options.note !== undefined ? { note: options.note } : {}),
  };
}

/** Rounds to `digits` significant decimals (keeps small numbers readable, large ones whole). */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const places = abs >= 100 ? 1 : abs >= 1 ? digits : digits + 2;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** The outcome of one benchmark run. */
export interface BenchmarkResult {
  readonly name: string;
  readonly title: string;
  /** `done`: measured; `failed`: it threw (see `error`). */
  readonly status: 'done' | 'failed';
  readonly pairs: number;
  readonly startedAt: string;
  readonly durationS: number;
  readonly figures: readonly Figure[];
  /** Anything else worth keeping (counts, settings, breakdowns), flat JSON. */
  readonly details: Record<string, unknown>;
  readonly error?: string;
}

/** A goal as people read it: `ratio ≥ 0.8`, `≤ 0.1 MB`. */
export function describeGoal(goal: Goal | null, unit: string): string {
  if (!goal) return '';
  const op = goal.op === '>=' ? '≥' : '≤';
  return goal.of === 'ratio' ? `ratio ${op} ${goal.value}` : `${op} ${goal.value} ${unit}`;
}

function firstLine(text: unknown): string {
  return typeof text === 'string' ? (text.split('\n')[0] ?? '') : '';
}

/** A plain-text table of every figure of `results`, one line each. */
export function resultTable(results: readonly BenchmarkResult[]): string {
  const header = ['bench', 'figure', 'ours', 'floor', 'ratio', 'goal', 'pass'];
  const rows: string[][] = [];
  for (const result of results) {
    if (result.status !== 'done') {
      rows.push([
        result.name,
        result.title,
        result.status,
        '',
        '',
        '',
        firstLine(result.error ?? result.details.reason),
      ]);
      continue;
    }
    for (const f of result.figures) {
      rows.push([
        result.name,
        f.name,
        `${f.ours} ${f.unit}`,
        f.floor === null ? '' : `${f.floor} ${f.unit}`,
        f.ratio === null ? '' : String(f.ratio),
        describeGoal(f.goal, f.unit),
        f.pass === null ? '' : f.pass ? 'pass' : 'FAIL',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
