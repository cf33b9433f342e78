import Handlebars from 'handlebars';
import { FigureText, type FigureFacts } from '../format/figure-text.js';
import type { HelperOptions } from '../format/helpers/helper-error.js';
import type { ReportModel } from '../model/report-model.js';
import { chapterHelpers } from './helpers/registry.js';
import type { HelperMention } from './helpers/references.js';
import type { Placements } from './placements.js';

/** Marks where a table or figure goes in the expanded Markdown: `\uE010key\uE011` on its own line. */
export const PLACE_MARK = /^\uE010([a-z][a-z0-9-]*)\uE011$/;

/** The marker text a table's or figure's partial expands to. */
export function placeMarker(key: string): string {
  return `\uE010${key}\uE011\n`;
}

/** What expanding a chapter needs: a configured Handlebars instance and the context. */
export interface ExpandEnv {
  hb: typeof Handlebars;
  context: Record<string, unknown>;
  helperNames: readonly string[];
  partialNames: readonly string[];
  /** Filled by the `bilaga`, `tabell` and `figur` helpers during a render; drained per chapter. */
  mentions: HelperMention[];
  /** Filled by every helper that writes a figure, with the figure and where its call starts; drained per chapter. */
  figures: HelperFigure[];
}

/** A figure a helper wrote, at its call's place in the template (1-based line, 0-based column). */
export interface HelperFigure {
  line: number;
  column: number;
  facts: FigureFacts;
}

/**
 * A private, strict Handlebars instance for expanding chapters: the helpers,
 * one partial per declared table and figure (it leaves a marker the renderer
 * replaces with the table or figure), and the report's data as the context. Prototype access
 * stays off (the default).
 */
export function createExpandEnv(model: ReportModel, placements: Placements): ExpandEnv {
  const hb = Handlebars.create();
  const mentions: HelperMention[] = [];
  const figures: HelperFigure[] = [];
  const helpers = chapterHelpers({ model, placements, hb, mentions });
  for (const [name, helper] of Object.entries(helpers)) {
    hb.registerHelper(name, (...args: unknown[]) => {
      const result = helper(...args);
      const loc = (args[args.length - 1] as HelperOptions | undefined)?.loc;
      if (result instanceof FigureText && loc) figures.push({ line: loc.start.line, column: loc.start.column, facts: result.facts });
      return result;
    });
  }
  const keys = [...model.tables, ...model.figures].map((t) => t.key);
  for (const key of keys) hb.registerPartial(key, placeMarker(key));
  return { hb, context: model.scope, helperNames: Object.keys(helpers), partialNames: keys, mentions, figures };
}
