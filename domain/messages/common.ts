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
    vi: 'Ngày «{value}» không hợp lệ: hãy ghi ngày dạng dd/mm/yyyy (ví dụ 10/03/2026).',
    en: 'Invalid day "{value}": write it as dd/mm/yyyy (for example 10/03/2026).',
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
