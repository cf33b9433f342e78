import { ENDINGS, PLAIN_WORDS } from '../word-lists.js';
import type { LanguageRule, Occurrence } from './rule.js';

/** Plain-language words (klarspråk): a word with a plainer one in common use, in any of its endings. */
export const plainLanguageRule: LanguageRule = {
  ids: ['plain-language'],
  family: 'language',
  run({ occurrences }, report) {
    const place = (o: Occurrence) => o.segment.at(o.word.start, o.word.text.length);
    const plainStarts = new Set([...PLAIN_WORDS.keys()].map((w) => w.slice(0, 4)));
    for (const o of occurrences) {
      const lower = o.word.text.toLowerCase();
      if (!plainStarts.has(lower.slice(0, 4))) continue;
      for (const [word, better] of PLAIN_WORDS) {
        if (lower.startsWith(word) && ENDINGS.includes(lower.slice(word.length))) report('plain-language', o.segment.file, place(o), { word: o.word.text, better });
      }
    }
  },
};
