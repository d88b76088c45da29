/** Where the Temporal binaries are: configuration first, then the project venv that bootstrap fills. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../worker/config';

const venvBin = path.resolve(__dirname, '..', '.tools', 'venv', 'bin');

function existing(file: string, variable: string): string {
  if (!existsSync(file)) {
    throw new Error(
      `${file} does not exist: run \`npm run setup\` (scripts/bootstrap.sh) or set ${variable} to the binary.`,
    );
  }
  return file;
}

/** The `temporal` CLI (dev server). */
export function temporalCliPath(config: Pick<AppConfig, 'temporal'>): string {
  return existing(config.temporal.cliPath ?? path.join(venvBin, 'temporal'), 'TEMPORAL_CLI_PATH');
}

/** The native time-skipping test server. */
export function temporalTestServerPath(config: Pick<AppConfig, 'temporal'>): string {
  return existing(
    config.temporal.testServerPath ?? path.join(venvBin, 'temporal-test-server'),
    'TEMPORAL_TEST_SERVER_PATH',
  );
}
