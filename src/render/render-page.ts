import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import Handlebars from 'handlebars';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { syntaxPoint, syntaxProblem } from '../expand/expand-chapter.js';
import type { CheckContext } from '../check/check-context.js';
import type { Placements } from '../expand/placements.js';
import type { ImageAsset } from '../figures/image-asset.js';
import type { PreparedFigures } from '../figures/prepare.js';
import { LineIndex } from '../diagnostics/line-index.js';
import { checkTemplateScope } from '../expand/template-scope.js';
import { FORMAT_HELPERS } from '../format/helpers/registry.js';
import { joinList } from '../format/swedish.js';
import type { SourceFile } from '../load/source-file.js';
import type { AppendixText, ParsedChapter } from '../markdown/parse-markdown.js';
import type { Person, Rapport, ReportModel } from '../model/report-model.js';
import type { TableModel } from '../model/tables.js';
import { placedAt, renderBody, tableFigure, toSafeHast, type Drawer, type ReportBody } from './markdown-to-hast.js';
import { PAGE_CSP } from './csp.js';
import { fileSize, type DatasetView } from './datasets.js';
import { figureElement, imageSrc, useImages, type Target } from './figures.js';
import { tableElement } from './tables.js';

/** What the render stage hands to the write stage. */
export interface RenderedPage {
  html: string;
  body: ReportBody;
}

/** How appendices are drawn: heading level, and the note for an appendix without a Markdown body. */
export interface AppendixOptions {
  headingTag: 'h2' | 'h3';
  /** A note to show instead of the default for an appendix without a body. */
  separateNote?: (appendix: AppendixText) => string | undefined;
  /** Where the web page publishes an attached PDF, to link it. */
  pdfHref?: (appendix: AppendixText) => string | undefined;
}

/** Where the web publication puts an appendix's attached PDF (`bilagor/bilaga-2.pdf`). */
export function appendixPdfPath(appendix: AppendixText): string {
  return `bilagor/bilaga-${appendix.number}.pdf`;
}

/** Each appendix as a section: `Bilaga N` heading with its title, then its body (tables and figures in place) or a note. */
export function renderAppendices(appendices: readonly AppendixText[], draw: Drawer, options: AppendixOptions = { headingTag: 'h3' }): Element[] {
  return appendices.map((a) => {
    let content: Element[];
    if (a.body) {
      const tree = toSafeHast.runSync(structuredClone(a.body.tree)) as HastRoot;
      draw.images(tree);
      content = tree.children.filter((c): c is Element => c.type === 'element').map((c) => placedAt(c, draw) ?? c);
    } else {
      const href = options.pdfHref?.(a);
      content = [
        href
          ? h('p', { className: ['appendix-pdf'] }, ['Bilagan finns som PDF: ', h('a', { href }, `${a.title} (PDF)`), '.'])
          : h('p', { className: ['appendix-separate'] }, options.separateNote?.(a) ?? 'Bilagan lämnas separat.'),
      ];
    }
    return h('section', { className: ['appendix'], id: `bilaga-${a.number}`, ariaLabelledBy: `bilaga-${a.number}-rubrik` }, [
      h(options.headingTag, { id: `bilaga-${a.number}-rubrik` }, [h('span', { className: ['appendix-number'] }, `Bilaga ${a.number}`), ' ', h('span', { className: ['appendix-title'] }, a.title)]),
      ...content,
    ]);
  });
}

/** A declared table drawn: its `<table>` and its caption text. */
type DrawnTable = { table: Element; caption: string };

/**
 * Draws the declared tables: from their rows, or through the report's own
 * partial (`mall`), which writes the table's head and body. A partial's
 * problems are reported at its own lines, and the table is then left out.
 */
function tableDrawer(model: ReportModel, templates: Map<string, SourceFile>, diagnostics: Diagnostics): (key: string) => DrawnTable | undefined {
  const drawn = new Map<string, DrawnTable | undefined>();
  const draw = (table: TableModel): DrawnTable | undefined => {
    if (!table.template) return { table: tableElement(table), caption: table.caption };
    const file = templates.get(`partials/${table.template}.hbs`);
    if (!file || !templatesFit([file], model.scope, diagnostics, Object.keys(FORMAT_HELPERS), [])) return undefined;
    const hb = Handlebars.create();
    for (const [name, helper] of Object.entries(FORMAT_HELPERS)) hb.registerHelper(name, helper);
    try {
      const html = hb.compile(file.text, { strict: true, knownHelpersOnly: true, knownHelpers: Object.fromEntries(Object.keys(FORMAT_HELPERS).map((n) => [n, true])) })(model.scope);
      return { table: h('table', { className: ['data-table'] }, [{ type: 'raw', value: html } as unknown as ElementContent]), caption: table.caption };
    } catch (error) {
      reportTemplateError(error, file, diagnostics);
      return undefined;
    }
  };
  return (key) => {
    if (!drawn.has(key)) {
      const table = model.tables.find((t) => t.key === key);
      drawn.set(key, table ? draw(table) : undefined);
    }
    const result = drawn.get(key);
    return result ? { table: structuredClone(result.table), caption: result.caption } : undefined;
  };
}

/**
 * What an output draws where the text places a table or a figure, and how
 * it shows the text's images: the same for the page and the print
 * document, apart from where images are found (see figures.ts).
 */
export function reportDrawer(model: ReportModel, placements: Placements, figures: PreparedFigures, templates: Map<string, SourceFile>, diagnostics: Diagnostics, target: Target): Drawer {
  const tables = tableDrawer(model, templates, diagnostics);
  return {
    placed(key) {
      const place = placements.get(key);
      if (!place) return undefined;
      if (place.kind === 'tabell') {
        const drawn = tables(key);
        return drawn && tableFigure(drawn.table, place.number, drawn.caption);
      }
      const figure = model.figures.find((f) => f.key === key);
      return figure && figureElement(figure, place.number, figures, target);
    },
    images(tree) {
      useImages(tree, figures.images, target);
    },
  };
}

/**
 * Renders a layout template (with the letterhead and decision partials)
 * against its context. Every missing key or unknown partial is reported at
 * its own template's line first; nothing is rendered then.
 */
export function renderLayout(layout: SourceFile | undefined, partials: Map<string, SourceFile | undefined>, context: object, diagnostics: Diagnostics): string | undefined {
  const parts = [...partials.values()];
  if (!layout || parts.some((p) => !p)) return undefined;
  if (!templatesFit([layout, ...(parts as SourceFile[])], context, diagnostics, [], [...partials.keys()])) return undefined;
  const hb = Handlebars.create();
  const options = { strict: true, knownHelpersOnly: true, knownHelpers: {} };
  try {
    for (const [name, file] of partials) {
      const partial = hb.compile((file as SourceFile).text, options);
      // A failure inside a partial is reported at the partial, not at the layout that includes it.
      hb.registerPartial(name, ((ctx: unknown, opts: unknown) => {
        try {
          return partial(ctx, opts as Handlebars.RuntimeOptions);
        } catch (error) {
          throw Object.assign(error as Error, { templateFile: file });
        }
      }) as unknown as Handlebars.Template);
    }
    return hb.compile(layout.text, options)(context);
  } catch (error) {
    reportTemplateError(error, (error as { templateFile?: SourceFile }).templateFile ?? layout, diagnostics);
    return undefined;
  }
}

/** The layout partials: the letterhead and the decision block. */
export function layoutPartials(templates: Map<string, SourceFile>): Map<string, SourceFile | undefined> {
  return new Map([
    ['letterhead', templates.get('partials/letterhead.hbs')],
    ['beslut', templates.get('partials/beslut.hbs')],
  ]);
}

/** A person as the decision block names them: `generaldirektör Anna Svensson`. */
const titled = (p: Person): string => `${p.titel} ${p.namn}`;

/**
 * What every layout template may use of the core facts. Optional facts are
 * always present (empty when the report has none), because a layout's keys
 * are checked before rendering. The logo comes with its address in the
 * output and its size.
 */
export function layoutFacts(rapport: Rapport, logo: ImageAsset | undefined, target: Target): Record<string, unknown> {
  const { beslut, ...facts } = rapport;
  return {
    rapport: { kortTitel: '', ertDnr: '', sprak: 'sv-SE', logotyp: '', ...facts },
    logotyp: { finns: logo !== undefined, src: logo ? imageSrc(logo, target) : '', bredd: logo?.width ?? '', hojd: logo?.height ?? '' },
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

/** Browsers and search engines cut titles past this length. */
const TITLE_LIMIT = 70;

/** The page's title: the short title and the agency, or the short title alone when that would be too long. */
function pageTitle(rapport: Rapport): string {
  const title = rapport.kortTitel ?? rapport.titel;
  const full = `${title} – ${rapport.myndighet}`;
  return full.length <= TITLE_LIMIT ? full : title;
}

/** The page's chapters as HTML trees, and what drew their tables and figures (for the appendices). */
export interface PageBody {
  draw: Drawer;
  body: ReportBody;
}

/** The chapters of the page, drawn once: the PDF is printed from the same trees. */
export function pageBody(context: CheckContext, diagnostics: Diagnostics): PageBody {
  const model = context.model as ReportModel;
  const draw = reportDrawer(model, context.placements, context.figures, context.sources.templates, diagnostics, 'page');
  return { draw, body: renderBody(context.chapters, draw, model.bilagor.length) };
}

/** Where the page links the report's Word file, and its size once it is made. */
export interface WordLink {
  href: string;
  size: number | undefined;
}

/**
 * Renders the whole web page: the chapters' HTML through the layout template
 * (letterhead, contents, chapters, decision, footnotes, appendices). Template
 * errors are diagnostics at the template's line.
 */
export function renderPage(context: CheckContext, diagnostics: Diagnostics, options: { pdfHref: string | undefined; docx?: WordLink | undefined; openData: { datasets: DatasetView[]; record: string | undefined }; body?: PageBody | undefined }): RenderedPage | undefined {
  const model = context.model as ReportModel;
  const templates = context.sources.templates;
  const { draw, body } = options.body ?? pageBody(context, diagnostics);
  const { rapport } = model;
  const html = renderLayout(templates.get('layout.hbs'), layoutPartials(templates), {
    ...layoutFacts(rapport, context.figures.logo, 'page'),
    pageTitle: pageTitle(rapport),
    contentSecurityPolicy: PAGE_CSP,
    toc: body.toc,
    chapters: toHtml(body.chapters, { allowDangerousHtml: true }),
    footnotes: body.footnotes ? toHtml(body.footnotes) : '',
    appendixList: context.appendices.map((a) => ({ number: a.number, title: a.title })),
    appendices: toHtml(renderAppendices(context.appendices, draw, { headingTag: 'h3', pdfHref: (a) => (a.pdf ? appendixPdfPath(a) : undefined) }), { allowDangerousHtml: true }),
    datasets: options.openData.datasets,
    chartData: model.figures.some((f) => f.chart),
    dcat: options.openData.record ?? '',
    pdfHref: options.pdfHref ?? '',
    hasPdf: options.pdfHref !== undefined,
    docxHref: options.docx?.href ?? '',
    docxSize: options.docx?.size === undefined ? '' : fileSize(options.docx.size),
    hasDocx: options.docx !== undefined,
  }, diagnostics);
  return html === undefined ? undefined : { html, body };
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
      program = Handlebars.parse(file.text);
    } catch (error) {
      diagnostics.error('template-syntax', file.path, syntaxPoint(error as Error, file.text, new LineIndex(file.text)), syntaxProblem(error as Error));
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
