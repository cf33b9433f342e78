import { LINKING_VERBS } from '../word-lists.js';
import type { LanguageRule } from './rule.js';

/** Adverb forms: how something is done takes the -t form (`arbeta mer strategiskt`). */
export const adverbFormRule: LanguageRule = {
  ids: ['adverb-form'],
  family: 'language',
  run({ segments }, report) {
    for (const segment of segments) {
      // "arbeta mer strategisk": how something is done takes the -t form.
      for (const m of segment.text.matchAll(/(?<![\p{L}])(\p{Ll}+a)\s+(mer|mindre|mest|mycket|så)\s+(\p{Ll}+isk)(?![\p{L}])/gu)) {
        if (LINKING_VERBS.has(m[1] as string)) continue;
        const at = m.index + m[0].length - (m[3] as string).length;
        report('adverb-form', segment.file, segment.at(at, (m[3] as string).length), { written: `${m[2]} ${m[3]}`, suggestion: `${m[2]} ${m[3]}t` });
      }
    }
  },
};
