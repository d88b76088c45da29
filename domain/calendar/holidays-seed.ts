/**
 * The holiday table seeded for 2020–2027: public holidays (Labour Code 2019, Art. 112; Labour Code 2012 for
 * 2020), the decreed Tết breaks, compensatory days (nghỉ bù) and swapped working days (hoán đổi, làm bù) for
 * civil servants. Administrators maintain the live table (`CalendarDay`); this is only its starting point.
 *
 * Conventions:
 * - `HOLIDAY` marks the public holiday itself, also when it falls on a weekend (for display; a weekend is not a
 *   working day anyway), and the weekdays of the decreed Tết break. Weekend days inside a Tết break are not
 *   listed: they are not working days without an entry.
 * - `DAY_OFF` marks a compensatory day for a holiday that fell on a weekend, or a weekday given off by a swap.
 * - `WORKING_DAY` marks a Saturday worked in exchange for a swapped day off.
 *
 * Sources: the yearly notices of the Ministry of Labour (Bộ LĐ-TB&XH, until 2025) and of the Ministry of Home
 * Affairs (Bộ Nội vụ) for civil servants, as reported at the time; the 2024 swap is Công văn 2450/VPCP-KGVX.
 * Entries marked «provisional» below were not confirmed against a published notice when this table was written:
 * an administrator should check them when the year's notice is out (`twinning calendar holidays …`).
 */
import type { CalendarDayEntry, DayKind } from './working-days';

const TET_DUONG_LICH = 'Tết Dương lịch';
const GIO_TO = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';
const CHIEN_THANG = 'Ngày Chiến thắng (30/4)';
const LAO_DONG = 'Ngày Quốc tế Lao động (1/5)';
const QUOC_KHANH = 'Quốc khánh (2/9)';
const QUOC_KHANH_LIEN_KE = 'Quốc khánh (ngày liền kề)';

function day(date: string, kind: DayKind, name: string): CalendarDayEntry {
  return { date, kind, name };
}

function tet(lunarYear: string, ...dates: string[]): CalendarDayEntry[] {
  return dates.map((date) => day(date, 'HOLIDAY', `Tết Nguyên đán ${lunarYear}`));
}

const SEED: readonly CalendarDayEntry[] = [
  // 2020 (Labour Code 2012: Quốc khánh is one day only).
  day('2020-01-01', 'HOLIDAY', TET_DUONG_LICH),
  // Tết Canh Tý: break Thu 23/1 – Wed 29/1 (lunar new year Sat 25/1).
  ...tet('Canh Tý', '2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'),
  day('2020-04-02', 'HOLIDAY', GIO_TO),
  day('2020-04-30', 'HOLIDAY', CHIEN_THANG),
  day('2020-05-01', 'HOLIDAY', LAO_DONG),
  day('2020-09-02', 'HOLIDAY', QUOC_KHANH),

  // 2021 (Labour Code 2019 in force: Quốc khánh 2 days).
  day('2021-01-01', 'HOLIDAY', TET_DUONG_LICH),
  // Tết Tân Sửu: break Wed 10/2 – Tue 16/2 (lunar new year Fri 12/2).
  ...tet('Tân Sửu', '2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'),
  day('2021-04-21', 'HOLIDAY', GIO_TO),
  day('2021-04-30', 'HOLIDAY', CHIEN_THANG),
  day('2021-05-01', 'HOLIDAY', LAO_DONG), // Saturday
  day('2021-05-03', 'DAY_OFF', `Nghỉ bù ${LAO_DONG}`),
  day('2021-09-02', 'HOLIDAY', QUOC_KHANH),
  day('2021-09-03', 'HOLIDAY', QUOC_KHANH_LIEN_KE),

  // 2022
  day('2022-01-01', 'HOLIDAY', TET_DUONG_LICH), // Saturday
  day('2022-01-03', 'DAY_OFF', `Nghỉ bù ${TET_DUONG_LICH}`),
  // Tết Nhâm Dần: break Sat 29/1 – Sun 6/2 (lunar new year Tue 1/2); weekdays Mon 31/1 – Fri 4/2.
  ...tet('Nhâm Dần', '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'),
  day('2022-04-10', 'HOLIDAY', GIO_TO), // Sunday
  day('2022-04-11', 'DAY_OFF', `Nghỉ bù ${GIO_TO}`),
  day('2022-04-30', 'HOLIDAY', CHIEN_THANG), // Saturday
  day('2022-05-01', 'HOLIDAY', LAO_DONG), // Sunday
  day('2022-05-02', 'DAY_OFF', `Nghỉ bù ${CHIEN_THANG}`),
  day('2022-05-03', 'DAY_OFF', `Nghỉ bù ${LAO_DONG}`),
  day('2022-09-01', 'HOLIDAY', QUOC_KHANH_LIEN_KE),
  day('2022-09-02', 'HOLIDAY', QUOC_KHANH),

  // 2023
  day('2023-01-01', 'HOLIDAY', TET_DUONG_LICH), // Sunday
  day('2023-01-02', 'DAY_OFF', `Nghỉ bù ${TET_DUONG_LICH}`),
  // Tết Quý Mão: break Fri 20/1 – Thu 26/1 (lunar new year Sun 22/1).
  ...tet('Quý Mão', '2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'),
  // Giỗ Tổ on Saturday, 30/4 on Sunday: break Sat 29/4 – Wed 3/5 with two compensatory days. Some reports
  // mentioned a swapped working Saturday (6/5/2023); not seeded, as the compensatory days already give the break.
  day('2023-04-29', 'HOLIDAY', GIO_TO), // Saturday
  day('2023-04-30', 'HOLIDAY', CHIEN_THANG), // Sunday
  day('2023-05-01', 'HOLIDAY', LAO_DONG),
  day('2023-05-02', 'DAY_OFF', `Nghỉ bù ${GIO_TO}`),
  day('2023-05-03', 'DAY_OFF', `Nghỉ bù ${CHIEN_THANG}`),
  day('2023-09-01', 'HOLIDAY', QUOC_KHANH_LIEN_KE),
  day('2023-09-02', 'HOLIDAY', QUOC_KHANH), // Saturday
  day('2023-09-04', 'DAY_OFF', `Nghỉ bù ${QUOC_KHANH}`),

  // 2024
  day('2024-01-01', 'HOLIDAY', TET_DUONG_LICH),
  // Tết Giáp Thìn: break Thu 8/2 – Wed 14/2 (lunar new year Sat 10/2).
  ...tet('Giáp Thìn', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'),
  day('2024-04-18', 'HOLIDAY', GIO_TO),
  // Swap (Công văn 2450/VPCP-KGVX): Mon 29/4 off, worked on Sat 4/5; break Sat 27/4 – Wed 1/5.
  day('2024-04-29', 'DAY_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)'),
  day('2024-04-30', 'HOLIDAY', CHIEN_THANG),
  day('2024-05-01', 'HOLIDAY', LAO_DONG),
  day('2024-05-04', 'WORKING_DAY', 'Làm bù cho thứ Hai 29/04/2024'),
  day('2024-09-02', 'HOLIDAY', QUOC_KHANH),
  day('2024-09-03', 'HOLIDAY', QUOC_KHANH_LIEN_KE),

  // 2025
  day('2025-01-01', 'HOLIDAY', TET_DUONG_LICH),
  // Tết Ất Tỵ: break Sat 25/1 – Sun 2/2 (lunar new year Wed 29/1); weekdays Mon 27/1 – Fri 31/1.
  ...tet('Ất Tỵ', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'),
  day('2025-04-07', 'HOLIDAY', GIO_TO),
  // Swap for the 50th anniversary: Fri 2/5 off, worked on Sat 26/4; break Wed 30/4 – Sun 4/5.
  day('2025-04-26', 'WORKING_DAY', 'Làm bù cho thứ Sáu 02/05/2025'),
  day('2025-04-30', 'HOLIDAY', CHIEN_THANG),
  day('2025-05-01', 'HOLIDAY', LAO_DONG),
  day('2025-05-02', 'DAY_OFF', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)'),
  // Break Sat 30/8 – Tue 2/9.
  day('2025-09-01', 'HOLIDAY', QUOC_KHANH_LIEN_KE),
  day('2025-09-02', 'HOLIDAY', QUOC_KHANH),

  // 2026
  day('2026-01-01', 'HOLIDAY', TET_DUONG_LICH),
  // Tết Bính Ngọ: break Sat 14/2 – Sun 22/2, 9 days (lunar new year Tue 17/2); weekdays Mon 16/2 – Fri 20/2.
  ...tet('Bính Ngọ', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'),
  day('2026-04-26', 'HOLIDAY', GIO_TO), // Sunday
  day('2026-04-27', 'DAY_OFF', `Nghỉ bù ${GIO_TO}`),
  day('2026-04-30', 'HOLIDAY', CHIEN_THANG),
  day('2026-05-01', 'HOLIDAY', LAO_DONG),
  // Provisional: the adjacent day for a Wednesday 2/9 (1/9 or 3/9) is chosen by the year's notice.
  day('2026-09-01', 'HOLIDAY', QUOC_KHANH_LIEN_KE),
  day('2026-09-02', 'HOLIDAY', QUOC_KHANH),

  // 2027: provisional throughout (no notice published when seeded).
  day('2027-01-01', 'HOLIDAY', TET_DUONG_LICH),
  // Provisional: lunar new year Sat 6/2/2027; the statutory 5 days placed as in years with a Saturday new year
  // (2020, 2024): Thu 4/2 – Wed 10/2.
  ...tet('Đinh Mùi', '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'),
  day('2027-04-16', 'HOLIDAY', GIO_TO),
  day('2027-04-30', 'HOLIDAY', CHIEN_THANG),
  day('2027-05-01', 'HOLIDAY', LAO_DONG), // Saturday
  day('2027-05-03', 'DAY_OFF', `Nghỉ bù ${LAO_DONG}`),
  day('2027-09-02', 'HOLIDAY', QUOC_KHANH),
  day('2027-09-03', 'HOLIDAY', QUOC_KHANH_LIEN_KE),
];

/** First and last year the seed covers. */
export const SEEDED_YEARS = { first: 2020, last: 2027 } as const;

/** Years whose seeded entries are provisional (not yet checked against a published notice). */
export const PROVISIONAL_SEED_YEARS: readonly number[] = [2027];

/** All seeded calendar-day entries, or those of one year; fresh copies, sorted by date. */
export function seedCalendarDays(year?: number): CalendarDayEntry[] {
  return SEED.filter((entry) => year === undefined || entry.date.startsWith(`${year}-`))
    .map((entry) => ({ ...entry }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
