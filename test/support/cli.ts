/** Runs commands of the `twinning` program in the test's process, with the test's dependencies. */
import { Command } from 'commander';
import type { CliDeps } from '../../cli/deps';

/**
 * Registers commands with `register`, runs `twinning ARGS…` and returns the exit code a user would get
 * (`process.exitCode`, reset before and after so that tests do not leak it into each other or into jest).
 */
export async function runTwinning(
  register: (program: Command, deps: CliDeps) => void,
  deps: CliDeps,
  args: readonly string[],
): Promise<number> {
  const program = new Command('twinning').exitOverride();
  register(program, deps);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'twinning', ...args]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } finally {
    process.exitCode = undefined;
  }
}
