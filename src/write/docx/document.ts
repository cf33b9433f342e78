import { AlignmentType, Bookmark, Document, Footer, InternalHyperlink, PageNumber, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { FootnoteDefinition } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CheckContext } from '../../check/check-context.js';
import { Diagnostics } from '../../diagnostics/diagnostic.js';
import { appendixHeadingShift } from '../../markdown/appendix-headings.js';
import type { AppendixText } from '../../markdown/parse-markdown.js';
import type { ReportModel } from '../../model/report-model.js';
import { appendixPdfPath, reportDrawer } from '../../render/render-page.js';
import { footnoteParagraphs, writeBlocks, type PlaceDrawer } from './blocks.js';
import type { WordImages } from './images.js';
import { bookmarkName, imageRun, textRun, type WriteContext } from './inline.js';
import { decisionBlock, letterhead } from './letterhead.js';
import { documentNumbering, documentStyles, FONT, LANGUAGE, mm, PAGE, STYLE } from './styles.js';
import { captionParagraph, declaredTable, drawnTable } from './tables.js';

/** The drawer of what the text places: declared tables with their captions, figures as images with alt text and captions. */
function placeDrawer(context: CheckContext, model: ReportModel, images: WordImages): PlaceDrawer {
  // A table with a partial of the report's own is drawn as the page draws it (its problems the page reports).
  const html = reportDrawer(model, context.placements, context.figures, context.partialTables, 'print');
  const templated = (key: string, number: number, caption: string): FileChild[] | undefined => {
    const drawn = html.placed(key);
    const table = drawn?.tagName === 'table' ? drawn : drawn?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'table');
    if (!table) return undefined;
    // The partial's rows come as the HTML it wrote: read back as a tree.
    const parsed = fromHtml(toHtml(table, { allowDangerousHtml: true }), { fragment: true }).children.find((c): c is Element => c.type === 'element' && c.tagName === 'table');
    return parsed && drawnTable(parsed, number, caption);
  };
  return (key) => {
    const place = context.placements.get(key);
    if (!place) return undefined;
    if (place.kind === 'tabell') {
      const table = model.tables.find((t) => t.key === key);
      if (!table) return undefined;
      return table.template ? templated(key, place.number, table.caption) : declaredTable(table, place.number);
    }
    const figure = model.figures.find((f) => f.key === key);
    if (!figure) return undefined;
    const image = figure.chart ? images.charts.get(key) : figure.image === undefined ? undefined : images.images.get(figure.image);
    if (!image) return undefined;
    return [
      new Paragraph({ keepNext: true, spacing: { before: mm(4), after: 0 }, children: [imageRun(image, figure.description, `Figur ${place.number}. ${figure.caption}`)] }),
      captionParagraph('Figur', place.number, figure.caption, { keepNext: false }),
    ];
  };
}

/** An appendix from a new page: `Bilaga N` over its title (Heading 1), then its body, or where its PDF is, or that it is separate. */
function appendixBlocks(appendix: AppendixText, write: (appendix: AppendixText) => FileChild[]): FileChild[] {
  const heading = new Paragraph({
    style: STYLE.heading(1),
    pageBreakBefore: true,
    children: [new Bookmark({ id: bookmarkName(`bilaga-${appendix.number}`), children: [textRun(`Bilaga ${appendix.number}`, { size: 22 })] }), new TextRun({ break: 1 }), textRun(appendix.title, { size: 30 })],
  });
  if (appendix.body) return [heading, ...write(appendix)];
  if (appendix.pdf) {
    const file = appendixPdfPath(appendix).split('/').pop() as string;
    return [heading, new Paragraph({ children: [textRun('Bilagan är en PDF-fil och lämnas separat: '), textRun(file, { bold: true }), textRun(` (${appendix.title}). Den ingår också i rapportens PDF-version.`)] })];
  }
  return [heading, new Paragraph({ children: [textRun('Bilagan lämnas separat.', { italics: true })] })];
}

/** The list of appendices after the decision, as on the web page: `Bilaga N Title`, each linked to its appendix. */
function appendixList(appendices: readonly AppendixText[]): FileChild[] {
  if (appendices.length === 0) return [];
  return [
    new Paragraph({ spacing: { before: mm(10) }, keepNext: true, children: [textRun('Bilagor', { bold: true })] }),
    ...appendices.map(
      (a) =>
        new Paragraph({
          spacing: { after: mm(1) },
          children: [new InternalHyperlink({ anchor: bookmarkName(`bilaga-${a.number}`), children: [textRun(`Bilaga ${a.number}`, { link: true })] }), textRun(` ${a.title}`)],
        }),
    ),
  ];
}

/**
 * The report as a Word document: the letterhead and the title on the first
 * page, a table of contents, the chapters with their footnotes as Word
 * footnotes, tables and figures, the decision, the list of appendices, then
 * each appendix from a new page; page numbers `n (N)` in the footer; the
 * title, agency and description as the document's properties; the
 * report's font embedded when `faces` are given.
 */
export function reportDocument(context: CheckContext, images: WordImages, faces: { data: Buffer; bold: Buffer; italic: Buffer; boldItalic: Buffer } | undefined): Document {
  const model = context.model as ReportModel;
  const { rapport } = model;
  const definitions = new Map<string, FootnoteDefinition>();
  const texts = [...context.chapters, ...context.appendices.flatMap((a) => (a.body ? [a.body] : []))];
  for (const text of texts) visit(text.tree, 'footnoteDefinition', (node: FootnoteDefinition) => void definitions.set(node.identifier, node));
  const anchors = new Set<string>([...context.appendices.map((a) => bookmarkName(`bilaga-${a.number}`)), ...[...context.placements.values()].map((p) => bookmarkName(`${p.kind}-${p.number}`))]);
  const write: WriteContext = { definitions, footnotes: new Map(), footnoteBodies: {}, writeFootnote: (d) => footnoteParagraphs(d, write), images: images.images, anchors, lists: 0 };
  const place = placeDrawer(context, model, images);

  const chapters = context.chapters.flatMap((chapter) => writeBlocks(chapter.tree.children, write, place, { headingShift: 0 }));
  const appendices = context.appendices.flatMap((a) => appendixBlocks(a, (appendix) => writeBlocks(appendix.body?.tree.children ?? [], write, place, { headingShift: appendix.body ? appendixHeadingShift(appendix.body.tree, 1) : 0 })));
  const children: FileChild[] = [
    ...letterhead(rapport, images.logo),
    new Paragraph({ style: STYLE.title, children: [textRun(rapport.titel)] }),
    new Paragraph({ style: STYLE.toc, children: [textRun('Innehåll')] }),
    new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-3' }),
    ...chapters,
    ...decisionBlock(rapport),
    ...appendixList(context.appendices),
    ...appendices,
  ];
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'], size: 19, language: LANGUAGE })] })] });
  return new Document({
    title: rapport.titel,
    subject: rapport.beskrivning,
    description: rapport.beskrivning,
    creator: rapport.myndighet,
    lastModifiedBy: rapport.myndighet,
    keywords: [`Dnr ${rapport.dnr}`, ...(rapport.ertDnr ? [`Ert dnr ${rapport.ertDnr}`] : [])].join(', '),
    revision: 1,
    styles: documentStyles(),
    numbering: documentNumbering(),
    footnotes: write.footnoteBodies,
    features: { updateFields: true },
    theme: { fonts: { headings: FONT, body: FONT } },
    // The font goes with the document (its licence, the SIL OFL, allows it), so it reads as the PDF where it is not installed.
    ...(faces ? { fonts: [{ name: FONT, ...faces }] } : {}),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, right: PAGE.right, bottom: PAGE.bottom, left: PAGE.left, header: mm(12), footer: mm(10) } } },
        footers: { default: footer },
        children,
      },
    ],
  });
}
