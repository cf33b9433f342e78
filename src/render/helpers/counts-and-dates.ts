import { capitalise, countInWords, dateInWords } from '../../format/swedish.js';
import { boolOption, HelperError, requireString, type HelperOptions } from './helper-error.js';
import type { HelperFactory } from './registry.js';

/**
 * `{{antal projekt}}` → `nio`: a count in words up to twelve, digits above.
 * Takes a number or a list (counts its items). `genus="en"` gives `en` for one,
 * `versal=true` capitalises.
 */
export const antalHelper: HelperFactory = () => (value: unknown, options: HelperOptions) => {
  const n = Array.isArray(value) ? value.length : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new HelperError(`{{antal}} needs a whole number or a list, got ${value === undefined ? 'nothing (is the data key spelt right?)' : JSON.stringify(value)}`, options.loc);
  }
  const gender = options.hash['genus'] === 'en' ? 'en' : 'ett';
  const words = countInWords(n, gender);
  return boolOption('antal', options, 'versal', false) ? capitalise(words) : words;
};

/** `{{datum "2018-03-22"}}` → `22 mars 2018`; `{{datum "2018-02"}}` → `februari 2018`. */
export const datumHelper: HelperFactory = () => (value: unknown, options: HelperOptions) => {
  const iso = requireString('datum', value, options);
  try {
    return dateInWords(iso);
  } catch {
    throw new HelperError(`{{datum}} needs a date written YYYY-MM-DD or YYYY-MM, got "${iso}"`, options.loc);
  }
};

/** `{{ar "2018-12"}}` → `2018`: the year of a date. */
export const arHelper: HelperFactory = () => (value: unknown, options: HelperOptions) => {
  const iso = requireString('ar', value, options);
  const match = /^(\d{4})(-\d{2}){0,2}$/.exec(iso);
  if (!match) throw new HelperError(`{{ar}} needs a date written YYYY-MM-DD or YYYY-MM, got "${iso}"`, options.loc);
  return match[1];
};
