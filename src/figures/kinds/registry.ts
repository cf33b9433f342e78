import type { ChartType } from '../../model/figures.js';
import type { ChartKind } from './kind.js';
import { liggande } from './liggande.js';
import { linje } from './linje.js';
import { stapel } from './stapel.js';
import { staplad } from './staplad.js';

/**
 * The kinds of chart by their name in data/figurer.yaml (`typ:`). The
 * schema's enum and the model's ChartType are these keys (a test checks
 * the schema; the compiler the type).
 */
export const CHART_KINDS: Record<ChartType, ChartKind> = { stapel, liggande, staplad, linje };
