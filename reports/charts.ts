/**
 * The charts of the year-end report and of the dashboard, drawn by Apache ECharts on the server as SVG strings:
 * the rating distribution (units per level, proposed and final), on time / late / missed per obligation, and
 * cycles per phase. Pure: no I/O, no clock, no randomness; the same input gives the same string.
 *
 * What the SVG holds, so that a page can inline it under a strict Content-Security-Policy: no script, no
 * `<style>` element and no `style` attribute (ECharts' text styles become presentation attributes; its hover
 * rules are dropped, the charts are static), and no ID or class numbered per ECharts instance. The root has
 * `role="img"`, an `aria-label` and a `<title>` that read every number out in words. Texts come from the
 * message catalogue in the language asked for; numbers are written as in `domain/format.ts`.
 */
import * as echarts from 'echarts';
import { CYCLE_PHASES, type CyclePhase, type ObligationId } from '../domain/cycle/types';
import { formatNumber } from '../domain/format';
import { escapeHtml } from '../domain/html';
import { t, type Lang } from '../domain/messages';
import { cycleVocabulary } from '../domain/messages/cycle';
import { obligationLabel } from './cells';

/** The language of a chart's texts and numbers, and optionally its size in pixels. */
export interface ChartOptions {
  readonly lang: Lang;
  readonly width?: number;
  readonly height?: number;
}

/** Units at one rating level: how many were proposed it and how many were finally rated it. */
export interface RatingLevelCount {
  readonly level: { readonly vi: string; readonly en: string };
  readonly proposed: number;
  readonly final: number;
}

/** How one obligation went over the year's cycles (pending, waived and not applicable are not drawn). */
export interface ObligationTimeliness {
  readonly obligation: ObligationId;
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
}

/** Cycles per phase; a phase left out counts 0. */
export type PhaseCounts = Readonly<Partial<Record<CyclePhase, number>>>;

// Contrast on white: text 15.9:1, axis lines and labels 7.4:1; each bar colour at least 3:1 (WCAG 1.4.11) and,
// where a number is written inside a bar in white, at least 4.5:1. Colour is never the only cue: every bar is
// labelled with its number, and the accessible name lists them all.
const FONT = 'DejaVu Sans, Noto Sans, Arial, sans-serif';
const TEXT = '#222222';
const AXIS = '#54555a';
const GRID_LINE = '#d9d9d9';
const COLORS = {
  proposed: '#5b8fd1', // 3.3:1, numbers above it in dark text
  final: '#1b4f8a',
  onTime: '#1b7a3e', // 5.4:1 behind white numbers
  late: '#8a5a00', // 5.9:1
  missed: '#b3261e', // 6.5:1
  phase: '#1b4f8a',
} as const;

const TITLE_HEIGHT = 44;

/** A tick step of 1, 2 or 5 × 10ⁿ giving about five steps up to `max`, and the axis end it reaches. */
function valueScale(max: number): { max: number; interval: number } {
  if (max <= 5) return { max: Math.max(1, max), interval: 1 };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const interval = [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= raw) ?? 10 * magnitude;
  return { max: Math.ceil(max / interval) * interval, interval };
}

/** "needs proposal" → "Needs proposal": phase names are mid-sentence words in the catalogue. */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function valueAxis(name: string, scale: { max: number; interval: number }, lang: Lang, nameGap: number) {
  return {
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap,
    nameTextStyle: { color: TEXT, fontSize: 12 },
    min: 0,
    max: scale.max,
    interval: scale.interval,
    axisLabel: { color: AXIS, fontSize: 12, formatter: (value: number) => formatNumber(value, lang) },
    axisLine: { show: true, lineStyle: { color: AXIS } },
    splitLine: { lineStyle: { color: GRID_LINE } },
  };
}

function categoryAxis(name: string, labels: readonly string[], labelWidth: number, nameGap: number) {
  return {
    type: 'category' as const,
    data: [...labels],
    name,
    nameLocation: 'middle' as const,
    nameGap,
    nameTextStyle: { color: TEXT, fontSize: 12 },
    // Every label is shown (ECharts would otherwise skip those it thinks overlap) and long ones wrap.
    axisLabel: {
      interval: 0,
      color: TEXT,
      fontSize: 12,
      lineHeight: 14,
      width: labelWidth,
      overflow: 'break' as const,
    },
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: AXIS } },
  };
}

function barLabel(lang: Lang, position: 'top' | 'inside', hide: (value: number) => boolean = () => false) {
  return {
    show: true,
    position,
    fontSize: 12,
    color: position === 'inside' ? '#ffffff' : TEXT,
    formatter: (p: echarts.DefaultLabelFormatterCallbackParams) => {
      const value = Number(p.value);
      return hide(value) ? '' : formatNumber(value, lang);
    },
  };
}

/** A bar series that never reacts to the pointer: the SVG is a picture, not an application. */
function bars(name: string, data: readonly number[], color: string, label: ReturnType<typeof barLabel>) {
  return {
    type: 'bar' as const,
    name,
    data: [...data],
    silent: true,
    emphasis: { disabled: true },
    itemStyle: { color },
    label,
  };
}

function noDataGraphic(lang: Lang) {
  return [
    {
      type: 'text' as const,
      left: 'center',
      top: 'middle',
      silent: true,
      style: { text: t('chart.noData', {}, lang), fill: AXIS, fontSize: 14, fontFamily: FONT },
    },
  ];
}

function frame(title: string, legend: boolean): echarts.EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, color: TEXT },
    title: {
      text: title,
      left: 'center',
      top: 10,
      textStyle: { fontSize: 14, fontWeight: 'bold', color: TEXT },
    },
    ...(legend
      ? { legend: { bottom: 8, selectedMode: false, itemGap: 24, textStyle: { color: TEXT, fontSize: 12 } } }
      : {}),
  };
}

/** `style="font-size:12px;font-family:X;"` → `font-size="12px" font-family="X"`: the same look, no inline CSS. */
function presentationAttributes(css: string): string {
  return css
    .split(';')
    .map((declaration) => declaration.trim())
    .filter(Boolean)
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      return ` ${declaration.slice(0, colon).trim()}="${declaration.slice(colon + 1).trim()}"`;
    })
    .join('');
}

/** Renders `option` once and returns the cleaned, labelled SVG; the chart is always disposed. */
function renderSvg(option: echarts.EChartsOption, width: number, height: number, label: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option);
    svg = chart.renderToSVGString();
  } finally {
    // Without it zrender's animation loop keeps the process alive.
    chart.dispose();
  }
  const name = escapeHtml(label);
  return (
    svg
      // Hover rules only, and numbered per zrender instance (zr0-cls-0, zr1-cls-0…): not static, not stable.
      .replace(/<style[^>]*>[\s\S]*?<\/style>\s*/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      // Data for ECharts' client-side hydration script, which these pages never load.
      .replace(/ ecmeta_\w+="[^"]*"/g, '')
      .replace(/ style="([^"]*)"/g, (_whole, css: string) => presentationAttributes(css))
      .replace(/^<svg /, `<svg role="img" aria-label="${name}" `)
      .replace(/^(<svg[^>]*>)/, `$1\n<title>${name}</title>`)
      .trim()
  );
}

function summary(title: string, items: readonly string[], lang: Lang): string {
  return t('chart.summary', { title, items: items.join('; ') }, lang);
}

/**
 * The rating distribution: for each level (in the scale's order) the units proposed it and the units finally
 * rated it, as grouped vertical bars.
 */
export function ratingDistributionChart(rows: readonly RatingLevelCount[], options: ChartOptions): string {
  const { lang, width = 640, height = 340 } = options;
  const n = (value: number) => formatNumber(value, lang);
  const title = t('chart.rating.title', {}, lang);
  const empty = rows.every((r) => r.proposed === 0 && r.final === 0);
  const items = empty
    ? [t('chart.noData', {}, lang)]
    : rows.map((r) =>
        t('chart.rating.item', { level: r.level[lang], proposed: n(r.proposed), final: n(r.final) }, lang),
      );
  const grid = { left: 64, right: 24, top: TITLE_HEIGHT + 20, bottom: 100 };
  const slot = (width - grid.left - grid.right) / Math.max(1, rows.length);
  const option: echarts.EChartsOption = {
    ...frame(title, true),
    grid,
    xAxis: categoryAxis(
      t('chart.rating.axisLevel', {}, lang),
      rows.map((r) => r.level[lang]),
      slot - 8,
      52,
    ),
    yAxis: valueAxis(
      t('chart.rating.axisUnits', {}, lang),
      valueScale(Math.max(0, ...rows.flatMap((r) => [r.proposed, r.final]))),
      lang,
      40,
    ),
    series: [
      bars(
        t('chart.rating.proposed', {}, lang),
        rows.map((r) => r.proposed),
        COLORS.proposed,
        barLabel(lang, 'top'),
      ),
      bars(
        t('chart.rating.final', {}, lang),
        rows.map((r) => r.final),
        COLORS.final,
        barLabel(lang, 'top'),
      ),
    ],
    ...(empty ? { graphic: noDataGraphic(lang) } : {}),
  };
  return renderSvg(option, width, height, summary(title, items, lang));
}

/**
 * On time, late and missed for each obligation (O1–O7, in the order given), as horizontal stacked bars. A
 * number is written inside its segment when the segment is wide enough to hold it; the accessible name always
 * has every number.
 */
export function obligationTimelinessChart(
  rows: readonly ObligationTimeliness[],
  options: ChartOptions,
): string {
  const { lang, width = 640, height = 380 } = options;
  const n = (value: number) => formatNumber(value, lang);
  const title = t('chart.timeliness.title', {}, lang);
  const totals = rows.map((r) => r.onTime + r.late + r.missed);
  const empty = totals.every((total) => total === 0);
  const items = empty
    ? [t('chart.noData', {}, lang)]
    : rows.map((r) =>
        t(
          'chart.timeliness.item',
          {
            obligation: obligationLabel(r.obligation, lang),
            onTime: n(r.onTime),
            late: n(r.late),
            missed: n(r.missed),
          },
          lang,
        ),
      );
  const grid = { left: 236, right: 24, top: TITLE_HEIGHT + 12, bottom: 76 };
  const scale = valueScale(Math.max(0, ...totals));
  const plotWidth = width - grid.left - grid.right;
  // About 7.5 px per digit at 12 px, plus a little room on either side.
  const tooNarrow = (value: number) =>
    value === 0 || (plotWidth * value) / scale.max < n(value).length * 7.5 + 6;
  const series = (['onTime', 'late', 'missed'] as const).map((status) => ({
    ...bars(
      t(`chart.timeliness.${status}`, {}, lang),
      rows.map((r) => r[status]),
      COLORS[status],
      barLabel(lang, 'inside', tooNarrow),
    ),
    stack: 'obligation',
    barWidth: '60%',
    // A white seam between touching segments, so each keeps its contrast against its neighbour.
    itemStyle: { color: COLORS[status], borderColor: '#ffffff', borderWidth: 1 },
  }));
  const option: echarts.EChartsOption = {
    ...frame(title, true),
    grid,
    yAxis: {
      ...categoryAxis(
        t('chart.timeliness.axisObligation', {}, lang),
        rows.map((r) => obligationLabel(r.obligation, lang)),
        grid.left - 24,
        0,
      ),
      // O1 at the top, as in the tables; the axis name sits above the labels.
      inverse: true,
      nameLocation: 'start',
      nameGap: 8,
      nameTextStyle: { color: TEXT, fontSize: 12, fontWeight: 'bold', align: 'right' },
    },
    xAxis: valueAxis(t('chart.timeliness.axisPairs', {}, lang), scale, lang, 28),
    series,
    ...(empty ? { graphic: noDataGraphic(lang) } : {}),
  };
  return renderSvg(option, width, height, summary(title, items, lang));
}

/** Cycles per phase, every phase of the cycle in its order, as vertical bars (the dashboard's overview). */
export function phaseCountChart(counts: PhaseCounts, options: ChartOptions): string {
  const { lang, width = 640, height = 320 } = options;
  const n = (value: number) => formatNumber(value, lang);
  const title = t('chart.phases.title', {}, lang);
  const values = CYCLE_PHASES.map((phase) => counts[phase] ?? 0);
  const names = CYCLE_PHASES.map((phase) => capitalised(cycleVocabulary.phase[phase][lang]));
  const empty = values.every((v) => v === 0);
  const items = empty
    ? [t('chart.noData', {}, lang)]
    : CYCLE_PHASES.map((_, i) => t('chart.phases.item', { phase: names[i]!, count: n(values[i]!) }, lang));
  const grid = { left: 64, right: 24, top: TITLE_HEIGHT + 20, bottom: 72 };
  const slot = (width - grid.left - grid.right) / CYCLE_PHASES.length;
  const option: echarts.EChartsOption = {
    ...frame(title, false),
    grid,
    xAxis: categoryAxis(t('chart.phases.axisPhase', {}, lang), names, slot - 8, 44),
    yAxis: valueAxis(t('chart.phases.axisCycles', {}, lang), valueScale(Math.max(0, ...values)), lang, 40),
    series: [bars(t('chart.phases.axisCycles', {}, lang), values, COLORS.phase, barLabel(lang, 'top'))],
    ...(empty ? { graphic: noDataGraphic(lang) } : {}),
  };
  return renderSvg(option, width, height, summary(title, items, lang));
}
