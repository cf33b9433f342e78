import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHECK_RULES } from './check/registry.js';
import type { CheckContext } from './check/check-context.js';
import { Diagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { RuleDeclaration } from './diagnostics/rule.js';
import { EXPAND_RULES } from './expand/rules.js';
import { FIGURE_RULES } from './figures/rules.js';
import { LANGUAGE_RULES } from './language/rules/registry.js';
import { LOAD_RULES } from './load/rules.js';
import { MARKDOWN_RULES } from './markdown/rules.js';
import { MODEL_RULES } from './model/rules.js';
import { PARSE_RULES } from './parse/rules.js';
import { WRITE_RULES } from './write/rules.js';
import { expandChapter, parseTemplate } from './expand/expand-chapter.js';
import { createExpandEnv, type ExpandEnv } from './expand/expand-env.js';
import { checkLayoutTemplates, expandTablePartials } from './expand/layout-templates.js';
import { placeItems, type PlacedKind, type ParsedTemplate, type Placements } from './expand/placements.js';
import { prepareAttachedPdfs } from './figures/attached-pdfs.js';
import { NO_FIGURES, prepareFigures, type ChartCache } from './figures/prepare.js';
import { checkLanguage, type AnalysedText } from './language/check-language.js';
import type { CheckedFacts, CheckedReport } from './language/checked-report.js';
import { Speller } from './language/hunspell.js';
import { loadReport, reportNoChapters } from './load/load-report.js';
import type { SourceFile, Sources } from './load/source-file.js';
import { withinMarkdownLimits } from './markdown/markdown-limits.js';
import { parseMarkdown, type AppendixText, type ParsedChapter } from './markdown/parse-markdown.js';
import { buildModel, type ReportModel } from './model/report-model.js';
import { startSandbox } from './model/sandbox-runner.js';
import type { Validate } from './model/validators.js';
import { parseData } from './parse/parse-data.js';

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
  /** The language review's words and sentences of each text, by the text. */
  analysed: Map<string, AnalysedText>;
  /** What a step made from inputs that did not change since, by step (see `kept`). */
  steps: Map<string, KeptStep>;
}

/** A step's result and the diagnostics it reported, for the inputs named by `key`. */
interface KeptStep {
  key: string;
  value: unknown;
  diagnostics: readonly Diagnostic[];
}

/**
 * Runs a step of the preview's builds once for the same inputs: when `key`
 * (a hash of everything the step reads) is the one of the last run, the
 * step's result is handed on again and its diagnostics are reported again,
 * in the same place among the others. A run that reported an error is not
 * kept (a deadline met under load is not the data's fault). Without a cache
 * the step just runs.
 */
async function kept<T>(cache: BuildCache | undefined, step: string, key: string, diagnostics: Diagnostics, run: () => T | Promise<T>): Promise<T> {
  const last = cache?.steps.get(step);
  if (last && last.key === key) {
    diagnostics.list.push(...last.diagnostics);
    return last.value as T;
  }
  const before = diagnostics.list.length;
  const value = await run();
  const reported = diagnostics.list.slice(before);
  if (cache && !reported.some((d) => d.severity === 'error')) cache.steps.set(step, { key, value, diagnostics: reported });
  else cache?.steps.delete(step);
  return value;
}

/** A hash of source files' names and texts. */
function filesKey(...groups: Iterable<SourceFile | undefined>[]): string {
  const hash = createHash('sha256');
  for (const group of groups) {
    for (const file of group) hash.update(file ? `${file.path}\0${file.text}\0` : '\u0001');
    hash.update('\u0002');
  }
  return hash.digest('hex');
}

/** A fresh, empty cache (one per preview session). */
export function createCache(): BuildCache {
  return { chapters: new Map(), validators: new Map(), charts: new Map(), speller: Speller.available() ? new Speller() : undefined, analysed: new Map(), steps: new Map() };
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
async function expandTexts(sources: Sources, model: ReportModel, factsKey: string, diagnostics: Diagnostics, cache: BuildCache | undefined): Promise<{ chapters: ParsedChapter[]; appendices: AppendixText[]; placements: Placements; partialTables: ReadonlyMap<string, string>; complete: boolean }> {
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
  // The layouts and the tables' partials are checked (and the partials expanded) here, so a check is complete without rendering.
  // They read only the model (made from the facts) and the templates.
  const partialTables = await kept(cache, 'layouts', `${factsKey}\0${filesKey(sources.templates.values())}`, diagnostics, () => {
    checkLayoutTemplates(model, sources.templates, diagnostics);
    return expandTablePartials(model, sources.templates, diagnostics);
  });
  return { chapters, appendices, placements, partialTables, complete: chapters.length === sources.chapters.length };
}

/**
 * Runs load → parse → model → expand → markdown → figures → check on a
 * report root: every fact checked, the language not yet reviewed. Never
 * writes, never starts a browser. Every problem is collected; nothing an
 * author can cause throws.
 */
export async function checkFacts(root: string, cache?: BuildCache): Promise<CheckedFacts> {
  const diagnostics = new Diagnostics();
  // A report that programs expressions or charts has its sandbox start at once, beside the reading.
  const declares = (name: string): boolean => existsSync(path.join(root, 'data', `${name}.yaml`));
  if (['berakning', 'kontroller', 'tabeller', 'figurer'].some(declares)) startSandbox({ charts: declares('figurer') });
  const t0 = performance.now();
  const sources = await loadReport(root, diagnostics);
  const t1 = performance.now();
  // The data, its schemas and the profile are all that parse and model read.
  const factsKey = filesKey([sources.profile?.file, sources.profileSchema], sources.data.values(), sources.coreSchemas.values(), sources.schemas.values()) + (sources.profile?.root ?? '');
  const rootMissing = diagnostics.list.some((d) => d.ruleId === 'report-root');
  const { data, model } = await kept(cache, 'facts', `${factsKey}\0${rootMissing}`, diagnostics, async () => {
    const data = parseData(sources, diagnostics);
    return { data, model: rootMissing ? undefined : await buildModel(data, diagnostics, cache?.validators) };
  });
  const texts = model ? await expandTexts(sources, model, factsKey, diagnostics, cache) : { chapters: [], appendices: [], placements: new Map(), partialTables: new Map(), complete: false };
  reportNoChapters(sources, diagnostics);
  const written = [...texts.chapters, ...texts.appendices.flatMap((a) => (a.body ? [a.body] : []))];
  const [figures, attachedPdfs] = model ? await Promise.all([prepareFigures(sources, model, written, diagnostics, cache?.charts), prepareAttachedPdfs(sources, model, diagnostics)]) : [NO_FIGURES, new Map()];
  const context: CheckContext = { sources, data, model, ...texts, figures, attachedPdfs };
  const t2 = performance.now();
  for (const rule of CHECK_RULES) rule.run(context, diagnostics);
  const t3 = performance.now();
  return { diagnostics, context, timings: { load: t1 - t0, parse: t2 - t1, check: t3 - t2 } };
}

/**
 * The language stage on checked facts: spelling, sentences, terms and LIX.
 * It only adds warnings (errors with `strict`), so an output may be made
 * from the facts meanwhile. May start Hunspell.
 */
export async function reviewLanguage(facts: CheckedFacts, cache?: BuildCache, options: { strict?: boolean } = {}): Promise<CheckedReport> {
  const { context, diagnostics } = facts;
  const started = performance.now();
  const language = context.model && context.complete ? await checkLanguage(context, diagnostics, { strict: options.strict ?? false, speller: cache?.speller, analysed: cache?.analysed }) : undefined;
  return { diagnostics, context, timings: { ...facts.timings, language: performance.now() - started }, language };
}

/** Checks a report root: its facts, then its language (see checkFacts and reviewLanguage). */
export async function checkReport(root: string, cache?: BuildCache, options: { strict?: boolean } = {}): Promise<CheckedReport> {
  return reviewLanguage(await checkFacts(root, cache), cache, options);
}

export type { CheckedFacts, CheckedReport, StageTimings } from './language/checked-report.js';

export { renderHtml, type HtmlBuild } from './write/page-files.js';
/** For the benchmark: the chapters drawn once, as the preview draws them before printing. */
export { pageBody } from './render/render-page.js';

/**
 * Every rule of the tool, by the stage (the folder of `src/`) that reports
 * it: the ids the stages report while they read, the check rules and the
 * language rules. Tests hold the catalogue and the sources to it: each rule
 * id declared once by each stage that reports it, in the family that holds
 * its messages, from the files it names, and shown by a fixture.
 */
export const STAGE_RULES: Readonly<Record<string, readonly RuleDeclaration[]>> = { load: LOAD_RULES, parse: PARSE_RULES, model: MODEL_RULES, expand: EXPAND_RULES, markdown: MARKDOWN_RULES, figures: FIGURE_RULES, check: CHECK_RULES, language: LANGUAGE_RULES, write: WRITE_RULES };

/** Every rule of the tool, the stages' in order. */
export const RULES: readonly RuleDeclaration[] = Object.values(STAGE_RULES).flat();
export type { OpenDataListing } from './render/datasets.js';
