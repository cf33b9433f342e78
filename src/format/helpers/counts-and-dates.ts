import { describeValue } from '../../messages/message.js';
import { isRealDate } from '../real-date.js';
import { FigureText } from '../figure-text.js';
import { capitalise, countInWords, dateInWords, joinList } from '../swedish.js';
import { boolOption, choiceOption, HelperError, requireString, type HelperOptions } from './helper-error.js';

/**
 * `{{antal projekt}}` → `nio`: a count in words up to twelve, digits above.
 * Takes a number, a list (counts its items) or a mapping (counts its keys).
 * `genus="en"` gives `en` for one, `versal=true` capitalises.
 */
export const antalHelper = (value: unknown, options: HelperOptions): FigureText => {
  const n = Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new HelperError('template-helper.count', { helper: 'antal', got: describeValue(value) }, options.loc);
  }
  const words = countInWords(n, choiceOption<'en' | 'ett'>('antal', options, 'genus', ['en', 'ett'], 'ett'));
  return new FigureText(boolOption('antal', options, 'versal', false) ? capitalise(words) : words, { kind: 'count', value: n, stated: n, step: 1 });
};

/** `{{datum "2018-03-22"}}` → `22 mars 2018`; `{{datum "2018-02"}}` → `februari 2018`. */
export const datumHelper = (value: unknown, options: HelperOptions): string => {
  const iso = requireString('datum', value, options);
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(iso) && !isRealDate(iso)) throw new HelperError('template-helper.date-impossible', { helper: 'datum', value: iso }, options.loc);
  try {
    return dateInWords(iso);
  } catch {
    throw new HelperError('template-helper.date', { helper: 'datum', value: iso }, options.loc);
  }
};

/** `{{ar "2018-12"}}` → `2018`: the year of a date. */
export const arHelper = (value: unknown, options: HelperOptions): string => {
  const iso = requireString('ar', value, options);
  const match = /^(\d{4})(-\d{2}){0,2}$/.exec(iso);
  if (!match?.[1]) throw new HelperError('template-helper.date', { helper: 'ar', value: iso }, options.loc);
  return match[1];
};

/** `{{lista deltagare}}` → `akademi, näringsliv och offentlig verksamhet`. */
export const listaHelper = (value: unknown, options: HelperOptions): string => {
  if (!Array.isArray(value)) throw new HelperError('template-helper.list', { helper: 'lista', got: describeValue(value) }, options.loc);
  return joinList(value.map((v) => String(v)));
};
