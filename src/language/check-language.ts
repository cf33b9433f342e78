import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckContext } from '../check/check-context.js';
import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import { editDistance } from '../format/closest.js';
import type { MessageId, ParamsOf } from '../messages/catalogue.js';
import { locate } from '../model/located.js';
import type { LanguageSettings } from '../model/report-model.js';
import type { ParsedYaml } from '../parse/yaml.js';
import { Speller, type Verdict } from './hunspell.js';
import { checkedDataTexts, segmentsOf, type Segment } from './segments.js';
import { folded, lix, lixBand, sentencesOf, wordsOf, type Sentence, type Word } from './text.js';
import { AMOUNT_UNITS, CONFUSIONS, ENDINGS, LINKING_VERBS, PLAIN_WORDS } from './word-lists.js';

/** LIX of one chapter. */
export interface ChapterLix {
  title: string;
  lix: number;
  words: number;
}

/** What the language checks tell the author besides their warnings: readability per chapter and for the report. */
export interface LanguageReport {
  chapters: ChapterLix[];
  whole: number | undefined;
  /** False when Hunspell could not be run (spelling was not checked). */
  spelling: boolean;
}

export const DEFAULT_WORD_LIST = 'ordlista.txt';

/** Words never sent to the dictionary: units and abbreviations every report uses. */
const ALWAYS_KNOWN = new Set(['mnkr', 'mkr', 'tkr', 'mdkr', 'kr', 'dnr', 'bl', 'fr', 'o', 'm', 't', 'ex', 'fl', 'dvs', 'resp', 'ca', 'nr', 'kap', 'jfr', 'osv', 'etc', 'pga', 'inkl', 'exkl']);

/** A name or term of two words or more: its words as written. */
type Phrase = { words: string[]; file: string; point: Point | undefined };

/** The report's own words: every word and name of its facts, and its word list. */
interface Vocabulary {
  words: Set<string>;
  lower: Set<string>;
  phrases: Phrase[];
}

/** Adds every string of a data file to the vocabulary, except the texts the checks read. */
function learnData(parsed: ParsedYaml, skip: Set<string>, vocabulary: Vocabulary): void {
  const walk = (value: unknown, at: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (skip.has(JSON.stringify([parsed.file.path, ...at]))) return;
      for (const w of wordsOf(value)) {
        vocabulary.words.add(w.text);
        vocabulary.lower.add(w.text.toLowerCase());
        for (const part of w.text.split('-')) vocabulary.lower.add(part.toLowerCase());
      }
      const words = value.trim().split(/\s+/);
      if (words.length >= 2 && words.length <= 8 && /^\p{Lu}/u.test(value.trim()) && !/[.!?]$/.test(value.trim())) {
        const where = locate(parsed, at);
        vocabulary.phrases.push({ words, file: where.file, point: where.point });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(parsed.value, []);
}

/** Reads the word list: one word or name a line, `#` starts a comment. */
async function learnWordList(root: string, file: string, vocabulary: Vocabulary): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch {
    return false;
  }
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    for (const w of wordsOf(line)) {
      vocabulary.words.add(w.text);
      vocabulary.lower.add(w.text.toLowerCase());
    }
    const words = line.split(/\s+/);
    if (words.length >= 2) vocabulary.phrases.push({ words, file, point: { line: i + 1, column: 1 } });
  });
  return true;
}

/** True for a word the dictionary is not asked about: acronyms, names with inner capitals, single letters. */
function skipped(word: string): boolean {
  if (word.length < 2) return true;
  if (/^\p{Lu}[\p{Lu}\d-]+$/u.test(word)) return true; // KTH, SOU, IT-avdelning's IT is split below
  if (/\p{Ll}\p{Lu}/u.test(word) || /^\p{Lu}{2}/u.test(word)) return true; // EU-stöd's EU, iPhone, IT-stöd
  return ALWAYS_KNOWN.has(word.toLowerCase());
}

/** Hides addresses and e-mail addresses (their letters are not words) without moving the rest. */
function withoutAddresses(text: string): string {
  return text.replace(/\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+/g, (m) => ' '.repeat(m.length));
}

/** A segment with its words and sentences. */
type Analysed = Segment & { words: (Word & { joined: boolean })[]; sentences: Sentence[] };

/** A word of a segment, with the segment. */
interface Occurrence {
  segment: Analysed;
  word: Word & { joined: boolean };
}

/**
 * The language checks (klarspråk): spelling by Hunspell with the report's
 * own words known, plain-language words, common slips between two real
 * words, doubled words and units, long sentences, paragraphs without an
 * end, unclosed parentheses, terms and names written two ways, and LIX per
 * chapter. Every finding is a warning at the author's own line (an error
 * with `strict`).
 */
export async function checkLanguage(context: CheckContext, diagnostics: Diagnostics, options: { strict: boolean; speller?: Speller | undefined }): Promise<LanguageReport> {
  const model = context.model;
  const settings: LanguageSettings = (model?.rapport as { sprakkontroll?: LanguageSettings } | undefined)?.sprakkontroll ?? {};
  const strict = options.strict || settings.strikt === true;
  const report = <K extends MessageId>(id: K, file: string, point: Point | undefined, params: ParamsOf<K>): void => {
    if (strict) diagnostics.error(id, file, point, params);
    else diagnostics.warn(id, file, point, params);
  };

  // Each segment's words and sentences, found once for all the checks.
  const segments: Analysed[] = segmentsOf(context).map((s) => {
    const text = withoutAddresses(s.text);
    return { ...s, text, words: wordsOf(text), sentences: sentencesOf(text) };
  });
  const vocabulary: Vocabulary = { words: new Set(), lower: new Set(), phrases: [] };
  const checked = new Set(checkedDataTexts(context.data.files).map((t) => JSON.stringify([t.parsed.file.path, ...t.path])));
  for (const [name, parsed] of context.data.files) if (!['tabeller', 'figurer', 'kontroller', 'berakning'].includes(name)) learnData(parsed, checked, vocabulary);
  await learnWordList(context.sources.root, settings.ordlista ?? DEFAULT_WORD_LIST, vocabulary);

  const occurrences: Occurrence[] = segments.flatMap((segment) => segment.words.map((word) => ({ segment, word })));
  const place = (o: Occurrence): Point | undefined => o.segment.at(o.word.start, o.word.text.length);

  // Spelling.
  const speller = options.speller ?? (Speller.available() ? new Speller() : undefined);
  let spelling = speller !== undefined;
  const known = (w: string): boolean => vocabulary.words.has(w) || vocabulary.lower.has(w.toLowerCase());
  const toAsk = new Set<string>();
  for (const { word } of occurrences) {
    if (word.joined || skipped(word.text) || known(word.text)) continue;
    toAsk.add(word.text);
    // A hyphen between two lowercase words may be left from a line break: ask about the word written together too.
    if (/^\p{Ll}+-\p{Ll}+$/u.test(word.text)) toAsk.add(word.text.replace('-', ''));
  }
  let verdicts = new Map<string, Verdict>();
  if (speller && toAsk.size) {
    try {
      verdicts = await speller.check(toAsk);
      await speller.finish({ keep: options.speller !== undefined });
    } catch {
      spelling = false;
    }
  }
  if (!spelling) report('language-unavailable', 'data/rapport.yaml', undefined, {});
  const vocabularyList = [...vocabulary.words];
  for (const o of occurrences) {
    const verdict = verdicts.get(o.word.text);
    if (!verdict) continue;
    if (verdict.ok) {
      const joined = o.word.text.replace('-', '');
      if (joined !== o.word.text && (verdicts.get(joined)?.ok || known(joined))) report('spelling.hyphen', o.segment.file, place(o), { word: o.word.text, joined });
      continue;
    }
    // The report's own words first: a name from the data written almost the same is the likeliest meaning.
    const near = vocabularyList.filter((k) => Math.abs(k.length - o.word.text.length) <= 3 && editDistance(folded(k), folded(o.word.text)) <= 2).slice(0, 1);
    const suggestions = [...new Set([...near, ...verdict.suggestions])].slice(0, 3);
    report('spelling', o.segment.file, place(o), { word: o.word.text, suggestions, wordList: settings.ordlista ?? DEFAULT_WORD_LIST });
  }

  // Plain-language words and common slips between two real words.
  const plainStarts = new Set([...PLAIN_WORDS.keys()].map((w) => w.slice(0, 4)));
  for (const o of occurrences) {
    const lower = o.word.text.toLowerCase();
    if (!plainStarts.has(lower.slice(0, 4))) continue;
    for (const [word, better] of PLAIN_WORDS) {
      if (lower.startsWith(word) && ENDINGS.includes(lower.slice(word.length))) report('plain-language', o.segment.file, place(o), { word: o.word.text, better });
    }
  }
  for (const segment of segments) {
    for (const sentence of segment.sentences) {
      const text = segment.text.slice(sentence.start, sentence.end);
      sentence.words.forEach((w, i) => {
        const confusion = CONFUSIONS.find((c) => c.word === w.text.toLowerCase());
        if (!confusion) return;
        const next = sentence.words[i + 1]?.text ?? '';
        if ((confusion.when && !confusion.when.test(text)) || (confusion.before && !confusion.before.test(next))) return;
        report('word-confusion', segment.file, segment.at(w.start, w.text.length), { word: w.text, meant: confusion.meant });
      });
    }
    // "arbeta mer strategisk": how something is done takes the -t form.
    for (const m of segment.text.matchAll(/(?<![\p{L}])(\p{Ll}+a)\s+(mer|mindre|mest|mycket|så)\s+(\p{Ll}+isk)(?![\p{L}])/gu)) {
      if (LINKING_VERBS.has(m[1] as string)) continue;
      const at = m.index + m[0].length - (m[3] as string).length;
      report('adverb-form', segment.file, segment.at(at, (m[3] as string).length), { written: `${m[2]} ${m[3]}`, suggestion: `${m[2]} ${m[3]}t` });
    }
  }

  // Doubled words and units.
  for (const segment of segments) {
    const words = segment.words;
    words.forEach((w, i) => {
      const previous = words[i - 1];
      if (!previous || previous.text.toLowerCase() !== w.text.toLowerCase() || w.text.toLowerCase() === 'det') return;
      if (!/^\s+$/.test(segment.text.slice(previous.start + previous.text.length, w.start))) return;
      report('doubled-word', segment.file, segment.at(w.start, w.text.length), { words: `${previous.text} ${w.text}` });
    });
    for (const m of segment.text.matchAll(AMOUNT_UNITS)) report('doubled-word.unit', segment.file, segment.at(m.index, m[0].length), { words: m[0].replace(/\s+/g, ' ') });
  }

  // Sentences: length, and paragraphs that end without one.
  const limit = settings.meningslangd ?? 35;
  for (const segment of segments) {
    if (segment.kind !== 'prose') continue;
    for (const sentence of segment.sentences) {
      if (sentence.words.length > limit) report('sentence-length', segment.file, segment.at(sentence.start, 1), { words: sentence.words.length, limit });
    }
    const text = segment.text.trim();
    if (segment.listItem || segment.note || segment.words.length <= 3) continue;
    // A footnote reference left as text (its definition is missing, another rule's error) is not the paragraph's end.
    if (!/[.!?:…;]["”’)\]]*$/.test(text.replace(/\[\^[^\]]*\]$/, ''))) report('sentence-end', segment.file, segment.at(segment.text.trimEnd().length - 1, 1), { last: text.split(/\s+/).slice(-3).join(' ') });
  }

  // Parentheses opened and never closed, in the text and in the data the report shows.
  const unclosed = (text: string): number | undefined => {
    let depth = 0;
    let open: number | undefined;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '(') {
        if (depth === 0) open = i;
        depth++;
      } else if (text[i] === ')' && depth > 0) depth--;
    }
    return depth > 0 ? open : undefined;
  };
  for (const segment of segments) {
    const at = unclosed(segment.text);
    if (at !== undefined) report('bracket-unclosed', segment.file, segment.at(at, 1), { text: segment.text.slice(at, at + 30).trim() });
  }
  for (const [name, parsed] of context.data.files) {
    if (['tabeller', 'figurer', 'kontroller', 'berakning'].includes(name)) continue;
    const walk = (value: unknown, at: (string | number)[]): void => {
      if (typeof value === 'string') {
        const open = unclosed(value);
        if (open !== undefined && !checked.has(JSON.stringify([parsed.file.path, ...at]))) {
          const where = locate(parsed, at, value);
          report('bracket-unclosed', where.file, where.at(open), { text: value.slice(open, open + 30).trim() });
        }
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
    };
    walk(parsed.value, []);
  }

  checkVariants(segments, vocabulary, report);
  return { ...readability(segments, settings.lix ?? 50, context, report), spelling };
}

type Report = <K extends MessageId>(id: K, file: string, point: Point | undefined, params: ParamsOf<K>) => void;

/** The same key for a word however it is hyphenated, spaced or capitalised. */
const variantKey = (text: string): string => folded(text).replace(/[-\s]/g, '');

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
  const firstKey = (w: string): string => folded(stripGenitive(w));
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
    const key = variantKey(form);
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
      if (!next || w.text.length < 2 || next.text.length < 2 || !forms.has(variantKey(w.text + next.text))) return;
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

/** LIX per chapter and for the whole report, with a warning for a chapter above the limit. */
function readability(segments: readonly Analysed[], limit: number, context: CheckContext, report: Report): { chapters: ChapterLix[]; whole: number | undefined } {
  const totals = new Map<string, { words: number; sentences: number; long: number; file: string }>();
  for (const segment of segments) {
    if (segment.kind !== 'prose' || segment.chapter === undefined || segment.note) continue;
    const t = totals.get(segment.chapter) ?? { words: 0, sentences: 0, long: 0, file: segment.file };
    for (const sentence of segment.sentences) {
      t.sentences++;
      t.words += sentence.words.length;
      t.long += sentence.words.filter((w) => /^\p{L}/u.test(w.text) && [...w.text.replace(/[^\p{L}]/gu, '')].length > 6).length;
    }
    totals.set(segment.chapter, t);
  }
  const chapters = [...totals].map(([title, t]) => ({ title, lix: lix(t.words, t.sentences, t.long), words: t.words, file: t.file }));
  for (const c of chapters) {
    if (c.lix > limit) report('lix', c.file, context.chapters.find((ch) => ch.expanded.file.path === c.file)?.tree.children[0]?.position?.start, { chapter: c.title, lix: c.lix, limit, band: lixBand(c.lix) });
  }
  const sum = [...totals.values()].reduce((a, t) => ({ words: a.words + t.words, sentences: a.sentences + t.sentences, long: a.long + t.long }), { words: 0, sentences: 0, long: 0 });
  return { chapters: chapters.map(({ title, lix: value, words }) => ({ title, lix: value, words })), whole: sum.words ? lix(sum.words, sum.sentences, sum.long) : undefined };
}
