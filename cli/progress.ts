/** A progress bar on standard error for long CLI work, shown only on a terminal and never in --json mode. */
import { SingleBar } from 'cli-progress';

/** A bar that appears on the first update. */
export interface ProgressBar {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar labelled `label`; a no-op when `enabled` is false. */
export function progressBar(enabled: boolean, label = 'Tiến độ / Progress'): ProgressBar {
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!enabled) return;
      if (!bar) {
        bar = new SingleBar({
          format: `${label} [{bar}] {percentage}% | {value}/{total}`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(total, 0);
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
