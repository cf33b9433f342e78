import type HandlebarsNs from 'handlebars';
import { HelperError, requireString, type HelperOptions } from '../../format/helpers/helper-error.js';
import { describeValue } from '../../messages/message.js';
import type { ReportModel } from '../../model/report-model.js';
import type { Placements } from '../placements.js';

/** A mention of an appendix, a table or a figure made through a helper (template line, 1-based column). */
export interface HelperMention {
  kind: 'bilaga' | 'tabell' | 'figur';
  number: number;
  line: number;
  column: number;
}

/** What the reference helpers use: the model, where tables are placed, and a place to record mentions. */
export interface ReferenceDeps {
  model: ReportModel;
  placements: Placements;
  hb: typeof HandlebarsNs;
  mentions: HelperMention[];
}

const mentionAt = (kind: HelperMention['kind'], number: number, options: HelperOptions): HelperMention => ({
  kind,
  number,
  line: options.loc?.start.line ?? 1,
  column: (options.loc?.start.column ?? 0) + 1,
});

/**
 * `{{bilaga "bedomningspanel"}}` → `bilaga 3`, linked to the appendix.
 * Every use is recorded as a mention of that appendix for the checks.
 */
export const bilagaHelper = ({ model, hb, mentions }: ReferenceDeps) => (key: unknown, options: HelperOptions) => {
  const k = requireString('bilaga', key, options);
  const index = model.bilagor.findIndex((b) => b.nyckel === k);
  if (index < 0) throw new HelperError('template-helper.appendix', { key: k, keys: model.bilagor.map((b) => b.nyckel) }, options.loc);
  mentions.push(mentionAt('bilaga', index + 1, options));
  return new hb.SafeString(`[bilaga ${index + 1}](#bilaga-${index + 1})`);
};

/**
 * `{{tabell "kostnader"}}` → `tabell 2`, linked to the table, and
 * `{{figur "medel"}}` → `figur 1`, linked to the figure: the number is
 * where it is placed among the report's tables or figures.
 */
const placedHelper = (kind: 'tabell' | 'figur') => ({ model, placements, hb, mentions }: ReferenceDeps) => (key: unknown, options: HelperOptions) => {
  const k = requireString(kind, key, options);
  const declared = kind === 'tabell' ? model.tables : model.figures;
  if (!declared.some((t) => t.key === k)) throw new HelperError('template-helper.table', { key: k, keys: declared.map((t) => t.key), kind }, options.loc);
  const placed = placements.get(k);
  if (!placed) throw new HelperError('template-helper.unplaced', { key: k, kind }, options.loc);
  mentions.push(mentionAt(kind, placed.number, options));
  return new hb.SafeString(`[${kind} ${placed.number}](#${kind}-${placed.number})`);
};

export const tabellHelper = placedHelper('tabell');
export const figurHelper = placedHelper('figur');

/**
 * `{{uppslag regioner region}}` → `Region Skåne`: finds the entry
 * of a list whose `id` is the value and gives its `namn`; a list of ids
 * gives a list (for `{{lista (uppslag regioner regionlista)}}`).
 * `nyckel="kod"` and `visa="titel"` choose other fields.
 */
export const uppslagHelper = () => (collection: unknown, value: unknown, options: HelperOptions) => {
  if (!Array.isArray(collection)) throw new HelperError('template-helper.collection', { got: describeValue(collection) }, options.loc);
  const key = typeof options.hash['nyckel'] === 'string' ? options.hash['nyckel'] : 'id';
  const show = typeof options.hash['visa'] === 'string' ? options.hash['visa'] : 'namn';
  const find = (v: unknown): unknown => {
    const entry = collection.find((e) => e && typeof e === 'object' && String((e as Record<string, unknown>)[key]) === String(v)) as Record<string, unknown> | undefined;
    if (!entry) throw new HelperError('template-helper.lookup', { value: String(v), collection: 'listan', key }, options.loc);
    return entry[show];
  };
  return Array.isArray(value) ? value.map(find) : find(value);
};
