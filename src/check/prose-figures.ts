import type { Diagnostics, Point } from '../diagnostics/diagnostic.js';
import type { WrittenSpan } from '../expand/expand-chapter.js';
import type { FigureFacts } from '../format/figure-text.js';
import type { MessageId, ParamsOf } from '../messages/catalogue.js';
import { allTexts, type CheckContext } from './check-context.js';

/**
 * What is shared by the checks of figures in the prose (amounts, shares,
 * counts, dates, hedge words): the texts to read, where a helper wrote a
 * figure, the report's figures by kind, and the per-report switch that makes
 * a check's findings warnings while a draft is young.
 */

/** The checks `sifferkontroll` in rapport.yaml can turn to warnings. */
export type FigureCheck = 'belopp' | 'andelar' | 'antal' | 'datum' | 'ordval';

/** `sifferkontroll` in rapport.yaml: each check's findings as errors (`fel`, the default) or warnings. */
export type FigureSettings = Partial<Record<FigureCheck, 'fel' | 'varning'>>;

/** Records a finding of a figure check as an error, or as a warning when the report asks for that. */
export function reportFigure<K extends MessageId>(context: CheckContext, diagnostics: Diagnostics, check: FigureCheck, id: K, file: string, point: Point | undefined, params: ParamsOf<K>): void {
  const settings = (context.model?.rapport as { sifferkontroll?: FigureSettings } | undefined)?.sifferkontroll;
  if (settings?.[check] === 'varning') diagnostics.warn(id, file, point, params);
  else diagnostics.error(id, file, point, params);
}

/** One text of the report as the reader gets it (helpers expanded), with a way back to the author's file. */
export interface ProseText {
  file: string;
  markdown: string;
  written: WrittenSpan[];
  toSource(offset: number): Point;
  /** The template expression the author wrote where a written span starts, without its braces (`procent berakning.andel`). */
  expressionAt(offset: number): string;
}

/** The chapters and appendix texts, expanded. */
export function proseTexts(context: CheckContext): ProseText[] {
  return allTexts(context).map(({ expanded: e }) => ({
    file: e.file.path,
    markdown: e.markdown,
    written: e.written,
    toSource: e.toSource,
    expressionAt(offset: number): string {
      const point = e.toSource(offset);
      const start = e.index.offset(point.line, point.column);
      const end = e.file.text.indexOf('}}', start);
      return e.file.text.slice(start, end < 0 ? undefined : end).replace(/^\{\{~?\s*/, '').replace(/\s*~?$/, '');
    },
  }));
}

/**
 * Who wrote the stretch `start`–`end` of a text: the author (`literal`), a
 * helper that wrote a figure (`figure`), or a template statement that wrote
 * other text, a block's body for example (`written`: left alone, since
 * the words are not where the author typed them).
 */
export function writer(text: ProseText, start: number, end: number): { kind: 'literal' } | { kind: 'figure'; span: WrittenSpan & { figure: FigureFacts } } | { kind: 'written' } {
  for (const span of text.written) {
    if (span.end <= start || span.start >= end) continue;
    if (span.figure) return { kind: 'figure', span: span as WrittenSpan & { figure: FigureFacts } };
    return { kind: 'written' };
  }
  return { kind: 'literal' };
}

/** A value of the report's data or computed values, by its path (`ansokan.beviljade`). */
export interface Known<T> {
  path: string;
  value: T;
}

/** Every scalar of the report's data and computed values, by path (the letterhead and declarations aside). */
export function scalars(context: CheckContext): Known<unknown>[] {
  const out: Known<unknown>[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    else out.push({ path, value });
  };
  for (const [key, value] of Object.entries(context.model?.scope ?? {})) if (key !== 'rapport') walk(value, key);
  return out;
}

/** The lists of the data by key: arrays, and mappings whose every value is an entry (`moten.<id>`). */
export function lists(context: CheckContext): Known<number>[] {
  const out: Known<number>[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      out.push({ path, value: value.length });
      value.forEach((v, i) => walk(v, `${path}.[${i}]`));
    } else if (value && typeof value === 'object') {
      const entries = Object.values(value);
      if (path && entries.length > 0 && entries.every((v) => v && typeof v === 'object' && !Array.isArray(v))) out.push({ path, value: entries.length });
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  for (const [key, value] of Object.entries(context.model?.scope ?? {})) if (key !== 'rapport') walk(value, key);
  return out;
}

/** The last key of a path that is a name (`regioner.[3]` → `regioner`, `ansokan.tidslinje.beslut` → `beslut`). */
export function lastName(path: string): string {
  return path.split('.').filter((p) => !p.startsWith('[')).pop() ?? path;
}

/** Lower case with å, ä, ö and é folded, as data keys are written (`möten` → `moten`). */
export function fold(word: string): string {
  return word.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e');
}

const DEFINITE = ['arna', 'erna', 'orna', 'na', 'en', 'et', 'n', 't'];
const PLURAL = ['er', 'ar', 'or', 'en', 'n'];

/** The forms a prose noun may have as a key: itself and without a definite ending (`regionerna` → `regioner`). */
function nounForms(noun: string): string[] {
  const n = fold(noun);
  return [n, ...DEFINITE.filter((e) => n.endsWith(e) && n.length - e.length >= 4).map((e) => n.slice(0, -e.length))];
}

/** The forms a key may have in prose: itself and its singular stem (`regioner` → `region`). */
function keyForms(key: string): string[] {
  const k = fold(key);
  return [k, ...PLURAL.filter((e) => k.endsWith(e) && k.length - e.length >= 4).map((e) => k.slice(0, -e.length))];
}

/**
 * Whether a noun of the prose names a key: the same word in singular or
 * plural, definite or not, or a compound ending in it (`samverkansregioner`
 * names `regioner`, `startmötet` names `moten`).
 */
export function nounNames(noun: string, key: string): boolean {
  return formsName(nounForms(noun), keyForms(key));
}

function formsName(nouns: readonly string[], keys: readonly string[]): boolean {
  return nouns.some((n) => keys.some((k) => n === k || (k.length >= 5 && n.endsWith(k))));
}

/** {@link nounNames} with the forms of every word and key worked out once: for a check that asks many times. */
export function nounNamer(): (noun: string, key: string) => boolean {
  const nouns = new Map<string, string[]>();
  const keys = new Map<string, string[]>();
  const answers = new Map<string, boolean>();
  return (noun, key) => {
    const pair = `${noun}\u0000${key}`;
    let answer = answers.get(pair);
    if (answer === undefined) {
      let n = nouns.get(noun);
      if (!n) nouns.set(noun, (n = nounForms(noun)));
      let k = keys.get(key);
      if (!k) keys.set(key, (k = keyForms(key)));
      answer = formsName(n, k);
      answers.set(pair, answer);
    }
    return answer;
  };
}

/** Whether a key is a compound that ends in or contains the noun (`beviljadeRegioner` holds `regioner`). */
export function keyHolds(key: string, noun: string): boolean {
  const k = fold(key);
  return nounForms(noun).some((n) => n.length >= 5 && k.includes(n));
}

/** The sentence around an offset: from the last full stop, question mark or blank line before it to the next. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.search(/(?:[.!?](?=\s)|\n\s*\n|\n#)[^.!?\n]*$/), 0);
  const after = text.slice(end).search(/[.!?](?=\s|$)|\n\s*\n/);
  return text.slice(from, after < 0 ? undefined : end + after);
}
