import type { CatalogueSection } from './catalogue';

/** Messages of `npm start`'s supervisor: a part that exits is restarted, and the system stops if that fails. */
export const systemMessages = {
  'supervisor.exit.code': { vi: 'mã thoát {code}', en: 'exit code {code}' },
  'supervisor.exit.signal': { vi: 'tín hiệu {signal}', en: 'signal {signal}' },
  'supervisor.exited': {
    vi: '{part} dừng bất ngờ ({exit}); sẽ khởi động lại sau {seconds} giây. Nhật ký: {log}',
    en: '{part} exited unexpectedly ({exit}); restarting in {seconds} s. Log: {log}',
  },
  'supervisor.restarted': {
    vi: '{part} đã chạy lại (lần khởi động lại thứ {restarts}, pid {pid}).',
    en: '{part} is running again (restart {restarts}, pid {pid}).',
  },
  'supervisor.restartFailed': {
    vi: '{part} khởi động lại không được: {reason}; sẽ thử lại sau {seconds} giây. Nhật ký: {log}',
    en: '{part} did not restart: {reason}; trying again in {seconds} s. Log: {log}',
  },
  'supervisor.gaveUp': {
    vi: '{part} đã khởi động lại {failures} lần liên tiếp mà không chạy được (lần cuối: {reason}); hệ thống dừng. Xem nhật ký {log}',
    en: '{part} failed {failures} restarts in a row (last: {reason}); the system stops. See its log {log}',
  },
} as const satisfies CatalogueSection;
