import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { ChartSpec, FigureModel } from '../model/figures.js';
import { runInSandbox, SANDBOX_LIMITS } from '../model/sandbox-runner.js';
import { CHART_KINDS } from './kinds/registry.js';
import { sanitiseSvg } from './svg.js';

/** How long one chart may take to draw (in the sandbox, whose memory is capped too). */
export const CHART_LIMITS = { timeoutMs: 15_000 } as const;

/** The report's blues, from dark to light in steps a black-and-white print tells apart. */
const PALETTE = ['#0b4f8a', '#9cc2e5', '#4f86bd', '#dce9f5', '#1a1a1a', '#a0a0a0'];
const FONT = 'Source Sans 3, DejaVu Sans, sans-serif';

/** Swedish number and date formats for the axes: `1 250 000`, `2,5`, `12 %`. */
const SWEDISH_NUMBERS = { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], percent: '\u00a0%', minus: '−' };
const SWEDISH_TIME = {
  dateTime: '%A den %d %B %Y %X',
  date: '%Y-%m-%d',
  time: '%H:%M:%S',
  periods: ['fm', 'em'],
  days: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
  shortDays: ['sön', 'mån', 'tis', 'ons', 'tors', 'fre', 'lör'],
  months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  shortMonths: ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

/** The look of every chart: the report's font and colours, quiet grid, legend below. */
export const CHART_CONFIG = {
  aria: false,
  locale: { number: SWEDISH_NUMBERS, time: SWEDISH_TIME },
  background: null,
  font: FONT,
  padding: 4,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelColor: '#1a1a1a', titleColor: '#1a1a1a', domainColor: '#4a4a4a', tickColor: '#4a4a4a', gridColor: '#dcdcdc', labelLimit: 0 },
  axisBand: { grid: false, ticks: false },
  legend: { orient: 'bottom', direction: 'horizontal', labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelColor: '#1a1a1a', titleColor: '#1a1a1a', symbolStrokeColor: '#1a1a1a' },
  range: { category: PALETTE },
  mark: { color: PALETTE[0] },
  bar: { stroke: '#ffffff', strokeWidth: 1 },
  line: { strokeWidth: 2 },
  point: { filled: true, size: 45 },
};

/** How the values of an amount axis are written: kronor, thousands (tkr), millions (mnkr) or billions (mdkr). */
function amountScale(format: ChartSpec['format'], largest: number): { divisor: number; unit: string } {
  if (format === 'procent') return { divisor: 1, unit: '' };
  if (format !== 'kronor') return { divisor: 1, unit: '' };
  if (largest >= 1e9) return { divisor: 1e9, unit: 'mdkr' };
  if (largest >= 1e6) return { divisor: 1e6, unit: 'mnkr' };
  if (largest >= 1e4) return { divisor: 1e3, unit: 'tkr' };
  return { divisor: 1, unit: 'kronor' };
}

/**
 * The Vega-Lite specification of a chart in short form: bars (upright,
 * lying or stacked) or lines, with the value axis in Swedish format and the
 * series told apart by lightness, line pattern and point shape as well as
 * colour.
 */
export function shortFormSpec(spec: ChartSpec, entries: readonly Record<string, unknown>[]): Record<string, unknown> {
  const values = entries.map((e) => Object.fromEntries([spec.x, spec.y, ...(spec.serie ? [spec.serie] : [])].map((k) => [k, e[k]])));
  const largest = Math.max(0, ...values.map((v) => Math.abs(Number(v[spec.y]) || 0)));
  const { divisor, unit } = amountScale(spec.format, largest);
  const valueTitle = `${spec.yTitel ?? spec.y}${unit ? ` (${unit})` : ''}`;
  const labelExpr = divisor === 1 ? undefined : `format(datum.value / ${divisor}, ',.1~f')`;
  const valueAxis = { title: valueTitle, format: spec.format === 'procent' ? '.0%' : ',.2~f', ...(labelExpr ? { labelExpr } : {}), tickMinStep: spec.format === 'procent' ? 0.01 : 1 };
  const labels = [...new Set(values.map((v) => String(v[spec.x])))];
  const kind = CHART_KINDS[spec.typ];
  const lying = kind.lying;
  const width = spec.bredd ?? CHART_WIDTH;
  const sort = spec.sortera ? `${spec.sortera === 'fallande' ? '-' : ''}${lying ? 'x' : 'y'}` : null;
  // Lying bars name their categories in full beside them; under upright bars and lines, long names wrap.
  const category = { field: spec.x, type: kind.categoryType, sort, title: lying ? null : (spec.xTitel ?? null), axis: lying ? {} : bandLabels(labels, width) };
  const scale = valueScale(spec);
  const value = { field: spec.y, type: 'quantitative', aggregate: 'sum', title: valueTitle, axis: valueAxis, ...(scale ? { scale } : {}) };
  const series = spec.serie ? { field: spec.serie, type: 'nominal', title: spec.serieTitel ?? spec.serie, sort: null } : undefined;
  const height = spec.hojd ?? (lying ? Math.max(160, 24 * labels.length + 70) : 280);
  const base = { width, height, autosize: AUTOSIZE, data: { values } };
  const drawn = kind.spec(base, { category, value, series });
  // Bars from an axis that does not start at 0 are cut at the axis rather than drawn below it.
  return scale && typeof drawn['mark'] === 'object' ? { ...drawn, mark: { ...(drawn['mark'] as object), clip: true } } : drawn;
}

/** The short form's width, which a full specification gets unless it sets its own. */
export const CHART_WIDTH = 560;
const AUTOSIZE = { type: 'fit', contains: 'padding' };

/** The value axis's range (`skala: { fran, till }`) and whether it starts at 0 (`noll: false`), as Vega-Lite's scale. */
function valueScale(spec: ChartSpec): Record<string, unknown> | undefined {
  const { fran, till } = spec.skala ?? {};
  if (fran === undefined && till === undefined && spec.noll !== false) return undefined;
  return { zero: fran === undefined ? spec.noll !== false : fran <= 0 && spec.noll !== false, ...(fran !== undefined ? { domainMin: fran } : {}), ...(till !== undefined ? { domainMax: till } : {}), nice: fran === undefined && till === undefined };
}

/**
 * A full Vega-Lite specification with the data drawn, as wide as the short
 * form (and fitted the same way) unless it sets a width of its own; a
 * composed one (concatenated, faceted, repeated) sizes its own parts.
 */
export function fullSpec(vegaLite: Record<string, unknown>, entries: readonly Record<string, unknown>[]): Record<string, unknown> {
  const composed = ['hconcat', 'vconcat', 'concat', 'facet', 'repeat'].some((k) => k in vegaLite);
  const sized = composed || 'width' in vegaLite ? {} : { width: CHART_WIDTH, ...('autosize' in vegaLite ? {} : { autosize: AUTOSIZE }) };
  return { ...sized, ...vegaLite, data: { values: entries } };
}

/**
 * Labels under upright bars: whole words on up to three lines when each
 * line fits its bar's width (Vega draws an array as lines), else turned.
 */
function bandLabels(labels: readonly string[], width: number): Record<string, unknown> {
  const perLine = Math.max(6, Math.floor((width - 80) / Math.max(1, labels.length) / 6.5));
  const wrapped = labels.map((label) => {
    const lines: string[] = [];
    for (const word of label.split(/\s+/)) {
      const last = lines[lines.length - 1];
      if (last !== undefined && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  });
  if (wrapped.every((lines) => lines.length <= 3 && lines.every((l) => l.length <= perLine))) {
    if (wrapped.every((lines) => lines.length === 1)) return { labelAngle: 0 };
    const table = JSON.stringify(Object.fromEntries(labels.map((l, i) => [l, wrapped[i]])));
    return { labelAngle: 0, labelExpr: `${table}[datum.label] || datum.label`, labelPadding: 6 };
  }
  return { labelAngle: -40, labelAlign: 'right' };
}

/** The chart drawn, or why it could not be. */
export type DrawnChart = { svg: Element } | { reason: string };

/**
 * Draws a chart to SVG in Node (Vega-Lite → Vega, no browser): text widths
 * are estimated the same way on every machine, so the same data gives the
 * same bytes. Vega-Lite's warnings (a field it drops, an encoding it
 * ignores) mean the chart would not show what the author asked, so they fail
 * the chart. The SVG is sanitised like an image (a spec could add links),
 * loses Vega's own roles (the figure is one image to assistive technology)
 * and gets ids of its own (`figur-<key>-…`) that do not collide on the page.
 */
export async function drawChart(figure: FigureModel): Promise<DrawnChart> {
  const chart = figure.chart;
  if (!chart) return { reason: 'no chart' };
  try {
    const spec = chart.short ? shortFormSpec(chart.short, chart.entries) : fullSpec(chart.vegaLite ?? {}, chart.entries);
    const config = { ...CHART_CONFIG, ...((spec['config'] as object | undefined) ?? {}) };
    // Drawn in the sandbox: a specification that draws for ever, fills the memory or crashes Vega stops there.
    const drawn = await runInSandbox({ kind: 'chart', spec: { ...spec, config }, budgetMs: CHART_LIMITS.timeoutMs });
    if (drawn.kind === 'stopped') return { reason: drawn.why === 'time' ? `drawing took more than ${CHART_LIMITS.timeoutMs / 1000} s` : `drawing needed more than ${SANDBOX_LIMITS.memoryMb} MB of memory` };
    if (drawn.kind === 'crashed') return { reason: drawn.reason };
    if (drawn.kind !== 'chart') return { reason: 'no answer' };
    if ('reason' in drawn.drawing) return { reason: drawn.drawing.reason };
    const safe = sanitiseSvg(drawn.drawing.svg);
    const svg = safe && fromHtml(safe.svg, { fragment: true, space: 'svg' }).children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
    if (!svg) return { reason: 'no SVG' };
    ownIds(svg, `figur-${figure.key}`);
    visit(svg, 'element', (node) => {
      if (node === svg) return;
      for (const prop of ['role', 'ariaRoledescription', 'ariaLabel', 'ariaHidden']) delete node.properties[prop];
    });
    delete svg.properties['className'];
    return { svg };
  } catch (error) {
    return { reason: ((error as Error).message ?? String(error)).split('\n')[0] ?? '' };
  }
}

/** Renames the drawing's ids to `<prefix>-1`, `-2`… and every reference to them. */
function ownIds(svg: Element, prefix: string): void {
  const ids = new Map<string, string>();
  visit(svg, 'element', (node) => {
    const id = node.properties['id'];
    if (typeof id === 'string') {
      ids.set(id, `${prefix}-${ids.size + 1}`);
      node.properties['id'] = ids.get(id);
    }
  });
  if (!ids.size) return;
  visit(svg, 'element', (node) => {
    for (const [prop, value] of Object.entries(node.properties)) {
      if (typeof value !== 'string') continue;
      node.properties[prop] = value.replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m)).replace(/^#(.+)$/, (m, id: string) => (ids.has(id) ? `#${ids.get(id)}` : m));
    }
  });
}
