/** `twinning db migrate`: applies the committed migrations (see db/migrate.ts). */
import type { Command } from 'commander';
import { migrate } from '../../db/migrate';
import type { CliDeps } from '../deps';

/** Registers the `db` commands. */
export function registerDbCommands(program: Command, deps: CliDeps): void {
  const db = program.command('db').description('Cơ sở dữ liệu / database');
  db.command('migrate')
    .description('Áp dụng các migration đã commit / apply the committed migrations (safe to run twice)')
    .action(async () => {
      const result = await migrate(deps.config.databaseUrl, {
        onWaiting: () =>
          deps.err('Đang chờ một tiến trình migrate khác… / Waiting for another migration runner…'),
        onApply: (name) => deps.out(`+ ${name}`),
      });
      deps.out(
        result.applied.length === 0
          ? `Cơ sở dữ liệu đã cập nhật (${result.alreadyApplied.length} migration). / Database already up to date (${result.alreadyApplied.length} migrations).`
          : `Đã áp dụng ${result.applied.length} migration. / Applied ${result.applied.length} migration(s).`,
      );
    });
}
