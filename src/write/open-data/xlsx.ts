import type { Workbook, Worksheet } from 'exceljs';
import { cellFormat, type CellFormat } from '../../model/cell-formats.js';
import { decimalsOf, formatOf, type CellValue, type ColumnModel, type RowModel, type TableModel } from '../../model/tables.js';

/** The Excel number format of a format in a column, in Excel's own (locale-neutral) notation. */
function numberFormat(column: ColumnModel, format: CellFormat = column.format): string | undefined {
  return cellFormat(format).excel(decimalsOf(column, format).decimals);
}

type ExcelValue = string | number | Date | null;

/** A cell's value in the workbook: numbers as numbers, dates as dates, lists joined as in the CSV, a missing value blank. */
function excelValue(value: CellValue, format: CellFormat): ExcelValue {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.join('; ');
  const def = cellFormat(format);
  return def.excelValue ? def.excelValue(value) : def.csv(value);
}

/** A text a column shows, for its width. */
function shownLength(value: string | number | Date | null, column: ColumnModel, format: CellFormat): number {
  if (value === null) return 0;
  if (value instanceof Date) return 10;
  const decimals = decimalsOf(column, format).decimals;
  if (typeof value === 'number') return cellFormat(format).excelWidth?.(value, decimals) ?? Math.max(String(Math.trunc(value)).length * 1.34, 4) + (decimals ?? 0) + 1;
  return value.length;
}

/** A sheet's name: at most 31 characters, none of those Excel forbids. */
function sheetName(caption: string): string {
  return caption.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim() || 'Tabell';
}

/**
 * A declared table as an Excel workbook, one per table (like its CSV, one
 * file per dataset): the caption as a title row, a bold frozen header row,
 * the rows with numbers as numbers in Swedish-looking formats (thousands
 * grouped, percentages as percentages, dates as dates), the sum rows in bold
 * with the table's own sums (a `summa` column as Excel's `SUM` over the rows
 * it sums, its value cached, so that a corrected number corrects the sum),
 * a cell whose row names its format in that format, a missing value blank,
 * and columns as wide as their contents. The
 * columns are the CSV's, so the two give the same numbers.
 */
export function fillWorkbook(workbook: Workbook, table: TableModel): Worksheet {
  const columns = table.columns.map((column, index) => ({ column, index })).filter(({ column }) => column.inOpenData);
  const sheet = workbook.addWorksheet(sheetName(table.caption), { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }] });
  const title = sheet.addRow([table.caption]);
  title.font = { bold: true, size: 13 };
  const header = sheet.addRow(columns.map(({ column }) => column.header ?? column.key));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.border = { bottom: { style: 'thin' } };
  });
  const widths = columns.map(({ column }) => (column.header ?? column.key).length);
  // Sheet rows: the title, the header, then the first rows, the data's rows and the foot.
  const firstRow = 3;
  const dataRow = firstRow + table.first.length;
  const footRow = dataRow + table.rows.length;
  /** A sum as Excel's formula over the rows it sums, with its value cached so the file reads right without recalculation. */
  const sumCell = (row: RowModel, index: number, value: ExcelValue, i: number): ExcelValue | { formula: string; result: number } => {
    if (typeof value !== 'number' || !row.sums?.includes(index)) return value;
    const [from, to] = table.last.includes(row) ? [firstRow, footRow - 1] : [dataRow, footRow - 1];
    if (to < from) return value;
    const letter = sheet.getColumn(i + 1).letter;
    return { formula: `SUM(${letter}${from}:${letter}${to})`, result: value };
  };
  // A column whose rows name their formats gets each cell's number format and alignment, set once the columns' are.
  const ownFormats: { row: number; column: number; format: CellFormat }[] = [];
  const addRows = (rows: readonly RowModel[], bold: boolean): void => {
    for (const row of rows) {
      const formats = columns.map(({ column, index }) => formatOf(row, index, column));
      const values = columns.map(({ index }, i) => excelValue(row.cells[index], formats[i] as CellFormat));
      const added = sheet.addRow(values.map((value, i) => sumCell(row, (columns[i] as { index: number }).index, value, i)));
      if (bold || row.sum) added.font = { bold: true };
      values.forEach((value, i) => {
        const { column } = columns[i] as { column: ColumnModel };
        widths[i] = Math.max(widths[i] ?? 0, shownLength(value, column, formats[i] as CellFormat));
        if (column.perRow) ownFormats.push({ row: added.number, column: i + 1, format: formats[i] as CellFormat });
      });
    }
  };
  addRows([...table.first, ...table.rows], false);
  addRows(table.last, true);
  columns.forEach(({ column }, i) => {
    const col = sheet.getColumn(i + 1);
    const format = column.perRow ? undefined : numberFormat(column);
    if (format) col.numFmt = format;
    if (column.numeric) col.alignment = { horizontal: 'right' };
    col.width = Math.min(60, Math.max(8, Math.ceil((widths[i] ?? 8) + 2)));
  });
  for (const own of ownFormats) {
    const cell = sheet.getCell(own.row, own.column);
    const { column } = columns[own.column - 1] as { column: ColumnModel };
    const format = numberFormat(column, own.format);
    if (format) cell.numFmt = format;
    if (cellFormat(own.format).numeric) cell.alignment = { horizontal: 'right' };
  }
  // The title row keeps its own alignment and is not counted in the widths.
  title.alignment = { horizontal: 'left' };
  return sheet;
}

/**
 * The workbook's bytes, the same for the same table and date: the document
 * dates are the report's, and the zip's entries are re-packed with that
 * date too (exceljs stamps them with the clock).
 */
export async function workbookBytes(table: TableModel, meta: { author: string; date: Date }): Promise<Uint8Array> {
  // Node and the bundle present these packages' exports differently.
  const excel = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') };
  const ExcelJS = (excel.default?.Workbook ? excel.default : excel) as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.author;
  workbook.lastModifiedBy = meta.author;
  workbook.title = table.caption;
  workbook.created = meta.date;
  workbook.modified = meta.date;
  fillWorkbook(workbook, table);
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  const zip = (await import('jszip')) as unknown as { default?: typeof import('jszip') };
  const JSZip = (typeof zip.default === 'function' ? zip.default : zip) as typeof import('jszip');
  const source = await JSZip.loadAsync(written);
  const fixed = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (!entry || entry.dir) continue;
    fixed.file(name, await entry.async('uint8array'), { date: meta.date, createFolders: false });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
