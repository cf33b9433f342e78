import type { FigureFacts } from '../../format/figure-text.js';
import { HEDGE_PATTERN, hedgedFigures, hedgeHolds, hedgeKind } from '../../format/hedge.js';
import { decimal, groupDigits } from '../../format/swedish.js';
import type { CheckRule } from '../check-context.js';
import { proseTexts, reportFigure } from '../prose-figures.js';

const HEDGE_BEFORE = new RegExp(String.raw`(?<![\p{L}\d])(${HEDGE_PATTERN})[ \u00a0]+$`, 'iu');

/** How a figure is written: its unit and decimals, for suggestions. */
function shown(facts: FigureFacts): { scale: number; decimals: number; unit: string } {
  const places = (unit: number): number => Math.max(0, Math.round(Math.log10(unit / facts.step)));
  if (facts.kind === 'share') return { scale: 0.01, decimals: places(0.01), unit: ' procent' };
  if (facts.kind === 'amount' && facts.step >= 10_000) return { scale: 1_000_000, decimals: places(1_000_000), unit: ' miljoner kronor' };
  if (facts.kind === 'amount') return { scale: 1, decimals: 0, unit: '\u00a0kronor' };
  return { scale: 1, decimals: 0, unit: '' };
}

/**
 * A hedge word the author wrote in front of a figure a helper writes
 * (`drygt {{procent berakning.andel}}`) must be true of the figure's value:
 * `drygt 88 procent` for 0,8776 is not (the helper rounded up). The figure
 * itself comes from the data.
 */
export const proseHedgesRule: CheckRule = {
  family: 'prose',
  ids: ['prose-hedge'],
  // The amounts' and the shares' checks find their hedge words as they read.
  origin: ['check/rules/prose-hedges.ts', 'check/rules/prose-amounts.ts', 'check/rules/prose-shares.ts'],
  run(context, diagnostics) {
    if (!context.model) return;
    for (const text of proseTexts(context)) {
      for (const span of text.written) {
        const facts = span.figure;
        if (!facts || facts.hedge) continue;
        const hedge = HEDGE_BEFORE.exec(text.markdown.slice(Math.max(0, span.start - 20), span.start));
        if (!hedge) continue;
        if (hedgeHolds(hedgeKind(hedge[1]), facts.value, facts.stated, facts.step)) continue;
        const { scale, decimals, unit } = shown(facts);
        const ways = hedgedFigures(facts.value, facts.step, scale, decimals).map((w) => `${w.word ? `${w.word} ` : ''}${w.figure}${unit}`);
        const value = facts.kind === 'share' ? `${decimal(facts.value * 100, 2)} procent` : facts.kind === 'amount' ? `${groupDigits(facts.value)}\u00a0kronor` : groupDigits(facts.value);
        const written = `${hedge[1]} ${text.markdown.slice(span.start, span.end)}`;
        const inner = text.expressionAt(span.start).replace(/\s+[\p{L}]+=(?:"[^"]*"|\S+)/gu, '');
        reportFigure(context, diagnostics, 'ordval', 'prose-hedge', text.file, text.toSource(span.start - hedge[0].length), { written, value, ways, helper: `{{ungefar (${inner})}}` });
      }
    }
  },
};
