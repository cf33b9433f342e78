import { stringify } from 'csv-stringify/sync';
import type { Placements } from '../../expand/placements.js';
import type { ReportModel } from '../../model/report-model.js';
import { canDescribe, publishedTables } from '../../model/published.js';
import { datasetViews, placedLabel, type DatasetView } from '../../render/datasets.js';
import { tableRecords } from '../../render/tables.js';
import type { OutputFile } from '../write-output.js';
import { DCAT_PATH, dcatRecord, type Dataset } from './dcat.js';
import { workbookBytes } from './xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the open data adds to the output: its files, the page's list, and the metadata record when it could be made. */
export interface OpenData {
  files: OutputFile[];
  datasets: DatasetView[];
  /** Path of the DCAT-AP-SE record, or undefined without the settings it needs. */
  record: string | undefined;
}

/** What a spreadsheet program reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell of the CSV as OWASP advises against CSV injection: one that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * `'` and quotes, so Excel and LibreOffice show it as text instead of
 * running it. Numbers are numbers in the records and are never touched.
 */
export function csvText(value: string): string | { value: string; quote: boolean } {
  return FORMULA_START.test(value) ? { value: `'${value}`, quote: true } : value;
}

export { canDescribe } from '../../model/published.js';

/**
 * Makes the open data of a checked report: each published table as CSV
 * (UTF-8, raw numbers, for machines) and as an Excel workbook (for people),
 * and, when the report names where it is published and a contact point,
 * the DCAT-AP-SE record that describes them with their sizes. The same
 * input gives the same bytes: every date in them is the report's.
 */
export async function buildOpenData(model: ReportModel, placements: Placements, date: Date): Promise<OpenData> {
  const files: OutputFile[] = [];
  const datasets: Dataset[] = [];
  const sizes = new Map<string, number>();
  for (const table of publishedTables(model)) {
    const csv = Buffer.from(stringify(tableRecords(table), { cast: { string: csvText } }), 'utf8');
    const xlsx = await workbookBytes(table, { author: model.rapport.myndighet, date });
    const csvPath = `data/${table.file}.csv`;
    const xlsxPath = `data/${table.file}.xlsx`;
    files.push({ path: csvPath, content: csv }, { path: xlsxPath, content: xlsx });
    sizes.set(csvPath, csv.length);
    sizes.set(xlsxPath, xlsx.length);
    const label = placedLabel(placements, table.key);
    datasets.push({
      file: table.file,
      title: table.caption,
      description: table.description ?? `${table.caption}. ${label || 'En tabell'} i ${model.rapport.titel} (${model.rapport.myndighet}, Dnr ${model.rapport.dnr}, ${model.rapport.datum}).`,
      distributions: [
        { path: xlsxPath, format: 'XLSX', mediaType: XLSX_TYPE, byteSize: xlsx.length, title: `${table.caption} (Excel)`, description: `${table.caption} som Excel-arbetsbok, för den som vill läsa och räkna vidare i ett kalkylprogram.` },
        { path: csvPath, format: 'CSV', mediaType: 'text/csv', byteSize: csv.length, title: `${table.caption} (CSV)`, description: `${table.caption} som CSV (UTF-8, en rubrikrad, obearbetade tal), för maskinläsning.` },
      ],
    });
  }
  let record: string | undefined;
  const base = model.rapport.oppnaData?.webbadress;
  if (base && canDescribe(model.rapport)) {
    files.push({ path: DCAT_PATH, content: await dcatRecord(model.rapport, datasets, base) });
    record = DCAT_PATH;
  }
  return { files, datasets: datasetViews(model, placements, sizes), record };
}
