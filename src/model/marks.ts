/** Vega-Lite's marks (its package does not export the list). */
export const VEGA_LITE_MARKS = ['arc', 'area', 'bar', 'boxplot', 'circle', 'errorband', 'errorbar', 'geoshape', 'image', 'line', 'point', 'rect', 'rule', 'square', 'text', 'tick', 'trail'];

/** The marks a full Vega-Lite specification names that Vega-Lite does not have (it would fail with an unhelpful error). */
export function unknownMarks(spec: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const record = node as Record<string, unknown>;
    const mark = record['mark'];
    const type = typeof mark === 'string' ? mark : mark && typeof mark === 'object' ? (mark as Record<string, unknown>)['type'] : undefined;
    if (typeof type === 'string' && !VEGA_LITE_MARKS.includes(type)) found.push(type);
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat', 'spec']) walk(record[key]);
  };
  walk(spec);
  return found;
}

/**
 * The path of the first `data` inside a full Vega-Lite specification's views
 * (`layer`, `concat`, `repeat`…): a chart draws only the data the report
 * hands it at its top, never data of its own (a `sequence` of a hundred
 * million items, a generator, values typed into the chart).
 */
export function nestedData(spec: unknown): (string | number)[] | undefined {
  const walk = (node: unknown, at: (string | number)[], top: boolean): (string | number)[] | undefined => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) {
        const found = walk(n, [...at, i], false);
        if (found) return found;
      }
      return undefined;
    }
    if (!node || typeof node !== 'object') return undefined;
    const record = node as Record<string, unknown>;
    if (!top && 'data' in record) return [...at, 'data'];
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat', 'spec']) {
      const found = walk(record[key], [...at, key], false);
      if (found) return found;
    }
    return undefined;
  };
  return walk(spec, [], true);
}
