/**
 * `--json` output well over 64 KiB read whole through a real pipe, as `twinning … --json | jq` does: the
 * program must let Node flush standard output before it ends (process.exit() used to cut it at 64 KiB), and
 * must end by itself once the command is done (no client left open).
 */
import { nextDeadlineOf } from '../../domain/cycle/next-deadline';
import { bilingual } from '../../domain/messages';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'twinning.js');

/**
 * Reads all of standard input, parses it as JSON and prints how many bytes came and what they held; says in
 * one short line when they are not JSON (a cut-off document).
 */
const READER = `let s = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (s += d));
process.stdin.on('end', () => {
  const bytes = Buffer.byteLength(s);
  try {
    process.stdout.write(JSON.stringify({ bytes, value: JSON.parse(s) }));
  } catch (error) {
    process.stderr.write('not JSON after ' + bytes + ' bytes: ' + error.message + '\\n');
    process.exitCode = 1;
  }
});`;

interface Piped {
  /** Exit status of `twinning`. */
  readonly cli: number;
  /** How many bytes came through the pipe, and the JSON they held. */
  readonly bytes: number;
  readonly value: unknown;
  readonly stderr: string;
}

/**
 * Runs `node bin/twinning.js ARGS | node -e READER` in bash. Fails if the pipeline has not ended within
 * `timeoutMs`: a client left open would keep the CLI alive after its output.
 */
function throughPipe(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Piped> {
  const script =
    '"$NODE" "$CLI" "$@" | "$NODE" -e "$READER"; echo "exit ${PIPESTATUS[0]} ${PIPESTATUS[1]}" >&2';
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'pipe', ...args], {
      env: { ...env, NODE: process.execPath, CLI, READER },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`twinning ${args.join(' ')} did not exit within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const codes = /exit (\d+) (\d+)\s*$/.exec(stderr);
      if (!codes) return reject(new Error(`no exit status from the pipeline:\n${stderr}`));
      if (codes[2] !== '0') return reject(new Error(`the reader could not parse the output:\n${stderr}`));
      const read = JSON.parse(stdout) as { bytes: number; value: unknown };
      resolve({ cli: Number(codes[1]), ...read, stderr });
    });
  });
}

describe('twinning roster import --dry-run --json through a pipe', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pipe-output-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints every one of 3,000 problems as one whole JSON document', async () => {
    const units = Array.from({ length: 3000 }, (_, i) => ({
      code: `SO-${i + 1}`,
      name: `Sở số ${i + 1}`,
      kind: 'DEPARTMENT',
      staff: -1,
    }));
    const file = path.join(dir, 'bad-roster.json');
    await writeFile(file, JSON.stringify({ units, pairs: [] }));

    // A bad file is refused before any database is needed, so nothing here needs PostgreSQL.
    const run = await throughPipe(['roster', 'import', file, '--dry-run', '--json'], process.env);

    expect(run.cli).toBe(1);
    // The person at the terminal reads the summary on stderr; stdout is the JSON alone.
    expect(run.stderr).toContain(bilingual('roster.invalid', { count: 3000 }));
    expect(run.bytes).toBeGreaterThan(1024 * 1024);
    const result = run.value as {
      ok: boolean;
      errors: { row: number; key: string; vi: string; en: string }[];
    };
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(3000);
    expect(result.errors.every((e) => e.key === 'roster.staffInvalid')).toBe(true);
    expect(result.errors[2999]).toMatchObject({
      row: 3000,
      vi: 'bad-roster.json, trang units, dòng 3000, cột staff: Số biên chế «-1» không hợp lệ: phải là số nguyên không âm.',
      en: 'bad-roster.json, sheet units, row 3000, column staff: The staff count "-1" is invalid: it must be a non-negative whole number.',
    });
  });
});

describe('twinning cycle status --json through a pipe', () => {
  const PAIRS = 2000;
  const code = (i: number) => `KN-${String(i).padStart(4, '0')}`;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    // 40 departments × 50 communes = 2,000 pairs, each with its 2026 cycle and seven obligations.
    const sponsors = Array.from({ length: 40 }, (_, i) => ({
      id: `unit-so-${i}`,
      code: `SO-${i}`,
      name: `Sở số ${i}`,
      kind: 'DEPARTMENT' as const,
    }));
    const communes = Array.from({ length: 50 }, (_, i) => ({
      id: `unit-xa-${i}`,
      code: `XA-${i}`,
      name: `Xã số ${i}`,
      kind: 'COMMUNE' as const,
    }));
    await db.prisma.unit.createMany({ data: [...sponsors, ...communes] });
    const pairs = Array.from({ length: PAIRS }, (_, i) => ({
      id: `pair-${i + 1}`,
      code: code(i + 1),
      sponsorId: `unit-so-${i % 40}`,
      recipientId: `unit-xa-${Math.floor(i / 40)}`,
      validFrom: new Date('2020-01-01T00:00:00Z'),
    }));
    await db.prisma.pair.createMany({ data: pairs });
    const obligations = ['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7'] as const;
    const obligationRows = (i: number) =>
      obligations.map((obligation) => ({
        cycleId: `cycle-${i + 1}-2026`,
        obligation,
        status: 'PENDING' as const,
        statutoryDue: new Date('2026-02-28T17:00:00Z'),
        effectiveDue: new Date('2026-03-02T17:00:00Z'),
      }));
    const cycle = (i: number, year: number) => ({
      id: `cycle-${i + 1}-${year}`,
      pairId: `pair-${i + 1}`,
      year,
      workflowId: `twinning-cycle:${code(i + 1)}:${year}`,
      phase: year === 2026 ? 'needsProposal' : 'closed',
      waitingFor: year === 2026 ? 'O1,O2' : null,
      waitingSince: year === 2026 ? new Date('2025-12-31T17:05:00Z') : null,
      // The columns the cycle's writes keep, as they would hold them (2025's cycles have no obligation rows).
      ...nextDeadlineOf(year === 2026 ? obligationRows(i) : []),
    });
    // A few cycles of another year, which --year 2026 must leave out.
    await db.prisma.cycle.createMany({
      data: [
        ...Array.from({ length: PAIRS }, (_, i) => cycle(i, 2026)),
        ...[0, 1, 2].map((i) => cycle(i, 2025)),
      ],
    });
    await db.prisma.cycleObligation.createMany({
      data: Array.from({ length: PAIRS }, (_, i) => obligationRows(i)).flat(),
    });
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('prints all 2,000 cycles of the year as one whole JSON array, then exits', async () => {
    const run = await throughPipe(['cycle', 'status', '--year', '2026', '--json'], {
      ...process.env,
      DATABASE_URL: db.url,
    });

    expect(run.stderr.replace(/exit \d+ \d+\s*$/, '')).toBe('');
    expect(run.cli).toBe(0);
    expect(run.bytes).toBeGreaterThan(64 * 1024);
    const rows = run.value as { pairCode: string; year: number; phase: string; waitingFor: string[] }[];
    expect(rows).toHaveLength(PAIRS);
    expect(rows[0]).toMatchObject({
      pairCode: 'KN-0001',
      year: 2026,
      phase: 'needsProposal',
      sponsor: { code: 'SO-0', name: 'Sở số 0' },
      recipient: { code: 'XA-0', name: 'Xã số 0' },
      waitingFor: ['O1', 'O2'],
      waitingSince: '2025-12-31T17:05:00.000Z',
    });
    expect(rows[PAIRS - 1]).toMatchObject({
      pairCode: 'KN-2000',
      sponsor: { code: 'SO-39' },
      recipient: { code: 'XA-49' },
    });
    expect(rows.every((r) => r.year === 2026)).toBe(true);
  });
});
