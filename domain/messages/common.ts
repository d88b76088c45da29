import type { CatalogueSection } from './catalogue';

/** Messages shared across the product: configuration, start-up, generic errors. */
export const commonMessages = {
  'config.invalid': {
    vi: 'Cấu hình sai: biến {name} {problem}',
    en: 'Invalid configuration: variable {name} {problem}',
  },
  'port.inUse': {
    vi: 'Cổng {port} ({service}) đang bị chương trình khác sử dụng. Hãy dừng chương trình đó hoặc đặt biến {variable} sang cổng khác.',
    en: 'Port {port} ({service}) is already in use by another program. Stop that program or set {variable} to another port.',
  },
  'invalid.year': {
    vi: 'Năm «{value}» không hợp lệ: hãy ghi năm bằng bốn chữ số, từ {min} đến {max} (ví dụ 2026).',
    en: 'Invalid year "{value}": write a four-digit year from {min} to {max} (for example 2026).',
  },
  'invalid.asOf': {
    vi: 'Thời điểm «{value}» không hợp lệ: hãy ghi dd/mm/yyyy, có thể kèm giờ HH:MM (ví dụ 10/03/2026 hoặc 02/03/2026 23:59).',
    en: 'Invalid moment "{value}": write dd/mm/yyyy, optionally with a time HH:MM (for example 10/03/2026 or 02/03/2026 23:59).',
  },
  'unknown.pair': {
    vi: 'Không tìm thấy cặp kết nghĩa có mã «{code}».',
    en: 'No twinning pair has the code "{code}".',
  },
  'unknown.unit': {
    vi: 'Không tìm thấy đơn vị có mã «{code}».',
    en: 'No unit has the code "{code}".',
  },
} as const satisfies CatalogueSection;
