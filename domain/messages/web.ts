import type { CatalogueSection } from './catalogue';

/** Texts of the web pages. */
export const webMessages = {
  'web.title': {
    vi: 'Chương trình kết nghĩa — Ban Dân tộc tỉnh',
    en: 'Twinning programme — Ethnic Affairs Committee',
  },
  'web.health.heading': { vi: 'Tình trạng hệ thống', en: 'System health' },
  'web.health.part': { vi: 'Thành phần', en: 'Part' },
  'web.health.status': { vi: 'Trạng thái', en: 'Status' },
  'web.health.detail': { vi: 'Chi tiết', en: 'Detail' },
  'web.health.ok': { vi: 'Hoạt động', en: 'Healthy' },
  'web.health.bad': { vi: 'Lỗi', en: 'Failing' },
  'web.part.database': { vi: 'Cơ sở dữ liệu (PostgreSQL)', en: 'Database (PostgreSQL)' },
  'web.part.temporal': { vi: 'Máy chủ Temporal', en: 'Temporal server' },
  'web.part.worker': { vi: 'Tiến trình xử lý (worker)', en: 'Worker' },
  'web.part.smtp': { vi: 'Máy chủ thư (SMTP)', en: 'Mail server (SMTP)' },
  'web.part.web': { vi: 'Máy chủ web', en: 'Web server' },
  'web.links.heading': { vi: 'Liên kết', en: 'Links' },
  'web.links.temporalUi': {
    vi: 'Giao diện Temporal (các luồng công việc)',
    en: 'Temporal web UI (workflows)',
  },
  'web.roster.summary': {
    vi: 'Danh mục: {units} đơn vị, {pairs} cặp kết nghĩa.',
    en: 'Roster: {units} units, {pairs} twinning pairs.',
  },
  'web.checkedAt': { vi: 'Kiểm tra lúc {at}', en: 'Checked at {at}' },
} as const satisfies CatalogueSection;
