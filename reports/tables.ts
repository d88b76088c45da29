/**
 * The tables of the year-end summary, defined once (headers in Vietnamese, typed cells) and drawn by every
 * renderer: numbers stay numbers in xlsx, đồng are formatted for reading in html/pdf, and text goes through
 * `neutraliseCell` wherever a spreadsheet could read it as a formula.
 */
import { cycleVocabulary } from '../domain/messages/cycle';
import { obligationLabel } from './cells';
import type { KindTotals, ObligationRow, UnitSummary, YearSummary } from './year-summary';
import { countedLevel } from './year-summary';

/** How a column's values are written. */
export type ColumnFormat = 'text' | 'int' | 'dong' | 'score' | 'percent' | 'date' | 'bool';

/** A cell value: text, a number, an amount in đồng, a date, a yes/no, or empty. */
export type CellValue = string | number | bigint | Date | boolean | null;

/** A column of a table. */
export interface Column {
  readonly header: string;
  readonly format: ColumnFormat;
  /** Width in characters (xlsx). */
  readonly width?: number;
}

/** A table: columns and rows of cells in column order. */
export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** Vietnamese names of unit kinds. */
export const KIND_VI: Readonly<Record<string, string>> = {
  DEPARTMENT: 'Sở, ban, ngành',
  LOWLAND_DISTRICT: 'Huyện/thị xã/thành phố đồng bằng',
  LOWLAND_COMMUNE: 'Phường/xã đồng bằng',
  MOUNTAIN_DISTRICT: 'Huyện miền núi',
  COMMUNE: 'Xã miền núi, biên giới',
};

/** Vietnamese names of the sides. */
export const SIDE_VI = { sponsor: 'Giúp đỡ', recipient: 'Được giúp đỡ' } as const;

function num(value: string | undefined): number | null {
  return value === undefined ? null : Number(value);
}

function dong(value: string | undefined): bigint | null {
  return value === undefined ? null : BigInt(value);
}

function criticismText(u: UnitSummary): string {
  return u.evaluation.explanation
    .filter((l) => l.key.startsWith('evaluation.criticism.'))
    .map((l) => l.vi)
    .join(' ');
}

/** One row per evaluated unit: targets, obligations, ratings, criticism and reward. */
export function unitTable(summary: YearSummary): Table {
  const columns: Column[] = [
    { header: 'Mã đơn vị', format: 'text', width: 14 },
    { header: 'Tên đơn vị', format: 'text', width: 36 },
    { header: 'Loại', format: 'text', width: 22 },
    { header: 'Vai trò', format: 'text', width: 12 },
    { header: 'Cặp kết nghĩa', format: 'text', width: 14 },
    { header: 'Biên chế', format: 'int', width: 9 },
    { header: 'Hộ nghèo – chỉ tiêu', format: 'int', width: 10 },
    { header: 'Hộ nghèo – đạt', format: 'int', width: 10 },
    { header: 'Kinh phí – chỉ tiêu (đồng)', format: 'dong', width: 16 },
    { header: 'Kinh phí – đạt (đồng)', format: 'dong', width: 16 },
    { header: 'Mô hình – chỉ tiêu', format: 'int', width: 10 },
    { header: 'Mô hình – đạt', format: 'int', width: 10 },
    { header: 'Tham quan – chỉ tiêu', format: 'int', width: 10 },
    { header: 'Tham quan – đạt', format: 'int', width: 10 },
    { header: 'Nghĩa vụ đúng hạn', format: 'int', width: 9 },
    { header: 'Nghĩa vụ nộp muộn', format: 'int', width: 9 },
    { header: 'Nghĩa vụ quá hạn', format: 'int', width: 9 },
    { header: 'Điểm', format: 'score', width: 8 },
    { header: 'Xếp loại đề xuất', format: 'text', width: 18 },
    { header: 'Đề xuất tạm tính', format: 'bool', width: 9 },
    { header: 'Xếp loại chính thức', format: 'text', width: 18 },
    { header: 'Lý do điều chỉnh', format: 'text', width: 30 },
    { header: 'Số quyết định', format: 'text', width: 14 },
    { header: 'Kiểm điểm, phê bình; không xét thi đua', format: 'bool', width: 12 },
    { header: 'Lý do kiểm điểm', format: 'text', width: 40 },
    { header: 'Đề nghị khen thưởng', format: 'bool', width: 10 },
  ];
  const rows = summary.units.map((u): CellValue[] => {
    const t = u.targets;
    return [
      u.code,
      u.name,
      KIND_VI[u.kind] ?? u.kind,
      SIDE_VI[u.side],
      u.pairCodes.join(', '),
      u.staff?.count ?? null,
      num(t.households?.required),
      num(t.households?.achieved),
      dong(t.amount?.required),
      dong(t.amount?.achieved),
      num(t.models?.required),
      num(t.models?.achieved),
      num(t.studyTours?.required),
      num(t.studyTours?.achieved),
      u.evaluation.tally.onTime,
      u.evaluation.tally.late,
      u.evaluation.tally.missed,
      u.evaluation.score,
      u.evaluation.level.vi,
      !u.proposalStored,
      u.finalText || null,
      u.overrideReasons.join('; ') || null,
      u.decisionNumbers.join('; ') || null,
      u.evaluation.criticised,
      criticismText(u) || null,
      u.evaluation.proposedReward,
    ];
  });
  return { name: 'Đơn vị', columns, rows };
}

const TARGET_VI: Readonly<Record<string, string>> = {
  households: 'Hộ nghèo được giúp đỡ',
  amount: 'Kinh phí hỗ trợ (đồng)',
  models: 'Mô hình xây dựng/nhân rộng',
  studyTours: 'Chuyến tham quan học tập',
  obligations: 'Nghĩa vụ đúng hạn',
};

/** One row per target of each unit, with the per-recipient model lines and the unit's explanation. */
export function targetTable(summary: YearSummary): Table {
  const columns: Column[] = [
    { header: 'Mã đơn vị', format: 'text', width: 14 },
    { header: 'Tên đơn vị', format: 'text', width: 36 },
    { header: 'Chỉ tiêu', format: 'text', width: 28 },
    { header: 'Phạm vi', format: 'text', width: 16 },
    { header: 'Yêu cầu', format: 'text', width: 16 },
    { header: 'Đạt', format: 'text', width: 16 },
    { header: 'Tỷ lệ', format: 'percent', width: 9 },
    { header: 'Đạt chỉ tiêu', format: 'bool', width: 9 },
  ];
  const rows: CellValue[][] = [];
  for (const u of summary.units) {
    for (const t of u.evaluation.targets) {
      // Amounts are exact integers of đồng: kept as numbers only where the reader is a spreadsheet (unitTable).
      const value = (v: string) => (t.target === 'amount' ? BigInt(v) : Number(v));
      rows.push([
        u.code,
        u.name,
        TARGET_VI[t.target] ?? t.target,
        t.scope === 'total' ? 'Toàn đơn vị' : (t.recipientCode ?? ''),
        value(t.required),
        value(t.achieved),
        t.ratio,
        t.met,
      ]);
    }
  }
  return { name: 'Chỉ tiêu', columns, rows };
}

const STATUS_VI = cycleVocabulary.status;

/** One row per obligation of each cycle, with its dates and status. */
export function obligationTable(rows: readonly ObligationRow[]): Table {
  const columns: Column[] = [
    { header: 'Cặp', format: 'text', width: 10 },
    { header: 'Đơn vị giúp đỡ', format: 'text', width: 30 },
    { header: 'Đơn vị được giúp đỡ', format: 'text', width: 30 },
    { header: 'Nghĩa vụ', format: 'text', width: 40 },
    { header: 'Hạn theo văn bản', format: 'date', width: 12 },
    { header: 'Hạn áp dụng', format: 'date', width: 12 },
    { header: 'Hoàn thành lúc', format: 'date', width: 12 },
    { header: 'Trạng thái', format: 'text', width: 14 },
  ];
  return {
    name: 'Nghĩa vụ',
    columns,
    rows: rows.map((r) => [
      r.pairCode,
      r.sponsorName,
      r.recipientName,
      obligationLabel(r.obligation),
      r.statutoryDue,
      r.effectiveDue,
      r.completedAt,
      STATUS_VI[r.status].vi,
    ]),
  };
}

/** Totals per unit kind, with the count of units per level. */
export function totalsTable(summary: YearSummary): Table {
  const columns: Column[] = [
    { header: 'Loại đơn vị', format: 'text', width: 30 },
    { header: 'Số đơn vị', format: 'int' },
    { header: 'Điểm bình quân', format: 'score' },
    { header: 'Hộ nghèo', format: 'int' },
    { header: 'Kinh phí (đồng)', format: 'dong', width: 16 },
    { header: 'Mô hình', format: 'int' },
    { header: 'Tham quan', format: 'int' },
    { header: 'Nghĩa vụ đúng hạn', format: 'int' },
    { header: 'Nộp muộn', format: 'int' },
    { header: 'Quá hạn', format: 'int' },
    ...summary.levels.map((l): Column => ({ header: l.vi, format: 'int', width: 12 })),
    { header: 'Đã xác nhận', format: 'int' },
    { header: 'Bị kiểm điểm', format: 'int' },
    { header: 'Đề nghị khen thưởng', format: 'int' },
  ];
  const row = (label: string, t: Omit<KindTotals, 'kind' | 'side'>): CellValue[] => [
    label,
    t.units,
    t.averageScore,
    t.households,
    t.amountDong,
    t.models,
    t.studyTours,
    t.onTime,
    t.late,
    t.missed,
    ...summary.levels.map((l) => t.byLevel[l.id] ?? 0),
    t.confirmed,
    t.criticised,
    t.proposedReward,
  ];
  const rows = summary.totals.map((t) => row(KIND_VI[t.kind] ?? t.kind, t));
  const all = summary.units;
  const byLevel: Record<string, number> = {};
  for (const u of all) byLevel[countedLevel(u).id] = (byLevel[countedLevel(u).id] ?? 0) + 1;
  const sum = (f: (t: KindTotals) => number | null) => summary.totals.reduce((s, t) => s + (f(t) ?? 0), 0);
  rows.push(
    row('Cộng', {
      units: all.length,
      averageScore:
        all.length === 0
          ? 0
          : Math.round((all.reduce((s, u) => s + u.evaluation.score, 0) / all.length) * 10) / 10,
      households: sum((t) => t.households),
      amountDong: summary.totals.reduce((s, t) => s + (t.amountDong ?? 0n), 0n),
      models: sum((t) => t.models),
      studyTours: sum((t) => t.studyTours),
      onTime: sum((t) => t.onTime),
      late: sum((t) => t.late),
      missed: sum((t) => t.missed),
      byLevel,
      confirmed: sum((t) => t.confirmed),
      criticised: sum((t) => t.criticised),
      proposedReward: sum((t) => t.proposedReward),
    }),
  );
  return { name: 'Tổng hợp theo loại đơn vị', columns, rows };
}

/** The rating distribution (chart data). */
export function distributionTable(summary: YearSummary): Table {
  return {
    name: 'Phân bố xếp loại',
    columns: [
      { header: 'Xếp loại', format: 'text', width: 30 },
      { header: 'Đề xuất', format: 'int' },
      { header: 'Chính thức', format: 'int' },
    ],
    rows: [
      ...summary.distribution.map((d): CellValue[] => [d.level.vi, d.proposed, d.final]),
      ['Chưa xác nhận', null, summary.units.filter((u) => !u.finalLevel).length],
    ],
  };
}

/** The on-time rate of each obligation (chart data). */
export function onTimeTable(summary: YearSummary): Table {
  return {
    name: 'Tỷ lệ đúng hạn theo nghĩa vụ',
    columns: [
      { header: 'Nghĩa vụ', format: 'text', width: 40 },
      { header: 'Đúng hạn', format: 'int' },
      { header: 'Nộp muộn', format: 'int' },
      { header: 'Quá hạn', format: 'int' },
      { header: 'Đang chờ', format: 'int' },
      { header: 'Được miễn', format: 'int' },
      { header: 'Tỷ lệ đúng hạn', format: 'percent' },
    ],
    rows: summary.onTime.map((o) => [
      obligationLabel(o.obligation),
      o.onTime,
      o.late,
      o.missed,
      o.pending,
      o.waived,
      o.rate,
    ]),
  };
}
