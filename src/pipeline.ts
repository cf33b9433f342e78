import { stringify } from 'csv-stringify/sync';
import path from 'node:path';
import { CHECK_RULES } from './check/registry.js';
import type { CheckContext } from './check/check-context.js';
import { Diagnostics } from './diagnostics/diagnostic.js';
import { loadReport } from './load/load-report.js';
import { FONT_DIR, FONT_FACES } from './render/fonts.js';
import { buildModel, type ReportModel } from './model/compute.js';
import { expandChapter } from './parse/expand-chapter.js';
import { parseData } from './parse/parse-data.js';
import { withinMarkdownLimits } from './parse/markdown-limits.js';
import { parseMarkdown, type ParsedChapter } from './parse/parse-markdown.js';
import { createChapterEnv } from './render/handlebars-env.js';
import { placeTables } from './render/markdown-to-hast.js';
import { renderPage, type AppendixView, type RenderedPage } from './render/render-page.js';
import { TABLES } from './render/tables/registry.js';
import type { OutputCopy, OutputFile } from './write/write-output.js';

/** The checked report: every diagnostic, and the model when the data is valid. */
export interface CheckedReport {
  diagnostics: Diagnostics;
  context: CheckContext;
}

/**
 * Runs load → parse → check on a report root. Never writes, never starts a
 * browser. Every problem is collected; nothing an author can cause throws.
 */
export async function checkReport(root: string): Promise<CheckedReport> {
  const diagnostics = new Diagnostics();
  const sources = await loadReport(root, diagnostics);
  const data = parseData(sources, diagnostics);
  const model = data.data ? buildModel(data.data) : undefined;
  const chapters: ParsedChapter[] = [];
  const appendices: AppendixView[] = [];
  if (model) {
    const env = createChapterEnv(model);
    for (const file of sources.chapters) {
      const expanded = expandChapter(file, env, diagnostics);
      if (expanded && withinMarkdownLimits(expanded, diagnostics)) chapters.push(parseMarkdown(expanded));
    }
    model.data.bilagor.forEach((b, i) => {
      let body: ParsedChapter | undefined;
      if (b.innehall) {
        const file = sources.extraContent.get(b.innehall);
        if (file) {
          const expanded = expandChapter(file, env, diagnostics);
          if (expanded && withinMarkdownLimits(expanded, diagnostics)) body = parseMarkdown(expanded);
        }
      }
      appendices.push({ number: i + 1, key: b.nyckel, title: b.titel, body, pdf: b.pdf });
    });
  }
  if (sources.chapters.length === 0 && !diagnostics.hasErrors) {
    diagnostics.error('content-empty', 'content/', undefined, 'no chapters: add Markdown files such as content/01-sammanfattning.md');
  }
  const tables = model ? placeTables(chapters, model) : [];
  const complete = chapters.length === sources.chapters.length;
  const context: CheckContext = { sources, data, model, chapters, appendices, tables, complete };
  for (const rule of CHECK_RULES) rule.run(context, diagnostics);
  return { diagnostics, context };
}

/** The files of an HTML build: page, stylesheets, fonts and open data. */
export interface HtmlBuild {
  page: RenderedPage;
  files: OutputFile[];
  copies: OutputCopy[];
}

/**
 * Renders a checked, error-free report to the files of the web publication.
 * Pure apart from reading nothing: returns what the write stage writes.
 */
export function renderHtml(checked: CheckedReport, options: { pdfHref: string | undefined }): HtmlBuild | undefined {
  const { context, diagnostics } = checked;
  const model = context.model as ReportModel;
  const page = renderPage(model, context.chapters, context.appendices, context.sources.templates, diagnostics, options);
  if (!page) return undefined;
  const files: OutputFile[] = [
    { path: 'index.html', content: page.html },
    { path: 'assets/style.css', content: context.sources.templates.get('style.css')?.text ?? '' },
    { path: 'assets/print.css', content: context.sources.templates.get('print.css')?.text ?? '' },
    { path: 'data/redovisning.json', content: `${JSON.stringify({ ...model.data, berakning: model.computed }, null, 2)}\n` },
  ];
  for (const table of TABLES) {
    files.push({ path: `data/${table.csvName}`, content: stringify([table.csvColumns, ...table.csvRows(model)]) });
  }
  const copies: OutputCopy[] = FONT_FACES.map((f) => ({ from: path.join(FONT_DIR, f.file), to: `assets/fonts/${f.file}` }));
  return { page, files, copies };
}
