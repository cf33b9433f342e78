import { editDistance } from '../../format/closest.js';
import { folded } from '../text.js';
import { DEFAULT_WORD_LIST } from '../word-lists.js';
import type { LanguageRule, Occurrence } from './rule.js';

/**
 * Spelling, by Hunspell with the report's own words known (its data and
 * its word list); suggestions start with the report's own names. A word
 * split by a hyphen that is also a word written together is named too.
 * Without Hunspell, one warning says spelling was not checked.
 */
export const spellingRule: LanguageRule = {
  ids: ['spelling', 'language-unavailable'],
  family: 'language',
  run({ occurrences, vocabulary, verdicts, spelling, settings }, report) {
    if (!spelling) report('language-unavailable', 'data/rapport.yaml', undefined, {});
    const known = (w: string): boolean => vocabulary.words.has(w) || vocabulary.lower.has(w.toLowerCase());
    const place = (o: Occurrence) => o.segment.at(o.word.start, o.word.text.length);
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
  },
};
