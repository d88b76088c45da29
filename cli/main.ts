/**
 * The `twinning` command-line program. Each area registers its commands from `cli/commands/<area>.ts`.
 * Errors an official can act on are printed as one clear message and exit code 1, never a stack trace.
 */
import type { Client } from '@temporalio/client';
import { Command, CommanderError } from 'commander';
import { createPrismaClient } from '../db/client';
import type { PrismaClient } from '../generated/prisma';
import { connectClient } from '../system/temporal-connection';
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
import type { CliDeps } from './deps';

/** Builds the program with every command registered. */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command('twinning')
    .description(
      'Chương trình kết nghĩa: quản lý chu kỳ hằng năm / Twinning programme: the annual cycle engine',
    )
    .showHelpAfterError()
    .exitOverride();
  registerDbCommands(program, deps);
  registerRosterCommands(program, deps);
  registerCalendarCommands(program, deps);
  registerEvaluationCommands(program, deps);
  registerCycleCommands(program, deps);
  registerUnitCommands(program, deps);
  registerMailCommands(program, deps);
  registerSimulateCommands(program, deps);
  registerBackupCommands(program, deps);
  return program;
}

/** Runs the CLI with `argv` (as in `process.argv`); resolves with the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let prisma: PrismaClient | undefined;
  let temporal: Promise<Client> | undefined;
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
      err: (line) => process.stderr.write(`${line}\n`),
    };
    await buildProgram(deps).parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const message = (error as Error).message ?? String(error);
    if (/Failed to connect|tcp connect error|transport error/i.test(message)) {
      process.stderr.write(
        'Không kết nối được máy chủ Temporal: hãy chạy `npm start` hoặc kiểm tra TEMPORAL_ADDRESS. / ' +
          'Cannot reach the Temporal server: run `npm start` or check TEMPORAL_ADDRESS.\n',
      );
      return 1;
    }
    if (/ECONNREFUSED|Can't reach database|connect ECONN/i.test(message)) {
      process.stderr.write(
        'Không kết nối được cơ sở dữ liệu: hãy chạy `npm start` hoặc kiểm tra DATABASE_URL. / ' +
          'Cannot reach the database: run `npm start` or check DATABASE_URL.\n',
      );
      return 1;
    }
    process.stderr.write(`${message}\n`);
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
