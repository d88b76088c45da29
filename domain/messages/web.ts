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
  'web.supervision.heading': { vi: 'Tự khởi động lại', en: 'Automatic restarts' },
  'web.supervision.intro': {
    vi: 'Thành phần nào dừng bất ngờ sẽ được khởi động lại sau ít giây; hệ thống chỉ dừng khi khởi động lại nhiều lần liên tiếp không được.',
    en: 'A part that stops unexpectedly is restarted after a few seconds; the system stops only when restarts keep failing.',
  },
  'web.supervision.restarts': { vi: 'Số lần khởi động lại', en: 'Restarts' },
  'web.supervision.lastExit': { vi: 'Lần dừng gần nhất', en: 'Last exit' },
  'web.supervision.log': { vi: 'Nhật ký', en: 'Log' },
  'web.supervision.never': { vi: 'Chưa lần nào', en: 'Never' },
  'web.supervision.exit': { vi: '{at}, {exit}', en: '{at}, {exit}' },
  'web.supervision.state.starting': { vi: 'Đang khởi động', en: 'Starting' },
  'web.supervision.state.running': { vi: 'Đang chạy (pid {pid})', en: 'Running (pid {pid})' },
  'web.supervision.state.restarting': { vi: 'Đang chờ khởi động lại', en: 'Waiting to restart' },
  'web.supervision.state.stopped': { vi: 'Đã dừng', en: 'Stopped' },
  'web.supervision.state.failed': {
    vi: 'Khởi động lại không được, đã ngừng thử',
    en: 'Restarts kept failing; given up',
  },
} as const satisfies CatalogueSection;
