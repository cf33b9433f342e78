import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { RuleDeclaration } from '../diagnostics/rule.js';
import type { Placements } from '../expand/placements.js';
import type { AttachedPdf } from '../figures/attached-pdfs.js';
import type { PreparedFigures } from '../figures/prepare.js';
import type { Sources } from '../load/source-file.js';
import type { AppendixText, ParsedChapter } from '../markdown/parse-markdown.js';
import type { ReportModel } from '../model/report-model.js';
import type { ParsedData } from '../parse/parse-data.js';

/** Everything a check rule may look at. Rules read; they never change it. */
export interface CheckContext {
  sources: Sources;
  data: ParsedData;
  /** Set only when the data is valid and the declared model could be computed. */
  model: ReportModel | undefined;
  chapters: ParsedChapter[];
  appendices: AppendixText[];
  /** Where each table and figure is placed, numbered in order of appearance. */
  placements: Placements;
  /** The HTML of each declared table drawn by the report's own partial (`mall`), by table key. */
  partialTables: ReadonlyMap<string, string>;
  /** The report's images and drawn charts (empty without a model). */
  figures: PreparedFigures;
  /** The appendix PDFs that could be opened, by appendix number, as they are published. */
  attachedPdfs: Map<number, AttachedPdf>;
  /**
   * False when a chapter could not be expanded (its template has errors):
   * rules that look for what is never mentioned then stay quiet rather than
   * report mentions they could not see.
   */
  complete: boolean;
}

/** A check rule: looks at the report and records diagnostics under its permanent id(s), whose messages live in its catalogue family. */
export interface CheckRule extends RuleDeclaration {
  run(context: CheckContext, diagnostics: Diagnostics): void;
}

/** The chapters and the appendix bodies: all the Markdown the author wrote. */
export function allTexts(context: CheckContext): ParsedChapter[] {
  return [...context.chapters, ...context.appendices.flatMap((a) => (a.body ? [a.body] : []))];
}
