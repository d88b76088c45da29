import type { CatalogueSection } from './catalogue';

/** Messages of the statutory calendar and its CLI (`twinning calendar …`). */
export const calendarMessages = {
  'calendar.show.heading': {
    vi: 'Lịch hạn chu kỳ kết nghĩa năm {year} — {policyVi}',
    en: 'Twinning cycle deadlines for {year} — {policyEn}',
  },
  'calendar.policy.roll-forward': {
    vi: 'hạn rơi vào ngày nghỉ được lùi đến hết ngày làm việc tiếp theo (Điều 148 Bộ luật Dân sự)',
    en: 'a deadline on a day off moves to the end of the next working day (Civil Code, Art. 148)',
  },
  'calendar.policy.fixed': {
    vi: 'hạn giữ nguyên ngày quy định, kể cả ngày nghỉ',
    en: 'deadlines stay on the statutory day, even a day off',
  },
  'calendar.show.due': {
    vi: 'Hạn: hết ngày {effective} (24:00)',
    en: 'Due: end of {effective} (24:00)',
  },
  'calendar.show.rolled': {
    vi: 'Hạn quy định {statutory} là ngày nghỉ; hạn thực tế {effective}.',
    en: 'The statutory day {statutory} is a day off; effective deadline {effective}.',
  },
  'calendar.show.reminders': { vi: 'Nhắc hạn', en: 'Reminders' },
  'calendar.show.escalations': { vi: 'Chuyển cấp', en: 'Escalations' },
  'calendar.show.progress': { vi: 'Nhắc cập nhật tiến độ', en: 'Progress reminders' },
  'calendar.show.o4': {
    vi: 'Cập nhật tiến độ suốt năm; chốt cùng báo cáo sơ kết (O5); không chuyển cấp.',
    en: 'Progress entries through the year; closes with the year-end report (O5); no escalation.',
  },
  'calendar.escalation.1': {
    vi: 'cấp 1 (Ban Dân tộc và thủ trưởng đơn vị)',
    en: "level 1 (Ban Dân tộc and the unit's head)",
  },
  'calendar.escalation.2': {
    vi: 'cấp 2 (lãnh đạo UBND tỉnh)',
    en: 'level 2 (provincial leadership)',
  },
  'calendar.source.database': {
    vi: 'Năm {year}: ngày nghỉ lấy từ cơ sở dữ liệu.',
    en: 'Year {year}: calendar days from the database.',
  },
  'calendar.source.seed': {
    vi: 'Năm {year}: cơ sở dữ liệu chưa có ngày nghỉ; dùng bảng mặc định.',
    en: 'Year {year}: no calendar days in the database; using the built-in table.',
  },
  'calendar.source.none': {
    vi: 'Năm {year}: chưa có bảng ngày nghỉ lễ; chỉ tính thứ Bảy và Chủ nhật là ngày nghỉ.',
    en: 'Year {year}: no holiday table; only Saturdays and Sundays count as days off.',
  },
  'calendar.holidays.heading': {
    vi: 'Ngày nghỉ lễ, nghỉ bù và làm bù năm {year}',
    en: 'Holidays, days off and swapped working days in {year}',
  },
  'calendar.holidays.empty': {
    vi: 'Không có ngày nào.',
    en: 'No days.',
  },
  'calendar.kind.HOLIDAY': { vi: 'Ngày lễ', en: 'Holiday' },
  'calendar.kind.DAY_OFF': { vi: 'Ngày nghỉ (nghỉ bù, hoán đổi)', en: 'Day off (compensatory or swapped)' },
  'calendar.kind.WORKING_DAY': { vi: 'Ngày làm bù', en: 'Working day (swap)' },
  'calendar.holidays.saved': {
    vi: 'Đã lưu ngày {date}: {kindVi} «{name}».',
    en: 'Saved {date}: {kindEn} "{name}".',
  },
  'calendar.holidays.removed': {
    vi: 'Đã xoá ngày {date} khỏi bảng ngày nghỉ.',
    en: 'Removed {date} from the calendar table.',
  },
  'calendar.holidays.notFound': {
    vi: 'Ngày {date} không có trong bảng ngày nghỉ.',
    en: '{date} is not in the calendar table.',
  },
  'calendar.invalidDate': {
    vi: 'Ngày «{value}» không hợp lệ: hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd.',
    en: 'Invalid date "{value}": write dd/mm/yyyy or yyyy-mm-dd.',
  },
  'calendar.invalidPolicy': {
    vi: 'Chính sách «{value}» không hợp lệ: dùng roll-forward hoặc fixed.',
    en: 'Invalid policy "{value}": use roll-forward or fixed.',
  },
  'calendar.invalidKind': {
    vi: 'Loại ngày «{value}» không hợp lệ: dùng HOLIDAY, DAY_OFF hoặc WORKING_DAY.',
    en: 'Invalid day kind "{value}": use HOLIDAY, DAY_OFF or WORKING_DAY.',
  },
  'calendar.emptyName': {
    vi: 'Hãy ghi tên ngày (--name).',
    en: 'Give the day a name (--name).',
  },
  'calendar.workingDayNotWeekend': {
    vi: 'Ngày {date} không phải thứ Bảy hay Chủ nhật: chỉ ngày cuối tuần mới có thể là ngày làm bù.',
    en: '{date} is not a Saturday or Sunday: only a weekend day can be a swapped working day.',
  },
  'calendar.dayOffOnWeekend': {
    vi: 'Ngày {date} là ngày cuối tuần: ngày nghỉ bù hoặc hoán đổi phải là ngày thường.',
    en: '{date} is a weekend day: a compensatory or swapped day off must be a weekday.',
  },
  'calendar.invalidSettings': {
    vi: 'Cấu hình lịch năm {year} không hợp lệ: {problem}',
    en: 'Invalid calendar settings for {year}: {problem}',
  },
} as const satisfies CatalogueSection;
