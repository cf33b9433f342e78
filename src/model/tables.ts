import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { closest } from '../format/closest.js';
import { describeValue } from '../messages/message.js';
import type { ParsedYaml } from '../parse/yaml.js';
import { compileExpression, evaluateExpression, reportNoValue, type Expression } from './expressions.js';
import { locate, type Located } from './located.js';
import type { DataPlaces } from './places.js';
import { CELL_FORMATS, cellFormat, isCellFormat, type CellFormat } from './cell-formats.js';

export type { CellFormat } from './cell-formats.js';

/** A cell's value after lookups: a number, a text, a list of texts, or nothing. */
export type CellValue = string | number | string[] | undefined;

/** How many decimals a number shows: `decimals` in every row (`fixed`), or at most that many. */
export interface ColumnDecimals {
  decimals: number | undefined;
  fixed: boolean;
}

/** A declared column. */
export interface ColumnModel {
  /** The column's stable name (the open data's column name). */
  key: string;
  header: string | undefined;
  /** The format of its cells; for a column whose rows name their own, the one they share (or `tal` when all are numbers, else `text`): its sum rows' format. */
  format: CellFormat;
  decimals: number | undefined;
  /** false: `decimals` is at most (`decimaler: { hogst: 1 }`), trailing zeros dropped; otherwise every row shows them all. */
  fixed?: boolean;
  /** Decimals by format, for a column whose rows name their formats (`decimaler: { procent: 1, tal: 0 }`). */
  byFormat?: Partial<Record<CellFormat, ColumnDecimals>>;
  /** Each row names its cell's format (`format: { falt: enhet }`): see RowModel.formats. */
  perRow?: boolean;
  /** The text the page shows for a missing value (`saknas: "–"`); the open data leave the cell empty. */
  missing?: string;
  rowHeader: boolean;
  shown: boolean;
  inOpenData: boolean;
  /** Every cell is a number: the column (and its header) is right-aligned. */
  numeric: boolean;
}

/** A row: one cell per column. Extra rows carry their heading in the row-header column. */
export interface RowModel {
  cells: CellValue[];
  /** The format of each cell (by column index) in a column whose rows name their own. */
  formats?: (CellFormat | undefined)[];
  sum: boolean;
  /** The columns (by index) whose cell is the sum of the rows before it (`sist`) or after it (`forst`): `summa`. */
  sums?: number[];
}

/** A declared table with its rows computed from the data. */
export interface TableModel {
  key: string;
  caption: string;
  /** How the table is described as a dataset (optional). */
  description: string | undefined;
  /** Base name of its open data files (`dist/data/<file>.csv`). */
  file: string;
  columns: ColumnModel[];
  /** Rows before the data's rows (`forst`), the data's rows, and the foot (`sist`). */
  first: RowModel[];
  rows: RowModel[];
  last: RowModel[];
  /** A table drawn by the report's own partial (`mall`), or undefined. */
  template: string | undefined;
  where: Located;
}

/** Decimals as written: a number, or at most a number. */
type DecimalsDef = number | { hogst: number };

interface ColumnDef {
  rubrik?: string;
  varde?: string;
  format?: CellFormat | { falt: string } | { uttryck: string };
  decimaler?: DecimalsDef | Partial<Record<CellFormat, DecimalsDef>>;
  saknas?: string;
  uppslag?: string | { i: string; nyckel?: string; visa: string };
  radrubrik?: boolean;
  visas?: boolean;
  csv?: boolean;
}

interface ExtraRowDef {
  rubrik: string;
  summa?: boolean | string[];
  varden?: Record<string, string>;
  stil?: 'summa' | 'normal';
}

interface TableDef {
  rubrik: string;
  beskrivning?: string;
  rader?: string;
  fil?: string;
  mall?: string;
  kolumner?: Record<string, ColumnDef>;
  forst?: ExtraRowDef[];
  sist?: ExtraRowDef[];
}

/** A plain dotted path (`titel`, `uppdrag.medel`, `budget.2024` for a year as a key): read directly, without JSONata. */
const SIMPLE_PATH = /^[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*(?:\.(?:[A-Za-zÅÄÖåäö_][\wÅÄÖåäö]*|\d+))*$/;
const JSONATA_WORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/** Follows a plain dotted path through mappings (and lists, item by item). */
function readPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) {
      const items = current.map((c) => (c && typeof c === 'object' && Object.hasOwn(c, key) ? (c as Record<string, unknown>)[key] : undefined)).filter((v) => v !== undefined);
      current = items.length ? items.flat() : undefined;
    } else if (current && typeof current === 'object' && Object.hasOwn(current, key)) {
      current = (current as Record<string, unknown>)[key];
    } else return undefined;
  }
  return current;
}

/** An expression or plain path from a table declaration, ready to evaluate against a row. */
interface Value {
  text: string;
  simple: boolean;
  expr: Expression | undefined;
  where: Located;
}

function valueOf(text: string, where: Located, diagnostics: Diagnostics): Value | undefined {
  const simple = SIMPLE_PATH.test(text) && !text.split('.').some((p) => JSONATA_WORDS.has(p));
  if (simple) return { text, simple, expr: undefined, where };
  const expr = compileExpression(text, where, diagnostics);
  return expr ? { text, simple, expr, where } : undefined;
}

async function evaluate(value: Value, input: unknown, bindings: Record<string, unknown>, diagnostics: Diagnostics): Promise<{ ok: boolean; value: unknown }> {
  if (value.simple) return { ok: true, value: readPath(input, value.text) };
  const result = await evaluateExpression(value.expr as Expression, input, bindings, diagnostics);
  return result.ok ? { ok: true, value: result.value } : { ok: false, value: undefined };
}

/**
 * Computes every table declared in `data/tabeller.yaml`: its rows from the
 * data, each cell from its column's expression (with lookups in other
 * files), extra rows and sums. Problems (an expression that fails, a value
 * a lookup does not find, text in a number column) are located errors.
 */
export async function computeTables(parsed: ParsedYaml | undefined, scope: Record<string, unknown>, places: DataPlaces, diagnostics: Diagnostics): Promise<TableModel[] | undefined> {
  if (!parsed) return [];
  const defs = parsed.value as Record<string, TableDef>;
  const tables: TableModel[] = [];
  let ok = true;
  for (const [key, def] of Object.entries(defs)) {
    const table = await computeTable(key, def, parsed, scope, places, diagnostics);
    if (table) tables.push(table);
    else ok = false;
  }
  return ok ? tables : undefined;
}

async function computeTable(key: string, def: TableDef, parsed: ParsedYaml, scope: Record<string, unknown>, places: DataPlaces, diagnostics: Diagnostics): Promise<TableModel | undefined> {
  const where = locate(parsed, [key]);
  const base = { key, caption: def.rubrik, description: def.beskrivning, file: def.fil ?? key, where, first: [], rows: [], last: [] };
  // A table drawn by the report's own partial is published from its declared rows and columns, when it has them.
  if (def.mall && !(def.rader && def.kolumner)) return { ...base, columns: [], template: def.mall };
  const bindings = { data: scope };
  const before = diagnostics.list.length;

  const columnDefs = Object.entries(def.kolumner ?? {});
  const columns: ColumnModel[] = columnDefs.map(([name, c]) => columnModel(name, c));
  const values = columnDefs.map(([name, c]) => valueOf(c.varde ?? name, locate(parsed, [key, 'kolumner', name, ...(c.varde ? ['varde'] : [])], c.varde), diagnostics));
  // A column whose rows name their formats: the field or expression that names each row's.
  const rowFormats = columnDefs.map(([name, c]) => {
    if (!c.format || typeof c.format === 'string') return undefined;
    const field = 'falt' in c.format ? 'falt' : 'uttryck';
    const text = 'falt' in c.format ? c.format.falt : c.format.uttryck;
    return valueOf(text, locate(parsed, [key, 'kolumner', name, 'format', field], text), diagnostics);
  });
  const lookups = await Promise.all(columnDefs.map(([name, c]) => (c.uppslag ? lookupTable(c.uppslag, locate(parsed, [key, 'kolumner', name, 'uppslag'], typeof c.uppslag === 'string' ? c.uppslag : undefined), scope, diagnostics) : undefined)));
  const rowsValue = def.rader ? valueOf(def.rader, locate(parsed, [key, 'rader'], def.rader), diagnostics) : undefined;
  // The extra rows name columns: every name must be one of the table's.
  for (const place of ['forst', 'sist'] as const) {
    (def[place] ?? []).forEach((row, i) => {
      const named = [...(Array.isArray(row.summa) ? row.summa.map((n) => [n, 'summa'] as const) : []), ...Object.keys(row.varden ?? {}).map((n) => [n, 'varden'] as const)];
      for (const [name, field] of named) {
        if (columns.some((c) => c.key === name)) continue;
        const at = locate(parsed, [key, place, i, field, ...(field === 'varden' ? [name] : [])]);
        diagnostics.error('table-column-unknown', at.file, at.point, { table: key, column: name, known: columns.map((c) => c.key) });
      }
    });
  }
  if (diagnostics.list.length > before || !rowsValue) return undefined;

  // The data's rows.
  const listed = await evaluate(rowsValue, scope, bindings, diagnostics);
  if (!listed.ok) return undefined;
  const items = listed.value === undefined ? undefined : Array.isArray(listed.value) ? listed.value : [listed.value];
  if (items === undefined) {
    if (rowsValue.expr) reportNoValue(rowsValue.expr, scope, bindings, diagnostics);
    else diagnostics.error('expression-no-value', rowsValue.where.file, rowsValue.where.point, { expression: rowsValue.text });
    return undefined;
  }
  if (items.some((item) => !item || typeof item !== 'object' || Array.isArray(item))) {
    diagnostics.error('table-rows', rowsValue.where.file, rowsValue.where.point, { table: key, found: describeValue(items.find((i) => !i || typeof i !== 'object' || Array.isArray(i))) });
    return undefined;
  }
  const rows: RowModel[] = [];
  const seenValue = columns.map(() => false);
  for (const item of items) {
    const cells: CellValue[] = [];
    const formats: (CellFormat | undefined)[] = [];
    for (const [c, column] of columns.entries()) {
      const value = values[c] as Value;
      const result = await evaluate(value, item, bindings, diagnostics);
      if (!result.ok) return undefined;
      if (result.value !== undefined) seenValue[c] = true;
      const format = await rowFormat(rowFormats[c], item, bindings, column, key, places, diagnostics);
      if (format === null) return undefined;
      formats.push(format);
      const cell = cellValue(result.value, lookups[c], column, format ?? column.format, key, (i) => cellPlace(places, item, value, i), diagnostics);
      cells.push(cell);
    }
    rows.push({ cells, sum: false, ...(formats.some((f) => f !== undefined) ? { formats } : {}) });
  }
  settleRowFormats(columns, rows);
  // A column that gives nothing on every row names a path the rows do not have.
  for (const [c, value] of values.entries()) {
    if (items.length === 0 || seenValue[c] || !value) continue;
    if (value.expr) reportNoValue(value.expr, items[0], bindings, diagnostics);
    else {
      const known = Object.keys(items[0] as object);
      diagnostics.error('expression-missing-path', value.where.file, value.where.point, { expression: value.text, path: value.text, hint: closest(value.text.split('.')[0] ?? '', known), known });
    }
  }
  if (diagnostics.list.length > before) return undefined;

  const sums = Object.fromEntries(columns.map((column, c) => [column.key, rows.reduce((s, r) => s + (typeof r.cells[c] === 'number' ? (r.cells[c] as number) : 0), 0)]));
  const extra = async (defs: ExtraRowDef[] | undefined, place: 'forst' | 'sist', body: RowModel[]): Promise<RowModel[] | undefined> => {
    const out: RowModel[] = [];
    for (const [i, row] of (defs ?? []).entries()) {
      const cells: CellValue[] = columns.map(() => undefined);
      const headerColumn = columns.findIndex((c) => c.rowHeader && c.shown);
      cells[headerColumn >= 0 ? headerColumn : Math.max(0, columns.findIndex((c) => c.shown))] = row.rubrik;
      const summed = row.summa === true ? columns.filter((c) => c.numeric && c.shown).map((c) => c.key) : Array.isArray(row.summa) ? row.summa : [];
      const summedColumns: number[] = [];
      for (const name of summed) {
        const c = columns.findIndex((col) => col.key === name);
        if (c >= 0) cells[c] = body.reduce((s, r) => s + (typeof r.cells[c] === 'number' ? (r.cells[c] as number) : 0), 0);
        if (c >= 0) summedColumns.push(c);
      }
      for (const [name, text] of Object.entries(row.varden ?? {})) {
        const c = columns.findIndex((col) => col.key === name);
        const value = valueOf(text, locate(parsed, [key, place, i, 'varden', name], text), diagnostics);
        if (c < 0 || !value) continue;
        const result = await evaluate(value, scope, { data: scope, summa: sums }, diagnostics);
        if (!result.ok) continue;
        if (result.value === undefined) {
          if (value.expr) reportNoValue(value.expr, scope, { data: scope, summa: sums }, diagnostics);
          else diagnostics.error('expression-no-value', value.where.file, value.where.point, { expression: value.text });
          continue;
        }
        const column = columns[c] as ColumnModel;
        cells[c] = cellValue(result.value, undefined, column, column.format, key, () => value.where, diagnostics);
      }
      out.push({ cells, sum: row.stil === 'summa', ...(summedColumns.length > 0 ? { sums: summedColumns } : {}) });
    }
    return diagnostics.list.length > before ? undefined : out;
  };
  const first = await extra(def.forst, 'forst', rows);
  const last = first && (await extra(def.sist, 'sist', [...first, ...rows]));
  if (!first || !last) return undefined;
  return { ...base, columns, first, rows, last, template: def.mall };
}

/** Where a row's value (or item `index` of a list value) was written: in the row when the column reads a field plainly. */
function cellPlace(places: DataPlaces, item: unknown, value: Value, index: number | undefined): Located {
  const path = places.pathOf(item);
  return path && value.simple ? places.locate([...path, ...value.text.split('.'), ...(index === undefined ? [] : [index])]) : value.where;
}

/** A lookup table for `uppslag`: key value → the field to show. */
interface Lookup {
  map: Map<string, unknown>;
  collection: string;
  key: string;
}

async function lookupTable(def: NonNullable<ColumnDef['uppslag']>, where: Located, scope: Record<string, unknown>, diagnostics: Diagnostics): Promise<Lookup | undefined> {
  const spec = typeof def === 'string' ? { i: def.slice(0, def.lastIndexOf('.')), nyckel: 'id', visa: def.slice(def.lastIndexOf('.') + 1) } : { i: def.i, nyckel: def.nyckel ?? 'id', visa: def.visa };
  const collection = valueOf(spec.i, where, diagnostics);
  if (!collection) return undefined;
  const result = await evaluate(collection, scope, { data: scope }, diagnostics);
  if (!result.ok) return undefined;
  const entries = result.value === undefined ? [] : Array.isArray(result.value) ? result.value : [result.value];
  if (result.value === undefined) {
    if (collection.expr) reportNoValue(collection.expr, scope, { data: scope }, diagnostics);
    else diagnostics.error('expression-missing-path', where.file, where.point, { expression: spec.i, path: spec.i, hint: closest(spec.i, Object.keys(scope)), known: Object.keys(scope) });
    return undefined;
  }
  const map = new Map<string, unknown>();
  for (const entry of entries) {
    if (entry && typeof entry === 'object' && Object.hasOwn(entry, spec.nyckel)) {
      const record = entry as Record<string, unknown>;
      map.set(String(record[spec.nyckel]), record[spec.visa]);
    }
  }
  return { map, collection: spec.i, key: spec.nyckel };
}

/** A column as declared; a column whose rows name their formats is settled once the rows are read. */
function columnModel(name: string, c: ColumnDef): ColumnModel {
  const format = typeof c.format === 'string' ? c.format : c.format ? 'tal' : 'text';
  const declared = c.decimaler;
  const one = (d: DecimalsDef): ColumnDecimals => (typeof d === 'number' ? { decimals: d, fixed: true } : { decimals: d.hogst, fixed: false });
  const byFormat = declared !== undefined && typeof declared === 'object' && !('hogst' in declared) ? Object.fromEntries(Object.entries(declared).map(([f, d]) => [f, one(d as DecimalsDef)])) : undefined;
  const plain = declared === undefined || byFormat ? undefined : one(declared as DecimalsDef);
  return {
    key: name,
    header: c.rubrik,
    format,
    decimals: plain?.decimals,
    ...(plain && !plain.fixed ? { fixed: false } : {}),
    ...(byFormat ? { byFormat } : {}),
    ...(c.format && typeof c.format === 'object' ? { perRow: true } : {}),
    ...(c.saknas !== undefined ? { missing: c.saknas } : {}),
    rowHeader: c.radrubrik ?? false,
    shown: c.visas ?? true,
    inOpenData: c.csv ?? true,
    numeric: cellFormat(format).numeric,
  };
}

/**
 * A row's own format for a column that takes it from the row: the field's
 * or expression's value, which must name a format. Undefined for a column of
 * one format; null after an error.
 */
async function rowFormat(value: Value | undefined, item: unknown, bindings: Record<string, unknown>, column: ColumnModel, table: string, places: DataPlaces, diagnostics: Diagnostics): Promise<CellFormat | undefined | null> {
  if (!value) return undefined;
  const result = await evaluate(value, item, bindings, diagnostics);
  if (!result.ok) return null;
  if (isCellFormat(result.value)) return result.value;
  const where = cellPlace(places, item, value, undefined);
  const formats = Object.keys(CELL_FORMATS);
  diagnostics.error('table-format.unknown', where.file, where.point, { table, column: column.key, found: describeValue(result.value), hint: typeof result.value === 'string' ? closest(result.value, formats) : undefined, formats });
  return null;
}

/**
 * A column whose rows name their formats takes, for its sum rows, the format
 * its rows share (`tal` when they are all numbers of different formats,
 * `text` otherwise), and is right-aligned when every row's is a number.
 */
function settleRowFormats(columns: ColumnModel[], rows: readonly RowModel[]): void {
  for (const [c, column] of columns.entries()) {
    if (!column.perRow) continue;
    const formats = new Set(rows.map((r) => r.formats?.[c] ?? column.format));
    const numeric = [...formats].every((f) => cellFormat(f).numeric);
    column.format = formats.size === 1 ? ([...formats][0] as CellFormat) : numeric ? 'tal' : 'text';
    column.numeric = numeric;
  }
}

/** A cell's format: its row's own, or its column's. */
export function formatOf(row: RowModel, index: number, column: ColumnModel): CellFormat {
  return row.formats?.[index] ?? column.format;
}

/** The decimals a cell of a format shows in a column: the column's for that format, or for all its rows. */
export function decimalsOf(column: ColumnModel, format: CellFormat): ColumnDecimals {
  if (column.byFormat) return column.byFormat[format] ?? { decimals: undefined, fixed: true };
  return { decimals: column.decimals, fixed: column.fixed ?? true };
}

/** A cell's value: looked up when the column says so, checked against its format (the row's own, when it names one). */
function cellValue(raw: unknown, lookup: Lookup | undefined, column: ColumnModel, format: CellFormat, table: string, place: (index?: number) => Located, diagnostics: Diagnostics): CellValue {
  const where = place();
  const one = (v: unknown, index?: number): unknown => {
    if (!lookup || v === undefined || v === null) return v;
    const where = place(index);
    const key = String(v);
    if (lookup.map.has(key)) return lookup.map.get(key);
    // A reference the schema declares has been reported at this value already.
    if (diagnostics.list.some((d) => d.ruleId === 'data-reference' && d.file === where.file && d.point?.line === where.point?.line && d.point?.column === where.point?.column)) return key;
    diagnostics.error('table-lookup', where.file, where.point, { table, value: key, collection: lookup.collection, key: lookup.key, hint: closest(key, [...lookup.map.keys()]) });
    return key;
  };
  const value = Array.isArray(raw) ? raw.map((v, i) => one(v, i)) : one(raw);
  if (value === undefined || value === null) return undefined;
  const accepts = cellFormat(format).accepts;
  if (accepts) {
    if (!accepts(value)) {
      // Once per column: the same mistake on every row is one mistake.
      if (!diagnostics.list.some((d) => d.messageId === 'table-format' && (d.params as { table: string; column: string }).table === table && (d.params as { column: string }).column === column.key)) {
        diagnostics.error('table-format', where.file, where.point, { table, column: column.key, format, found: describeValue(value) });
      }
      return undefined;
    }
    // Whole kronor only: a fraction would be cut off unseen (round it where it is computed).
    if (format === 'kronor' && !Number.isInteger(value)) {
      diagnostics.error('table-format.whole-kronor', where.file, where.point, { table, column: column.key, value: value as number });
      return undefined;
    }
    return value as string | number;
  }
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'number' ? value : String(value);
}
