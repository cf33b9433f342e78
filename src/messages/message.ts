/** The languages the tool speaks to authors. Swedish is the default. */
export type Lang = 'sv' | 'en';

/** Formats values inside messages the way each language writes them. */
export interface Formatters {
  /** A number: `1 000 000` in Swedish (no-break spaces), `1,000,000` in English. */
  n(value: number): string;
  /** A list: `a, b och c` / `a, b and c`. */
  list(items: readonly string[]): string;
  /** A quoted list of names: `'a', 'b'`. */
  names(items: readonly string[]): string;
  /** What a value is: `texten "tre"`, `en lista`, `inget värde`. */
  value(desc: ValueDesc): string;
}

/** A parameter that is itself worded in each language (a reason from a library, with its Swedish rendering). */
export interface Bilingual {
  sv: string;
  en: string;
}

/** A value described for a message, independent of language. */
export interface ValueDesc {
  kind: 'none' | 'null' | 'list' | 'mapping' | 'text' | 'number' | 'boolean';
  text?: string;
}

/** Describes a value for a message: its kind, and a short text of it when it is a scalar. */
export function describeValue(value: unknown): ValueDesc {
  if (value === undefined) return { kind: 'none' };
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'object') return { kind: 'mapping' };
  if (typeof value === 'string') return { kind: 'text', text: value.length > 40 ? `${value.slice(0, 40)}…` : value };
  return { kind: typeof value === 'number' ? 'number' : 'boolean', text: String(value) };
}

const VALUE_SV: Record<ValueDesc['kind'], (t: string) => string> = {
  none: () => 'inget värde',
  null: () => 'inget värde (null)',
  list: () => 'en lista',
  mapping: () => 'en mappning',
  text: (t) => `texten "${t}"`,
  number: (t) => `talet ${t}`,
  boolean: (t) => `värdet ${t}`,
};
const VALUE_EN: Record<ValueDesc['kind'], (t: string) => string> = {
  none: () => 'nothing',
  null: () => 'nothing (null)',
  list: () => 'a list',
  mapping: () => 'a mapping',
  text: (t) => `the text "${t}"`,
  number: (t) => `the number ${t}`,
  boolean: (t) => `the value ${t}`,
};

/**
 * One message of the catalogue: its text in each language, as functions of
 * typed parameters, and an example of the parameters (used by the tests,
 * which check that every parameter appears in both texts).
 */
export interface MessageDef<P> {
  example: P;
  sv(p: P, f: Formatters): string;
  en(p: P, f: Formatters): string;
}

/** Declares a message (only for type inference). */
export function message<P extends object>(def: MessageDef<P>): MessageDef<P> {
  return def;
}

const NBSP = '\u00a0';

/** A number as a message shows it: whole numbers exactly, others to two decimals or two significant digits. */
function readable(value: number): number {
  if (Number.isInteger(value)) return value;
  return Math.abs(value) >= 1 ? Math.round(value * 100) / 100 : Number(value.toPrecision(2));
}

function group(value: number, separator: string, decimalMark: string): string {
  const sign = value < 0 ? '−' : '';
  const [whole = '0', fraction] = String(Math.abs(readable(value))).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${sign}${grouped}${fraction ? `${decimalMark}${fraction}` : ''}`;
}

function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The formatters of a language. */
export function formattersFor(lang: Lang): Formatters {
  return {
    n: (value) => (lang === 'sv' ? group(value, NBSP, ',') : group(value, ',', '.')),
    list: (items) => joinList(items, lang === 'sv' ? 'och' : 'and'),
    names: (items) => items.map((i) => `'${i}'`).join(', '),
    value: (desc) => (lang === 'sv' ? VALUE_SV : VALUE_EN)[desc.kind](desc.text ?? ''),
  };
}
