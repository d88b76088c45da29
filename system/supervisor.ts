/**
 * Supervision of one part of `npm start` (PGlite, the Temporal dev server, the worker, the web server): starts
 * it, and when it exits unexpectedly logs that and starts it again after a backoff (1 s doubling to 30 s, back
 * to 1 s after a run that stayed up a minute). When restarts keep failing the supervisor gives up and says so
 * once, in both languages, naming the part and its log; the caller then stops the system. Officials leave the
 * system running for months: one crash must not take every part down with it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { t, type Lang, type MessageKey, type MessageParams } from '../domain/messages';
import { describeExit, type ManagedProcess, type ProcessExit } from './child-process';
import { waitForPortsFree } from './ports';
import {
  exitText,
  type PartExit,
  type PartState,
  type PartStatus,
  type SupervisedPartName,
} from './supervisor-status';

/** What the supervisor needs to know about a part. */
export interface SupervisedPart {
  /** The part's key in the status file and on the landing page. */
  readonly name: SupervisedPartName;
  /** How logs name it, e.g. `PostgreSQL (PGlite)`. */
  readonly label: string;
  /** Starts the process, without waiting for it to serve. */
  spawn(): ManagedProcess;
  /**
   * Resolves once the process serves (e.g. its port answers). The supervisor gives up waiting when the
   * process exits first or when `signal` aborts (a stop); without it, the part counts as up once spawned.
   */
  ready?(proc: ManagedProcess, signal: AbortSignal): Promise<void>;
  /** Ports the part listens on: a restart first waits until they are free, so it comes back on the same ones. */
  readonly ports?: readonly number[];
  /** The address of those ports (default loopback). */
  readonly host?: string;
}

/** When and how often a part is restarted. */
export interface RestartPolicy {
  /** Delay before the first restart; doubles after each failed restart. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A run that lasts this long was a success: failures and the delay start again from zero. */
  readonly healthyAfterMs: number;
  /** Consecutive failed restarts (the part did not come up, or died before `healthyAfterMs`) before giving up. */
  readonly maxFailedRestarts: number;
  /** How long a restart waits for the part's ports to be free. */
  readonly portsFreeTimeoutMs: number;
  /** How long a stop waits after SIGTERM before SIGKILL. */
  readonly stopGraceMs: number;
}

/** The policy of `npm start`. */
const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  maxFailedRestarts: 5,
  portsFreeTimeoutMs: 30_000,
  stopGraceMs: 10_000,
};

/** Options of a {@link Supervisor}. */
export interface SupervisorOptions {
  readonly policy?: Partial<RestartPolicy>;
  /** Where restart lines go (`npm start` prints them). */
  readonly log: (line: string) => void;
  /** Called on every change of the part's status (to write the status file). */
  readonly onStatus?: (status: PartStatus) => void;
  /** Called once when restarts keep failing, with the message to show; the caller stops the system. */
  readonly onGiveUp: (message: string) => void;
}

/** A message whose parameters depend on the language, in Vietnamese then English. */
function bilingualBy(key: MessageKey, params: (lang: Lang) => MessageParams): string {
  return `${t(key, params('vi'), 'vi')} / ${t(key, params('en'), 'en')}`;
}

/** Thrown inside a start attempt when the process ends before it serves. */
class ExitedBeforeReady extends Error {
  constructor(
    readonly exit: ProcessExit,
    label: string,
    logFile: string,
  ) {
    super(`${label} exited before it was ready (${describeExit(exit)}); see ${logFile}`);
  }
}

/** Supervises one part: see the module comment. */
export class Supervisor {
  private readonly policy: RestartPolicy;
  private readonly stopping = new AbortController();
  private current: ManagedProcess | undefined;
  private currentStartedAt = 0;
  private restarts = 0;
  private failures = 0;
  private state: PartState = 'starting';
  private lastExit: PartExit | undefined;
  /** Why the last run or restart failed, for the give-up message. */
  private lastFailure: (lang: Lang) => string = () => '?';
  private logFile: string | undefined;
  private restarting: Promise<void> = Promise.resolve();

  constructor(
    readonly part: SupervisedPart,
    private readonly options: SupervisorOptions,
  ) {
    this.policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  }

  /** The part's status as the status file shows it. */
  get status(): PartStatus {
    return {
      name: this.part.name,
      state: this.state,
      ...(this.current?.child.pid !== undefined ? { pid: this.current.child.pid } : {}),
      restarts: this.restarts,
      ...(this.current ? { startedAt: new Date(this.currentStartedAt).toISOString() } : {}),
      ...(this.lastExit ? { lastExit: this.lastExit } : {}),
      ...(this.logFile ? { logFile: this.logFile } : {}),
    };
  }

  /** The running process, if any (its pid changes with every restart). */
  get process(): ManagedProcess | undefined {
    return this.current;
  }

  /**
   * First start: resolves once the part serves, and from then on restarts it when it exits. Rejects, with
   * nothing left running, when the part does not come up: start-up fails fast, as a busy port or a wrong
   * variable should.
   */
  async start(): Promise<void> {
    await this.launch();
  }

  /** Stops the part and every restart to come; resolves once its process has ended. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.current?.stop(this.policy.stopGraceMs);
    await this.restarting;
    if (this.state !== 'failed') this.setState('stopped');
  }

  /** Kills the running process at once (a second Ctrl-C); a stop in progress then ends quickly. */
  kill(): void {
    this.current?.child.kill('SIGKILL');
  }

  private setState(state: PartState): void {
    this.state = state;
    this.options.onStatus?.(this.status);
  }

  /** Spawns the process and waits until it serves; on failure nothing of it is left running. */
  private async launch(): Promise<void> {
    const signal = this.stopping.signal;
    signal.throwIfAborted();
    const proc = this.part.spawn();
    this.current = proc;
    this.currentStartedAt = Date.now();
    this.logFile = proc.logFile;
    this.setState('starting');
    const died = proc.exited.then((exit) => {
      throw new ExitedBeforeReady(exit, this.part.label, proc.logFile);
    });
    died.catch(() => undefined);
    const waiting = new AbortController();
    const onStop = (): void => waiting.abort();
    signal.addEventListener('abort', onStop);
    try {
      await Promise.race([this.part.ready?.(proc, waiting.signal), died]);
    } catch (error) {
      // A part that did not come up is stopped, so no half-started process keeps its port or data files.
      waiting.abort();
      await proc.stop(this.policy.stopGraceMs);
      this.current = undefined;
      if (error instanceof ExitedBeforeReady) this.recordExit(error.exit);
      throw error;
    } finally {
      signal.removeEventListener('abort', onStop);
    }
    this.setState('running');
    void proc.exited.then((exit) => {
      if (signal.aborted || this.current !== proc) return;
      this.current = undefined;
      this.recordExit(exit);
      if (Date.now() - this.currentStartedAt >= this.policy.healthyAfterMs) this.failures = 0;
      else if (this.restarts > 0) this.failures += 1;
      this.restarting = this.restartLoop(exit);
    });
  }

  private recordExit(exit: ProcessExit): void {
    const lastExit = { code: exit.code, signal: exit.signal, at: new Date().toISOString() };
    this.lastExit = lastExit;
    this.lastFailure = (lang) => exitText(lastExit, lang);
  }

  private delayMs(): number {
    return Math.min(this.policy.initialDelayMs * 2 ** this.failures, this.policy.maxDelayMs);
  }

  /** Restarts after backoff until the part comes up again, the supervisor stops, or restarts keep failing. */
  private async restartLoop(exit: ProcessExit): Promise<void> {
    const signal = this.stopping.signal;
    const log = this.logFile ?? '';
    if (this.failures < this.policy.maxFailedRestarts)
      this.options.log(
        bilingualBy('supervisor.exited', (lang) => ({
          part: this.part.label,
          exit: exitText(exit, lang),
          seconds: this.delayMs() / 1000,
          log,
        })),
      );
    for (;;) {
      if (this.failures >= this.policy.maxFailedRestarts) {
        this.setState('failed');
        this.options.onGiveUp(
          bilingualBy('supervisor.gaveUp', (lang) => ({
            part: this.part.label,
            failures: this.failures,
            reason: this.lastFailure(lang),
            log,
          })),
        );
        return;
      }
      this.setState('restarting');
      try {
        await sleep(this.delayMs(), undefined, { signal });
        if (this.part.ports)
          await waitForPortsFree(
            this.part.ports,
            this.part.host ?? '127.0.0.1',
            this.policy.portsFreeTimeoutMs,
            signal,
          );
        this.restarts += 1;
        await this.launch();
        this.options.log(
          bilingualBy('supervisor.restarted', () => ({
            part: this.part.label,
            restarts: this.restarts,
            pid: this.current?.child.pid ?? '?',
          })),
        );
        return;
      } catch (error) {
        if (signal.aborted) return;
        this.failures += 1;
        const reason = (error as Error).message;
        this.lastFailure = () => reason;
        if (this.failures < this.policy.maxFailedRestarts)
          this.options.log(
            bilingualBy('supervisor.restartFailed', () => ({
              part: this.part.label,
              reason,
              seconds: this.delayMs() / 1000,
              log,
            })),
          );
      }
    }
  }
}
