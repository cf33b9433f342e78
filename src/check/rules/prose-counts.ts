import { HEDGE_PATTERN, hedgeHolds, hedgeKind } from '../../format/hedge.js';
import { COUNT_WORD_PATTERN, countWord } from '../../format/swedish-numbers.js';
import { countInWords } from '../../format/swedish.js';
import type { CheckContext, CheckRule } from '../check-context.js';
import { keyHolds, lastName, lists, nounNames, proseTexts, reportFigure, scalars, writer, type Known, type ProseText } from '../prose-figures.js';

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0]\d{3})+|\d+|${COUNT_WORD_PATTERN}`;
/** A count and the two words after it: `nio pilotprojekt`, `åtta av elva regioner`, `drygt 30 beviljade projekt`. */
const COUNT = new RegExp(
  String.raw`(?<![\p{L}\d,.:\-–\u00a0])(?:(${HEDGE_PATTERN})[ \u00a0]+)?(?:(${NUMBER})[ \u00a0]+av[ \u00a0]+)?(${NUMBER})(?![\d,:\-–]\d)[ \u00a0]+(\p{L}+)(?:[ \u00a0]+(\p{L}+))?`,
  'giu',
);

const read = (text: string): number | undefined => (/^\d/.test(text) ? Number(text.replace(/[ \u00a0]/g, '')) : countWord(text));

/** What the report counts: its lists' lengths, its whole numbers, its computed values. */
export interface KnownCounts {
  lists: Known<number>[];
  integers: Known<number>[];
}

/** The report's lists and whole numbers. */
export function knownCounts(context: CheckContext): KnownCounts {
  return {
    lists: lists(context),
    integers: scalars(context).filter((s): s is Known<number> => typeof s.value === 'number' && Number.isInteger(s.value) && s.value >= 0),
  };
}

/** The counts a noun names: lists and whole-number fields of that name (`projekt`, `utlysning.experter`). */
function namedCounts(noun: string, known: KnownCounts): Known<number>[] {
  return [...known.lists, ...known.integers].filter((k) => nounNames(noun, lastName(k.path)));
}

/**
 * The values a count of this noun may have: a named count, a whole number
 * whose key holds the noun (`inbjudnaLarosaten` for `lärosäten`), a computed
 * count, or a whole number of the data no larger than the named counts (a
 * part of the list the data counts: `ett projekt har slutrapporterat`).
 */
function allowed(named: Known<number>[], noun: string, known: KnownCounts): Set<number> {
  const largest = Math.max(...named.map((n) => n.value));
  const values = new Set(named.map((n) => n.value));
  for (const k of known.integers) {
    if (keyHolds(lastName(k.path), noun) || k.path.startsWith('berakning.') || k.value <= largest) values.add(k.value);
  }
  return values;
}

/** A count in the prose that names something of the data. */
export interface WrittenCount {
  written: string;
  offset: number;
  hedge: string | undefined;
  value: number;
  part: number | undefined;
  noun: string;
  named: Known<number>[];
  byHelper: boolean;
}

/** The counts of a text that name something of the data, and the numbers followed by a word that names nothing (left alone). */
export function writtenCounts(text: ProseText, known: KnownCounts): { counts: WrittenCount[]; leftAlone: string[] } {
  const counts: WrittenCount[] = [];
  const leftAlone: string[] = [];
  for (const m of text.markdown.matchAll(COUNT)) {
    const [, hedge, partText, numberText = '', word1 = '', word2] = m;
    const numberAt = m.index + m[0].lastIndexOf(numberText, m[0].length - word1.length - (word2 ? word2.length + 1 : 0));
    const who = writer(text, numberAt, numberAt + numberText.length);
    if (who.kind === 'written') continue;
    const value = who.kind === 'figure' ? who.span.figure.value : read(numberText);
    if (value === undefined || !Number.isInteger(value)) continue;
    if (who.kind === 'figure' && who.span.figure.kind !== 'count') continue;
    // `en` and `ett` are articles as often as counts: only `en av tre …` counts.
    if (who.kind === 'literal' && /^(en|ett)$/i.test(numberText) && partText === undefined) continue;
    let noun = word1;
    let named = namedCounts(word1, known);
    if (!named.length && word2 && /[ae]$/i.test(word1)) {
      noun = word2;
      named = namedCounts(word2, known);
    }
    if (!named.length) {
      leftAlone.push(`${numberText} ${word1}`);
      continue;
    }
    const part = partText === undefined ? undefined : read(partText);
    const written = noun === word1 && word2 ? m[0].slice(0, m[0].length - word2.length).trimEnd() : m[0];
    counts.push({ written, offset: m.index, hedge, value, part, noun, named, byHelper: who.kind === 'figure' });
  }
  return { counts, leftAlone };
}

/**
 * Counts written in the prose (`nio pilotprojekt`, `9 regioner`, `åtta av
 * elva regioner`) whose noun names a list of the data (its file or key, in
 * singular or plural, or a compound ending in it) must agree with it; a
 * number before a noun the data does not name is left alone.
 */
export const proseCountsRule: CheckRule = {
  ids: ['prose-count'],
  run(context, diagnostics) {
    if (!context.model) return;
    const known = knownCounts(context);
    for (const text of proseTexts(context)) {
      for (const count of writtenCounts(text, known).counts) {
        const values = allowed(count.named, count.noun, known);
        const kind = hedgeKind(count.hedge);
        const ok = [...values].some((v) => hedgeHolds(kind, v, count.value, 1));
        const point = text.toSource(count.offset);
        if (!ok) {
          const first = count.named.reduce((a, b) => (Math.abs(b.value - count.value) < Math.abs(a.value - count.value) ? b : a));
          const counts = count.named.slice(0, 4).map((n) => `${n.path}: ${n.value}`);
          reportFigure(context, diagnostics, 'antal', 'prose-count', text.file, point, { written: count.written.trim(), noun: count.noun, counts, suggestion: countInWords(first.value), helper: `{{antal ${first.path}}}` });
        } else if (count.part !== undefined && count.part > count.value) {
          reportFigure(context, diagnostics, 'antal', 'prose-count.part', text.file, point, { written: count.written.trim(), part: count.part, total: count.value });
        }
      }
    }
  },
};
