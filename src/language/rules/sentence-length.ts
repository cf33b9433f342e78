import type { LanguageRule } from './rule.js';

/** Long sentences: more words than the report's limit (`sprakkontroll.meningslangd`, default 35). */
export const sentenceLengthRule: LanguageRule = {
  ids: ['sentence-length'],
  family: 'language',
  run({ segments, settings }, report) {
    const limit = settings.meningslangd ?? 35;
    for (const segment of segments) {
      if (segment.kind !== 'prose') continue;
      for (const sentence of segment.sentences) {
        if (sentence.words.length > limit) report('sentence-length', segment.file, segment.at(sentence.start, 1), { words: sentence.words.length, limit });
      }
    }
  },
};
