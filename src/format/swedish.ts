/** No-break space: groups digits and joins a number to its unit. */
export const NBSP = '\u00a0';

/** Groups the digits of a whole number in threes with no-break spaces: `3 400 000`. */
export function groupDigits(value: number): string {
  const sign = value < 0 ? '−' : '';
  const digits = String(Math.trunc(Math.abs(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * A decimal number the Swedish way: grouped digits, decimal comma, a fixed
 * number of decimals (`19,35`). Decimals that are all zero are dropped,
 * unless `keepZeros` asks for them (`67,0` in a column of one decimal).
 */
export function decimal(value: number, decimals: number, keepZeros = false): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const grouped = groupDigits(Number(whole) * (value < 0 ? -1 : 1));
  return fraction && (keepZeros || /[1-9]/.test(fraction)) ? `${grouped},${fraction}` : grouped;
}

/** `3 400 000 kronor`. */
export function kronor(value: number): string {
  return `${groupDigits(value)}${NBSP}kronor`;
}

/** Million kronor with a unit (`mnkr`, or `mkr` as older texts write): `19,35 mkr`. */
export function millions(value: number, decimals: number, unit: 'mnkr' | 'mkr'): string {
  return `${decimal(value / 1_000_000, decimals)}${NBSP}${unit}`;
}

/** Thousand kronor: `650 tkr`. */
export function thousands(value: number, decimals: number): string {
  return `${decimal(value / 1000, decimals)}${NBSP}tkr`;
}

export type Rounding = 'narmast' | 'ned' | 'upp';

/** Rounds to `decimals` places, to nearest, down or up. */
export function round(value: number, decimals: number, mode: Rounding): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  const rounded = mode === 'ned' ? Math.floor(scaled + 1e-9) : mode === 'upp' ? Math.ceil(scaled - 1e-9) : Math.round(scaled);
  return rounded / factor;
}

/**
 * Millions in running text: `32 miljoner kronor` (or `12 miljoner` without
 * the currency), rounded as asked.
 */
export function millionsInWords(value: number, options: { decimals: number; rounding: Rounding; currency: boolean }): string {
  const amount = round(value / 1_000_000, options.decimals, options.rounding);
  const word = amount === 1 ? 'miljon' : 'miljoner';
  return `${decimal(amount, options.decimals)}${NBSP}${word}${options.currency ? ' kronor' : ''}`;
}

const WORDS = ['noll', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];

/**
 * A count in running text: words up to twelve (`nio`), digits above (`34`).
 * `gender: 'en'` gives `en` for one (`en ansökan`); the default is `ett`.
 */
export function countInWords(value: number, gender: 'en' | 'ett' = 'ett'): string {
  if (!Number.isInteger(value) || value < 0 || value > 12) return groupDigits(value);
  if (value === 1) return gender;
  return WORDS[value] ?? groupDigits(value);
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/**
 * A date in running text: `2018-03-22` → `22 mars 2018`, `2018-02` → `februari 2018`.
 * Throws on a string that is not an ISO date or month (the schema prevents it).
 */
export function dateInWords(iso: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`not an ISO date: ${iso}`);
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

/** Joins items as Swedish lists do: `A, B och C`. */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** Capitalises the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}

/**
 * A share (0–1) as a percentage: `25 procent` in running text, or `25 %`
 * (with a no-break space) in tables; `keepZeros` writes `67,0 %` beside `62,5 %`.
 */
export function percent(share: number, decimals: number, style: 'word' | 'sign', rounding: Rounding = 'narmast', keepZeros = false): string {
  const value = decimal(round(share * 100, decimals, rounding), decimals, keepZeros);
  return style === 'sign' ? `${value}${NBSP}%` : `${value} procent`;
}
