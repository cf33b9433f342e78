import type { LanguageRule } from './rule.js';

/** Unfinished paragraphs: a paragraph of more than three words that ends without a full stop (or `!`, `?`, `:`, `…`, `;`). */
export const sentenceEndRule: LanguageRule = {
  ids: ['sentence-end'],
  family: 'language',
  run({ segments }, report) {
    for (const segment of segments) {
      if (segment.kind !== 'prose') continue;
      const text = segment.text.trim();
      if (segment.listItem || segment.note || segment.words.length <= 3) continue;
      // A footnote reference left as text (its definition is missing, another rule's error) is not the paragraph's end.
      if (!/[.!?:…;]["”’)\]]*$/.test(text.replace(/\[\^[^\]]*\]$/, ''))) report('sentence-end', segment.file, segment.at(segment.text.trimEnd().length - 1, 1), { last: text.split(/\s+/).slice(-3).join(' ') });
    }
  },
};
