import type { Element } from 'hast';
import type { ReportModel } from '../../model/compute.js';

/** A data table: drawn into a chapter with `{{> name}}` and exported as CSV. */
export interface TableSpec {
  /** The partial name authors write (`projekttabell`); also the CSV's base name. */
  name: string;
  /** Open-data file name under `dist/data/`. */
  csvName: string;
  /** CSV header row: stable column names. */
  csvColumns: string[];
  /** CSV rows: raw values (whole kronor, no formatting). */
  csvRows(model: ReportModel): (string | number)[][];
  /** The `<table>` element (without caption; the renderer adds the numbered caption). */
  table(model: ReportModel): Element;
}
