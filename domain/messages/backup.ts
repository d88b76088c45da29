import type { CatalogueSection } from './catalogue';

/** Messages of `twinning backup` and `twinning restore` (system/backup.ts), for the embedded data folder. */
export const backupMessages = {
  'backup.external': {
    vi: '`twinning backup` và `twinning restore` chỉ dùng cho dữ liệu nhúng trong DATA_DIR; {variable} đang trỏ tới một dịch vụ bên ngoài: hãy sao lưu dịch vụ đó bằng công cụ của chính nó.',
    en: '`twinning backup` and `twinning restore` only handle the embedded data in DATA_DIR; {variable} points at an external service: back that service up with its own tools.',
  },
  'backup.noData': {
    vi: 'Thư mục dữ liệu {dataDir} chưa có dữ liệu của hệ thống nhúng (không có {pglite} và {temporal}): chưa có gì để sao lưu.',
    en: 'The data folder {dataDir} holds no embedded data (neither {pglite} nor {temporal}): there is nothing to back up.',
  },
  'backup.invalidDir': {
    vi: '«{dir}» không phải tên thư mục dùng được.',
    en: '"{dir}" is not a usable folder name.',
  },
  'backup.fileError': {
    vi: 'Không đọc hoặc ghi được tệp: {reason}',
    en: 'Could not read or write a file: {reason}',
  },
  'backup.targetNotEmpty': {
    vi: 'Thư mục {dir} đã tồn tại và không trống: hãy chọn một thư mục mới cho bản sao lưu.',
    en: 'The folder {dir} exists and is not empty: choose a new folder for the backup.',
  },
  'backup.insideData': {
    vi: 'Không thể sao lưu vào {dir}, nằm trong thư mục dữ liệu {dataDir}: hãy chọn một thư mục bên ngoài.',
    en: 'Cannot back up into {dir}, which is inside the data folder {dataDir}: choose a folder outside it.',
  },
  'backup.sqliteFailed': {
    vi: 'Không sao chép được cơ sở dữ liệu Temporal {file} (cần Python 3, lệnh `python3`): {reason}',
    en: 'Could not copy the Temporal database {file} (this needs Python 3, the `python3` command): {reason}',
  },
  'backup.done': {
    vi: 'Đã sao lưu {dataDir} vào {dir} ({mode}): {parts}.',
    en: 'Backed up {dataDir} into {dir} ({mode}): {parts}.',
  },
  'backup.mode.online': {
    vi: 'trong khi hệ thống đang chạy',
    en: 'while the system runs',
  },
  'backup.mode.offline': {
    vi: 'hệ thống không chạy',
    en: 'the system was not running',
  },
  'backup.part.pglite': { vi: 'PostgreSQL (PGlite)', en: 'PostgreSQL (PGlite)' },
  'backup.part.temporal': { vi: 'Temporal (SQLite)', en: 'Temporal (SQLite)' },
  'backup.part.keys': { vi: 'khóa mã hóa dữ liệu Temporal', en: 'Temporal payload keys' },
  'backup.part.outbox': { vi: 'thư đã bắt (outbox)', en: 'caught e-mail (outbox)' },
  'restore.running': {
    vi: 'Hệ thống đang chạy ({service} trả lời ở cổng {port}): hãy dừng `npm start` (Ctrl-C) rồi mới khôi phục.',
    en: 'The system is running ({service} answers on port {port}): stop `npm start` (Ctrl-C) before restoring.',
  },
  'restore.noManifest': {
    vi: '{dir} không phải bản sao lưu do `twinning backup` tạo ra: không có tệp {manifest}.',
    en: '{dir} is not a backup made by `twinning backup`: it has no {manifest}.',
  },
  'restore.badManifest': {
    vi: '{dir} không phải bản sao lưu do `twinning backup` tạo ra: tệp {manifest} không đúng định dạng (twinning-backup, phiên bản 1).',
    en: '{dir} is not a backup made by `twinning backup`: its {manifest} is not in the format twinning-backup, version 1.',
  },
  'restore.missingPart': {
    vi: 'Bản sao lưu {dir} không đầy đủ: thiếu {part}, có ghi trong {manifest}.',
    en: 'The backup {dir} is incomplete: {part}, listed in its {manifest}, is missing.',
  },
  'restore.done': {
    vi: 'Đã khôi phục bản sao lưu lúc {createdAt} vào {dataDir}: {parts}. Hãy chạy `npm start`.',
    en: 'Restored the backup of {createdAt} into {dataDir}: {parts}. Run `npm start`.',
  },
  'restore.movedAside': {
    vi: 'Dữ liệu cũ đã được chuyển sang {dir}.',
    en: 'The previous data was moved to {dir}.',
  },
} as const satisfies CatalogueSection;
