import { decimal, groupDigits, kronor, millions, millionsInWords, thousands, type Rounding } from '../../format/swedish.js';
import { boolOption, HelperError, intOption, requireNumber, type HelperOptions } from './helper-error.js';
import type { HelperFactory } from './registry.js';

/** `{{kronor 3400000}}` → `3 400 000 kronor`. */
export const kronorHelper: HelperFactory = () => (value: unknown, options: HelperOptions) => kronor(requireNumber('kronor', value, options));

/** `{{tal 34}}` → `34`, `{{tal 3400000}}` → `3 400 000` (digits, grouped). */
export const talHelper: HelperFactory = () => (value: unknown, options: HelperOptions) => {
  const n = requireNumber('tal', value, options);
  return Number.isInteger(n) ? groupDigits(n) : decimal(n, intOption('tal', options, 'decimaler', 2));
};

/** `{{mnkr 32217058}}` → `32,22 mnkr` (decimaler=2 by default). */
export const mnkrHelper: HelperFactory = () => (value: unknown, options: HelperOptions) =>
  millions(requireNumber('mnkr', value, options), intOption('mnkr', options, 'decimaler', 2), 'mnkr');

/** `{{mkr 19350000}}` → `19,35 mkr`: the older abbreviation, as the original report writes it. */
export const mkrHelper: HelperFactory = () => (value: unknown, options: HelperOptions) =>
  millions(requireNumber('mkr', value, options), intOption('mkr', options, 'decimaler', 2), 'mkr');

/** `{{tkr 650000}}` → `650 tkr`. */
export const tkrHelper: HelperFactory = () => (value: unknown, options: HelperOptions) =>
  thousands(requireNumber('tkr', value, options), intOption('tkr', options, 'decimaler', 0));

/**
 * `{{miljoner 32217058}}` → `32 miljoner kronor`; `avrunda="ned"` rounds down
 * (for "drygt"), `avrunda="upp"` up (for "knappt"), `kronor=false` drops the currency.
 */
export const miljonerHelper: HelperFactory = () => (value: unknown, options: HelperOptions) => {
  const rounding = options.hash['avrunda'] ?? 'narmast';
  if (rounding !== 'narmast' && rounding !== 'ned' && rounding !== 'upp') {
    throw new HelperError('{{miljoner}}: avrunda= must be "narmast", "ned" or "upp"', options.loc);
  }
  return millionsInWords(requireNumber('miljoner', value, options), {
    decimals: intOption('miljoner', options, 'decimaler', 0),
    rounding: rounding as Rounding,
    currency: boolOption('miljoner', options, 'kronor', true),
  });
};
