import Handlebars from 'handlebars';
import { templateContext, type ReportModel } from '../model/compute.js';
import type { ExpandEnv } from '../parse/expand-chapter.js';
import { HELPERS, type HelperMention } from './helpers/registry.js';
import { TABLES, tableMarker } from './tables/registry.js';

/**
 * A private, strict Handlebars instance for expanding chapters: the report's
 * helpers, table partials (which leave a marker the renderer replaces with the
 * table), and the data context. Prototype access stays off (the default).
 */
export function createChapterEnv(model: ReportModel): ExpandEnv {
  const hb = Handlebars.create();
  const mentions: HelperMention[] = [];
  for (const [name, factory] of Object.entries(HELPERS)) hb.registerHelper(name, factory({ model, hb, mentions }));
  for (const table of TABLES) hb.registerPartial(table.name, tableMarker(table.name));
  return {
    hb,
    context: templateContext(model),
    helperNames: Object.keys(HELPERS),
    partialNames: TABLES.map((t) => t.name),
    mentions,
  };
}
