import type { CheckContext } from '../../check/check-context.js';
import type { Point } from '../../diagnostics/diagnostic.js';
import type { RuleDeclaration } from '../../diagnostics/rule.js';
import type { MessageId, ParamsOf } from '../../messages/catalogue.js';
import type { LanguageSettings } from '../../model/report-model.js';
import type { Verdict } from '../hunspell.js';
import type { Segment } from '../segments.js';
import type { Sentence, Word } from '../text.js';

/** A name or term of two words or more: its words as written. */
export type Phrase = { words: string[]; file: string; point: Point | undefined };

/** The report's own words: every word and name of its facts, and its word list. */
export interface Vocabulary {
  words: Set<string>;
  lower: Set<string>;
  phrases: Phrase[];
}

/** A segment with its words and sentences. */
export type Analysed = Segment & { words: (Word & { joined: boolean })[]; sentences: Sentence[] };

/** A word of a segment, with the segment. */
export interface Occurrence {
  segment: Analysed;
  word: Word & { joined: boolean };
}

/** LIX of one chapter, with the file it starts in. */
export interface ChapterTotals {
  title: string;
  lix: number;
  words: number;
  file: string;
}

/** What the language review found once for all its rules. */
export interface LanguageInput {
  context: CheckContext;
  settings: LanguageSettings;
  /** The text's segments (prose, list items, notes, the data texts the checks read), with their words and sentences. */
  segments: Analysed[];
  /** Every word of every segment. */
  occurrences: Occurrence[];
  vocabulary: Vocabulary;
  /** The data texts the checks read, as `JSON.stringify([file, ...path])`. */
  checked: Set<string>;
  /** False when Hunspell could not be run. */
  spelling: boolean;
  /** Hunspell's verdict on each word it was asked about. */
  verdicts: Map<string, Verdict>;
  /** LIX per chapter. */
  chapters: ChapterTotals[];
}

/** Records a finding: a warning, or an error with `--strict`. */
export type Report = <K extends MessageId>(id: K, file: string, point: Point | undefined, params: ParamsOf<K>) => void;

/** A language rule: looks at the analysed text and reports under its permanent id(s). */
export interface LanguageRule extends RuleDeclaration {
  family: 'language';
  run(input: LanguageInput, report: Report): void;
}

/** Data files whose texts are the report's machinery, not its prose. */
export const MACHINERY_FILES = ['tabeller', 'figurer', 'kontroller', 'berakning'];
