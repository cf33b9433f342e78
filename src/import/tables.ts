import { foldSwedish } from './slug.js';

/** A column's format as `data/tabeller.yaml` names it. */
export type ImportedFormat = 'text' | 'kronor' | 'tal' | 'procent' | 'datum';

/** A column of an imported table: its key in the data, its heading and its format. */
export interface ImportedColumn {
  key: string;
  heading: string;
  format: ImportedFormat;
  /** Decimals seen in the Word table, for `tal` and `procent`. */
  decimals: number;
  /** The first column, when it names its rows. */
  rowHeading: boolean;
}

/** A Word table read as data: columns, rows as objects, and whether its last row was a sum. */
export interface ImportedTable {
  key: string;
  caption: string | undefined;
  columns: ImportedColumn[];
  rows: Record<string, string | number>[];
  /** The heading of the sum row the table ended with, when it equalled the column sums. */
  sumRow: string | undefined;
  /** A last row that looked like a sum but did not equal the sums (kept as data). */
  sumMismatch: string | undefined;
}

const SPACE = '[ \\u00a0\\u202f\\u2009]';
const NUMBER = new RegExp(`^([-−–]?)(\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)(?:,(\\d+))?$`);
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const SWEDISH_DATE = new RegExp(`^(\\d{1,2})${SPACE}(${MONTHS.join('|')})${SPACE}(\\d{4})$`, 'i');
const SUM_HEADINGS = /^(summa|totalt|total|sammanlagt|samtliga)\b/i;
const MONEY_HEADING = /\b(kr|kronor|tkr|mkr|belopp|kostnad(er)?|medel|bidrag|budget)\b/i;

type Parsed = { kind: 'number'; value: number; decimals: number; money: boolean } | { kind: 'percent'; value: number; decimals: number } | { kind: 'date'; value: string } | { kind: 'text'; value: string } | { kind: 'empty' };

/** Reads one cell as Swedish prose writes it: `13 605 000`, `23,3 %`, `5 april 2018`, `2018-04-05`. */
export function parseCell(raw: string): Parsed {
  const cell = raw.replace(/\s+/g, ' ').trim();
  if (cell === '' || /^[-–—]$/.test(cell)) return { kind: 'empty' };
  const percent = new RegExp(`^(.*?)${SPACE}?(%|procent)$`).exec(cell);
  if (percent) {
    const n = readNumber(percent[1] ?? '');
    if (n) return { kind: 'percent', value: round(n.value / 100, n.decimals + 2), decimals: n.decimals };
  }
  const money = new RegExp(`^(.*?)${SPACE}(kr|kronor)$`).exec(cell);
  if (money) {
    const n = readNumber(money[1] ?? '');
    if (n) return { kind: 'number', ...n, money: true };
  }
  const n = readNumber(cell);
  if (n) return { kind: 'number', ...n, money: false };
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell) && realDate(cell)) return { kind: 'date', value: cell };
  const swedish = SWEDISH_DATE.exec(cell);
  if (swedish) {
    const iso = `${swedish[3]}-${String(MONTHS.indexOf((swedish[2] ?? '').toLowerCase()) + 1).padStart(2, '0')}-${(swedish[1] ?? '').padStart(2, '0')}`;
    if (realDate(iso)) return { kind: 'date', value: iso };
  }
  return { kind: 'text', value: cell };
}

function readNumber(text: string): { value: number; decimals: number } | undefined {
  const m = NUMBER.exec(text.trim());
  if (!m) return undefined;
  const digits = (m[2] ?? '').replace(new RegExp(SPACE, 'g'), '');
  const decimals = m[3]?.length ?? 0;
  const value = Number(`${m[1] ? '-' : ''}${digits}${decimals ? `.${m[3]}` : ''}`);
  return Number.isSafeInteger(Math.round(value)) ? { value, decimals } : undefined;
}

function realDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

const round = (n: number, decimals: number): number => Number(n.toFixed(Math.min(decimals, 12)));

/** A heading made into a key of the data: `Kostnad (kronor)` → `kostnad_kronor`. */
export function columnKey(heading: string, taken: Set<string>, index: number): string {
  let key = foldSwedish(heading)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (key === '') key = `kolumn_${index + 1}`;
  if (!/^[a-z]/.test(key)) key = `k_${key}`;
  let unique = key;
  for (let n = 2; taken.has(unique); n++) unique = `${key}_${n}`;
  taken.add(unique);
  return unique;
}

/**
 * Turns a table's cells (the first row its header) into data: a format per
 * column guessed from every cell, values as the data holds them (integers,
 * shares 0–1, ISO dates), and a last row that equals the column sums taken
 * out as a sum row.
 */
export function readTable(key: string, caption: string | undefined, cells: string[][]): ImportedTable {
  const [header = [], ...body] = cells;
  const width = Math.max(header.length, ...body.map((r) => r.length));
  const taken = new Set<string>();
  const parsed = body.map((row) => Array.from({ length: width }, (_, i) => parseCell(row[i] ?? '')));
  const columns: ImportedColumn[] = Array.from({ length: width }, (_, i) => {
    const heading = (header[i] ?? '').replace(/\s+/g, ' ').trim();
    const values = parsed.map((r) => r[i] as Parsed).filter((p) => p.kind !== 'empty');
    const kinds = new Set(values.map((v) => v.kind));
    let format: ImportedFormat = 'text';
    let decimals = 0;
    if (values.length > 0 && kinds.size === 1) {
      const only = values[0] as Parsed;
      if (only.kind === 'percent') format = 'procent';
      if (only.kind === 'date') format = 'datum';
      if (only.kind === 'number') {
        const integers = values.every((v) => v.kind === 'number' && v.decimals === 0);
        format = integers && (values.some((v) => v.kind === 'number' && v.money) || MONEY_HEADING.test(heading)) ? 'kronor' : 'tal';
      }
      decimals = Math.max(0, ...values.map((v) => ('decimals' in v ? v.decimals : 0)));
    }
    return { key: columnKey(heading, taken, i), heading: heading || `Kolumn ${i + 1}`, format, decimals, rowHeading: false };
  });
  const first = columns[0];
  if (first && first.format === 'text') first.rowHeading = true;

  const value = (p: Parsed, column: ImportedColumn): string | number | undefined => {
    if (p.kind === 'empty') return undefined;
    if (column.format === 'text') return p.kind === 'text' || p.kind === 'date' ? p.value : cellText(p);
    return p.value;
  };
  const rows = parsed.map((row) => {
    const record: Record<string, string | number> = {};
    columns.forEach((c, i) => {
      const v = value(row[i] as Parsed, c);
      if (v !== undefined) record[c.key] = v;
    });
    return record;
  });

  // A last row headed "Summa" whose numbers are the sums of the rows above becomes a declared sum row.
  let sumRow: string | undefined;
  let sumMismatch: string | undefined;
  const last = rows[rows.length - 1];
  const lastHeading = first && last ? last[first.key] : undefined;
  if (last && rows.length > 2 && typeof lastHeading === 'string' && SUM_HEADINGS.test(lastHeading)) {
    const numeric = columns.filter((c) => c.format === 'kronor' || c.format === 'tal' || c.format === 'procent');
    const above = rows.slice(0, -1);
    const sums = numeric.every((c) => {
      const written = last[c.key];
      if (written === undefined) return true;
      const total = above.reduce((s, r) => s + (typeof r[c.key] === 'number' ? (r[c.key] as number) : 0), 0);
      const unit = c.format === 'procent' ? 10 ** -(c.decimals + 2) : 10 ** -c.decimals;
      // Rounded figures add up within half a unit of the last digit for each row.
      return Math.abs(total - (written as number)) <= (unit / 2) * above.length + 1e-9;
    });
    if (sums && numeric.some((c) => last[c.key] !== undefined)) {
      sumRow = lastHeading;
      rows.pop();
    } else sumMismatch = lastHeading;
  }
  return { key, caption, columns, rows, sumRow, sumMismatch };
}

function cellText(p: Parsed): string {
  if (p.kind === 'text' || p.kind === 'date') return p.value;
  if (p.kind === 'number' || p.kind === 'percent') return String(p.value);
  return '';
}

/** The JSON Schema of an imported table's data file, inferred from its values. */
export function tableSchema(table: ImportedTable, source: string): object {
  const properties: Record<string, object> = {};
  for (const c of table.columns) {
    const values = table.rows.map((r) => r[c.key]).filter((v) => v !== undefined);
    const integer = values.every((v) => typeof v === 'number' && Number.isInteger(v));
    const type = c.format === 'text' || c.format === 'datum' ? 'string' : integer ? 'integer' : 'number';
    properties[c.key] = {
      type,
      ...(c.format === 'datum' ? { pattern: '^\\d{4}-\\d{2}-\\d{2}$' } : {}),
      ...(c.format === 'procent' ? { minimum: 0, maximum: 1 } : {}),
      description: c.format === 'procent' ? `${c.heading}: en andel 0–1.` : c.format === 'datum' ? `${c.heading}: ÅÅÅÅ-MM-DD inom citattecken.` : `${c.heading}.`,
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${table.key}.yaml`,
    description: `${table.caption ?? table.key}: en post per rad i tabellen (importerad från ${source}).`,
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: table.columns.filter((c) => table.rows.every((r) => r[c.key] !== undefined)).map((c) => c.key),
      properties,
    },
  };
}

/** The table's declaration in `data/tabeller.yaml`. */
export function tableDeclaration(table: ImportedTable): object {
  const kolumner: Record<string, object> = {};
  for (const c of table.columns) {
    kolumner[c.key] = {
      rubrik: c.heading,
      ...(c.rowHeading ? { radrubrik: true } : {}),
      ...(c.format !== 'text' ? { format: c.format } : {}),
      ...((c.format === 'procent' || c.format === 'tal') && c.decimals > 0 ? { decimaler: c.decimals } : {}),
    };
  }
  return {
    rubrik: table.caption ?? table.key,
    rader: table.key,
    kolumner,
    ...(table.sumRow !== undefined ? { sist: [{ rubrik: table.sumRow, summa: true, stil: 'summa' }] } : {}),
  };
}
