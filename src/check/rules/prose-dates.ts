import { DATE_PATTERN, readDate } from '../../format/swedish-numbers.js';
import { dateInWords } from '../../format/swedish.js';
import type { CheckContext, CheckRule } from '../check-context.js';
import { nounNamer, proseTexts, reportFigure, scalars, sentenceAround, type Known, type ProseText } from '../prose-figures.js';

const DATE = new RegExp(String.raw`(?<![\p{L}\d-])${DATE_PATTERN}(?![\d-])`, 'giu');
const ISO = /^\d{4}-\d{2}(?:-\d{2})?$/;
/** Keys that say only that something is a date, not what it is the date of. */
const GENERIC = new Set(['datum', 'date', 'tidslinje', 'tid', 'start', 'slut', 'from', 'tom', 'dag']);

/** A date of the data and the names of what it is the date of (`moten.startmotet.datum` → moten, startmotet). */
interface DatedEntry extends Known<string> {
  names: string[];
}

/** Every date (ISO day or month) of the data and computed values, with the names its path gives it. */
export function datedEntries(context: CheckContext): DatedEntry[] {
  return scalars(context)
    .filter((s): s is Known<string> => typeof s.value === 'string' && ISO.test(s.value))
    .map((s) => ({
      ...s,
      names: s.path
        .split('.')
        .filter((p) => !p.startsWith('['))
        .flatMap((p) => p.split(/(?=[A-Z])/))
        .map((p) => p.toLowerCase())
        .filter((p) => p.length >= 4 && !GENERIC.has(p)),
    }));
}

/** A date in the prose, with the dated entries its sentence names. */
export interface WrittenDate {
  written: string;
  offset: number;
  iso: string;
  named: DatedEntry[];
  words: string[];
}

/** The dates of a text, and those whose sentence names no dated entry (left alone). */
export function writtenDates(text: ProseText, entries: DatedEntry[], nounNames = nounNamer()): { dates: WrittenDate[]; leftAlone: string[] } {
  const dates: WrittenDate[] = [];
  const leftAlone: string[] = [];
  for (const m of text.markdown.matchAll(DATE)) {
    const iso = readDate(m);
    if (!iso) continue;
    const sentence = sentenceAround(text.markdown, m.index, m.index + m[0].length);
    const words = new Set<string>();
    const sentenceWords = [...new Set(sentence.match(/\p{L}{4,}/gu) ?? [])];
    const named = entries.filter((e) =>
      sentenceWords.some((w) => {
        const hit = e.names.some((n) => nounNames(w, n));
        if (hit) words.add(w);
        return hit;
      }),
    );
    if (!named.length) {
      leftAlone.push(m[0]);
      continue;
    }
    dates.push({ written: m[0], offset: m.index, iso, named, words: [...words] });
  }
  return { dates, leftAlone };
}

/** Whether a date written to a day or a month is the entry's date (a month matches a day in it, and the other way round). */
const sameDate = (written: string, entry: string): boolean => written === entry || entry.startsWith(`${written}-`) || written.startsWith(`${entry}-`);

/**
 * Dates written in the prose (`den 5 april 2018`, `22 mars 2018`,
 * `2018-04-05`) in a sentence that names a dated entry of the data (a
 * meeting, a milestone, the decision) must be a date of what it names;
 * other dates are left alone.
 */
export const proseDatesRule: CheckRule = {
  family: 'prose',
  ids: ['prose-date'],
  run(context, diagnostics) {
    if (!context.model) return;
    const entries = datedEntries(context);
    if (!entries.length) return;
    const names = nounNamer();
    for (const text of proseTexts(context)) {
      for (const date of writtenDates(text, entries, names).dates) {
        if (date.named.some((e) => sameDate(date.iso, e.value))) continue;
        const distance = (e: DatedEntry): number => Math.abs(Date.parse(e.value) - Date.parse(date.iso));
        const named = [...date.named].sort((a, b) => distance(a) - distance(b));
        const dates = named.slice(0, 4).map((e) => `${dateInWords(e.value)} (${e.path})`);
        const first = named[0] as DatedEntry;
        reportFigure(context, diagnostics, 'datum', 'prose-date', text.file, text.toSource(date.offset), { written: date.written, names: date.words, dates, helper: `{{datum ${first.path}}}` });
      }
    }
  },
};
