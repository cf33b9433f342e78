import type { Point } from '../../diagnostics/diagnostic.js';
import type { Segment } from '../segments.js';
import { folded, type Word } from '../text.js';
import type { Analysed, LanguageRule, Phrase, Report, Vocabulary } from './rule.js';

/** The same key for a word however it is hyphenated, spaced or capitalised. */
const variantKey = (text: string): string => folded(text).replace(/[-\s]/g, '');

/** `f` remembering its results: a report writes the same words many times. */
function remembered(f: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) known.set(text, (value = f(text)));
    return value;
  };
}

/**
 * Terms and names written two ways: a name of the data (or the word list)
 * written otherwise in the text (`Lund Universitet` for *Lunds
 * universitet*, `AI Innovation for Sweden` for *AI Innovation of Sweden*),
 * and a word written both with and without a hyphen or a space (`e-post`
 * and `epost`, `IT-stöd` and `IT stöd`). Each warning names the other
 * place.
 */
function checkVariants(segments: readonly Analysed[], vocabulary: Vocabulary, report: Report): void {
  const stripGenitive = (w: string): string => (w.length > 3 ? w.replace(/s$/, '') : w);
  const firstKey = remembered((w) => folded(stripGenitive(w)));
  const keyOf = remembered(variantKey);
  // Names by their first word (as compared): only a window that starts like a name can be one.
  const byFirst = new Map<string, Phrase[]>();
  for (const p of vocabulary.phrases) {
    const key = firstKey(p.words[0] ?? '');
    byFirst.set(key, [...(byFirst.get(key) ?? []), p]);
  }
  /** True when `written` is the name `phrase` written otherwise (see above). */
  const variant = (written: readonly string[], phrase: readonly string[]): boolean => {
    const n = phrase.length;
    if (written.length !== n || written.join(' ') === phrase.join(' ')) return false;
    const last = n - 1;
    const sameButForm = written.every((w, k) => (k < last ? firstKey(w) === firstKey(phrase[k] ?? '') : folded(w) === folded(phrase[k] ?? '') || folded(w) === `${folded(phrase[k] ?? '')}s`));
    // Written otherwise: a word but the last in another form, or a word after the first in another case
    // (the first word's capital may just start a sentence, and the last word may take a genitive s).
    const differs = written.some((w, k) => (k < last && (k > 0 ? w !== phrase[k] : w.toLowerCase() !== (phrase[k] ?? '').toLowerCase())) || (k > 0 && w.toLowerCase() === (phrase[k] ?? '').toLowerCase() && w !== phrase[k]));
    const oneWord = n >= 3 && written.filter((w, k) => w !== phrase[k]).length === 1 && written.every((w, k) => w === phrase[k] || (k > 0 && w.length <= 3 && /^\p{Ll}+$/u.test(w) && /^\p{Ll}+$/u.test(phrase[k] ?? '')));
    return (sameButForm && differs) || oneWord;
  };
  const placeOf = (p: Phrase): string => (p.point ? `${p.file}:${p.point.line}:${p.point.column}` : p.file);
  const exact = new Set(vocabulary.phrases.map((p) => p.words.join(' ')));
  // Names of the data written two ways there (Lund Universitet and Lunds universitet in one list).
  const pairs = new Set<string>();
  for (const phrases of byFirst.values()) {
    phrases.forEach((a, i) => {
      for (const b of phrases.slice(i + 1)) {
        const key = [a.words.join(' '), b.words.join(' ')].sort().join('\0');
        if (pairs.has(key) || !variant(b.words, a.words)) continue;
        pairs.add(key);
        report('term-variant', b.file, b.point, { written: b.words.join(' '), other: a.words.join(' '), where: placeOf(a) });
      }
    });
  }
  // Names written otherwise in the text.
  const reported = new Set<string>();
  for (const segment of segments) {
    const words = segment.words;
    words.forEach((start, i) => {
      const phrases = byFirst.get(firstKey(start.text));
      if (!phrases) return;
      for (const phrase of phrases) {
        const n = phrase.words.length;
        if (i + n > words.length) continue;
        const window = words.slice(i, i + n);
        // The words of a name follow each other with only spaces between.
        if (window.some((w, k) => k > 0 && !/^\s+$/.test(segment.text.slice((window[k - 1] as Word).start + (window[k - 1] as Word).text.length, w.start)))) continue;
        const written = window.map((w) => w.text);
        // Written as one of the report's names: not a variant of another.
        if (exact.has(written.join(' ')) || !variant(written, phrase.words)) continue;
        const key = `${segment.file}:${start.start}:${phrase.words.join(' ')}`;
        if (reported.has(key)) continue;
        reported.add(key);
        report('term-variant', segment.file, segment.at(start.start, start.text.length), { written: written.join(' '), other: phrase.words.join(' '), where: placeOf(phrase) });
      }
    });
  }

  // One word, written with and without a hyphen or a space (where: the segment and offset, its point found only when reported).
  const forms = new Map<string, Map<string, { segment: Segment; offset: number; length: number }>>();
  const add = (form: string, segment: Segment, offset: number, length: number): void => {
    const key = keyOf(form);
    if (key.length < 4) return;
    let seen = forms.get(key);
    if (!seen) forms.set(key, (seen = new Map()));
    // A capital at the start of a sentence is not another way of writing the word.
    const shown = /^\p{Lu}\p{Ll}/u.test(form) ? form[0]?.toLowerCase() + form.slice(1) : form;
    if (!seen.has(shown)) seen.set(shown, { segment, offset, length });
  };
  for (const segment of segments) for (const w of segment.words) if (!w.joined) add(w.text, segment, w.start, w.text.length);
  for (const segment of segments) {
    segment.words.forEach((w, i) => {
      const next = segment.words[i + 1];
      if (!next || w.text.length < 2 || next.text.length < 2 || !forms.has(keyOf(w.text) + keyOf(next.text))) return;
      if (!/^ +$/.test(segment.text.slice(w.start + w.text.length, next.start))) return;
      add(`${w.text} ${next.text}`, segment, w.start, w.text.length);
    });
  }
  const shownAt = (where: { segment: Segment; offset: number; length: number }): { file: string; point: Point | undefined } => ({ file: where.segment.file, point: where.segment.at(where.offset, where.length) });
  for (const seen of forms.values()) {
    if (seen.size < 2) continue;
    const [first, ...others] = [...seen];
    if (!first) continue;
    const firstAt = shownAt(first[1]);
    for (const [form, where] of others) {
      if (form.toLowerCase() === first[0].toLowerCase()) continue;
      const at = shownAt(where);
      report('term-variant', at.file, at.point, { written: form, other: first[0], where: firstAt.point ? `${firstAt.file}:${firstAt.point.line}:${firstAt.point.column}` : firstAt.file });
    }
  }
}

/** Terms and names written two ways (see checkVariants). */
export const termVariantRule: LanguageRule = {
  ids: ['term-variant'],
  family: 'language',
  run({ segments, vocabulary }, report) {
    checkVariants(segments, vocabulary, report);
  },
};
