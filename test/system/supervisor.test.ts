/**
 * The supervisor of `npm start` (system/supervisor.ts) with real child processes (`node -e` scripts that
 * crash, exit or are killed): a part that dies is restarted after a doubling backoff, its restart count and
 * last exit are recorded, a run that stayed up resets the backoff, restarts that keep failing end in one
 * bilingual message, a restart waits for the part's port to be free, and nothing is restarted while stopping.
 * Timings are injected so the file runs in seconds.
 */
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startProcess, type ManagedProcess } from '../../system/child-process';
import { waitForPort } from '../../system/ports';
import { Supervisor, type RestartPolicy, type SupervisedPart } from '../../system/supervisor';
import {
  readSupervisionStatus,
  writeSupervisionStatus,
  type PartStatus,
  type SupervisionStatus,
} from '../../system/supervisor-status';

let logDir: string;

beforeAll(async () => {
  logDir = await fs.mkdtemp(path.join(os.tmpdir(), 'supervisor-'));
});

afterAll(async () => {
  await fs.rm(logDir, { recursive: true, force: true });
});

/** A part running `script` with `node -e`; every spawn is recorded with its time. */
function nodePart(
  script: string | ((run: number) => string),
  extra: Partial<SupervisedPart> = {},
): { part: SupervisedPart; spawns: Array<{ at: number; proc: ManagedProcess }> } {
  const spawns: Array<{ at: number; proc: ManagedProcess }> = [];
  const part: SupervisedPart = {
    name: 'worker',
    label: 'node-part',
    spawn: () => {
      const source = typeof script === 'string' ? script : script(spawns.length);
      const proc = startProcess({
        name: 'node-part',
        command: process.execPath,
        args: ['-e', source],
        logDir,
      });
      spawns.push({ at: Date.now(), proc });
      return proc;
    },
    ...extra,
  };
  return { part, spawns };
}

/** A supervisor whose log lines, status changes and give-up message are collected. */
function supervise(part: SupervisedPart, policy: Partial<RestartPolicy>) {
  const lines: string[] = [];
  const statuses: PartStatus[] = [];
  const gaveUp: string[] = [];
  const supervisor = new Supervisor(part, {
    policy: { stopGraceMs: 2000, ...policy },
    log: (line) => lines.push(line),
    onStatus: (s) => statuses.push(s),
    onGiveUp: (message) => gaveUp.push(message),
  });
  return { supervisor, lines, statuses, gaveUp };
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const idle = 'setInterval(() => {}, 1000)';

it('restarts a killed part, records the restart and the signal, and logs both in both languages', async () => {
  const { part, spawns } = nodePart(idle);
  const { supervisor, lines, statuses } = supervise(part, { initialDelayMs: 100 });
  try {
    await supervisor.start();
    const first = spawns[0]!.proc;
    expect(supervisor.status).toMatchObject({
      name: 'worker',
      state: 'running',
      pid: first.child.pid,
      restarts: 0,
    });
    expect(supervisor.status.lastExit).toBeUndefined();

    const before = Date.now();
    first.child.kill('SIGKILL');
    await until(() => supervisor.status.state === 'running' && spawns.length === 2);
    const status = supervisor.status;
    expect(status).toMatchObject({
      state: 'running',
      pid: spawns[1]!.proc.child.pid,
      restarts: 1,
      lastExit: { code: null, signal: 'SIGKILL' },
      logFile: first.logFile,
    });
    expect(status.pid).not.toBe(first.child.pid);
    const exitAt = Date.parse(status.lastExit!.at);
    expect(exitAt).toBeGreaterThanOrEqual(before);
    expect(spawns[1]!.at - exitAt).toBeGreaterThanOrEqual(100);
    expect(lines).toEqual([
      `node-part dừng bất ngờ (tín hiệu SIGKILL); sẽ khởi động lại sau 0.1 giây. Nhật ký: ${first.logFile} / ` +
        `node-part exited unexpectedly (signal SIGKILL); restarting in 0.1 s. Log: ${first.logFile}`,
      `node-part đã chạy lại (lần khởi động lại thứ 1, pid ${status.pid}). / node-part is running again (restart 1, pid ${status.pid}).`,
    ]);
    // Every change reached the status callback, in order.
    expect(statuses.map((s) => s.state)).toEqual([
      'starting',
      'running',
      'restarting',
      'starting',
      'running',
    ]);
  } finally {
    await supervisor.stop();
  }
  expect(supervisor.status.state).toBe('stopped');
});

it('doubles the delay after each failed restart and gives up with one message naming the part and its log', async () => {
  // Each run exits with code 3 after 150 ms: never up long enough to count as a success.
  const { part, spawns } = nodePart('setTimeout(() => process.exit(3), 150)');
  const { supervisor, lines, statuses, gaveUp } = supervise(part, {
    initialDelayMs: 200,
    maxDelayMs: 10_000,
    healthyAfterMs: 10_000,
    maxFailedRestarts: 3,
  });
  await supervisor.start();
  await until(() => gaveUp.length > 0);
  const log = spawns[0]!.proc.logFile;
  expect(gaveUp).toEqual([
    `node-part đã khởi động lại 3 lần liên tiếp mà không chạy được (lần cuối: mã thoát 3); hệ thống dừng. Xem nhật ký ${log} / ` +
      `node-part failed 3 restarts in a row (last: exit code 3); the system stops. See its log ${log}`,
  ]);
  expect(spawns).toHaveLength(4);
  expect(supervisor.status).toMatchObject({
    state: 'failed',
    restarts: 3,
    lastExit: { code: 3, signal: null },
  });
  expect(supervisor.status.pid).toBeUndefined();
  // The gaps between a run's start and the next: 150 ms of run plus 200, 400, 800 ms of backoff.
  const gaps = spawns.slice(1).map((s, i) => s.at - spawns[i]!.at);
  expect(gaps[0]).toBeGreaterThanOrEqual(350);
  expect(gaps[1]).toBeGreaterThanOrEqual(550);
  expect(gaps[2]).toBeGreaterThanOrEqual(950);
  expect(
    lines
      .filter((l) => l.includes('exited unexpectedly'))
      .map((l) => /restarting in ([\d.]+) s/.exec(l)?.[1]),
  ).toEqual(['0.2', '0.4', '0.8']);
  expect(statuses.at(-1)?.state).toBe('failed');
  await supervisor.stop();
  expect(supervisor.status.state).toBe('failed');
  await new Promise((r) => setTimeout(r, 1000));
  expect(spawns).toHaveLength(4);
});

it('starts the backoff and the failure count again after a run that stayed up long enough', async () => {
  // Runs exit with code 1 at once, except the third, which stays up 2.5 s: longer than the 1.5 s that count
  // as healthy (a loaded machine may take a few hundred ms just to start node), so the restarts after it
  // start from the first delay and from no failures.
  const { part, spawns } = nodePart((run) =>
    run === 2 ? 'setTimeout(() => process.exit(1), 2500)' : 'process.exit(1)',
  );
  const { supervisor, lines, gaveUp } = supervise(part, {
    initialDelayMs: 100,
    healthyAfterMs: 1500,
    maxFailedRestarts: 3,
  });
  await supervisor.start();
  await until(() => gaveUp.length > 0);
  await supervisor.stop();
  expect(
    lines
      .filter((l) => l.includes('exited unexpectedly'))
      .map((l) => /restarting in ([\d.]+) s/.exec(l)?.[1]),
  ).toEqual(['0.1', '0.2', '0.1', '0.2', '0.4']);
  expect(spawns).toHaveLength(6);
  expect(supervisor.status).toMatchObject({
    state: 'failed',
    restarts: 5,
    lastExit: { code: 1, signal: null },
  });
});

it('counts a restart that does not come up as failed, and says why', async () => {
  // The first run serves; every later one exits at once with code 2, before it is ready.
  const { part, spawns } = nodePart((run) => (run === 0 ? idle : 'process.exit(2)'), {
    ready: (proc) => (proc === spawns[0]?.proc ? Promise.resolve() : new Promise(() => undefined)),
  });
  const { supervisor, lines, gaveUp } = supervise(part, { initialDelayMs: 100, maxFailedRestarts: 2 });
  await supervisor.start();
  const log = spawns[0]!.proc.logFile;
  spawns[0]!.proc.child.kill('SIGKILL');
  await until(() => gaveUp.length > 0);
  expect(spawns).toHaveLength(3);
  const reason = `node-part exited before it was ready (exit code 2); see ${log}`;
  expect(lines.slice(1)).toEqual([
    `node-part khởi động lại không được: ${reason}; sẽ thử lại sau 0.2 giây. Nhật ký: ${log} / ` +
      `node-part did not restart: ${reason}; trying again in 0.2 s. Log: ${log}`,
  ]);
  expect(gaveUp).toEqual([
    `node-part đã khởi động lại 2 lần liên tiếp mà không chạy được (lần cuối: ${reason}); hệ thống dừng. Xem nhật ký ${log} / ` +
      `node-part failed 2 restarts in a row (last: ${reason}); the system stops. See its log ${log}`,
  ]);
  expect(supervisor.status).toMatchObject({
    state: 'failed',
    restarts: 2,
    lastExit: { code: 2, signal: null },
  });
  await supervisor.stop();
});

it('fails the first start when the part exits before it is ready, leaving nothing running', async () => {
  const { part, spawns } = nodePart('process.exit(4)', { ready: () => new Promise(() => undefined) });
  const { supervisor, lines } = supervise(part, { initialDelayMs: 100 });
  const log = path.join(logDir, 'node-part.log');
  await expect(supervisor.start()).rejects.toThrow(
    `node-part exited before it was ready (exit code 4); see ${log}`,
  );
  await new Promise((r) => setTimeout(r, 500));
  expect(spawns).toHaveLength(1);
  expect(lines).toEqual([]);
  await supervisor.stop();
  expect(supervisor.status.state).toBe('stopped');
});

it('restarts a server only once its port is free again, and on that port', async () => {
  const port = 15_977;
  const { part, spawns } = nodePart(
    `require('node:net').createServer().listen(${port}, '127.0.0.1'); setInterval(() => {}, 1000)`,
    { ports: [port], ready: (_proc, signal) => waitForPort(port, '127.0.0.1', 10_000, signal) },
  );
  const { supervisor } = supervise(part, { initialDelayMs: 50, portsFreeTimeoutMs: 10_000 });
  try {
    await supervisor.start();
    spawns[0]!.proc.child.kill('SIGKILL');
    await spawns[0]!.proc.exited;
    // Something else holds the port for a while: the restart must wait for it rather than fail or move.
    const squatter = net.createServer();
    await new Promise<void>((r) => squatter.listen(port, '127.0.0.1', () => r()));
    await new Promise((r) => setTimeout(r, 700));
    expect(spawns).toHaveLength(1);
    const freedAt = Date.now();
    await new Promise((r) => squatter.close(r));
    await until(() => supervisor.status.state === 'running' && spawns.length === 2);
    expect(spawns[1]!.at).toBeGreaterThanOrEqual(freedAt);
    expect(supervisor.status.restarts).toBe(1);
  } finally {
    await supervisor.stop();
  }
});

it('restarts nothing while stopping: not a part that exits on the stop, nor one waiting for its restart', async () => {
  const running = nodePart(idle);
  const a = supervise(running.part, { initialDelayMs: 100 });
  await a.supervisor.start();
  await a.supervisor.stop();
  expect(running.spawns[0]!.proc.child.signalCode).toBe('SIGTERM');
  expect(a.supervisor.status).toMatchObject({ state: 'stopped', restarts: 0 });
  expect(a.supervisor.status.lastExit).toBeUndefined();

  // Killed, then stopped during its 1 s backoff: the pending restart never happens.
  const waiting = nodePart(idle);
  const b = supervise(waiting.part, { initialDelayMs: 1000 });
  await b.supervisor.start();
  waiting.spawns[0]!.proc.child.kill('SIGKILL');
  await until(() => b.supervisor.status.state === 'restarting');
  const stopped = Date.now();
  await b.supervisor.stop();
  expect(Date.now() - stopped).toBeLessThan(900);
  await new Promise((r) => setTimeout(r, 1500));
  expect(waiting.spawns).toHaveLength(1);
  expect(b.supervisor.status).toMatchObject({
    state: 'stopped',
    restarts: 0,
    lastExit: { signal: 'SIGKILL' },
  });
  expect(a.lines.concat(b.lines).filter((l) => l.includes('running again'))).toEqual([]);
});

it('writes the status file atomically and reads it back; a missing file reads as undefined', async () => {
  const file = path.join(logDir, 'supervisor.json');
  expect(await readSupervisionStatus(file)).toBeUndefined();
  const status: SupervisionStatus = {
    pid: 42,
    startedAt: '2026-02-16T00:59:00.000Z',
    parts: [
      {
        name: 'worker',
        state: 'running',
        pid: 43,
        restarts: 1,
        startedAt: '2026-02-16T01:00:05.000Z',
        lastExit: { code: null, signal: 'SIGKILL', at: '2026-02-16T01:00:00.000Z' },
        logFile: '/data/logs/worker.log',
      },
    ],
  };
  writeSupervisionStatus(file, status);
  expect(await readSupervisionStatus(file)).toEqual(status);
  expect((await fs.readdir(logDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  await fs.writeFile(file, '{"pid": "not a number"}');
  expect(await readSupervisionStatus(file)).toBeUndefined();
});
