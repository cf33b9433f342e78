import type { ChartKind } from './kind.js';

/** Colours of lines: dark enough against white (3:1 at least), told apart by pattern and shape as well. */
const LINE_PALETTE = ['#0b4f8a', '#1a1a1a', '#4f86bd', '#6b6b6b'];
/** Line patterns for series, so lines differ without colour. */
const DASHES = [[1, 0], [7, 3], [2, 2], [9, 3, 2, 3]];
/** Point shapes for series, the same way. */
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond'];

/** `linje`: a line per series over ordered categories, with points; series differ by colour, pattern and shape. */
export const linje: ChartKind = {
  lying: false,
  categoryType: 'ordinal',
  spec: (base, { category, value, series }) => ({
    ...base,
    mark: { type: 'line', point: true },
    encoding: {
      x: category,
      y: value,
      ...(series ? { color: { ...series, scale: { range: LINE_PALETTE } }, strokeDash: { ...series, scale: { range: DASHES } }, shape: { ...series, scale: { range: SHAPES } } } : {}),
    },
  }),
};
