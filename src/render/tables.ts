import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { cellFormat, type CellFormat } from '../model/cell-formats.js';
import { decimalsOf, formatOf, type CellValue, type ColumnModel, type RowModel, type TableModel } from '../model/tables.js';

/**
 * A cell's text as the table shows it: numbers the Swedish way in the
 * cell's format (its row's own, when the column takes it from the row) with
 * the column's decimals, lists joined; a missing value as the column's
 * `saknas` text, or undefined for an empty cell; `–` for an empty list.
 */
export function cellText(value: CellValue, column: ColumnModel, format: CellFormat = column.format): string | undefined {
  if (value === undefined) return column.missing;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '–';
  const { decimals, fixed } = decimalsOf(column, format);
  return cellFormat(format).page(value, decimals, fixed);
}

/** A cell as the table shows it (an empty list, or a missing value's text, as a mark the screen reader can skip). */
function shownCell(value: CellValue, column: ColumnModel, format: CellFormat): ElementContent[] {
  const text = cellText(value, column, format);
  if (text === undefined) return [];
  if ((Array.isArray(value) && value.length === 0) || value === undefined) return [h('span', { className: ['none'] }, text)];
  return [{ type: 'text', value: text }];
}

function rowElement(row: RowModel, columns: readonly ColumnModel[]): Element {
  const cells = columns.flatMap((column, c) => {
    if (!column.shown) return [];
    const format = formatOf(row, c, column);
    const content = shownCell(row.cells[c], column, format);
    if (column.rowHeader) return [h('th', { scope: 'row' }, content)];
    return [h('td', column.numeric || cellFormat(format).numeric ? { className: ['num'] } : {}, content)];
  });
  return h('tr', row.sum ? { className: ['sum'] } : {}, cells);
}

/**
 * A declared table as a `<table>` (without its caption, which the renderer
 * adds with the table's number): header cells with scopes, number columns
 * right-aligned, extra rows before the data and sum rows in the foot.
 */
export function tableElement(table: TableModel): Element {
  const shown = table.columns.filter((c) => c.shown);
  const numeric = shown.some((c) => c.numeric);
  return h('table', { className: ['data-table', ...(numeric ? ['has-num'] : [])] }, [
    h('thead', [h('tr', shown.map((c) => h('th', { scope: 'col', ...(c.numeric ? { className: ['num'] } : {}) }, c.header ?? '')))]),
    h('tbody', [...table.first, ...table.rows].map((r) => rowElement(r, table.columns))),
    ...(table.last.length ? [h('tfoot', table.last.map((r) => rowElement(r, table.columns)))] : []),
  ]);
}

/**
 * A table as open data: one header row of stable column names, then the
 * rows before the data and the data's rows, with raw values (whole kronor
 * as digits, dates ISO, lists joined with "; ", a missing value empty). Sum rows are left out:
 * they are computed from the rows.
 */
export function tableRecords(table: TableModel): (string | number)[][] {
  const columns = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.inOpenData);
  const raw = (value: CellValue, format: CellFormat): string | number => (value === undefined ? '' : Array.isArray(value) ? value.join('; ') : cellFormat(format).csv(value));
  return [columns.map(({ c }) => c.key), ...[...table.first, ...table.rows].map((row) => columns.map(({ c, i }) => raw(row.cells[i], formatOf(row, i, c))))];
}
