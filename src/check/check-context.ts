import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { Sources } from '../load/source-file.js';
import type { ReportModel } from '../model/compute.js';
import type { ParsedData } from '../parse/parse-data.js';
import type { ParsedChapter } from '../parse/parse-markdown.js';
import type { PlacedTable } from '../render/markdown-to-hast.js';
import type { AppendixView } from '../render/render-page.js';

/** Everything a check rule may look at. Rules read; they never change it. */
export interface CheckContext {
  sources: Sources;
  data: ParsedData;
  /** Set only when every data file is valid. */
  model: ReportModel | undefined;
  chapters: ParsedChapter[];
  appendices: AppendixView[];
  tables: PlacedTable[];
  /**
   * False when a chapter could not be expanded (its template has errors):
   * rules that look for what is never mentioned then stay quiet rather than
   * report mentions they could not see.
   */
  complete: boolean;
}

/** A check rule: looks at the report and records diagnostics under its permanent id(s). */
export interface CheckRule {
  /** The rule ids this rule may report. */
  ids: readonly string[];
  run(context: CheckContext, diagnostics: Diagnostics): void;
}
