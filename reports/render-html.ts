/**
 * The year-end summary as one self-contained Vietnamese HTML page (no external file, font or script): totals per
 * unit kind, two inline SVG bar charts (rating distribution; on-time rate per obligation), the per-unit table
 * and the working of every proposal. Printed to PDF by `render-pdf.ts`.
 */
import { neutraliseCell } from '../domain/export-safety';
import { formatDateTime, formatNumber } from '../domain/format';
import { escapeHtml } from '../domain/html';
import { displayText } from './cells';
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

const COLORS = [
  '#1b7a3e',
  '#4caf50',
  '#2f6fb0',
  '#f0a030',
  '#c0392b',
  '#7f8c8d',
  '#8e44ad',
  '#16a085',
  '#d35400',
  '#34495e',
];

/** A vertical bar chart of units per level: proposed and final side by side. */
function ratingChartSvg(summary: YearSummary): string {
  const groups = summary.distribution;
  const width = 640;
  const height = 300;
  const left = 40;
  const bottom = 70;
  const top = 30;
  const max = Math.max(1, ...groups.flatMap((g) => [g.proposed, g.final]));
  const plotH = height - top - bottom;
  const slot = (width - left - 10) / Math.max(1, groups.length);
  const barW = Math.min(40, slot / 3);
  const parts: string[] = [];
  const ticks = Math.min(max, 5);
  for (let i = 0; i <= ticks; i++) {
    const value = Math.round((max * i) / ticks);
    const y = top + plotH - (plotH * value) / max;
    parts.push(`<line x1="${left}" y1="${y}" x2="${width - 10}" y2="${y}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${value}</text>`);
  }
  groups.forEach((g, i) => {
    const x0 = left + slot * i + slot / 2 - barW;
    const bar = (value: number, x: number, color: string, label: string) => {
      const h = (plotH * value) / max;
      const y = top + plotH - h;
      parts.push(
        `<rect x="${x}" y="${y}" width="${barW - 2}" height="${h}" fill="${color}"><title>${escapeHtml(label)}: ${value}</title></rect>`,
      );
      parts.push(
        `<text x="${x + (barW - 2) / 2}" y="${y - 4}" text-anchor="middle" font-size="11">${value}</text>`,
      );
    };
    bar(g.proposed, x0, '#9bbbe0', `${g.level.vi} – đề xuất`);
    bar(g.final, x0 + barW, COLORS[i % COLORS.length]!, `${g.level.vi} – chính thức`);
    const words = g.level.vi.split(' ');
    const mid = Math.ceil(words.length / 2);
    const lines =
      words.length > 2 ? [words.slice(0, mid).join(' '), words.slice(mid).join(' ')] : [g.level.vi];
    lines.forEach((text, j) =>
      parts.push(
        `<text x="${left + slot * i + slot / 2}" y="${top + plotH + 16 + j * 13}" text-anchor="middle" font-size="11">${escapeHtml(text)}</text>`,
      ),
    );
  });
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#333"/>`);
  const legendY = height - 14;
  parts.push(`<rect x="${left}" y="${legendY - 9}" width="12" height="10" fill="#9bbbe0"/>`);
  parts.push(`<text x="${left + 16}" y="${legendY}" font-size="11">Đề xuất</text>`);
  parts.push(`<rect x="${left + 80}" y="${legendY - 9}" width="12" height="10" fill="${COLORS[1]}"/>`);
  parts.push(`<text x="${left + 96}" y="${legendY}" font-size="11">Chính thức (màu theo mức)</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Phân bố xếp loại">
<text x="${left}" y="16" font-size="13" font-weight="bold">Số đơn vị theo mức xếp loại</text>
${parts.join('\n')}
</svg>`;
}

/** A horizontal bar chart of the on-time rate of each obligation (0–100 %). */
function onTimeChartSvg(summary: YearSummary): string {
  const rows = summary.onTime;
  const width = 640;
  const rowH = 30;
  const left = 250;
  const top = 30;
  const plotW = width - left - 60;
  const height = top + rows.length * rowH + 30;
  const parts: string[] = [];
  for (const pct of [0, 25, 50, 75, 100]) {
    const x = left + (plotW * pct) / 100;
    parts.push(
      `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + rows.length * rowH}" stroke="#e0e0e0"/>`,
    );
    parts.push(
      `<text x="${x}" y="${top + rows.length * rowH + 16}" text-anchor="middle" font-size="11">${pct}%</text>`,
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const label = `${r.obligation} – ${shortName(r.obligation)}`;
    parts.push(
      `<text x="${left - 8}" y="${y + 19}" text-anchor="end" font-size="12">${escapeHtml(label)}</text>`,
    );
    if (r.rate === null) {
      parts.push(`<text x="${left + 4}" y="${y + 19}" font-size="11" fill="#777">chưa có số liệu</text>`);
      return;
    }
    const w = plotW * r.rate;
    const color = r.rate >= 0.9 ? '#1b7a3e' : r.rate >= 0.7 ? '#f0a030' : '#c0392b';
    parts.push(
      `<rect x="${left}" y="${y + 6}" width="${w}" height="18" fill="${color}"><title>${escapeHtml(label)}: ${r.onTime}/${r.onTime + r.late + r.missed}</title></rect>`,
    );
    parts.push(
      `<text x="${left + w + 4}" y="${y + 19}" font-size="11">${formatNumber(r.rate * 100, 'vi', 1)}%</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Tỷ lệ đúng hạn theo nghĩa vụ">
<text x="10" y="16" font-size="13" font-weight="bold">Tỷ lệ nộp đúng hạn theo nghĩa vụ (đúng hạn / đã đến hạn)</text>
${parts.join('\n')}
</svg>`;
}

function shortName(id: string): string {
  const names: Record<string, string> = {
    O1: 'Kế hoạch triển khai',
    O2: 'Đề xuất nhu cầu',
    O3: 'Ký kết chương trình',
    O4: 'Cập nhật tiến độ',
    O5: 'Báo cáo của bên giúp đỡ',
    O6: 'Báo cáo của bên được giúp',
    O7: 'Đánh giá, xếp loại',
  };
  return names[id] ?? id;
}

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
${ratingChartSvg(summary)}
${onTimeChartSvg(summary)}
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
