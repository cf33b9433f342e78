import { aboutStep, HEDGE_PATTERN, hedgedFigures, hedgeHolds, hedgeKind } from '../../format/hedge.js';
import { DIGITS_PATTERN, FRACTION_WORDS, readDigits } from '../../format/swedish-numbers.js';
import { decimal } from '../../format/swedish.js';
import type { CheckContext, CheckRule } from '../check-context.js';
import { proseTexts, reportFigure, scalars, writer, type Known } from '../prose-figures.js';

const PERCENT = new RegExp(String.raw`(?<![\p{L}\d,])(?:(${HEDGE_PATTERN})[ \u00a0]+)?(${DIGITS_PATTERN})[ \u00a0]*(procent|%)(?![\p{L}\d])`, 'giu');
const FRACTION_LIST = Object.keys(FRACTION_WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(' ', '[ \\u00a0]+')).join('|');
/** `hälften av`, `en tredjedel av`, `var fjärde region`; not `första hälften av 2020` nor `var fjärde år`. */
const FRACTION = new RegExp(
  String.raw`(?<![\p{L}\d])(?<!(?:första|andra|senare|förra|sista|den)[ \u00a0]+)(?:(${HEDGE_PATTERN})[ \u00a0]+)?(${FRACTION_LIST})(?=[ \u00a0]+(?:av[ \u00a0]|(?!(?:år|vecka|månad|dag|gång|timme|minut|kvartal|termin|sekund)\b)\p{L}))`,
  'giu',
);

/** Quick tests that spare the full patterns on texts without a percentage or a fraction word. */
const MAY_HAVE_PERCENT = /procent|%/i;
const MAY_HAVE_FRACTION = /hälften|del(?:ar)?\b|var(?:annan|annat|[ \u00a0]+(?:tredje|fjärde|femte|tionde))/i;

/** Every share the report holds: numbers from 0 to 1 in its data and computed values, and in its tables' cells. */
export function knownShares(context: CheckContext): Known<number>[] {
  const out = scalars(context).filter((s): s is Known<number> => typeof s.value === 'number' && s.value >= 0 && s.value <= 1);
  for (const table of context.model?.tables ?? []) {
    for (const row of [...table.first, ...table.rows, ...table.last]) {
      row.cells.forEach((cell, c) => {
        if (typeof cell === 'number' && cell >= 0 && cell <= 1) out.push({ path: `${table.key}.${table.columns[c]?.key ?? ''}`, value: cell });
      });
    }
  }
  return out;
}

/** A share the author wrote: what it says, at what precision, and with which hedge word. */
export interface WrittenShare {
  written: string;
  hedge: string | undefined;
  stated: number;
  step: number;
  /** The step a `cirka` means (a fraction word is as loose as ten percent). */
  aboutStep: number;
  decimals: number;
  offset: number;
}

/** The shares the author typed in one text (a helper's are its own, and checked for their hedge words only). */
export function writtenShares(text: ReturnType<typeof proseTexts>[number]): { shares: WrittenShare[]; helperShares: number; leftAlone: number } {
  const shares: WrittenShare[] = [];
  let helperShares = 0;
  let leftAlone = 0;
  for (const m of MAY_HAVE_PERCENT.test(text.markdown) ? text.markdown.matchAll(PERCENT) : []) {
    const numberAt = m.index + m[0].indexOf(m[2] ?? '', m[1]?.length ?? 0);
    const who = writer(text, numberAt, m.index + m[0].length);
    if (who.kind === 'figure') helperShares++;
    if (who.kind !== 'literal') {
      if (who.kind === 'written') leftAlone++;
      continue;
    }
    const { value, decimals } = readDigits(m[2] ?? '0');
    const step = 1 / 10 ** (decimals + 2);
    shares.push({ written: m[0], hedge: m[1], stated: value / 100, step, aboutStep: aboutStep(value / 100, step), decimals, offset: m.index });
  }
  for (const m of MAY_HAVE_FRACTION.test(text.markdown) ? text.markdown.matchAll(FRACTION) : []) {
    if (writer(text, m.index, m.index + m[0].length).kind !== 'literal') continue;
    const share = FRACTION_WORDS[(m[2] ?? '').toLowerCase().replace(/[ \u00a0]+/g, ' ')];
    if (share === undefined) continue;
    shares.push({ written: m[0], hedge: m[1], stated: share, step: 0.01, aboutStep: 0.1, decimals: 0, offset: m.index });
  }
  return { shares, helperShares, leftAlone };
}

/** Whether a share of the report may be written as the author wrote it. */
export function shareHolds(actual: number, share: WrittenShare): boolean {
  const kind = hedgeKind(share.hedge);
  return kind === 'about' ? hedgeHolds('exact', actual, share.stated, share.aboutStep) : hedgeHolds(kind, actual, share.stated, share.step);
}

/**
 * Shares written in the prose (`87,8 procent`, `88 %`, `hälften`,
 * `en tredjedel`, `var fjärde`) must be shares of the report at the
 * precision written, and a hedge word in front of one must point the right
 * way (`drygt 88 procent` for 0,8776 is wrong: `knappt 88 procent`).
 */
export const proseSharesRule: CheckRule = {
  family: 'prose',
  ids: ['prose-share'],
  run(context, diagnostics) {
    if (!context.model) return;
    const known = knownShares(context);
    for (const text of proseTexts(context)) {
      for (const share of writtenShares(text).shares) {
        if (known.some((k) => shareHolds(k.value, share))) continue;
        const point = text.toSource(share.offset);
        const written = share.written.trim();
        if (known.length === 0) {
          reportFigure(context, diagnostics, 'andelar', 'prose-share.none', text.file, point, { written });
          continue;
        }
        const nearest = known.reduce((best, k) => (Math.abs(k.value - share.stated) < Math.abs(best.value - share.stated) ? k : best));
        const ways = hedgedFigures(nearest.value, share.step, 0.01, share.decimals).map((w) => `${w.word ? `${w.word} ` : ''}${w.figure} procent`);
        const exact = `${decimal(nearest.value * 100, Math.max(share.decimals, 1))} procent`;
        const hedged = !['exact', 'about'].includes(hedgeKind(share.hedge)) && Math.abs(nearest.value - share.stated) <= Math.max(share.step, share.stated / 10);
        const params = { written, nearestName: nearest.path, nearest: exact, ways, helper: `{{ungefar (procent ${nearest.path})}}` };
        if (hedged) reportFigure(context, diagnostics, 'ordval', 'prose-hedge.share', text.file, point, params);
        else reportFigure(context, diagnostics, 'andelar', 'prose-share', text.file, point, params);
      }
    }
  },
};
