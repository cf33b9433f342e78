import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CheckContext } from '../check/check-context.js';
import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import type { MessageId, ParamsOf } from '../messages/catalogue.js';
import { locate } from '../model/located.js';
import type { LanguageSettings } from '../model/report-model.js';
import type { ParsedYaml } from '../parse/yaml.js';
import { Speller, type Verdict } from './hunspell.js';
import { checkedDataTexts, segmentsOf } from './segments.js';
import { lix, sentencesOf, wordsOf } from './text.js';
import { LANGUAGE_RULES } from './rules/registry.js';
import { MACHINERY_FILES, type Analysed, type ChapterTotals, type LanguageInput, type Occurrence, type Phrase, type Vocabulary } from './rules/rule.js';
import { DEFAULT_WORD_LIST } from './word-lists.js';

/** A segment's text as the checks read it (addresses hidden), its words and its sentences: the same for the same text. */
export interface AnalysedText {
  text: string;
  words: Analysed['words'];
  sentences: Analysed['sentences'];
}

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

export { DEFAULT_WORD_LIST } from './word-lists.js';

/** Words never sent to the dictionary: units and abbreviations every report uses. */
const ALWAYS_KNOWN = new Set(['mnkr', 'mkr', 'tkr', 'mdkr', 'kr', 'dnr', 'bl', 'fr', 'o', 'm', 't', 'ex', 'fl', 'dvs', 'resp', 'ca', 'nr', 'kap', 'jfr', 'osv', 'etc', 'pga', 'inkl', 'exkl']);

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

/**
 * The language checks (klarspråk): spelling by Hunspell with the report's
 * own words known, plain-language words, common slips between two real
 * words, doubled words and units, long sentences, paragraphs without an
 * end, unclosed parentheses, terms and names written two ways, and LIX per
 * chapter. Every finding is a warning at the author's own line (an error
 * with `strict`).
 */
export async function checkLanguage(context: CheckContext, diagnostics: Diagnostics, options: { strict: boolean; speller?: Speller | undefined; analysed?: Map<string, AnalysedText> | undefined }): Promise<LanguageReport> {
  const model = context.model;
  const settings: LanguageSettings = (model?.rapport as { sprakkontroll?: LanguageSettings } | undefined)?.sprakkontroll ?? {};
  const strict = options.strict || settings.strikt === true;
  const report = <K extends MessageId>(id: K, file: string, point: Point | undefined, params: ParamsOf<K>): void => {
    if (strict) diagnostics.error(id, file, point, params);
    else diagnostics.warn(id, file, point, params);
  };

  // Each segment's words and sentences, found once for all the checks (and kept for the next check of the same text).
  const kept = options.analysed;
  const analysed = new Map<string, AnalysedText>();
  const segments: Analysed[] = segmentsOf(context).map((s) => {
    let found = analysed.get(s.text) ?? kept?.get(s.text);
    if (!found) {
      const text = withoutAddresses(s.text);
      found = { text, words: wordsOf(text), sentences: sentencesOf(text) };
    }
    analysed.set(s.text, found);
    return { ...s, ...found };
  });
  if (kept) {
    kept.clear();
    for (const [text, found] of analysed) kept.set(text, found);
  }
  const vocabulary: Vocabulary = { words: new Set(), lower: new Set(), phrases: [] };
  const checked = new Set(checkedDataTexts(context.data.files).map((t) => JSON.stringify([t.parsed.file.path, ...t.path])));
  for (const [name, parsed] of context.data.files) if (!MACHINERY_FILES.includes(name)) learnData(parsed, checked, vocabulary);
  await learnWordList(context.sources.root, settings.ordlista ?? DEFAULT_WORD_LIST, vocabulary);
  // The agency profile's word list counts too (its names and terms are the agency's in every report).
  if (context.sources.profile) await learnWordList(context.sources.root, context.sources.profile.wordList, vocabulary);

  const occurrences: Occurrence[] = segments.flatMap((segment) => segment.words.map((word) => ({ segment, word })));

  // Spelling: the words the report does not know itself go to Hunspell, in one batch.
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

  const totals = lixTotals(segments);
  const chapters = chapterLix(totals);
  const input: LanguageInput = { context, settings, segments, occurrences, vocabulary, checked, spelling, verdicts, chapters };
  for (const rule of LANGUAGE_RULES) rule.run(input, report);
  return { chapters: chapters.map(({ title, lix: value, words }) => ({ title, lix: value, words })), whole: wholeLix(totals), spelling };
}

/** The prose of each chapter, counted for LIX: words, sentences and long words. */
function lixTotals(segments: readonly Analysed[]): Map<string, { words: number; sentences: number; long: number; file: string }> {
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
  return totals;
}

/** LIX per chapter. */
function chapterLix(totals: ReturnType<typeof lixTotals>): ChapterTotals[] {
  return [...totals].map(([title, t]) => ({ title, lix: lix(t.words, t.sentences, t.long), words: t.words, file: t.file }));
}

/** LIX of the whole report; undefined without prose. */
function wholeLix(totals: ReturnType<typeof lixTotals>): number | undefined {
  const sum = [...totals.values()].reduce((a, t) => ({ words: a.words + t.words, sentences: a.sentences + t.sentences, long: a.long + t.long }), { words: 0, sentences: 0, long: 0 });
  return sum.words ? lix(sum.words, sum.sentences, sum.long) : undefined;
}
