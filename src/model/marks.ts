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
