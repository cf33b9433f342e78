import Handlebars from 'handlebars';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { formatHandlebars, strictOptions } from '../format/helpers/handlebars.js';
import { FORMAT_HELPERS } from '../format/helpers/registry.js';
import { joinList } from '../format/swedish.js';
import type { SourceFile } from '../load/source-file.js';
import type { Person, Rapport, ReportModel } from '../model/report-model.js';
import { reportSyntax } from './expand-chapter.js';
import { keptProgram, keptTemplate } from './kept-templates.js';
import { checkTemplateScope } from './template-scope.js';
import { TOOL_PRODUCER } from '../load/tool-package.js';

/** The layout partials: the letterhead and the decision block. */
export function layoutPartials(templates: Map<string, SourceFile>): Map<string, SourceFile | undefined> {
  return new Map([
    ['letterhead', templates.get('partials/letterhead.hbs')],
    ['beslut', templates.get('partials/beslut.hbs')],
  ]);
}

/** A person as the decision block names them: `generaldirektör Anna Svensson`. */
const titled = (p: Person): string => `${p.titel} ${p.namn}`;

/** The logo as a layout shows it: where the output has it, and its size. */
export interface LayoutLogo {
  src: string;
  width: number | undefined;
  height: number | undefined;
}

/**
 * What every layout template may use of the core facts. Optional facts are
 * always present (empty when the report has none), because a layout's keys
 * are checked before rendering. The logo comes with its address in the
 * output and its size.
 */
export function layoutFacts(rapport: Rapport, logo: LayoutLogo | undefined) {
  const { beslut, ...facts } = rapport;
  return {
    rapport: { kortTitel: '', ertDnr: '', sprak: 'sv-SE', logotyp: '', ...facts },
    /** The tool and its version, for the page's generator meta. */
    verktyg: TOOL_PRODUCER,
    logotyp: { finns: logo !== undefined, src: logo?.src ?? '', bredd: logo?.width ?? '', hojd: logo?.height ?? '' },
    beslut: {
      finns: beslut !== undefined,
      beslutsfattare: beslut?.beslutsfattare ?? { namn: '', titel: '' },
      foredragande: beslut?.foredragande ?? { namn: '', titel: '' },
      beslutsfattareText: beslut ? titled(beslut.beslutsfattare) : '',
      foredragandeText: beslut ? titled(beslut.foredragande) : '',
      deltagareText: joinList((beslut?.deltagare ?? []).map(titled)),
    },
  };
}

/** A file the page offers for download: its address, its name and its size (`7 kB`, empty when not known). */
export interface LayoutFile {
  href: string;
  name: string;
  size: string;
}

/** What the web page's layout template (`layout.hbs`) gets. The render stage fills it; its keys are checked here. */
export interface PageLayout extends ReturnType<typeof layoutFacts> {
  pageTitle: string;
  contentSecurityPolicy: string;
  toc: { id: string; text: string }[];
  chapters: string;
  footnotes: string;
  appendixList: { number: number; title: string }[];
  appendices: string;
  datasets: { label: string; caption: string; xlsx: LayoutFile; csv: LayoutFile }[];
  chartData: boolean;
  dcat: string;
  pdfHref: string;
  hasPdf: boolean;
  /** The Word file's address and size (`48 kB`), when the build makes one. */
  docxHref: string;
  docxSize: string;
  hasDocx: boolean;
  /** The documents the outputs offer for download, by output name (`pdf`, …): for a layout that lists them all. */
  downloads: { name: string; href: string }[];
}

/** What the print document's template (`print.hbs`) gets. */
export interface PrintLayout extends ReturnType<typeof layoutFacts> {
  css: string;
  chapters: string;
  appendices: string;
}

/** A page layout of the right shape, with one entry in every list so that the keys inside loops are checked too. */
function pageExample(rapport: Rapport): PageLayout {
  const file: LayoutFile = { href: '', name: '', size: '' };
  return {
    ...layoutFacts(rapport, undefined),
    pageTitle: '',
    contentSecurityPolicy: '',
    toc: [{ id: '', text: '' }],
    chapters: '',
    footnotes: '',
    appendixList: [{ number: 1, title: '' }],
    appendices: '',
    datasets: [{ label: '', caption: '', xlsx: file, csv: file }],
    chartData: false,
    dcat: '',
    pdfHref: '',
    hasPdf: false,
    docxHref: '',
    docxSize: '',
    hasDocx: false,
    downloads: [{ name: '', href: '' }],
  };
}

/**
 * Checks the layout templates (`layout.hbs`, `print.hbs` and their
 * partials) and the declared tables' partials against what they will get,
 * before anything is rendered: `check` is then complete without rendering.
 * Returns whether they all fit.
 */
export function checkLayoutTemplates(model: ReportModel, templates: Map<string, SourceFile>, diagnostics: Diagnostics): boolean {
  const partials = layoutPartials(templates);
  const parts = [...partials.values()].filter((p): p is SourceFile => p !== undefined);
  const page = pageExample(model.rapport);
  const print: PrintLayout = { ...layoutFacts(model.rapport, undefined), css: '', chapters: '', appendices: '' };
  let ok = true;
  for (const [layout, context] of [['layout.hbs', page], ['print.hbs', print]] as const) {
    const file = templates.get(layout);
    if (file) ok = templatesFit([file], context, diagnostics, [], [...partials.keys()]) && ok;
  }
  // A partial is checked once, against what both layouts give it.
  ok = templatesFit(parts, print, diagnostics, [], [...partials.keys()]) && ok;
  if (!ok) return false;
  // Rendered once with the example too: what only strict Handlebars sees (`@root.x`) is found now, not when the page is made.
  const before = diagnostics.list.length;
  for (const [layout, context] of [['layout.hbs', page], ['print.hbs', print]] as const) {
    if (diagnostics.list.length === before) renderLayout(templates.get(layout), partials, context, diagnostics);
  }
  return diagnostics.list.length === before;
}

/**
 * The declared tables drawn by the report's own partial (`mall`): the
 * partial writes the table's head and body from the report's data. Each is
 * checked and rendered here; a partial's problems are reported at its own
 * lines, and the table is then left out.
 */
export function expandTablePartials(model: ReportModel, templates: Map<string, SourceFile>, diagnostics: Diagnostics): Map<string, string> {
  const drawn = new Map<string, string>();
  const helpers = Object.keys(FORMAT_HELPERS);
  for (const table of model.tables) {
    if (!table.template) continue;
    const file = templates.get(`partials/${table.template}.hbs`);
    if (!file || !templatesFit([file], model.scope, diagnostics, helpers, [])) continue;
    const { hb, options } = formatHandlebars();
    try {
      drawn.set(table.key, keptTemplate(hb, file.text, options)(model.scope));
    } catch (error) {
      reportTemplateError(error, file, diagnostics);
    }
  }
  return drawn;
}

/** A layout compiled with its partials, by their names and texts: the check, the page and the print document share one. */
const compiledLayouts = new Map<string, (context: object) => string>();

/** The compiled layout for these texts (compiled once; the last few are kept). */
function compiledLayout(layout: SourceFile, partials: Map<string, SourceFile | undefined>): (context: object) => string {
  const key = JSON.stringify([layout.path, layout.text, ...[...partials].map(([name, file]) => [name, file?.path, file?.text])]);
  const known = compiledLayouts.get(key);
  if (known) return known;
  const hb = Handlebars.create();
  const options = strictOptions();
  for (const [name, file] of partials) {
    let partial: Handlebars.TemplateDelegate;
    try {
      partial = keptTemplate(hb, (file as SourceFile).text, options);
    } catch (error) {
      throw Object.assign(error as Error, { templateFile: file });
    }
    // A failure inside a partial is reported at the partial, not at the layout that includes it.
    hb.registerPartial(name, ((ctx: unknown, opts: unknown) => {
      try {
        return partial(ctx, opts as Handlebars.RuntimeOptions);
      } catch (error) {
        throw Object.assign(error as Error, { templateFile: file });
      }
    }) as unknown as Handlebars.Template);
  }
  const template = keptTemplate(hb, layout.text, options);
  if (compiledLayouts.size >= 8) compiledLayouts.delete(compiledLayouts.keys().next().value as string);
  compiledLayouts.set(key, template);
  return template;
}

/**
 * Renders a layout template (with the letterhead and decision partials)
 * against its context. A failure is reported at its template's line.
 */
export function renderLayout(layout: SourceFile | undefined, partials: Map<string, SourceFile | undefined>, context: object, diagnostics: Diagnostics): string | undefined {
  const parts = [...partials.values()];
  if (!layout || parts.some((p) => !p)) return undefined;
  try {
    return compiledLayout(layout, partials)(context);
  } catch (error) {
    reportTemplateError(error, (error as { templateFile?: SourceFile }).templateFile ?? layout, diagnostics);
    return undefined;
  }
}

/**
 * Checks templates against the context they get, before rendering: every
 * missing key, unknown helper or unknown partial is reported at its own
 * template's line (strict Handlebars would stop at the first, and name the
 * layout).
 */
export function templatesFit(files: readonly SourceFile[], context: unknown, diagnostics: Diagnostics, helpers: readonly string[] = [], partials: readonly string[] = []): boolean {
  let ok = true;
  for (const file of files) {
    let program: hbs.AST.Program;
    try {
      program = keptProgram(file.text);
    } catch (error) {
      reportSyntax(error as Error, file, new LineIndex(file.text), diagnostics);
      ok = false;
      continue;
    }
    for (const p of checkTemplateScope(program, context, helpers, partials)) {
      diagnostics.error(p.id, file.path, { line: p.line, column: p.column }, p.params as never);
      ok = false;
    }
  }
  return ok;
}

/** Reports a Handlebars error in a layout or partial at the line it names. */
export function reportTemplateError(error: unknown, file: SourceFile, diagnostics: Diagnostics): void {
  const e = error as Error & { lineNumber?: number; column?: number };
  const m = /line (\d+)/.exec(e.message);
  const line = e.lineNumber ?? (m?.[1] ? Number(m[1]) : undefined);
  const point = line ? { line, column: (e.column ?? 0) + 1 } : undefined;
  const reason = (e.message.split('\n')[0] ?? '').replace(/ - \d+:\d+$/, '');
  diagnostics.error('template-layout', file.path, point, { file: file.path, key: /^"([^"]+)" not defined/.exec(reason)?.[1], reason });
}
