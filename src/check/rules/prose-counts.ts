import { HEDGE_PATTERN, hedgeHolds, hedgeKind } from '../../format/hedge.js';
import { countWord } from '../../format/swedish-numbers.js';
import { countInWords } from '../../format/swedish.js';
import type { CheckContext, CheckRule } from '../check-context.js';
import { keyHolds, lastName, lists, nounNamer, proseTexts, reportFigure, scalars, writer, type Known, type ProseText } from '../prose-figures.js';

/** Words and numbers (grouped digits as one: `3 400 000`), found in one pass. */
const TOKEN = /\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)|[\p{L}\d]+/gu;
const HEDGE_BEFORE = new RegExp(String.raw`(?<![\p{L}\d])(${HEDGE_PATTERN})[ \u00a0]+$`, 'iu');
const SPACE = /^[ \u00a0]+$/;

const read = (text: string): number | undefined => (/^\d/.test(text) ? Number(text.replace(/[ \u00a0]/g, '')) : countWord(text));

/** What the report counts: its lists' lengths, its whole numbers, its computed values. */
export interface KnownCounts {
  lists: Known<number>[];
  integers: Known<number>[];
  /** The counts a noun names: lists and whole-number fields of that name (`regioner`, `ansokan.experter`); worked out once per noun. */
  named(noun: string): Known<number>[];
}

/** The report's lists and whole numbers. */
export function knownCounts(context: CheckContext): KnownCounts {
  const all = lists(context);
  const integers = scalars(context).filter((s): s is Known<number> => typeof s.value === 'number' && Number.isInteger(s.value) && s.value >= 0);
  const byName = new Map<string, Known<number>[]>();
  for (const k of [...all, ...integers]) {
    const name = lastName(k.path);
    byName.set(name, [...(byName.get(name) ?? []), k]);
  }
  const names = nounNamer();
  const memo = new Map<string, Known<number>[]>();
  return {
    lists: all,
    integers,
    named(noun) {
      let found = memo.get(noun);
      if (!found) memo.set(noun, (found = [...byName].flatMap(([name, ks]) => (names(noun, name) ? ks : []))));
      return found;
    },
  };
}

/**
 * The values a count of this noun may have: a named count, a whole number
 * whose key holds the noun (`beviljadeRegioner` for `regioner`), a computed
 * count, or a whole number of the data no larger than the named counts (a
 * part of the list the data counts: `en region har redovisat`).
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
  const md = text.markdown;
  const tokens = [...md.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const spaced = (i: number): boolean => {
    const a = tokens[i - 1];
    const b = tokens[i];
    return a !== undefined && b !== undefined && SPACE.test(md.slice(a.end, b.start));
  };
  /** The count a token writes, if it is a number standing on its own (not a part of `19,35`, `2018–2019`, `SOU 2019:6`). */
  const numberAt = (i: number): { value: number; figure: boolean } | undefined => {
    const t = tokens[i];
    if (!t) return undefined;
    const value = read(t.text);
    if (value === undefined || !Number.isInteger(value)) return undefined;
    if (/[,.:\-–\u00a0]$/.test(md.slice(Math.max(0, t.start - 1), t.start)) || /^[,:\-–]\d/.test(md.slice(t.end, t.end + 2))) return undefined;
    const who = writer(text, t.start, t.end);
    if (who.kind === 'written') return undefined;
    if (who.kind === 'figure') return who.span.figure.kind === 'count' && Number.isInteger(who.span.figure.value) ? { value: who.span.figure.value, figure: true } : undefined;
    return { value, figure: false };
  };
  for (let i = 0; i < tokens.length; i++) {
    const first = numberAt(i);
    if (!first) continue;
    let n = i;
    let part: number | undefined;
    const total = tokens[i + 1]?.text.toLowerCase() === 'av' && spaced(i + 1) && spaced(i + 2) ? numberAt(i + 2) : undefined;
    if (total) {
      part = first.value;
      n = i + 2;
    }
    const count = total ?? first;
    const numberText = tokens[n]?.text ?? '';
    // `en` and `ett` are articles as often as counts: only `en av tre …` counts.
    if (!count.figure && part === undefined && /^(en|ett)$/i.test(numberText)) continue;
    const word1 = spaced(n + 1) ? tokens[n + 1] : undefined;
    if (!word1 || /\d/.test(word1.text)) continue;
    const word2 = spaced(n + 2) ? tokens[n + 2] : undefined;
    let noun = word1;
    let named = known.named(word1.text);
    if (!named.length && word2 && !/\d/.test(word2.text) && /[ae]$/i.test(word1.text)) {
      noun = word2;
      named = known.named(word2.text);
    }
    const start = (tokens[i] as { start: number }).start;
    if (!named.length) {
      leftAlone.push(md.slice(start, word1.end));
      continue;
    }
    const hedge = HEDGE_BEFORE.exec(md.slice(Math.max(0, start - 20), start));
    const from = hedge ? start - hedge[0].length : start;
    counts.push({ written: md.slice(from, noun.end), offset: from, hedge: hedge?.[1], value: count.value, part, noun: noun.text, named, byHelper: count.figure });
    i = n;
  }
  return { counts, leftAlone };
}

/**
 * Counts written in the prose (`nio kurser`, `9 regioner`, `åtta av
 * elva regioner`) whose noun names a list of the data (its file or key, in
 * singular or plural, or a compound ending in it) must agree with it; a
 * number before a noun the data does not name is left alone.
 */
export const proseCountsRule: CheckRule = {
  family: 'prose',
  ids: ['prose-count'],
  run(context, diagnostics) {
    if (!context.model) return;
    const known = knownCounts(context);
    const memo = new Map<string, Set<number>>();
    for (const text of proseTexts(context)) {
      for (const count of writtenCounts(text, known).counts) {
        let values = memo.get(count.noun);
        if (!values) memo.set(count.noun, (values = allowed(count.named, count.noun, known)));
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
