import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import { placedOf } from '../expand/placements.js';
import type { AppendixText } from '../markdown/parse-markdown.js';
import type { ReportModel } from '../model/report-model.js';
import type { Drawer, ReportBody } from './markdown-to-hast.js';
import { imageSrc } from './figures.js';
import { logoOf, renderAppendices, reportDrawer } from './render-page.js';
import { layoutFacts, layoutPartials, renderLayout, type PrintLayout } from '../expand/layout-templates.js';
import type { CheckContext } from '../check/check-context.js';

/** Page counts of attached appendix PDFs, by appendix number. */
export type AttachmentPages = Map<number, number>;

/**
 * Moves each footnote's text to where it is referenced, as
 * `<span class="footnote">`, so the paged layout (CSS `float: footnote`)
 * sets it at the foot of that page. Numbering stays 1…N in reference order.
 */
export function inlineFootnotes(body: ReportBody): Element[] {
  const texts = new Map<string, ElementContent[]>();
  if (body.footnotes) {
    visit(body.footnotes, 'element', (li) => {
      if (li.tagName !== 'li' || typeof li.properties['id'] !== 'string') return;
      const content: ElementContent[] = [];
      for (const child of li.children) {
        if (child.type !== 'element') continue;
        const parts = child.tagName === 'p' ? child.children : [child];
        content.push(...parts.filter((p) => !(p.type === 'element' && p.properties['dataFootnoteBackref'] !== undefined)));
      }
      while (content.length && content[content.length - 1]?.type === 'text' && (content[content.length - 1] as { value: string }).value.trim() === '') content.pop();
      texts.set(li.properties['id'], content);
      return SKIP;
    });
  }
  const chapters = structuredClone(body.chapters);
  for (const chapter of chapters) {
    visit(chapter, 'element', (node, index, parent) => {
      if (node.tagName !== 'sup' || !parent || index === undefined) return;
      const link = node.children.find((c): c is Element => c.type === 'element' && c.properties['dataFootnoteRef'] !== undefined);
      const target = String(link?.properties['href'] ?? '').replace(/^#/, '');
      const text = texts.get(target);
      if (!text) return;
      parent.children.splice(index, 1, h('span', { className: ['footnote'] }, structuredClone(text)));
      return [SKIP, index + 1];
    });
  }
  return chapters;
}

/**
 * The page's chapters made fit for print: images as data (the print
 * document loads no files), and each figure drawn for print (tagged for the
 * PDF, without the page's disclosure of the chart's numbers, which paper
 * cannot open).
 */
function printBody(chapters: Element[], context: CheckContext, draw: Drawer): Element[] {
  const byHref = new Map([...context.figures.images.values()].map((image) => [image.href, image]));
  const figureKeys = new Map(placedOf(context.placements, 'figur').map(([key, place]) => [`figur-${place.number}`, key]));
  for (const chapter of chapters) {
    visit(chapter, 'element', (node, index, parent) => {
      if (node.tagName === 'img') {
        const image = byHref.get(String(node.properties['src']));
        if (image) node.properties['src'] = imageSrc(image, 'print');
      } else if ((node.tagName === 'figure' || String(node.properties['className']).includes('figure-block')) && parent && index !== undefined) {
        const figure = node.tagName === 'figure' ? node : node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figure');
        const key = figureKeys.get(String(figure?.properties['id']));
        const printed = key === undefined ? undefined : draw.placed(key);
        if (printed) parent.children.splice(index, 1, printed);
        return SKIP;
      }
      return undefined;
    });
  }
  return chapters;
}

/** The note on an attached PDF's heading page: `Bilagan består av 2 sidor som följer.` */
function attachedNote(pages: number): string {
  return pages === 1 ? 'Bilagan består av en sida som följer.' : `Bilagan består av ${pages} sidor som följer.`;
}

/** Placeholder pages for an attached PDF: the PDF stage draws the attached pages onto them. */
function attachmentPlaceholders(appendix: number, pages: number): Element[] {
  return Array.from({ length: pages }, (_, k) => h('div', { className: ['attached-page'], dataAttachment: String(appendix), dataAttachmentPage: String(k) }));
}

/**
 * The document Chromium prints: letterhead, title, chapters with footnotes in
 * place, then each appendix from a new page. Its CSS (paged media) and fonts
 * are inlined so the page loads nothing.
 */
export function renderPrint(context: CheckContext, body: ReportBody, inlineCss: string, attachments: AttachmentPages, diagnostics: Diagnostics): string | undefined {
  const model = context.model as ReportModel;
  const { appendices } = context;
  const templates = context.sources.templates;
  const draw = reportDrawer(model, context.placements, context.figures, context.partialTables, 'print');
  const appendixSections = renderAppendices(appendices, draw, { headingTag: 'h2', separateNote: (a) => (a.pdf ? attachedNote(attachments.get(a.number) ?? 0) : undefined) });
  appendixSections.forEach((section, i) => {
    const a = appendices[i];
    if (a?.pdf) section.children.push(...attachmentPlaceholders(a.number, attachments.get(a.number) ?? 0));
  });
  const layout: PrintLayout = {
    ...layoutFacts(model.rapport, logoOf(context.figures.logo, 'print')),
    css: inlineCss,
    chapters: toHtml(printBody(inlineFootnotes(body), context, draw), { allowDangerousHtml: true }),
    appendices: toHtml({ type: 'root', children: appendixSections } as HastRoot, { allowDangerousHtml: true }),
  };
  return renderLayout(templates.get('print.hbs'), layoutPartials(templates), layout, diagnostics);
}
