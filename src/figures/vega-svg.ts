import type { ChartDrawing } from '../model/sandbox-protocol.js';
import { textWidth } from './text-widths.js';

/** A loader that loads nothing: a chart draws only the data the report hands it. */
const NO_LOADING = {
  load: () => Promise.reject(new Error('en diagramspecifikation får inte hämta data utifrån')),
  sanitize: () => Promise.reject(new Error('en diagramspecifikation får inte hämta data utifrån')),
  http: () => Promise.reject(new Error('no loading')),
  file: () => Promise.reject(new Error('no loading')),
};

/** A Vega text item's width, by the report font's widths (see text-widths.ts). */
function measureText(item: { fontSize?: number; fontWeight?: number | string }, text: unknown): number {
  const line = text === null || text === undefined ? '' : String(text).trim();
  return textWidth(line, item.fontSize ?? 11, item.fontWeight);
}

/** Vega and Vega-Lite, loaded once. */
export function loadVega(): Promise<[typeof import('vega'), typeof import('vega-lite')]> {
  loading ??= Promise.all([import('vega'), import('vega-lite')]);
  return loading;
}
let loading: Promise<[typeof import('vega'), typeof import('vega-lite')]> | undefined;

/**
 * Draws a Vega-Lite specification (with its data and config) to SVG text
 * (Vega-Lite → Vega, no browser). Vega-Lite's and Vega's warnings (a field
 * it drops, an encoding it ignores) mean the chart would not show what the
 * author asked, so they fail the chart. Runs in the sandbox process, where
 * a specification that draws for ever or fills the memory is stopped.
 */
export async function vegaLiteToSvg(spec: Record<string, unknown>): Promise<ChartDrawing> {
  const [vega, vegaLite] = await loadVega();
  // Vega measures text with a canvas when there is one and guesses otherwise; it is
  // told the report font's real widths instead, so labels get the room they need.
  // (vega's typings lack textMetrics, which the package exports.)
  (vega as unknown as { textMetrics: { width: typeof measureText } }).textMetrics.width = measureText;
  const warnings: string[] = [];
  const logger = {
    level: (): number => 0,
    error: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')),
    warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')),
    info: () => undefined,
    debug: () => undefined,
  };
  try {
    const compiled = vegaLite.compile(spec as never, { logger: logger as never }).spec;
    if (warnings.length) return { reason: warnings[0] ?? '' };
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: NO_LOADING as never, logger: logger as never });
    const svg = await view.toSVG();
    view.finalize();
    if (warnings.length) return { reason: warnings[0] ?? '' };
    return { svg };
  } catch (error) {
    return { reason: ((error as Error).message ?? String(error)).split('\n')[0] ?? '' };
  }
}
