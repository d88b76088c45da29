/** What every CLI command gets: configuration, a lazily built Prisma client, and output streams. */
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../generated/prisma';
import type { AppConfig } from '../worker/config';

/** Shared dependencies of the CLI commands. */
export interface CliDeps {
  /** Builds the Prisma client on first use (commands that need no database never connect). */
  getPrisma(): Promise<PrismaClient>;
  /** Connects a Temporal client on first use (commands that need no engine never connect). */
  getTemporal(): Promise<Client>;
  readonly config: AppConfig;
  /** Writes a line to standard output. */
  out(line: string): void;
  /** Writes a line to standard error. */
  err(line: string): void;
  /** The clock commands read "today" from (tests inject one); default: the system clock. */
  readonly now?: () => Date;
}

/** The current instant of the CLI's clock. */
export function nowOf(deps: Pick<CliDeps, 'now'>): Date {
  return deps.now ? deps.now() : new Date();
}
