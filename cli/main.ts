/**
 * The `twinning` command-line program. Each area registers its commands from `cli/commands/<area>.ts`.
 * Errors an official can act on are printed as one clear message and exit code 1, never a stack trace.
 */
import type { Client } from '@temporalio/client';
import { Command, CommanderError } from 'commander';
import { createPrismaClient } from '../db/client';
import type { PrismaClient } from '../generated/prisma';
import { connectClient } from '../system/temporal-connection';
import { bilingual, type MessageKey } from '../domain/messages';
import { unstorableText, visibleText } from '../domain/text';
import { ConfigError, loadConfig } from '../worker/config';
import { registerBackupCommands } from './commands/backup';
import { registerCalendarCommands } from './commands/calendar';
import { registerCycleCommands } from './commands/cycle';
import { registerSimulateCommands } from './commands/simulate';
import { registerDbCommands } from './commands/db';
import { registerEvaluationCommands } from './commands/evaluation';
import { registerMailCommands } from './commands/mail';
import { registerRosterCommands } from './commands/roster';
import { registerUnitCommands } from './commands/unit';
import { registerUserCommands } from './commands/user';
import type { CliDeps } from './deps';

/** Commander's error codes and the catalogue's message for each; other codes get `cli.usage`. */
const USAGE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'commander.unknownCommand': 'cli.unknownCommand',
  'commander.unknownOption': 'cli.unknownOption',
  'commander.missingArgument': 'cli.missingArgument',
  'commander.optionMissingArgument': 'cli.optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'cli.missingMandatoryOption',
  'commander.excessArguments': 'cli.excessArguments',
  'commander.invalidArgument': 'cli.invalidArgument',
};

/** Builds the program with every command registered. */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command('twinning')
    .description(
      'Chương trình kết nghĩa: quản lý chu kỳ hằng năm / Twinning programme: the annual cycle engine',
    )
    // Commander's own error lines are English only: runProgram prints the catalogue's message instead.
    .configureOutput({
      outputError: () => undefined,
      writeOut: (text) => deps.out(text.trimEnd()),
      writeErr: (text) => deps.err(text.trimEnd()),
    })
    .exitOverride();
  registerDbCommands(program, deps);
  registerRosterCommands(program, deps);
  registerCalendarCommands(program, deps);
  registerEvaluationCommands(program, deps);
  registerCycleCommands(program, deps);
  registerUnitCommands(program, deps);
  registerMailCommands(program, deps);
  registerUserCommands(program, deps);
  registerSimulateCommands(program, deps);
  registerBackupCommands(program, deps);
  return program;
}

/** The one message a failed command shows: from the catalogue, or the refusal's own bilingual message. */
function failureText(error: unknown): string {
  if (error instanceof CommanderError) {
    return bilingual(USAGE_MESSAGES[error.code] ?? 'cli.usage', {
      detail: error.message.replace(/^error: /, ''),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (/Failed to connect|tcp connect error|transport error/i.test(message))
    return bilingual('cli.temporalUnreachable');
  if (code === 'ECONNREFUSED' || /ECONNREFUSED|Can't reach database|connect ECONN/i.test(message))
    return bilingual('cli.databaseUnreachable');
  return message;
}

/**
 * Runs the program on `argv` (as in `process.argv`) with `deps` and resolves with the exit code: a failure is
 * one message on `deps.err` and code 1, never a stack trace. A command's own `process.exitCode` (e.g. 2 for
 * failed mail) becomes the result, and `process.exitCode` is left as it was, so the caller decides.
 */
export async function runProgram(deps: CliDeps, argv: readonly string[]): Promise<number> {
  // A shell cannot pass a NUL in an argument, but a caller of this function can (a wrapper, a test): refused
  // before any command runs, as the web refuses it, rather than at the database or in a workflow's activity.
  const bad = argv.findIndex((arg, i) => i >= 2 && unstorableText(arg) !== null);
  if (bad >= 0) {
    const shown = [...visibleText(argv[bad]!)].slice(0, 60).join('');
    deps.err(bilingual('cli.unstorableArgument', { position: bad - 1, shown }));
    return 1;
  }
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await buildProgram(deps).parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    // Help or the version was asked for and shown; help shown for a missing subcommand says so too.
    if (error instanceof CommanderError && error.code.startsWith('commander.help')) {
      if (error.exitCode !== 0) deps.err(bilingual('cli.missingSubcommand'));
      return error.exitCode;
    }
    if (error instanceof CommanderError && error.code === 'commander.version') return error.exitCode;
    deps.err(failureText(error));
    return 1;
  } finally {
    process.exitCode = before;
  }
}

/** Runs the CLI with `argv` (as in `process.argv`) on this process's configuration; resolves with the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let prisma: PrismaClient | undefined;
  let temporal: Promise<Client> | undefined;
  const err = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  try {
    const config = loadConfig();
    const deps: CliDeps = {
      config,
      getPrisma: () => {
        prisma ??= createPrismaClient(config.databaseUrl, { maxConnections: config.databasePoolSize });
        return Promise.resolve(prisma);
      },
      getTemporal: () => (temporal ??= connectClient(config)),
      out: (line) => process.stdout.write(`${line}\n`),
      err,
    };
    return await runProgram(deps, argv);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err(error.message);
    return 1;
  } finally {
    if (prisma) await prisma.$disconnect();
    if (temporal) await (await temporal.catch(() => undefined))?.connection.close();
  }
}

if (require.main === module) {
  // Not process.exit: it would cut standard output at 64 KiB when it is a pipe (see bin/twinning.js).
  void runCli(process.argv).then((code) => {
    process.exitCode = code;
  });
}
