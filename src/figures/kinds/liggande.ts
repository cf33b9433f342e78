import { bars } from './kind.js';

/** `liggande`: lying bars, each category named in full beside its bar. */
export const liggande = bars(true);
