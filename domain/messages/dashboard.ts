import type { CatalogueSection } from './catalogue';

/**
 * Messages of the dashboard's read side: what a pair waits for, and the refusals of a bad list query (a URL
 * typed or edited by hand). The web pages' own texts are in `web.ts`.
 */
export const dashboardMessages = {
  'dashboard.waiting.on': {
    vi: 'Đang chờ {partyVi}: {obligationVi} ({obligation}), từ ngày {since}.',
    en: 'Waiting on {partyEn} for the {obligationEn} ({obligation}) since {since}.',
  },
  'dashboard.waiting.overdue': {
    vi: 'Đang chờ {partyVi}: {obligationVi} ({obligation}), từ ngày {since}; đã quá hạn ngày {due}.',
    en: 'Waiting on {partyEn} for the {obligationEn} ({obligation}) since {since}; it was due on {due}.',
  },
  'dashboard.party.coordinator': {
    vi: 'Ban Dân tộc tỉnh',
    en: 'the Ethnic Affairs Committee (Ban Dân tộc tỉnh)',
  },
  'dashboard.query.unknownField': {
    vi: 'Tham số «{field}» không được chấp nhận.',
    en: 'The parameter "{field}" is not accepted.',
  },
  'dashboard.query.choice': {
    vi: 'Giá trị «{value}» của tham số «{field}» không hợp lệ; các giá trị được chấp nhận: {allowed}.',
    en: 'The value "{value}" of the parameter "{field}" is not valid; accepted values: {allowed}.',
  },
  'dashboard.query.integer': {
    vi: 'Tham số «{field}» phải là số nguyên từ {min} đến {max} (nhận được «{value}»).',
    en: 'The parameter "{field}" must be a whole number from {min} to {max} (got "{value}").',
  },
  'dashboard.query.boolean': {
    vi: 'Tham số «{field}» phải là true hoặc false (nhận được «{value}»).',
    en: 'The parameter "{field}" must be true or false (got "{value}").',
  },
  'dashboard.query.code': {
    vi: 'Tham số «{field}» phải là một mã (chữ, số, dấu chấm, gạch ngang, gạch dưới; tối đa 64 ký tự), nhận được «{value}».',
    en: 'The parameter "{field}" must be a code (letters, digits, dot, hyphen, underscore; at most 64 characters), got "{value}".',
  },
  'dashboard.query.obligationNeedsStatus': {
    vi: 'Hãy chọn cả trạng thái của nghĩa vụ {obligation} (ví dụ obligation={obligation}&status=missed).',
    en: 'Choose the status of obligation {obligation} too (for example obligation={obligation}&status=missed).',
  },
  'dashboard.query.invalid': {
    vi: 'Tham số «{field}» không hợp lệ.',
    en: 'The parameter "{field}" is not valid.',
  },
} as const satisfies CatalogueSection;
