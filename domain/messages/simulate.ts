import type { CatalogueSection } from './catalogue';

/**
 * Messages of `twinning simulate`: problems of a scenario file (one line per problem, naming the field by its
 * path such as `events.0.at`), of its roster and pairs, and of an event the simulator cannot turn into a request.
 */
export const simulateMessages = {
  'simulate.unreadable': {
    vi: 'Không đọc được kịch bản {file}: {detail}',
    en: 'Cannot read the scenario {file}: {detail}',
  },
  // The heading of the list of problems; each problem follows on its own line.
  'simulate.invalid': {
    vi: 'Kịch bản {file} không hợp lệ',
    en: 'Invalid scenario {file}',
  },
  'simulate.invalid.root': {
    vi: 'Kịch bản phải là một đối tượng JSON có các trường year, roster và events.',
    en: 'A scenario must be a JSON object with the fields year, roster and events.',
  },
  'simulate.invalid.required': {
    vi: 'Thiếu trường bắt buộc «{field}».',
    en: 'The required field "{field}" is missing.',
  },
  'simulate.invalid.unknownField': {
    vi: 'Trường «{field}» không có trong định dạng kịch bản.',
    en: 'The field "{field}" is not part of the scenario format.',
  },
  'simulate.invalid.year': {
    vi: 'Trường «{field}» phải là một năm, số nguyên từ {min} đến {max}.',
    en: 'The field "{field}" must be a year, a whole number from {min} to {max}.',
  },
  'simulate.invalid.roster': {
    vi: 'Trường «{field}» phải là đường dẫn tới tệp danh mục, tính từ thư mục của kịch bản.',
    en: 'The field "{field}" must be the path of the roster file, relative to the scenario\'s folder.',
  },
  'simulate.invalid.choice': {
    vi: 'Trường «{field}» phải là một trong các giá trị: {allowed}.',
    en: 'The field "{field}" must be one of: {allowed}.',
  },
  'simulate.invalid.instant': {
    vi: 'Trường «{field}» phải là một thời điểm ISO có múi giờ, ví dụ 2026-02-20T09:00:00+07:00.',
    en: 'The field "{field}" must be an ISO instant with its offset, e.g. 2026-02-20T09:00:00+07:00.',
  },
  'simulate.invalid.pair': {
    vi: 'Trường «{field}» phải là mã một cặp kết nghĩa trong danh mục.',
    en: 'The field "{field}" must be the code of a pair in the roster.',
  },
  'simulate.invalid.list': {
    vi: 'Trường «{field}» phải là một danh sách (mảng JSON).',
    en: 'The field "{field}" must be a list (a JSON array).',
  },
  'simulate.invalid.object': {
    vi: 'Trường «{field}» phải là một đối tượng JSON.',
    en: 'The field "{field}" must be a JSON object.',
  },
  'simulate.invalid.unstorable': {
    vi: 'Trường «{field}» có ký tự NUL (mã 0) hoặc một nửa ký tự Unicode đứng riêng (\\ud800–\\udfff), không lưu đúng được; hãy sửa lại.',
    en: 'The field "{field}" holds a NUL character (code 0) or half of a Unicode character on its own (\\ud800–\\udfff), which cannot be stored as written; correct it.',
  },
  'simulate.invalid.value': {
    vi: 'Giá trị của trường «{field}» không hợp lệ.',
    en: 'The value of the field "{field}" is invalid.',
  },
  'simulate.reportFormat': {
    vi: 'Tệp báo cáo phải có đuôi {formats}: {file}',
    en: 'The report file must end in {formats}: {file}',
  },
  'simulate.unknownPairs': {
    vi: 'Các cặp không có trong danh mục hoặc không hoạt động năm {year}: {pairs}',
    en: 'Pairs not in the roster or not active in {year}: {pairs}',
  },
  // An event the simulator refuses before anything is sent; it becomes a `rejected` line of the timeline.
  'simulate.event.notByAdmin': {
    vi: '«{action}» do đơn vị giúp đỡ hoặc đơn vị được giúp đỡ thực hiện, không phải quản trị viên.',
    en: '"{action}" is done by a sponsor or a recipient, not by the administrator.',
  },
  'simulate.event.obligationRequired': {
    vi: '«{action}» cần data.obligation (O1…O7)',
    en: '"{action}" needs data.obligation (O1…O7)',
  },
} as const satisfies CatalogueSection;
