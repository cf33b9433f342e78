import Handlebars from 'handlebars';
import type { ReportModel } from '../model/report-model.js';
import { chapterHelpers } from './helpers/registry.js';
import type { HelperMention } from './helpers/references.js';
import type { Placements } from './placements.js';

/** Marks where a table goes in the expanded Markdown: `\uE010key\uE011` on its own line. */
export const TABLE_MARK = /^\uE010([a-z][a-z0-9-]*)\uE011$/;

/** The marker text a table partial expands to. */
export function tableMarker(key: string): string {
  return `\uE010${key}\uE011\n`;
}

/** What expanding a chapter needs: a configured Handlebars instance and the context. */
export interface ExpandEnv {
  hb: typeof Handlebars;
  context: Record<string, unknown>;
  helperNames: readonly string[];
  partialNames: readonly string[];
  /** Filled by the `bilaga` and `tabell` helpers during a render; drained per chapter. */
  mentions: HelperMention[];
}

/**
 * A private, strict Handlebars instance for expanding chapters: the helpers,
 * one partial per declared table (it leaves a marker the renderer replaces
 * with the table), and the report's data as the context. Prototype access
 * stays off (the default).
 */
export function createExpandEnv(model: ReportModel, placements: Placements): ExpandEnv {
  const hb = Handlebars.create();
  const mentions: HelperMention[] = [];
  const helpers = chapterHelpers({ model, placements, hb, mentions });
  for (const [name, helper] of Object.entries(helpers)) hb.registerHelper(name, helper);
  for (const table of model.tables) hb.registerPartial(table.key, tableMarker(table.key));
  return { hb, context: model.scope, helperNames: Object.keys(helpers), partialNames: model.tables.map((t) => t.key), mentions };
}

/** Parses a template with Handlebars' parser (no instance needed). */
export const parseHandlebars = (text: string): hbs.AST.Program => Handlebars.parse(text);
