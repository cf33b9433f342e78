import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { CheckContext } from '../check/check-context.js';
import { layoutFacts, layoutPartials, renderLayout, type LayoutLogo, type PageLayout } from '../expand/layout-templates.js';
import type { Placements } from '../expand/placements.js';
import type { ImageAsset } from '../figures/image-asset.js';
import type { PreparedFigures } from '../figures/prepare.js';
import type { SourceFile } from '../load/source-file.js';
import { shiftAppendixHeadings } from '../markdown/appendix-headings.js';
import type { AppendixText } from '../markdown/parse-markdown.js';
import type { Rapport, ReportModel } from '../model/report-model.js';
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

/** Each appendix as a section: `Bilaga N` heading with its title, then its body (its headings below the title; tables and figures in place) or a note. */
export function renderAppendices(appendices: readonly AppendixText[], draw: Drawer, options: AppendixOptions = { headingTag: 'h3' }): Element[] {
  return appendices.map((a) => {
    let content: Element[];
    if (a.body) {
      const tree = toSafeHast.runSync(shiftAppendixHeadings(structuredClone(a.body.tree), Number(options.headingTag.slice(1)))) as HastRoot;
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
 * Draws the declared tables: from their rows, or as the report's own
 * partial (`mall`) wrote its head and body (expanded and checked in the
 * expand stage; a table whose partial failed is left out).
 */
function tableDrawer(model: ReportModel, partialTables: ReadonlyMap<string, string>): (key: string) => DrawnTable | undefined {
  const drawn = new Map<string, DrawnTable | undefined>();
  const draw = (table: TableModel): DrawnTable | undefined => {
    if (!table.template) return { table: tableElement(table), caption: table.caption };
    const html = partialTables.get(table.key);
    if (html === undefined) return undefined;
    return { table: h('table', { className: ['data-table'] }, [{ type: 'raw', value: html } as unknown as ElementContent]), caption: table.caption };
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
export function reportDrawer(model: ReportModel, placements: Placements, figures: PreparedFigures, partialTables: ReadonlyMap<string, string>, target: Target): Drawer {
  const tables = tableDrawer(model, partialTables);
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

/** The logo as the layouts show it in an output: its address there and its size. */
export function logoOf(logo: ImageAsset | undefined, target: Target): LayoutLogo | undefined {
  return logo ? { src: imageSrc(logo, target), width: logo.width, height: logo.height } : undefined;
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
  const draw = reportDrawer(model, context.placements, context.figures, context.partialTables, 'page');
  return { draw, body: renderBody(context.chapters, draw, model.bilagor.length) };
}

/**
 * Renders the whole web page: the chapters' HTML through the layout template
 * (letterhead, contents, chapters, decision, footnotes, appendices). Template
 * errors are diagnostics at the template's line.
 */
/** Where the page links the report's Word file, and its size once it is made. */
export interface WordLink {
  href: string;
  size: number | undefined;
}

export function renderPage(context: CheckContext, diagnostics: Diagnostics, options: { pdfHref: string | undefined; docx?: WordLink | undefined; openData: { datasets: DatasetView[]; record: string | undefined }; body?: PageBody | undefined; downloads?: ReadonlyMap<string, string> | undefined }): RenderedPage | undefined {
  const model = context.model as ReportModel;
  const templates = context.sources.templates;
  const { draw, body } = options.body ?? pageBody(context, diagnostics);
  const { rapport } = model;
  const layout: PageLayout = {
    ...layoutFacts(rapport, logoOf(context.figures.logo, 'page')),
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
    downloads: [...(options.downloads ?? [])].map(([name, href]) => ({ name, href })),
  };
  const html = renderLayout(templates.get('layout.hbs'), layoutPartials(templates), layout, diagnostics);
  return html === undefined ? undefined : { html, body };
}
