/**
 * Every benchmark of bench/ at a tiny size, on the real services it uses (dev servers, PostgreSQL, SMTP
 * catchers, worker processes, the simulator): the figures are produced and sane — counts equal, nothing lost,
 * every ratio positive. No timing is asserted: timings belong to BENCHMARKS.md, not to the suite. The
 * benchmarks run two at a time to keep the file short; at this size they barely load the machine.
 */
import os from 'node:os';
import path from 'node:path';
import { BENCHMARKS } from '../../bench/benchmarks';
import { createContext, type RunContext } from '../../bench/lib/context';
import type { BenchmarkOutput } from '../../bench/lib/context';
import { temporalCliPath } from '../../system/toolchain';
import { loadConfig } from '../../worker/config';
import { adminUrl } from '../support/postgres';

const PAIRS = 3;
let run: RunContext;
const outputs = new Map<string, BenchmarkOutput>();

beforeAll(async () => {
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl();
  run = createContext({
    pairs: PAIRS,
    concurrency: 4,
    databases: ['postgres'],
    leadSeconds: 25,
    temporalCli: temporalCliPath(loadConfig({})),
    scratch: path.join(os.tmpdir(), `twinning-bench-smoke-${process.pid}`),
    quiet: true,
  });
  const runOne = async (name: string) => {
    const benchmark = BENCHMARKS.find((b) => b.name === name)!;
    const ctx = await run.forBenchmark(name);
    try {
      outputs.set(name, await benchmark.run(ctx));
    } finally {
      await ctx.cleanup();
    }
  };
  const queue = BENCHMARKS.map((b) => b.name);
  await Promise.all(
    [0, 1].map(async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) await runOne(name);
    }),
  );
}, 600_000);

afterAll(async () => {
  await run?.close();
});

const value = (name: string, figure: string) => {
  const found = outputs.get(name)?.figures.find((f) => f.name.startsWith(figure));
  if (!found) throw new Error(`${name} has no figure "${figure}"`);
  return found;
};

describe('every benchmark at a tiny size', () => {
  it('lists the seven benchmarks of the issue, in order', () => {
    expect(BENCHMARKS.map((b) => b.name)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7']);
  });

  it('B1: ours and the floor start every cycle; a killed opening leaves every cycle started', () => {
    expect(value('B1', 'start rate, postgres').ratio).toBeGreaterThan(0);
    const details = outputs.get('B1')!.details.postgres as { ours: { started: number; existing: number } };
    expect([details.ours.started, details.ours.existing]).toEqual([PAIRS, 0]);
    expect(value('B1', 'opener workflow, worker killed at 40 %').ours).toBe(PAIRS);
  });

  it('B2: every reminder accepted, none lost, one Message-ID each', () => {
    expect(value('B2', 'reminders lost').ours).toBe(0);
    expect(value('B2', 'distinct Message-IDs').ours).toBe(PAIRS);
    expect(value('B2', 'reminders accepted').ratio).toBeGreaterThan(0);
  });

  it("B2: the engine floor's bare workflows send every message once", () => {
    const details = outputs.get('B2')!.details.engineFloor as { accepted: number; distinct: number };
    expect([details.accepted, details.distinct]).toEqual([PAIRS, PAIRS]);
    expect(value('B2', 'the same against the engine floor').ratio).toBeGreaterThan(0);
  });

  it('B3: each scenario has a history above its minimum', () => {
    const scenarios = outputs.get('B3')!.figures.filter((f) => f.name.startsWith('events per pair-year:'));
    expect(scenarios.map((f) => f.name.replace('events per pair-year: ', ''))).toEqual([
      'on time',
      'late',
      'never signs',
      'extension',
      'dissolution',
    ]);
    for (const f of scenarios) expect(f.ours).toBeGreaterThanOrEqual(f.floor!);
  });

  it('B4: the API and the raw SQL answer the same, and both are timed for every request', () => {
    const details = outputs.get('B4')!.details.postgres as { requests: number; sameAnswersChecked: number };
    expect(details).toMatchObject({ requests: 600, sameAnswersChecked: 100 });
    expect(value('B4', 'list API p95, 10 users, postgres').ratio).toBeGreaterThan(0);
  });

  it('B5: the worker has a resident size, and it is read after the burst too', () => {
    expect(value('B5', 'worker memory, idle').ours).toBeGreaterThan(50);
    const burst = outputs.get('B5')!.details.burst as { lost: number; accepted: number };
    expect([burst.lost, burst.accepted]).toEqual([0, PAIRS]);
  });

  it('B6: ours and the floor write the same rows', () => {
    const rows = outputs.get('B6')!.details.rowsWritten as Record<string, number>;
    expect(rows.pairs).toBe(PAIRS);
    expect(value('B6', 'roster import').ratio).toBeGreaterThan(0);
  });

  it('B7: every cycle answers after the restart, and the replay floor is measured', () => {
    expect(value('B7', 'worker restart').ratio).toBeGreaterThan(0);
  });
});
