import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { cellFormat } from '../model/cell-formats.js';
import type { CellValue, ColumnModel, RowModel, TableModel } from '../model/tables.js';

/** A cell's text as the table shows it: numbers the Swedish way, lists joined; undefined for an empty cell, `–` for an empty list. */
export function cellText(value: CellValue, column: ColumnModel): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length ? value.join(', ') : '–';
  return cellFormat(column.format).page(value, column.decimals);
}

/** A cell as the table shows it (an empty list as a dash the screen reader can skip). */
function shownCell(value: CellValue, column: ColumnModel): ElementContent[] {
  const text = cellText(value, column);
  if (text === undefined) return [];
  if (Array.isArray(value) && value.length === 0) return [h('span', { className: ['none'] }, text)];
  return [{ type: 'text', value: text }];
}

function rowElement(row: RowModel, columns: readonly ColumnModel[]): Element {
  const cells = columns.flatMap((column, c) => {
    if (!column.shown) return [];
    const content = shownCell(row.cells[c], column);
    if (column.rowHeader) return [h('th', { scope: 'row' }, content)];
    return [h('td', column.numeric ? { className: ['num'] } : {}, content)];
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
 * as digits, dates ISO, lists joined with "; "). Sum rows are left out:
 * they are computed from the rows.
 */
export function tableRecords(table: TableModel): (string | number)[][] {
  const columns = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.inOpenData);
  const raw = (value: CellValue, column: ColumnModel): string | number => (value === undefined ? '' : Array.isArray(value) ? value.join('; ') : cellFormat(column.format).csv(value));
  return [columns.map(({ c }) => c.key), ...[...table.first, ...table.rows].map((row) => columns.map(({ c, i }) => raw(row.cells[i], c)))];
}
