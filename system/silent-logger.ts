/** A logger that says nothing: for workflow bundling in tests and simulations, whose webpack output is noise. */
import type { Logger } from '@temporalio/common';

/** Drops every log line. */
export const silentLogger: Logger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
