import { CONFUSIONS } from '../word-lists.js';
import type { LanguageRule } from './rule.js';

/** Common slips between two real words, each where its context says so. */
export const wordConfusionRule: LanguageRule = {
  ids: ['word-confusion'],
  family: 'language',
  run({ segments }, report) {
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
    }
  },
};
