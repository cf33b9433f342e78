import { bars } from './kind.js';

/** `stapel`: upright bars, one per category (stacked by series when the chart has them). */
export const stapel = bars(false);
