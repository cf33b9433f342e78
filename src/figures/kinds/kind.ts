/** The parts of a chart's Vega-Lite encoding that every kind shares. */
export interface ChartParts {
  /** The category field (the x of upright bars and lines). */
  category: Record<string, unknown>;
  /** The value field, summed, with the Swedish axis. */
  value: Record<string, unknown>;
  /** The series field, when the chart has series. */
  series: Record<string, unknown> | undefined;
}

/** A kind of chart (`typ:` in data/figurer.yaml): how it lays out its categories, and its mark and encoding. */
export interface ChartKind {
  /** Bars lying: the categories beside them, named in full. */
  lying: boolean;
  /** Vega-Lite's type of the category field. */
  categoryType: 'nominal' | 'ordinal';
  /** The specification: `base` (size, data) with the kind's mark and encoding. */
  spec(base: Record<string, unknown>, parts: ChartParts): Record<string, unknown>;
}

/** Bars, upright or lying; with series, Vega-Lite stacks them. */
export function bars(lying: boolean): ChartKind {
  return {
    lying,
    categoryType: 'nominal',
    spec: (base, { category, value, series }) => ({
      ...base,
      mark: { type: 'bar' },
      encoding: {
        x: lying ? value : category,
        y: lying ? category : value,
        ...(series ? { color: series } : {}),
      },
    }),
  };
}
