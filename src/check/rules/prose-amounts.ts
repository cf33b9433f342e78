import { HEDGE_PATTERN, hedgedFigures, hedgeHolds, hedgeKind } from '../../format/hedge.js';
import { decimal, groupDigits } from '../../format/swedish.js';
import type { CheckContext, CheckRule } from '../check-context.js';
import { reportFigure } from '../prose-figures.js';

/** A figure the data holds or the build computes, with a name for messages. */
interface KnownAmount {
  value: number;
  name: string;
  /** A table's cell: it matches, but the message names a figure a helper can write. */
  fromTable?: boolean;
}

const UNITS: Record<string, number> = {
  kronor: 1,
  kr: 1,
  tkr: 1_000,
  mkr: 1_000_000,
  mnkr: 1_000_000,
  miljon: 1_000_000,
  miljoner: 1_000_000,
  miljard: 1_000_000_000,
  miljarder: 1_000_000_000,
};

/** The helper that writes a figure in the unit the author used. */
const HELPER_FOR_UNIT: Record<string, string> = { kronor: 'kronor', kr: 'kronor', tkr: 'tkr', mkr: 'mkr', mnkr: 'mnkr', miljon: 'miljoner', miljoner: 'miljoner' };

const QUALIFIER = String.raw`(?:(${HEDGE_PATTERN})\s+)?`;
const NUMBER = String.raw`(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d+))?`;
const UNIT = String.raw`(kronor|kr|tkr|mkr|mnkr|miljoner|miljon|miljarder|miljard)`;
const AMOUNT = new RegExp(String.raw`(?<![\p{L}\d,])${QUALIFIER}${NUMBER}[ \u00a0]*${UNIT}(?![\p{L}\d])`, 'giu');

/**
 * Every figure of 1 000 or more the report holds: in its data, among its
 * computed values, and in the cells of its tables (row totals, sums).
 */
function knownAmounts(context: CheckContext): KnownAmount[] {
  const model = context.model;
  if (!model) return [];
  const out: KnownAmount[] = [];
  const walk = (value: unknown, name: string): void => {
    if (typeof value === 'number' && Math.abs(value) >= 1000) out.push({ value, name });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${name}.[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, name ? `${name}.${k}` : k);
  };
  walk(model.scope, '');
  for (const table of model.tables) {
    for (const row of [...table.first, ...table.rows, ...table.last]) {
      row.cells.forEach((cell, c) => {
        if (typeof cell === 'number' && Math.abs(cell) >= 1000) out.push({ value: cell, name: `${table.key}.${table.columns[c]?.key ?? ''}`, fromTable: true });
      });
    }
  }
  return out;
}

/**
 * Whether `actual` can be written as `stated` at the precision it is written,
 * after the hedge word in front of it (the tolerances of {@link hedgeHolds}).
 */
export function amountMatches(actual: number, stated: number, unitStep: number, qualifier: string | undefined): boolean {
  return hedgeHolds(hedgeKind(qualifier), actual, stated, unitStep);
}

/**
 * Amounts written in prose (`19,35 mkr`, `650 tkr`, `cirka 32 miljoner kronor`)
 * must match a figure the data holds or the build computes, at the precision
 * written. Amounts produced by helpers come from data and are not re-checked.
 */
export const proseAmountsRule: CheckRule = {
  family: 'prose-amounts',
  ids: ['prose-amount'],
  run(context, diagnostics) {
    const known = knownAmounts(context);
    if (!context.model || known.length === 0) return;
    for (const chapter of context.chapters) {
      const { literalText, index, file } = chapter.expanded;
      for (const match of literalText.matchAll(AMOUNT)) {
        const [, qualifier, whole = '0', fraction, unitWord = 'kronor'] = match;
        const unit = UNITS[unitWord.toLowerCase()] ?? 1;
        const decimals = fraction?.length ?? 0;
        const stated = (Number(whole.replace(/[ \u00a0]/g, '')) + (fraction ? Number(`0.${fraction}`) : 0)) * unit;
        const step = unit / 10 ** decimals;
        if (known.some((k) => amountMatches(k.value, stated, step, qualifier))) continue;
        const named = known.filter((k) => !k.fromTable);
        const nearest = (named.length ? named : known).reduce((best, k) => (Math.abs(k.value - stated) < Math.abs(best.value - stated) ? k : best));
        const written = match[0].trim();
        const helper = HELPER_FOR_UNIT[unitWord.toLowerCase()] ?? 'kronor';
        const suggestion = unit === 1 ? groupDigits(nearest.value) : decimal(nearest.value / unit, decimals);
        if (!['exact', 'about'].includes(hedgeKind(qualifier)) && Math.abs(nearest.value - stated) <= Math.max(step, stated / 10)) {
          const ways = hedgedFigures(nearest.value, step, unit, decimals).map((w) => `${w.word ? `${w.word} ` : ''}${w.figure} ${unitWord}`);
          reportFigure(context, diagnostics, 'ordval', 'prose-hedge.amount', file.path, index.point(match.index), { written, nearestName: nearest.name, nearest: nearest.value, ways, helper: `{{ungefar (mkr ${nearest.name})}}` });
          continue;
        }
        reportFigure(context, diagnostics, 'belopp', 'prose-amount', file.path, index.point(match.index), { written, nearestName: nearest.name, nearest: nearest.value, suggestion, unit: unitWord, helper });
      }
    }
  },
};
