/** `twinning backup DIR` and `twinning restore DIR`: the embedded data folder, copied live and put back (system/backup.ts). */
import type { Command } from 'commander';
import { backupDataDir, restoreDataDir } from '../../system/backup';
import { nowOf, type CliDeps } from '../deps';

/** Registers `backup` and `restore`. */
export function registerBackupCommands(program: Command, deps: CliDeps): void {
  const now = (): Date => nowOf(deps);
  program
    .command('backup <dir>')
    .description(
      'Sao lưu thư mục dữ liệu nhúng (DATA_DIR), kể cả khi hệ thống đang chạy / back up the embedded data folder (DATA_DIR), also while the system runs',
    )
    .action(async (dir: string) => {
      deps.out((await backupDataDir(deps.config, dir, now)).message);
    });
  program
    .command('restore <dir>')
    .description(
      'Khôi phục một bản sao lưu vào DATA_DIR khi hệ thống đã dừng / restore a backup into DATA_DIR while the system is stopped',
    )
    .action(async (dir: string) => {
      deps.out((await restoreDataDir(deps.config, dir, now)).message);
    });
}
