import type { CatalogueSection } from './catalogue';

/**
 * Texts of the charts (`reports/charts.ts`) shown in the year-end report and on the dashboard: titles, axis
 * names, legends, and the sentence that reads a chart's data out for a screen reader.
 */
export const chartMessages = {
  'chart.summary': { vi: '{title}. {items}.', en: '{title}. {items}.' },
  'chart.noData': { vi: 'Chưa có số liệu', en: 'No data yet' },

  'chart.rating.title': { vi: 'Số đơn vị theo mức xếp loại', en: 'Units by rating level' },
  'chart.rating.axisLevel': { vi: 'Mức xếp loại', en: 'Rating level' },
  'chart.rating.axisUnits': { vi: 'Số đơn vị', en: 'Units' },
  'chart.rating.proposed': { vi: 'Đề xuất', en: 'Proposed' },
  'chart.rating.final': { vi: 'Chính thức', en: 'Final' },
  'chart.rating.item': {
    vi: '{level}: {proposed} đơn vị đề xuất, {final} đơn vị chính thức',
    en: '{level}: {proposed} proposed, {final} final',
  },

  'chart.timeliness.title': {
    vi: 'Nghĩa vụ đúng hạn, nộp muộn và quá hạn',
    en: 'Obligations on time, late and missed',
  },
  'chart.timeliness.axisObligation': { vi: 'Nghĩa vụ', en: 'Obligation' },
  'chart.timeliness.axisPairs': { vi: 'Số cặp kết nghĩa', en: 'Twinning pairs' },
  'chart.timeliness.onTime': { vi: 'Đúng hạn', en: 'On time' },
  'chart.timeliness.late': { vi: 'Nộp muộn', en: 'Late' },
  'chart.timeliness.missed': { vi: 'Quá hạn', en: 'Missed' },
  'chart.timeliness.item': {
    vi: '{obligation}: {onTime} đúng hạn, {late} nộp muộn, {missed} quá hạn',
    en: '{obligation}: {onTime} on time, {late} late, {missed} missed',
  },

  'chart.phases.title': { vi: 'Chu kỳ kết nghĩa theo giai đoạn', en: 'Twinning cycles by phase' },
  'chart.phases.axisPhase': { vi: 'Giai đoạn', en: 'Phase' },
  'chart.phases.axisCycles': { vi: 'Số chu kỳ', en: 'Cycles' },
  'chart.phases.item': { vi: '{phase}: {count} chu kỳ', en: '{phase}: {count}' },
} as const satisfies CatalogueSection;
