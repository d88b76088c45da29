/**
 * Runs `scripts/start.ts` (what `npm start` runs after bootstrap) as a child process on ports and a data
 * directory of the test's own, and waits until it says it is ready.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** A running system started by a test. */
export interface RunningSystem {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code. */
  interrupt(timeoutMs?: number): Promise<number | null>;
}

/** Ports and data directory for one system under test. */
export interface SystemEnv {
  readonly dataDir: string;
  readonly webPort: number;
  readonly pgPort: number;
  readonly temporalPort: number;
  readonly temporalUiPort: number;
  readonly smtpPort: number;
}

/** The environment variables that place a system on `env`'s ports. */
export function systemVariables(env: SystemEnv): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'SMTP_URL', 'TEMPORAL_UI_URL'])
    delete inherited[name];
  return {
    ...inherited,
    DATA_DIR: env.dataDir,
    WEB_PORT: String(env.webPort),
    EMBEDDED_PG_PORT: String(env.pgPort),
    EMBEDDED_TEMPORAL_PORT: String(env.temporalPort),
    EMBEDDED_TEMPORAL_UI_PORT: String(env.temporalUiPort),
    EMBEDDED_SMTP_PORT: String(env.smtpPort),
  };
}

/** Spawns scripts/start.ts and collects everything it prints. */
function spawnStart(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'start.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

/** Starts the system; resolves once it printed "ready", rejects if it exits or times out first. */
export function startSystem(env: NodeJS.ProcessEnv, timeoutMs = 240_000): Promise<RunningSystem> {
  const { child, output } = spawnStart(env);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const system: RunningSystem = {
    child,
    output,
    async interrupt(stopTimeoutMs = 60_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`system not ready within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = (): void => {
      if (/\[start\].* ready: http/.test(output())) {
        clearTimeout(timer);
        resolve(system);
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`system exited with code ${code} before it was ready:\n${output()}`));
    });
  });
}

/** Runs the system expecting it to fail at start-up; resolves with its exit code and output. */
export function startSystemExpectingFailure(
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnStart(env);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output() });
    });
  });
}

/** Runs the `twinning` program as a user would, with `vars` as its environment; resolves with its exit code and output. */
export function runTwinning(
  vars: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'bin', 'twinning.js'), ...args],
      { cwd: root, env: vars },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
