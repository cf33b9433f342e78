import { dateInWords, decimal, groupDigits, percent } from '../format/swedish.js';

/** What a cell format knows: which values it takes, and how each output writes them. */
export interface CellFormatDef {
  /** Numbers: right-aligned on the page and in the workbook, and chartable. */
  numeric: boolean;
  /** Whether a value fits the format (undefined: any value, made text). */
  accepts?: (value: unknown) => boolean;
  /** The value as the page shows it: `decimals` places, all of them kept when `fixed` (`67,0 %`), trailing zeros dropped otherwise. */
  page(value: string | number, decimals: number | undefined, fixed?: boolean): string;
  /** The value in the CSV (and the workbook before its number format). */
  csv(value: string | number): string | number;
  /** Excel's number format for the column (locale-neutral notation), or none. */
  excel(decimals: number | undefined): string | undefined;
  /** The value as the workbook stores it (a date as a date). */
  excelValue?: (value: string | number) => string | number | Date;
  /** How wide the workbook shows a number of this format, in characters. */
  excelWidth?: (value: number, decimals: number | undefined) => number;
}

const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

/** A number with its decimals, or grouped when it is whole and no decimals are asked for. */
const plainNumber = (value: number, decimals: number | undefined, fixed = false): string => (Number.isInteger(value) && decimals === undefined ? groupDigits(value) : decimal(value, decimals ?? 2, fixed && decimals !== undefined));

/** Any value as the page shows it without a format of its own. */
const plain = (value: string | number, decimals: number | undefined, fixed?: boolean): string => (typeof value === 'number' ? plainNumber(value, decimals, fixed) : value);

const raw = (value: string | number): string | number => value;

/** `.00` for two decimals, nothing for none. */
const fraction = (decimals: number | undefined): string => (decimals ? `.${'0'.repeat(decimals)}` : '');

/**
 * The formats of a table's cells (`format:` of a column in
 * data/tabeller.yaml), by name: what each accepts, and how the page, the
 * CSV and the workbook write it. The schema's enum is these keys (a test
 * checks it).
 */
export const CELL_FORMATS = {
  text: { numeric: false, page: plain, csv: raw, excel: () => undefined },
  kronor: {
    numeric: true,
    accepts: isNumber,
    page: (value, decimals) => (typeof value === 'number' ? groupDigits(value) : plain(value, decimals)),
    csv: raw,
    // '#,##0' is how the file says "group the thousands": Excel shows the reader's
    // separator, a space on a Swedish machine (what its dialog shows as "# ##0").
    excel: () => '#,##0',
  },
  tal: { numeric: true, accepts: isNumber, page: plain, csv: raw, excel: (decimals) => `#,##0${fraction(decimals)}` },
  procent: {
    numeric: true,
    accepts: isNumber,
    page: (value, decimals, fixed) => (typeof value === 'number' ? percent(value, decimals ?? 0, 'sign', 'narmast', fixed) : plain(value, decimals)),
    csv: raw,
    excel: (decimals) => `0${fraction(decimals ?? 0)}%`,
    excelWidth: () => 7,
  },
  datum: {
    numeric: false,
    accepts: (value) => typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value),
    page: (value, decimals) => (typeof value === 'string' ? dateInWords(value) : plain(value, decimals)),
    csv: raw,
    excel: () => 'yyyy-mm-dd',
    excelValue: (value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value),
  },
} satisfies Record<string, CellFormatDef>;

/** How a cell's value is written: a key of CELL_FORMATS. Numbers (kronor, tal, procent) are right-aligned. */
export type CellFormat = keyof typeof CELL_FORMATS;

/** A format's definition. */
export function cellFormat(format: CellFormat): CellFormatDef {
  return CELL_FORMATS[format];
}

/** Whether a name is a cell format's (a row's own format is read from its data). */
export function isCellFormat(name: unknown): name is CellFormat {
  return typeof name === 'string' && Object.hasOwn(CELL_FORMATS, name);
}
