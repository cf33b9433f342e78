import { FigureText } from '../figure-text.js';
import { decimal, groupDigits, kronor, millions, millionsInWords, percent, round, thousands, type Rounding } from '../swedish.js';
import { boolOption, choiceOption, HelperError, intOption, requireNumber, type HelperOptions } from './helper-error.js';

/** An amount's text with the figure it shows, rounded to `step` kronor. */
const amount = (text: string, value: number, step: number, rounding: Rounding = 'narmast'): FigureText =>
  new FigureText(text, { kind: 'amount', value, stated: round(value / step, 0, rounding) * step, step });

/** `{{kronor 3400000}}` → `3 400 000 kronor`. */
export const kronorHelper = (value: unknown, options: HelperOptions): FigureText => {
  const n = requireNumber('kronor', value, options);
  // Whole kronor only: a fraction would be cut off unseen. Rounding is the author's to declare.
  if (!Number.isInteger(n)) throw new HelperError('template-helper.whole-kronor', { helper: 'kronor', value: n }, options.loc);
  return amount(kronor(n), n, 1, 'ned');
};

/** `{{tal 34}}` → `34`, `{{tal 3400000}}` → `3 400 000` (digits, grouped). */
export const talHelper = (value: unknown, options: HelperOptions): FigureText | string => {
  const n = requireNumber('tal', value, options);
  const decimals = intOption('tal', options, 'decimaler', 2);
  if (Number.isInteger(n)) return new FigureText(groupDigits(n), { kind: 'count', value: n, stated: n, step: 1 });
  return decimal(n, decimals);
};

/** `{{mnkr 32217058}}` → `32,22 mnkr` (decimaler=2 by default). */
export const mnkrHelper = (value: unknown, options: HelperOptions): FigureText => {
  const n = requireNumber('mnkr', value, options);
  const decimals = intOption('mnkr', options, 'decimaler', 2);
  return amount(millions(n, decimals, 'mnkr'), n, 1_000_000 / 10 ** decimals);
};

/** `{{mkr 19350000}}` → `19,35 mkr`: the older abbreviation, as the original report writes it. */
export const mkrHelper = (value: unknown, options: HelperOptions): FigureText => {
  const n = requireNumber('mkr', value, options);
  const decimals = intOption('mkr', options, 'decimaler', 2);
  return amount(millions(n, decimals, 'mkr'), n, 1_000_000 / 10 ** decimals);
};

/** `{{tkr 650000}}` → `650 tkr`. */
export const tkrHelper = (value: unknown, options: HelperOptions): FigureText => {
  const n = requireNumber('tkr', value, options);
  const decimals = intOption('tkr', options, 'decimaler', 0);
  return amount(thousands(n, decimals), n, 1000 / 10 ** decimals);
};

/**
 * `{{miljoner 32217058}}` → `32 miljoner kronor`; `avrunda="ned"` rounds down
 * (for "drygt"), `avrunda="upp"` up (for "knappt"), `kronor=false` drops the currency.
 */
export const miljonerHelper = (value: unknown, options: HelperOptions): FigureText => {
  const rounding = choiceOption<Rounding>('miljoner', options, 'avrunda', ['narmast', 'ned', 'upp'], 'narmast');
  const n = requireNumber('miljoner', value, options);
  const decimals = intOption('miljoner', options, 'decimaler', 0);
  const text = millionsInWords(n, { decimals, rounding, currency: boolOption('miljoner', options, 'kronor', true) });
  return amount(text, n, 1_000_000 / 10 ** decimals, rounding);
};

/**
 * `{{procent 0.253}}` → `25 procent` (a share from 0 to 1, as running text
 * writes it); `tecken=true` gives `25 %`; `decimaler=1` gives `25,3 procent`;
 * `avrunda="ned"` rounds down (for "drygt"), `avrunda="upp"` up (for "knappt").
 */
export const procentHelper = (value: unknown, options: HelperOptions): FigureText => {
  const share = requireNumber('procent', value, options);
  const decimals = intOption('procent', options, 'decimaler', 0);
  const rounding = choiceOption<Rounding>('procent', options, 'avrunda', ['narmast', 'ned', 'upp'], 'narmast');
  const text = percent(share, decimals, boolOption('procent', options, 'tecken', false) ? 'sign' : 'word', rounding);
  return new FigureText(text, { kind: 'share', value: share, stated: round(share * 100, decimals, rounding) / 100, step: 1 / 10 ** (decimals + 2) });
};
