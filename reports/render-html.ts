/**
 * The year-end summary as one self-contained Vietnamese HTML page (no external file, font or script): totals per
 * unit kind, two inline SVG charts from `charts.ts` (rating distribution; on time / late / missed per
 * obligation), the per-unit table and the working of every proposal. Printed to PDF by `render-pdf.ts`.
 */
import { neutraliseCell } from '../domain/export-safety';
import { formatDateTime, formatNumber } from '../domain/format';
import { escapeHtml } from '../domain/html';
import { displayText } from './cells';
import { obligationTimelinessChart, ratingDistributionChart } from './charts';
import {
  KIND_VI,
  obligationTable,
  onTimeTable,
  SIDE_VI,
  totalsTable,
  unitTable,
  type CellValue,
  type Table,
} from './tables';
import type { YearSummary } from './year-summary';

const NUMERIC = new Set(['int', 'dong', 'score', 'percent']);

function htmlTable(table: Table, options: { className?: string; skip?: readonly number[] } = {}): string {
  const keep = table.columns.map((_, i) => !options.skip?.includes(i));
  const head = table.columns
    .filter((_, i) => keep[i])
    .map((c) => `<th>${escapeHtml(c.header)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row
        .map((value: CellValue, i) => {
          if (!keep[i]) return '';
          const column = table.columns[i]!;
          const cls = NUMERIC.has(column.format)
            ? ' class="num"'
            : column.format === 'bool'
              ? ' class="flag"'
              : '';
          // Text is neutralised here too: a table copied from the page into a spreadsheet must not run formulas.
          const text = displayText(value, column.format);
          return `<td${cls}>${escapeHtml(typeof value === 'string' && column.format === 'text' ? neutraliseCell(text) : text)}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="${options.className ?? ''}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Two charts side by side on the PDF's A4 landscape page: 277 mm wide less the body's margins and the gap. */
const CHART_WIDTH = 496;

const STYLE = `
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11px; color: #222; margin: 16px; }
  h1 { font-size: 18px; text-align: center; margin: 0 0 4px; text-transform: uppercase; }
  .sub { text-align: center; color: #555; margin-bottom: 16px; }
  h2 { font-size: 14px; margin: 18px 0 6px; border-bottom: 2px solid #1b4f8a; color: #1b4f8a; }
  h3 { font-size: 12px; margin: 12px 0 4px; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 8px; page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  th, td { border: 1px solid #bbb; padding: 3px 4px; vertical-align: top; }
  th { background: #ddebf7; font-weight: bold; text-align: center; }
  td.num { text-align: right; white-space: nowrap; }
  td.flag { text-align: center; }
  tbody tr:nth-child(even) { background: #f7f9fc; }
  .charts { display: flex; flex-wrap: wrap; gap: 16px; }
  .charts svg { border: 1px solid #ddd; background: #fff; }
  .units td { font-size: 10px; }
  .criticised { color: #b00020; font-weight: bold; }
  .reward { color: #1b7a3e; font-weight: bold; }
  ul.working { margin: 2px 0 8px 16px; padding: 0; }
  .unit-card { page-break-inside: avoid; margin-bottom: 6px; }
  .note { color: #555; font-style: italic; }
`;

/** The summary as a self-contained HTML document. */
export function renderHtml(summary: YearSummary): string {
  const units = unitTable(summary);
  const working = summary.units
    .map((u) => {
      const badges = [
        u.evaluation.criticised
          ? '<span class="criticised">Kiểm điểm, phê bình; không xét thi đua</span>'
          : '',
        u.evaluation.proposedReward ? '<span class="reward">Đề nghị khen thưởng</span>' : '',
      ]
        .filter(Boolean)
        .join(' · ');
      const final = u.finalText ? ` — chính thức: <b>${escapeHtml(u.finalText)}</b>` : ' — chưa xác nhận';
      const reasons = u.overrideReasons.length
        ? `<li>Lý do điều chỉnh: ${escapeHtml(u.overrideReasons.join('; '))}${u.decisionNumbers.length ? ` (QĐ ${escapeHtml(u.decisionNumbers.join('; '))})` : ''}</li>`
        : '';
      return `<div class="unit-card"><h3>${escapeHtml(neutraliseCell(u.code))} – ${escapeHtml(neutraliseCell(u.name))} (${escapeHtml(KIND_VI[u.kind] ?? u.kind)}, ${SIDE_VI[u.side]}): đề xuất <b>${escapeHtml(u.evaluation.level.vi)}</b>, ${formatNumber(u.evaluation.score, 'vi', 1)} điểm${final} ${badges}</h3>
<ul class="working">${u.evaluation.explanation.map((l) => `<li>${escapeHtml(l.vi)}</li>`).join('')}${reasons}</ul></div>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Báo cáo kết nghĩa năm ${summary.year}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Báo cáo tổng kết chương trình kết nghĩa năm ${summary.year}</h1>
<div class="sub">Ban Dân tộc tỉnh — lập lúc ${escapeHtml(formatDateTime(summary.generatedAt))} — ${summary.cycles} cặp kết nghĩa, ${summary.units.length} lượt đơn vị được đánh giá</div>

<h2>1. Tổng hợp theo loại đơn vị</h2>
${htmlTable(totalsTable(summary))}

<h2>2. Biểu đồ</h2>
<div class="charts">
${ratingDistributionChart(summary.distribution, { lang: 'vi', width: CHART_WIDTH })}
${obligationTimelinessChart(summary.onTime, { lang: 'vi', width: CHART_WIDTH })}
</div>
${htmlTable(onTimeTable(summary))}

<h2>3. Kết quả từng đơn vị</h2>
<p class="note">Xếp loại đề xuất được tính lại từ dữ liệu hiện có; «tạm tính» = chu kỳ chưa đến bước đánh giá. Kinh phí tính bằng đồng.</p>
${htmlTable(units, { className: 'units', skip: [21, 22, 24] })}

<h2>4. Giải trình đề xuất xếp loại</h2>
${working}

<h2>5. Tình hình thực hiện nghĩa vụ</h2>
${htmlTable(obligationTable(summary.obligations))}
</body>
</html>
`;
}
