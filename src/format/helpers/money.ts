import { decimal, groupDigits, kronor, millions, millionsInWords, percent, thousands, type Rounding } from '../swedish.js';
import { boolOption, choiceOption, HelperError, intOption, requireNumber, type HelperOptions } from './helper-error.js';

/** `{{kronor 3400000}}` → `3 400 000 kronor`. */
export const kronorHelper = (value: unknown, options: HelperOptions): string => {
  const n = requireNumber('kronor', value, options);
  // Whole kronor only: a fraction would be cut off unseen. Rounding is the author's to declare.
  if (!Number.isInteger(n)) throw new HelperError('template-helper.whole-kronor', { helper: 'kronor', value: n }, options.loc);
  return kronor(n);
};

/** `{{tal 34}}` → `34`, `{{tal 3400000}}` → `3 400 000` (digits, grouped). */
export const talHelper = (value: unknown, options: HelperOptions): string => {
  const n = requireNumber('tal', value, options);
  return Number.isInteger(n) ? groupDigits(n) : decimal(n, intOption('tal', options, 'decimaler', 2));
};

/** `{{mnkr 32217058}}` → `32,22 mnkr` (decimaler=2 by default). */
export const mnkrHelper = (value: unknown, options: HelperOptions): string =>
  millions(requireNumber('mnkr', value, options), intOption('mnkr', options, 'decimaler', 2), 'mnkr');

/** `{{mkr 19350000}}` → `19,35 mkr`: the older abbreviation, as the original report writes it. */
export const mkrHelper = (value: unknown, options: HelperOptions): string =>
  millions(requireNumber('mkr', value, options), intOption('mkr', options, 'decimaler', 2), 'mkr');

/** `{{tkr 650000}}` → `650 tkr`. */
export const tkrHelper = (value: unknown, options: HelperOptions): string =>
  thousands(requireNumber('tkr', value, options), intOption('tkr', options, 'decimaler', 0));

/**
 * `{{miljoner 32217058}}` → `32 miljoner kronor`; `avrunda="ned"` rounds down
 * (for "drygt"), `avrunda="upp"` up (for "knappt"), `kronor=false` drops the currency.
 */
export const miljonerHelper = (value: unknown, options: HelperOptions): string => {
  const rounding = choiceOption<Rounding>('miljoner', options, 'avrunda', ['narmast', 'ned', 'upp'], 'narmast');
  return millionsInWords(requireNumber('miljoner', value, options), {
    decimals: intOption('miljoner', options, 'decimaler', 0),
    rounding,
    currency: boolOption('miljoner', options, 'kronor', true),
  });
};

/**
 * `{{procent 0.253}}` → `25 procent` (a share from 0 to 1, as running text
 * writes it); `tecken=true` gives `25 %`; `decimaler=1` gives `25,3 procent`.
 */
export const procentHelper = (value: unknown, options: HelperOptions): string =>
  percent(requireNumber('procent', value, options), intOption('procent', options, 'decimaler', 0), boolOption('procent', options, 'tecken', false) ? 'sign' : 'word');
