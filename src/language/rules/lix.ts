import { lixBand } from '../text.js';
import type { LanguageRule } from './rule.js';

/** LIX per chapter: a chapter above the report's limit (`sprakkontroll.lix`, default 50, "svår") gets a warning at its first line. */
export const lixRule: LanguageRule = {
  ids: ['lix'],
  family: 'language',
  run({ chapters, context, settings }, report) {
    const limit = settings.lix ?? 50;
    for (const c of chapters) {
      if (c.lix > limit) report('lix', c.file, context.chapters.find((ch) => ch.expanded.file.path === c.file)?.tree.children[0]?.position?.start, { chapter: c.title, lix: c.lix, limit, band: lixBand(c.lix) });
    }
  },
};
