import { AMOUNT_UNITS } from '../word-lists.js';
import type { LanguageRule } from './rule.js';

/** Doubled words (`att att`) and doubled units (`kronor kronor`). */
export const doubledWordRule: LanguageRule = {
  ids: ['doubled-word'],
  family: 'language',
  run({ segments }, report) {
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
  },
};
