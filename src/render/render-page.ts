import type { Element } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import Handlebars from 'handlebars';
import type { Root as HastRoot } from 'hast';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import type { ReportModel } from '../model/compute.js';
import type { ParsedChapter } from '../parse/parse-markdown.js';
import { checkTemplateScope } from '../parse/template-scope.js';
import { renderBody, toSafeHast, type PlacedTable, type ReportBody } from './markdown-to-hast.js';

/** An appendix as the page shows it: number, title and (optionally) a parsed body. */
export interface AppendixView {
  number: number;
  key: string;
  title: string;
  body: ParsedChapter | undefined;
  pdf: string | undefined;
}

/** What the render stage hands to the write stage. */
export interface RenderedPage {
  html: string;
  body: ReportBody;
}

/** How appendices are drawn: heading level, and the note for an appendix without a Markdown body. */
export interface AppendixOptions {
  headingTag: 'h2' | 'h3';
  /** A note to show instead of the default for an appendix without a body. */
  separateNote?: (appendix: AppendixView) => string | undefined;
}

/** Each appendix as a section: `Bilaga N` heading with its title, then its body or a note. */
export function renderAppendices(appendices: readonly AppendixView[], options: AppendixOptions = { headingTag: 'h3' }): Element[] {
  return appendices.map((a) => {
    let content: Element[];
    if (a.body) {
      const tree = toSafeHast.runSync(structuredClone(a.body.tree)) as HastRoot;
      content = tree.children.filter((c): c is Element => c.type === 'element');
    } else {
      content = [h('p', { className: ['appendix-separate'] }, options.separateNote?.(a) ?? 'Bilagan lämnas separat.')];
    }
    return h('section', { className: ['appendix'], id: `bilaga-${a.number}`, ariaLabelledBy: `bilaga-${a.number}-rubrik` }, [
      h(options.headingTag, { id: `bilaga-${a.number}-rubrik` }, [h('span', { className: ['appendix-number'] }, `Bilaga ${a.number}`), ' ', h('span', { className: ['appendix-title'] }, a.title)]),
      ...content,
    ]);
  });
}

/**
 * Renders a layout template (with the letterhead partial) against its
 * context. Every missing key or unknown partial is reported at its own
 * template's line first; nothing is rendered then.
 */
export function renderLayout(layout: SourceFile | undefined, letterhead: SourceFile | undefined, context: object, diagnostics: Diagnostics): string | undefined {
  if (!layout || !letterhead) return undefined;
  if (!templatesFit([layout, letterhead], context, diagnostics)) return undefined;
  const hb = Handlebars.create();
  const options = { strict: true, knownHelpersOnly: true, knownHelpers: {} };
  try {
    hb.registerPartial('letterhead', hb.compile(letterhead.text, options));
    return hb.compile(layout.text, options)(context);
  } catch (error) {
    reportTemplateError(error, layout, diagnostics);
    return undefined;
  }
}

/**
 * Renders the whole web page: the chapters' HTML through the layout template
 * (letterhead, contents, chapters, footnotes, appendices). Template errors
 * are diagnostics at the template's line.
 */
export function renderPage(
  model: ReportModel,
  chapters: readonly ParsedChapter[],
  tables: readonly PlacedTable[],
  appendices: readonly AppendixView[],
  templates: Map<string, SourceFile>,
  diagnostics: Diagnostics,
  options: { pdfHref: string | undefined },
): RenderedPage | undefined {
  const body = renderBody(chapters, tables, model);
  const { rapport } = model.data;
  const html = renderLayout(templates.get('layout.hbs'), templates.get('partials/letterhead.hbs'), {
    rapport,
    pageTitle: `${rapport.kortTitel ?? rapport.titel} – ${rapport.myndighet}`,
    toc: body.toc,
    chapters: toHtml(body.chapters),
    footnotes: body.footnotes ? toHtml(body.footnotes) : '',
    appendixList: appendices.map((a) => ({ number: a.number, title: a.title })),
    appendices: toHtml(renderAppendices(appendices)),
    pdfHref: options.pdfHref ?? '',
    hasPdf: options.pdfHref !== undefined,
  }, diagnostics);
  return html === undefined ? undefined : { html, body };
}

/**
 * Checks layout templates against the context they get, before rendering:
 * every missing key or unknown partial is reported at its own template's
 * line (strict Handlebars would stop at the first, and name the layout).
 */
export function templatesFit(files: readonly SourceFile[], context: unknown, diagnostics: Diagnostics): boolean {
  let ok = true;
  for (const file of files) {
    let program: hbs.AST.Program;
    try {
      program = Handlebars.parse(file.text);
    } catch (error) {
      reportTemplateError(error, file, diagnostics);
      ok = false;
      continue;
    }
    for (const p of checkTemplateScope(program, context, [], ['letterhead'])) {
      diagnostics.error(p.ruleId, file.path, { line: p.line, column: p.column }, p.message);
      ok = false;
    }
  }
  return ok;
}

export function reportTemplateError(error: unknown, file: SourceFile, diagnostics: Diagnostics): void {
  const e = error as Error & { lineNumber?: number; column?: number };
  const m = /line (\d+)/.exec(e.message);
  const line = e.lineNumber ?? (m?.[1] ? Number(m[1]) : undefined);
  const point = line ? { line, column: (e.column ?? 0) + 1 } : undefined;
  diagnostics.error('template-layout', file.path, point, `template ${file.path}: ${(e.message.split('\n')[0] ?? '').replace(/ - \d+:\d+$/, '')}`);
}
