import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { drawChart } from '../../src/figures/charts.js';
import type { ChartSpec, FigureModel } from '../../src/model/figures.js';

const ENTRIES = ['2023', '2024', '2025'].flatMap((ar, i) => [
  { ar, kanal: 'Webbinarier', deltagare: 400 + 200 * i },
  { ar, kanal: 'Guide', deltagare: 1200 + 1100 * i },
]);

/** A chart figure in short form over the entries above. */
function figure(spec: { [K in keyof ChartSpec]?: ChartSpec[K] | undefined }, entries: Record<string, unknown>[] = ENTRIES): FigureModel {
  const short = { typ: 'staplad', x: 'ar', y: 'deltagare', serie: 'kanal', ...spec } as ChartSpec;
  const where = { file: 'data/figurer.yaml', point: { line: 1, column: 1 }, at: () => undefined };
  return { key: 'test', caption: 'Test', description: 'Test', file: 'test', where, image: undefined, chart: { entries, short, vegaLite: undefined, data: undefined as never } };
}

async function svgOf(spec: { [K in keyof ChartSpec]?: ChartSpec[K] | undefined }, entries?: Record<string, unknown>[]): Promise<string> {
  const drawn = await drawChart(figure(spec, entries));
  if ('reason' in drawn) throw new Error(drawn.reason);
  return toHtml(drawn.svg, { space: 'svg' });
}

describe('charts in short form', () => {
  it('stacked bars: one bar part per series and year, with a legend in the data order', async () => {
    const svg = await svgOf({ typ: 'staplad' });
    expect(svg.match(/<path [^>]*fill="#0b4f8a"/g)).toHaveLength(3 + 1);
    expect(svg.match(/<path [^>]*fill="#9cc2e5"/g)).toHaveLength(3 + 1);
    expect(svg.indexOf('>Webbinarier<')).toBeLessThan(svg.indexOf('>Guide<'));
    expect(svg).toContain('>3\u00a0000</text>');
  });

  it('lines: each series its own pattern and point shape, so they differ without colour', async () => {
    const svg = await svgOf({ typ: 'linje' });
    expect(svg).toContain('stroke-dasharray="7 3"');
    expect(svg).toMatch(/<path [^>]*d="M[^"]*Z"[^>]*fill="#1a1a1a"/);
  });

  it('amounts on the axis are scaled to tkr, mnkr or mdkr and written the Swedish way', async () => {
    const amounts = (largest: number): Record<string, unknown>[] => [{ ar: '2024', belopp: largest / 2 }, { ar: '2025', belopp: largest }];
    const axis = async (largest: number): Promise<string> => svgOf({ typ: 'stapel', y: 'belopp', serie: undefined, format: 'kronor', yTitel: 'Medel' }, amounts(largest));
    expect(await axis(5000)).toContain('>Medel (kronor)</text>');
    expect(await axis(80_000)).toContain('>Medel (tkr)</text>');
    const millions = await axis(3_000_000);
    expect(millions).toContain('>Medel (mnkr)</text>');
    expect(millions).toContain('>1,5</text>');
    expect(await axis(4_000_000_000)).toContain('>Medel (mdkr)</text>');
  });

  it('the same data gives the same bytes', async () => {
    expect(await svgOf({ typ: 'linje' })).toBe(await svgOf({ typ: 'linje' }));
  });

  it('a full Vega-Lite specification cannot load data from elsewhere', async () => {
    const spec = { mark: 'bar', layer: [{ data: { url: 'https://example.org/data.csv' }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' } } }] };
    const drawn = await drawChart({ ...figure({}), chart: { entries: ENTRIES, short: undefined, vegaLite: spec, data: undefined as never } });
    expect('reason' in drawn).toBe(true);
  });
});
