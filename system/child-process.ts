/**
 * A child process of `npm start`, with its output in a log file and a graceful stop: SIGTERM, then SIGKILL
 * after a grace period, so Ctrl-C never leaves an orphan holding a port or a database file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

/** How a process ended: its exit code, or the signal that killed it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A started child process. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves once the process has ended (code -1 when it could not be started at all). */
  readonly exited: Promise<ProcessExit>;
  /** Asks the process to stop and waits for it; kills it after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Options for {@link startProcess}. */
export interface StartProcessOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly logDir: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /**
   * Run in a process group of its own, so a Ctrl-C in the terminal reaches only the parent, which then stops
   * its children in order (`npm start`); otherwise every child would get the SIGINT at once and exit on its own.
   */
  readonly ownProcessGroup?: boolean;
}

/** `exit code 1` or `signal SIGKILL`: how a process ended, for logs. */
export function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${String(exit.code)}`;
}

/** Starts a child process whose stdout and stderr go to `<logDir>/<name>.log` (appended). */
export function startProcess(options: StartProcessOptions): ManagedProcess {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  // The log is closed once the output is drained ('close' comes after 'exit'): a part restarted for months
  // must not keep one open file per run.
  let logOpen = true;
  const closeLog = (last = ''): void => {
    if (logOpen) log.end(last);
    logOpen = false;
  };
  child.once('close', () => closeLog());
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (err) => {
      closeLog(`failed to start: ${err.message}\n`);
      resolve({ code: -1, signal: null });
    });
  });
  return {
    name: options.name,
    child,
    logFile,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
        await exited;
        return;
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Resolves once the process prints a line matching `pattern` on stdout (a process without a port says so when
 * it is ready), or rejects after `timeoutMs` or when `signal` aborts.
 */
export function waitForOutput(
  proc: ManagedProcess,
  pattern: RegExp,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const stdout = proc.child.stdout;
  if (!stdout) return Promise.reject(new Error(`${proc.name} has no standard output to watch`));
  return new Promise<void>((resolve, reject) => {
    let seen = '';
    const done = (error?: Error): void => {
      clearTimeout(timer);
      stdout.off('data', onData);
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer): void => {
      // Keep only the last line's beginning: a pattern may span two chunks, never two lines.
      seen = `${seen}${chunk.toString()}`;
      if (pattern.test(seen)) done();
      else seen = seen.slice(seen.lastIndexOf('\n') + 1);
    };
    const onAbort = (): void => done(new Error(`${proc.name}: stopped while starting`));
    const timer = setTimeout(
      () => done(new Error(`${proc.name} did not print ${String(pattern)} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    stdout.on('data', onData);
    signal?.addEventListener('abort', onAbort);
  });
}
