/** A word of a text: as written, and where it starts in the text. */
export interface Word {
  text: string;
  start: number;
}

/**
 * Words: letters, with hyphens or apostrophes inside (`e-post`, `IT-stöd`).
 * A word cut off by a hyphen (`fort-` in *fort- och vidareutbildning*, or
 * `talet` in *1990-talet*) is kept, marked by `joined`, so the checks can
 * leave it be.
 */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;

/** The words of a text, each with its place, and whether a hyphen or a digit joins it to its neighbour. */
export function wordsOf(text: string): (Word & { joined: boolean })[] {
  const words: (Word & { joined: boolean })[] = [];
  for (const match of text.matchAll(WORD)) {
    const before = text[match.index - 1] ?? '';
    const after = text[match.index + match[0].length] ?? '';
    words.push({ text: match[0], start: match.index, joined: /[-\d]/.test(before) || /[-\d]/.test(after) });
  }
  return words;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['bl.a', 't.ex', 'dvs', 'd.v.s', 'm.fl', 'm.m', 's.k', 'ca', 'resp', 'nr', 'kap', 'jfr', 'f.d', 'o.s.v', 'osv', 'etc', 'p.g.a', 'pga', 'fr.o.m', 't.o.m', 'enl', 'tel', 'st', 'kl', 'mnkr', 'mkr', 'tkr', 'kr', 'milj', 'dr', 'prof', 'doc', 'inkl', 'exkl', 'ev', 'fig', 'tab', 'bil', 'prop', 'dir', 'bet', 'skr', 'jfr']);

/** A sentence of a text: where it starts and ends, and its words. */
export interface Sentence {
  start: number;
  end: number;
  words: Word[];
}

/**
 * A number before a full stop is an ordinal when it opens the text or a
 * sentence, or follows a colon: the `1.` of a list written in a paragraph
 * (`tre steg: 1. Kartlägga …`) or of a numbered heading (`2.1. Bakgrund`).
 * Anywhere else (`i maj 2023. Utvärderingen …`) it ends its sentence.
 */
function ordinal(text: string, numberEnd: number): boolean {
  const preceding = text.slice(0, numberEnd).replace(/(?:\d+\.)*\d+$/, '');
  return preceding.trim() === '' || /[.:;!?…]["”’)]*\s+$/u.test(preceding);
}

/**
 * Splits a text into sentences: at a full stop, question or exclamation
 * mark (with any closing quote or parenthesis) followed by a space and a
 * capital letter, a digit or a quote, but not after an abbreviation
 * (`bl.a.`, `t.ex.`), an initial (`A. Svensson`) or an ordinal (`1.`).
 * A year or other number before the full stop ends the sentence.
 */
export function sentencesOf(text: string): Sentence[] {
  const ends: number[] = [];
  const boundary = /[.!?…]+["”’)]*(?=\s+["”(–-]?[\p{Lu}\d])/gu;
  for (const match of text.matchAll(boundary)) {
    const before = /([\p{L}.]+|\d+)$/u.exec(text.slice(Math.max(0, match.index - 12), match.index))?.[1] ?? '';
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before) || (/^\d+$/.test(before) && ordinal(text, match.index)))) continue;
    ends.push(match.index + match[0].length);
  }
  ends.push(text.length);
  const sentences: Sentence[] = [];
  let start = 0;
  for (const end of ends) {
    const words = wordsOf(text.slice(start, end)).map((w) => ({ text: w.text, start: w.start + start }));
    // Numbers are words too, for the length of a sentence and for LIX.
    const numbers = [...text.slice(start, end).matchAll(/\d[\d\s\u00a0.,]*\d|\d/g)].map((m) => ({ text: m[0], start: m.index + start }));
    if (words.length || numbers.length) sentences.push({ start: start + (text.slice(start, end).length - text.slice(start, end).trimStart().length), end, words: [...words, ...numbers].sort((a, b) => a.start - b.start) });
    start = end;
  }
  return sentences;
}

/** LIX, läsbarhetsindex: words per sentence plus the share of long words (more than six letters) in per cent. */
export function lix(words: number, sentences: number, longWords: number): number {
  if (words === 0 || sentences === 0) return 0;
  return Math.round(words / sentences + (100 * longWords) / words);
}

/** What a LIX value means, as Swedish readability guides band it. */
export function lixBand(value: number): { sv: string; en: string } {
  if (value < 30) return { sv: 'mycket lättläst', en: 'very easy' };
  if (value < 40) return { sv: 'lättläst', en: 'easy' };
  if (value < 50) return { sv: 'medelsvår', en: 'medium' };
  if (value < 60) return { sv: 'svår', en: 'difficult' };
  return { sv: 'mycket svår', en: 'very difficult' };
}

/** Accented letters other than the Swedish alphabet's own å, ä and ö, as their base letter. */
const ACCENTS: Record<string, string> = { é: 'e', è: 'e', ê: 'e', ë: 'e', á: 'a', à: 'a', â: 'a', í: 'i', ì: 'i', î: 'i', ï: 'i', ó: 'o', ò: 'o', ô: 'o', ú: 'u', ù: 'u', û: 'u', ü: 'u', ç: 'c', ñ: 'n' };

/** A word without case and without accents (but with å, ä and ö, letters of their own), for comparing names written two ways. */
export function folded(word: string): string {
  return word.toLowerCase().replace(/[éèêëáàâíìîïóòôúùûüçñ]/g, (c) => ACCENTS[c] ?? c);
}
