import { bars } from './kind.js';

/** `staplad`: upright bars divided into their series (Vega-Lite stacks bars by series; the same drawing as `stapel` with series). */
export const staplad = bars(false);
