import { decimal } from './swedish.js';

/**
 * What a hedge word in front of a figure claims about the true value:
 * `drygt 88 procent` says the value is at or a little above 88 %.
 */
export type HedgeKind = 'exact' | 'above-near' | 'above' | 'below-near' | 'below' | 'about' | 'at-least' | 'at-most';

/** The hedge words prose uses, by the claim each makes. */
export const HEDGE_WORDS: Record<string, HedgeKind> = {
  drygt: 'above-near',
  'strax över': 'above-near',
  'en bit över': 'above-near',
  över: 'above',
  'mer än': 'above',
  'fler än': 'above',
  knappt: 'below-near',
  'strax under': 'below-near',
  nästan: 'below-near',
  närmare: 'below-near',
  under: 'below',
  'mindre än': 'below',
  'färre än': 'below',
  cirka: 'about',
  'ca.': 'about',
  ca: 'about',
  omkring: 'about',
  ungefär: 'about',
  runt: 'about',
  kring: 'about',
  minst: 'at-least',
  högst: 'at-most',
};

/** The hedge words as a regular-expression alternative, longest first. */
export const HEDGE_PATTERN = `(?:${Object.keys(HEDGE_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace('.', '\\.').replace(' ', '[ \\u00a0]+'))
  .join('|')})`;

/** The claim of a hedge word (case and spacing ignored); `exact` for none. */
export function hedgeKind(word: string | undefined): HedgeKind {
  if (!word) return 'exact';
  return HEDGE_WORDS[word.toLowerCase().replace(/[ \u00a0]+/g, ' ')] ?? 'exact';
}

const EPSILON = 1e-9;

/**
 * The step a `cirka` figure is rounded to: the written precision, or for a
 * whole number ending in zeros the place of its last other digit
 * (`cirka 40` is 35–45, `cirka 32` 31,5–32,5).
 */
export function aboutStep(stated: number, step: number): number {
  let s = step;
  const units = Math.round(stated / step);
  if (units === 0 || Math.abs(units * step - stated) > EPSILON * Math.max(1, Math.abs(stated))) return s;
  let n = Math.abs(units);
  while (n % 10 === 0 && n > 0) {
    n /= 10;
    s *= 10;
  }
  return s;
}

/**
 * Whether `actual` may be written as `stated` (shown to a precision of
 * `step`) after a hedge word of this kind. The tolerances:
 * - none: rounds to the figure (within half a step);
 * - `cirka`, `omkring`, `ungefär`, `runt`: within half of {@link aboutStep};
 * - `drygt`, `strax över`: at or above, by at most a tenth of the figure or one step;
 * - `knappt`, `nästan`, `närmare`, `strax under`: at or below, by at most a tenth or one step;
 * - `över`, `mer än`: above; `under`, `mindre än`: below;
 * - `minst`: at least; `högst`: at most.
 */
export function hedgeHolds(kind: HedgeKind, actual: number, stated: number, step: number): boolean {
  const e = EPSILON * Math.max(1, Math.abs(stated));
  const near = Math.max(step, Math.abs(stated) / 10) + e;
  switch (kind) {
    case 'exact':
      return Math.abs(actual - stated) <= step / 2 + e;
    case 'about':
      return Math.abs(actual - stated) <= aboutStep(stated, step) / 2 + e;
    case 'above-near':
      return actual >= stated - e && actual - stated <= near;
    case 'below-near':
      return actual <= stated + e && stated - actual <= near;
    case 'above':
      return actual > stated + e;
    case 'below':
      return actual < stated - e;
    case 'at-least':
      return actual >= stated - e;
    case 'at-most':
      return actual <= stated + e;
  }
}

/** The words a hedge of this kind is written with, for messages: the first is the one suggested. */
export const HEDGE_SUGGESTIONS: Record<'above' | 'below', string> = { above: 'drygt', below: 'knappt' };

/**
 * How to write `actual` at a precision of `step` (in the unit `scale`) with a
 * hedge that holds: `knappt 88` for 87,76 %, `drygt 87` for the figure below,
 * or the plain figure when it is exact at that precision.
 */
export function hedgedFigures(actual: number, step: number, scale: number, decimals: number): { word: string; figure: string }[] {
  const e = EPSILON * Math.max(1, Math.abs(actual));
  const down = Math.floor(actual / step + e) * step;
  const up = Math.ceil(actual / step - e) * step;
  const show = (v: number): string => decimal(v / scale, decimals);
  if (Math.abs(up - down) < e) return [{ word: '', figure: show(down) }];
  const nearestUp = up - actual <= actual - down;
  const upward = { word: HEDGE_SUGGESTIONS.below, figure: show(up) };
  const downward = { word: HEDGE_SUGGESTIONS.above, figure: show(down) };
  return nearestUp ? [upward, downward] : [downward, upward];
}
