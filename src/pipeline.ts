import { createHash } from 'node:crypto';
import path from 'node:path';
import { CHECK_RULES } from './check/registry.js';
import type { CheckContext } from './check/check-context.js';
import { Diagnostics } from './diagnostics/diagnostic.js';
import { expandChapter, parseTemplate } from './expand/expand-chapter.js';
import { createExpandEnv, type ExpandEnv } from './expand/expand-env.js';
import { placeItems, type PlacedKind, type ParsedTemplate, type Placements } from './expand/placements.js';
import { NO_FIGURES, prepareFigures, type ChartCache } from './figures/prepare.js';
import { checkLanguage, type LanguageReport } from './language/check-language.js';
import { Speller } from './language/hunspell.js';
import { loadReport } from './load/load-report.js';
import type { SourceFile, Sources } from './load/source-file.js';
import { withinMarkdownLimits } from './markdown/markdown-limits.js';
import { parseMarkdown, type AppendixText, type ParsedChapter } from './markdown/parse-markdown.js';
import { buildModel, type ReportModel } from './model/report-model.js';
import type { Validate } from './model/validators.js';
import { parseData } from './parse/parse-data.js';
import { FONT_DIR, FONT_FACES } from './render/fonts.js';
import { appendixPdfPath, renderPage, type PageBody, type RenderedPage, type WordLink } from './render/render-page.js';
import { datasetViews, type DatasetView } from './render/datasets.js';
import type { OutputCopy, OutputFile } from './write/write-output.js';

/** Milliseconds spent in each stage (for the benchmark and the preview's log). */
export interface StageTimings {
  load: number;
  parse: number;
  check: number;
  /** The language checks (spelling, sentences, terms, LIX). */
  language: number;
  render?: number;
}

/** The checked report: every diagnostic, and the model when the data is valid. */
export interface CheckedReport {
  diagnostics: Diagnostics;
  context: CheckContext;
  timings: StageTimings;
  /** Readability per chapter and for the report; undefined without a model. */
  language: LanguageReport | undefined;
}

/**
 * Parsed chapters kept between builds of the live preview: a chapter whose
 * text, data and table placements are unchanged is not expanded and parsed
 * again.
 */
export interface BuildCache {
  chapters: Map<string, { key: string; parsed: ParsedChapter }>;
  /** Compiled schemas, by a hash of the schema. */
  validators: Map<string, Validate>;
  /** Drawn charts, by what they draw. */
  charts: ChartCache;
  /** Hunspell, kept running between builds. */
  speller: Speller | undefined;
}

/** A fresh, empty cache (one per preview session). */
export function createCache(): BuildCache {
  return { chapters: new Map(), validators: new Map(), charts: new Map(), speller: Speller.available() ? new Speller() : undefined };
}

/** The text that stands for everything a chapter's expansion depends on besides its own text. */
function dependencyKey(sources: Sources, placements: Placements): string {
  const hash = createHash('sha256');
  for (const f of sources.data.values()) hash.update(f.path).update('\0').update(f.text).update('\0');
  hash.update(JSON.stringify([...placements]));
  return hash.digest('hex');
}

/**
 * Expands the chapters and appendix bodies (Handlebars) and parses their
 * Markdown: the tables and figures are numbered by where they are placed, so
 * a chapter can refer to one placed further on.
 */
function expandTexts(sources: Sources, model: ReportModel, diagnostics: Diagnostics, cache: BuildCache | undefined): { chapters: ParsedChapter[]; appendices: AppendixText[]; placements: Placements; complete: boolean } {
  const parse = (file: SourceFile): ParsedTemplate | undefined => parseTemplate(file, diagnostics);
  const chapterTemplates = sources.chapters.map(parse);
  const bodies = model.bilagor.map((b) => (b.innehall ? sources.extraContent.get(b.innehall) : undefined));
  const bodyTemplates = bodies.map((file) => (file ? parse(file) : undefined));
  const parsedTemplates = [...chapterTemplates, ...bodyTemplates].filter((t): t is ParsedTemplate => t !== undefined);
  const kinds = new Map<string, PlacedKind>([...model.tables.map((t) => [t.key, 'tabell'] as const), ...model.figures.map((f) => [f.key, 'figur'] as const)]);
  const placements = placeItems(parsedTemplates, kinds, diagnostics);
  const env: ExpandEnv = createExpandEnv(model, placements);
  const key = dependencyKey(sources, placements);

  /** Expands and parses one text, or takes it from the cache when nothing it depends on changed. */
  const expand = (template: ParsedTemplate | undefined): ParsedChapter | undefined => {
    if (!template) return undefined;
    const cacheKey = `${key}\0${template.file.text}`;
    const cached = cache?.chapters.get(template.file.path);
    if (cached && cached.key === cacheKey) return cached.parsed;
    const before = diagnostics.list.length;
    const expanded = expandChapter(template, env, diagnostics);
    const parsed = expanded && withinMarkdownLimits(expanded, diagnostics) ? parseMarkdown(expanded) : undefined;
    if (parsed && diagnostics.list.length === before) cache?.chapters.set(template.file.path, { key: cacheKey, parsed });
    return parsed;
  };
  const chapters = chapterTemplates.map(expand).filter((c): c is ParsedChapter => c !== undefined);
  const appendices = model.bilagor.map((b, i): AppendixText => ({ number: i + 1, key: b.nyckel, title: b.titel, body: expand(bodyTemplates[i]), pdf: b.pdf }));
  return { chapters, appendices, placements, complete: chapters.length === sources.chapters.length };
}

/**
 * Runs load → parse → model → expand → markdown → check → language on a
 * report root. Never writes, never starts a browser (it may start Hunspell). Every problem is collected; nothing
 * an author can cause throws.
 */
export async function checkReport(root: string, cache?: BuildCache, options: { strict?: boolean; beforeLanguage?: (checked: Pick<CheckedReport, 'context' | 'diagnostics'>) => void } = {}): Promise<CheckedReport> {
  const diagnostics = new Diagnostics();
  const t0 = performance.now();
  const sources = await loadReport(root, diagnostics);
  const t1 = performance.now();
  const data = parseData(sources, diagnostics);
  const model = diagnostics.list.some((d) => d.ruleId === 'report-root') ? undefined : await buildModel(data, diagnostics, cache?.validators);
  const texts = model ? expandTexts(sources, model, diagnostics, cache) : { chapters: [], appendices: [], placements: new Map(), complete: false };
  if (sources.chapters.length === 0 && !diagnostics.hasErrors) diagnostics.error('content-empty', 'content/', undefined, {});
  const written = [...texts.chapters, ...texts.appendices.flatMap((a) => (a.body ? [a.body] : []))];
  const figures = model ? await prepareFigures(sources, model, written, diagnostics, cache?.charts) : NO_FIGURES;
  const context: CheckContext = { sources, data, model, ...texts, figures };
  const t2 = performance.now();
  for (const rule of CHECK_RULES) rule.run(context, diagnostics);
  const t3 = performance.now();
  // The language review only adds warnings (errors with --strict): the build may start printing meanwhile.
  if (model && !diagnostics.hasErrors) options.beforeLanguage?.({ context, diagnostics });
  const language = model && texts.complete ? await checkLanguage(context, diagnostics, { strict: options.strict ?? false, speller: cache?.speller }) : undefined;
  const t4 = performance.now();
  return { diagnostics, context, timings: { load: t1 - t0, parse: t2 - t1, check: t3 - t2, language: t4 - t3 }, language };
}

/** The files of an HTML build: page, stylesheets, fonts and open data. */
export interface HtmlBuild {
  page: RenderedPage;
  files: OutputFile[];
  copies: OutputCopy[];
}

/** The open data the page lists: its datasets (with sizes once the files are made) and the metadata record. */
export interface OpenDataListing {
  datasets: DatasetView[];
  record: string | undefined;
}

/**
 * Renders a checked, error-free report to the files of the web publication.
 * Pure apart from reading nothing: returns what the write stage writes. The
 * open data files are made by the write stage (write/open-data); without
 * them, the page lists the datasets without their sizes.
 */
export function renderHtml(checked: CheckedReport, options: { pdfHref: string | undefined; docx?: WordLink | undefined; openData?: OpenDataListing; body?: PageBody }): HtmlBuild | undefined {
  const { context, diagnostics } = checked;
  const model = context.model as ReportModel;
  const started = performance.now();
  const openData = options.openData ?? { datasets: datasetViews(model, context.placements), record: undefined };
  const page = renderPage(context, diagnostics, { pdfHref: options.pdfHref, docx: options.docx, openData, body: options.body });
  if (!page) return undefined;
  const files: OutputFile[] = [
    { path: 'index.html', content: page.html },
    { path: 'assets/style.css', content: context.sources.templates.get('style.css')?.text ?? '' },
    { path: 'assets/print.css', content: context.sources.templates.get('print.css')?.text ?? '' },
    { path: 'data/redovisning.json', content: `${JSON.stringify(model.scope, null, 2)}\n` },
  ];
  const copies: OutputCopy[] = FONT_FACES.map((f) => ({ from: path.join(FONT_DIR, f.file), to: `assets/fonts/${f.file}` }));
  // Attached appendix PDFs are published beside the page (the checks have kept them inside the report).
  for (const a of context.appendices) if (a.pdf) copies.push({ from: path.join(context.sources.root, a.pdf), to: appendixPdfPath(a) });
  // Images under names that change with their content (an SVG as sanitised).
  for (const image of new Map([...context.figures.images.values()].map((i) => [i.href, i])).values()) files.push({ path: image.href, content: image.bytes });
  checked.timings.render = performance.now() - started;
  return { page, files, copies };
}
