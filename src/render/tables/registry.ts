import { budgettabell } from './budgettabell.js';
import { projekttabell } from './projekttabell.js';
import type { TableSpec } from './table-spec.js';

/** Every data table a chapter can draw with `{{> name}}`. Adding a table is adding an entry. */
export const TABLES: readonly TableSpec[] = [projekttabell, budgettabell];

/** Marks where a table goes in the expanded Markdown: `\uE010name\uE011` on its own line. */
export const TABLE_MARK = /^\uE010([a-z]+)\uE011$/;

/** The marker text a table partial expands to. */
export function tableMarker(name: string): string {
  return `\uE010${name}\uE011\n`;
}
