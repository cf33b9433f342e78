import type { Rapport, ReportModel } from './report-model.js';
import type { TableModel } from './tables.js';

/**
 * The tables published as open data: the declared ones with rows and
 * columns (a table drawn by a partial too, when it declares them), then the
 * data of each chart.
 */
export function publishedTables(model: ReportModel): TableModel[] {
  return [...model.tables.filter((t) => t.columns.length > 0), ...model.figures.flatMap((f) => (f.chart ? [f.chart.data] : []))];
}

/** Whether the report says enough to describe its datasets for the portal. */
export function canDescribe(rapport: Rapport): boolean {
  return Boolean(rapport.oppnaData?.webbadress && rapport.oppnaData.kontakt);
}
