import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
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
import type { SourceFile } from './load/source-file.js';
import type { OutputCopy, OutputFile } from './write/write-output.js';

/** Milliseconds spent in each stage (for the benchmark and the preview's log). */
export interface StageTimings {
  load: number;
  parse: number;
  check: number;
  render?: number;
}

/** The checked report: every diagnostic, and the model when the data is valid. */
export interface CheckedReport {
  diagnostics: Diagnostics;
  context: CheckContext;
  timings: StageTimings;
}

/**
 * Parsed chapters kept between builds of the live preview: a chapter whose
 * text and data are unchanged is not expanded and parsed again.
 */
export interface BuildCache {
  chapters: Map<string, { key: string; parsed: ParsedChapter }>;
}

/** A fresh, empty cache (one per preview session). */
export function createCache(): BuildCache {
  return { chapters: new Map() };
}

/**
 * Runs load → parse → check on a report root. Never writes, never starts a
 * browser. Every problem is collected; nothing an author can cause throws.
 */
export async function checkReport(root: string, cache?: BuildCache): Promise<CheckedReport> {
  const diagnostics = new Diagnostics();
  const t0 = performance.now();
  const sources = await loadReport(root, diagnostics);
  const t1 = performance.now();
  const data = parseData(sources, diagnostics);
  const model = data.data ? buildModel(data.data) : undefined;
  const chapters: ParsedChapter[] = [];
  const appendices: AppendixView[] = [];
  if (model) {
    const env = createChapterEnv(model);
    // Chapters depend on every data file (through helpers): one hash of them all keys the cache.
    const dataHash = createHash('sha256');
    for (const f of sources.data.values()) dataHash.update(f.path).update('\0').update(f.text).update('\0');
    const dataKey = dataHash.digest('hex');
    /** Expands and parses one Markdown file, or takes it from the cache when nothing it depends on changed. */
    const parseChapter = (file: SourceFile): ParsedChapter | undefined => {
      const key = `${dataKey}\0${file.text}`;
      const cached = cache?.chapters.get(file.path);
      if (cached && cached.key === key) return cached.parsed;
      const before = diagnostics.list.length;
      const expanded = expandChapter(file, env, diagnostics);
      const parsed = expanded && withinMarkdownLimits(expanded, diagnostics) ? parseMarkdown(expanded) : undefined;
      if (parsed && diagnostics.list.length === before) cache?.chapters.set(file.path, { key, parsed });
      return parsed;
    };
    for (const file of sources.chapters) {
      const parsed = parseChapter(file);
      if (parsed) chapters.push(parsed);
    }
    model.data.bilagor.forEach((b, i) => {
      let body: ParsedChapter | undefined;
      if (b.innehall) {
        const file = sources.extraContent.get(b.innehall);
        if (file) body = parseChapter(file);
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
  const t2 = performance.now();
  for (const rule of CHECK_RULES) rule.run(context, diagnostics);
  const t3 = performance.now();
  return { diagnostics, context, timings: { load: t1 - t0, parse: t2 - t1, check: t3 - t2 } };
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
  const started = performance.now();
  const page = renderPage(model, context.chapters, context.tables, context.appendices, context.sources.templates, diagnostics, options);
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
  checked.timings.render = performance.now() - started;
  return { page, files, copies };
}
