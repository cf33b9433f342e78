/**
 * Reading numbers the way Swedish prose writes them: digits with grouped
 * thousands and a decimal comma (`3 400 000`, `87,8`), count words
 * (`nio`, `tjugoen`, `etthundra`), fractions (`hälften`, `en tredjedel`,
 * `var fjärde`) and dates (`den 5 april 2018`, `2018-04-05`).
 */

const UNITS: Record<string, number> = {
  noll: 0, en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12,
  tretton: 13, fjorton: 14, femton: 15, sexton: 16, sjutton: 17, arton: 18, nitton: 19,
};
const TENS: Record<string, number> = { tjugo: 20, trettio: 30, fyrtio: 40, femtio: 50, sextio: 60, sjuttio: 70, åttio: 80, nittio: 90 };
const ONES_IN_COMPOUNDS: Record<string, number> = { en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9 };

/** Every count word up to 999, with its value: `nio`, `tjugoen`, `tjugoett`, `etthundrafem`, `hundra`. */
const COUNT_WORDS: ReadonlyMap<string, number> = (() => {
  const below = new Map<string, number>(Object.entries(UNITS));
  for (const [tens, value] of Object.entries(TENS)) {
    below.set(tens, value);
    for (const [one, v] of Object.entries(ONES_IN_COMPOUNDS)) below.set(tens + one, value + v);
  }
  const all = new Map(below);
  for (const [times, t] of [['', 1], ...Object.entries(ONES_IN_COMPOUNDS)] as [string, number][]) {
    all.set(`${times}hundra`, t * 100);
    for (const [rest, r] of below) if (r > 0) all.set(`${times}hundra${rest}`, t * 100 + r);
  }
  return all;
})();

/** `nio` → 9, `tjugoen` → 21, `etthundra` → 100, `hundrafem` → 105; undefined for other words. */
export function countWord(word: string): number | undefined {
  return word.length > 24 || !/^[aefhnstå]/i.test(word) ? undefined : COUNT_WORDS.get(word.toLowerCase());
}

/** Digits as prose writes them: `3 400 000`, `87,8`, `12`. */
export const DIGITS_PATTERN = String.raw`\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

/** A number written in digits: its value and how many decimals it shows. */
export function readDigits(text: string): { value: number; decimals: number } {
  const [whole = '0', fraction] = text.replace(/[ \u00a0]/g, '').split(',');
  return { value: Number(whole) + (fraction ? Number(`0.${fraction}`) : 0), decimals: fraction?.length ?? 0 };
}

/**
 * The fractions prose writes in words, with their share: `hälften` ½,
 * `en tredjedel` ⅓, `två tredjedelar` ⅔, `var fjärde` ¼ …
 */
export const FRACTION_WORDS: Record<string, number> = {
  hälften: 1 / 2,
  'en tredjedel': 1 / 3,
  'två tredjedelar': 2 / 3,
  'en fjärdedel': 1 / 4,
  'tre fjärdedelar': 3 / 4,
  'en femtedel': 1 / 5,
  'en tiondel': 1 / 10,
  varannan: 1 / 2,
  varannat: 1 / 2,
  'var tredje': 1 / 3,
  'var fjärde': 1 / 4,
  'var femte': 1 / 5,
  'var tionde': 1 / 10,
};

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** Dates as prose writes them: `5 april 2018`, `april 2018`, `2018-04-05`. */
export const DATE_PATTERN = String.raw`(?:(\d{1,2})[ \u00a0]+)?(${MONTHS.join('|')})[ \u00a0]+(\d{4})|(\d{4})-(\d{2})-(\d{2})`;

/**
 * The ISO date (`2018-04-05`) or month (`2018-04`) of a match of
 * {@link DATE_PATTERN}; undefined for a month or day that does not exist.
 */
export function readDate(match: RegExpMatchArray, offset = 0): string | undefined {
  const [day, month, year, isoYear, isoMonth, isoDay] = match.slice(1 + offset, 7 + offset);
  if (isoYear) return Number(isoMonth) >= 1 && Number(isoMonth) <= 12 && Number(isoDay) >= 1 && Number(isoDay) <= 31 ? `${isoYear}-${isoMonth}-${isoDay}` : undefined;
  const m = MONTHS.indexOf((month ?? '').toLowerCase()) + 1;
  if (!m || !year) return undefined;
  const mm = String(m).padStart(2, '0');
  if (!day) return `${year}-${mm}`;
  return Number(day) >= 1 && Number(day) <= 31 ? `${year}-${mm}-${day.padStart(2, '0')}` : undefined;
}
