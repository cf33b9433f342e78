/** The report's word list, in the report root, unless `sprakkontroll.ordlista` names another. */
export const DEFAULT_WORD_LIST = 'ordlista.txt';

/**
 * Words a plain-language guide (Språkrådet's, the Government Offices')
 * would have written otherwise, with the Swedish word to prefer. Only words
 * with a plain replacement that fits any report are listed; a report's own
 * terms stay the author's choice.
 */
export const PLAIN_WORDS: ReadonlyMap<string, string> = new Map([
  ['pressrelease', 'pressmeddelande'],
  ['deadline', 'sista dag'],
  ['workshop', 'arbetsmöte'],
  ['feedback', 'återkoppling'],
  ['mail', 'e-post'],
  ['kick-off', 'startmöte'],
  ['brainstorming', 'idémöte'],
  ['benchmarking', 'jämförelse'],
  ['stakeholder', 'intressent'],
  ['outsourca', 'lägga ut'],
]);

/** The endings a listed word may take and still be the same word (`pressreleasen`, `workshopar`). */
export const ENDINGS = ['', 'n', 'en', 'et', 'r', 'ar', 'er', 'rna', 'arna', 'erna', 's', 'ns', 'ens', 'ets', 'de', 'r'];

/**
 * Words that are words (so no dictionary flags them) but in a report are
 * nearly always a slip for another, in the context given: `when` is tested
 * on the sentence, `before` on the word that follows.
 */
export const CONFUSIONS: readonly { word: string; meant: string; when?: RegExp; before?: RegExp }[] = [
  // "… har 19,35 mkr satsats i projekten och 650 tkr avsats för …": the verb's supine, not the noun.
  { word: 'avsats', meant: 'avsatts', when: /\b(?:har|hade|ha|har\s+\S+)\b/i },
  { word: 'avsatt', meant: 'avsatts', when: /\bhar\s+\S+\s+\S+\s+avsatt\b/i },
  // "prioriterande område": a participle that prioritises, where prioritised was meant.
  { word: 'prioriterande', meant: 'prioriterade', before: /^\p{Ll}/u },
];

/** Verbs after which `mer X` describes a state (an adjective), not how something is done. */
export const LINKING_VERBS = new Set(['vara', 'bli', 'bliva', 'förbli', 'verka', 'förefalla', 'synas', 'te', 'kännas', 'låta', 'göra']);

/** Unit words of amounts: two in a row (`12,87 mkr kr`) is a slip. */
export const AMOUNT_UNITS = /(?<![\p{L}])(mdkr|mnkr|mkr|tkr|kr|kronor)\s+(kr|kronor|mnkr|mkr|tkr|mdkr)(?![\p{L}])/gu;
