import Handlebars from 'handlebars';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { HelperError } from '../format/helpers/helper-error.js';
import { FORMAT_HELPERS } from '../format/helpers/registry.js';
import { strictOptions } from '../format/helpers/handlebars.js';
import { closest } from '../format/closest.js';
import { cellFormat } from './cell-formats.js';
import { nestedData, unknownMarks, VEGA_LITE_MARKS } from './marks.js';
import { describeValue } from '../messages/message.js';
import type { ParsedYaml } from '../parse/yaml.js';
import { compileExpression, evaluateExpression, reportNoValue } from './expressions.js';
import { locate, type Located } from './located.js';
import type { CellFormat, CellValue, ColumnModel, TableModel } from './tables.js';

/** The chart types the short form draws. */
export type ChartType = 'stapel' | 'liggande' | 'staplad' | 'linje';

/** The short form of a chart: a type, the fields to draw and how to write the values. */
export interface ChartSpec {
  typ: ChartType;
  x: string;
  y: string;
  serie?: string;
  xTitel?: string;
  yTitel?: string;
  serieTitel?: string;
  format?: 'kronor' | 'tal' | 'procent';
  sortera?: 'fallande' | 'stigande';
  bredd?: number;
  hojd?: number;
  /** The value axis's range (in the values' own unit: 0.8 for 80 %); the axis need not start at 0 then. */
  skala?: { fran?: number; till?: number };
  /** false: the value axis fits the values rather than starting at 0. */
  noll?: boolean;
}

/** A declared figure: a chart drawn from the data, or an image file. */
export interface FigureModel {
  key: string;
  caption: string;
  /** What the figure shows, in words: its text alternative. */
  description: string;
  /** Base name of its data's open data files. */
  file: string;
  where: Located;
  /** An image file in the report root, for an image figure. */
  image: string | undefined;
  /** For a chart: the entries drawn, the short form or a full Vega-Lite spec, and the data as a table. */
  chart: { entries: Record<string, unknown>[]; short: ChartSpec | undefined; vegaLite: Record<string, unknown> | undefined; data: TableModel } | undefined;
}

interface FigureDef {
  rubrik: string;
  beskrivning: string;
  fil?: string;
  bild?: string;
  diagram?: ChartSpec & { data?: string; tabell?: string };
  vegaLite?: Record<string, unknown> & { data: { tabell?: string; uttryck?: string } };
}

/**
 * A figure's description with `{{…}}` filled in from the data and formatted
 * by the helpers (`{{miljoner regioner.[0].beviljat}}`), so the numbers in
 * the text alternative come from the data like the chart's. A missing key or
 * a misused helper is an error at the description.
 */
function describe(text: string, scope: Record<string, unknown>, hb: typeof Handlebars, at: Located, figure: string, diagnostics: Diagnostics): string | undefined {
  try {
    const template = hb.compile(text, { ...strictOptions(Object.keys(FORMAT_HELPERS)), noEscape: true });
    return template(scope);
  } catch (error) {
    if (error instanceof HelperError) diagnostics.error(error.id, at.file, at.point, error.params);
    else {
      const message = (error as Error).message;
      const missing = /^"([^"]+)" not defined/.exec(message)?.[1];
      // Handlebars names the last part of the path; the author wrote all of it.
      const written = missing === undefined ? undefined : new RegExp(String.raw`\{\{[^}]*?([\w.\[\]]*\b${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\b[^}]*\}\}`).exec(text);
      const point = written ? at.at(written.index) : at.point;
      diagnostics.error('figure-description', at.file, point, { figure, key: written?.[1] ?? missing, reason: (message.split('\n')[0] ?? '').replace(/ - \d+:\d+$/, '') });
    }
    return undefined;
  }
}

/** The entries of a declared table: one mapping per row, by column key, with the raw values. */
function tableEntries(table: TableModel): Record<string, unknown>[] {
  return [...table.first, ...table.rows].map((row) => Object.fromEntries(table.columns.map((c, i) => [c.key, row.cells[i]])));
}

/** The data of a chart as a table, for the open data and the table under the chart. */
function dataTable(key: string, caption: string, file: string, where: Located, entries: Record<string, unknown>[], fields: { key: string; header: string; format: CellFormat }[]): TableModel {
  const columns: ColumnModel[] = fields.map((f) => ({ key: f.key, header: f.header, format: f.format, decimals: f.format === 'procent' ? 1 : undefined, fixed: false, rowHeader: false, shown: true, inOpenData: true, numeric: cellFormat(f.format).numeric }));
  const cell = (value: unknown): CellValue => (typeof value === 'number' || typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value));
  return {
    key,
    caption,
    description: undefined,
    file,
    columns,
    first: [],
    rows: entries.map((e) => ({ cells: fields.map((f) => cell(e[f.key])), sum: false })),
    last: [],
    template: undefined,
    where,
  };
}

/**
 * Computes the figures declared in `data/figurer.yaml`: a chart's entries
 * (from an expression over the data, or a declared table's rows), with its
 * fields checked against them, and its data as a table; an image figure's
 * file (checked with the report's other images). A key may not name both a
 * table and a figure: they share the `{{> key}}` that places them.
 */
export async function computeFigures(parsed: ParsedYaml | undefined, scope: Record<string, unknown>, tables: readonly TableModel[], diagnostics: Diagnostics): Promise<FigureModel[] | undefined> {
  if (!parsed) return [];
  const defs = parsed.value as Record<string, FigureDef>;
  const figures: FigureModel[] = [];
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(FORMAT_HELPERS)) hb.registerHelper(name, helper);
  let ok = true;
  for (const [key, def] of Object.entries(defs)) {
    const where = locate(parsed, [key]);
    if (tables.some((t) => t.key === key)) {
      diagnostics.error('figure-key-taken', where.file, where.point, { key });
      ok = false;
      continue;
    }
    const description = describe(def.beskrivning, scope, hb, locate(parsed, [key, 'beskrivning'], def.beskrivning), key, diagnostics);
    if (description === undefined) {
      ok = false;
      continue;
    }
    const base = { key, caption: def.rubrik, description, file: def.fil ?? key, where, image: def.bild, chart: undefined };
    if (def.bild) {
      figures.push(base);
      continue;
    }
    const source = def.diagram ?? def.vegaLite?.data;
    const tableKey = def.diagram ? def.diagram.tabell : def.vegaLite?.data.tabell;
    const expressionText = def.diagram ? def.diagram.data : def.vegaLite?.data.uttryck;
    const sourcePath = def.diagram ? [key, 'diagram'] : [key, 'vegaLite', 'data'];
    let entries: Record<string, unknown>[] | undefined;
    if (tableKey !== undefined) {
      const table = tables.find((t) => t.key === tableKey);
      if (!table) {
        const at = locate(parsed, [...sourcePath, 'tabell']);
        diagnostics.error('figure-table-unknown', at.file, at.point, { figure: key, table: tableKey, known: tables.map((t) => t.key) });
        ok = false;
        continue;
      }
      entries = tableEntries(table);
    } else if (expressionText !== undefined && source) {
      const expr = compileExpression(expressionText, locate(parsed, [...sourcePath, def.diagram ? 'data' : 'uttryck'], expressionText), diagnostics);
      const result = expr ? await evaluateExpression(expr, scope, { data: scope }, diagnostics) : { ok: false as const };
      if (!expr || !result.ok) {
        ok = false;
        continue;
      }
      if (result.value === undefined) {
        reportNoValue(expr, scope, { data: scope }, diagnostics);
        ok = false;
        continue;
      }
      const list = Array.isArray(result.value) ? result.value : [result.value];
      if (list.some((e) => !e || typeof e !== 'object' || Array.isArray(e))) {
        diagnostics.error('figure-data', expr.where.file, expr.where.point, { figure: key, found: describeValue(list.find((e) => !e || typeof e !== 'object' || Array.isArray(e))) });
        ok = false;
        continue;
      }
      entries = list as Record<string, unknown>[];
    }
    if (!entries) continue;
    const known = [...new Set(entries.flatMap((e) => Object.keys(e)))];
    if (def.diagram) {
      const spec = def.diagram;
      let fieldsOk = true;
      for (const field of ['x', 'y', 'serie'] as const) {
        const name = spec[field];
        if (name === undefined || known.includes(name)) continue;
        const at = locate(parsed, [key, 'diagram', field]);
        diagnostics.error('figure-field', at.file, at.point, { figure: key, field: name, hint: closest(name, known), known });
        fieldsOk = false;
      }
      const notNumber = entries.find((e) => e[spec.y] !== undefined && typeof e[spec.y] !== 'number');
      if (fieldsOk && notNumber) {
        const at = locate(parsed, [key, 'diagram', 'y']);
        diagnostics.error('figure-value', at.file, at.point, { figure: key, field: spec.y, found: describeValue(notNumber[spec.y]) });
        fieldsOk = false;
      }
      if (spec.skala?.fran !== undefined && spec.skala.till !== undefined && spec.skala.fran >= spec.skala.till) {
        const at = locate(parsed, [key, 'diagram', 'skala']);
        diagnostics.error('figure-value.scale', at.file, at.point, { figure: key, from: spec.skala.fran, to: spec.skala.till });
        fieldsOk = false;
      }
      if (!fieldsOk) {
        ok = false;
        continue;
      }
      const fields = [
        { key: spec.x, header: spec.xTitel ?? spec.x, format: 'text' as CellFormat },
        ...(spec.serie ? [{ key: spec.serie, header: spec.serieTitel ?? spec.serie, format: 'text' as CellFormat }] : []),
        { key: spec.y, header: spec.yTitel ?? spec.y, format: (spec.format ?? 'tal') as CellFormat },
      ];
      figures.push({ ...base, chart: { entries, short: spec, vegaLite: undefined, data: dataTable(key, def.rubrik, base.file, where, entries, fields) } });
    } else if (def.vegaLite) {
      const marks = unknownMarks(def.vegaLite);
      if (marks.length) {
        const at = locate(parsed, [key, 'vegaLite', 'mark']);
        diagnostics.error('figure-mark', at.file, at.point, { figure: key, mark: marks[0] ?? '', hint: closest(marks[0] ?? '', VEGA_LITE_MARKS), known: VEGA_LITE_MARKS });
        ok = false;
        continue;
      }
      const nested = nestedData(def.vegaLite);
      if (nested) {
        const at = locate(parsed, [key, 'vegaLite', ...nested]);
        diagnostics.error('figure-data.nested', at.file, at.point, { figure: key });
        ok = false;
        continue;
      }
      const fields = known.map((k) => ({ key: k, header: k, format: (entries?.every((e) => typeof e[k] === 'number' || e[k] === undefined) ? 'tal' : 'text') as CellFormat }));
      figures.push({ ...base, chart: { entries, short: undefined, vegaLite: def.vegaLite, data: dataTable(key, def.rubrik, base.file, where, entries, fields) } });
    }
  }
  return ok ? figures : undefined;
}
