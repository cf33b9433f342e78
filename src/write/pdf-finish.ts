import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFOperator, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { TOOL_PRODUCER } from '../load/tool-package.js';
import type { LayoutHints, Placement } from './pdf.js';
import { addPageFigure, fontsNotEmbedded } from './pdf-standards/appendix-pages.js';
import { graftStructure, keepsStructure, type GraftedPage } from './pdf-standards/appendix-structure.js';
import { markPageContent, type KeptContent } from './pdf-standards/content-pass.js';
import { addOutputIntent } from './pdf-standards/output-intent.js';
import { sortIdTree, treeOrder } from './pdf-standards/id-order.js';
import { fixStructure } from './pdf-standards/structure.js';
import { xmpPacket } from './pdf-standards/xmp.js';

export { xmpPacket } from './pdf-standards/xmp.js';

/**
 * pdf-lib reads and writes 50 objects at a time and waits for a timer in
 * between (to keep a browser's page responsive); a build has nothing else to
 * do meanwhile, and the waits were 80 % of the finishing time of a long
 * report. Same bytes either way.
 */
const NO_WAIT = { updateMetadata: false, parseSpeed: Infinity };

/** The document metadata the PDF carries. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  /** The one date used for creation and modification: same input, same bytes. */
  date: Date;
}

/**
 * Chromium names tagged elements after its DOM node ids (`node00000286`),
 * which shift by one when the browser happens to make one more node, and
 * which follow the order the nodes were first printed in, not the order of
 * the document (a page kept laid out from an earlier print has older ids
 * than the pages laid out again before it). Renames them from 1 in the order
 * of the structure tree (where the ids of a fresh page's print stand in
 * their own order), in element ids, table header references and the id
 * tree (sorted again by its new keys), so that the same input gives the
 * same bytes.
 */
export function renumberStructureIds(doc: PDFDocument): void {
  // One walk of the structure tree (its elements, their attributes, the id tree, the parent
  // tree; not the pages, annotations and parents they point at) finds every node id and where it stands
  // (a string in an array, or the value of one of these keys); then only those are rewritten.
  const found: { id: number; replace: (s: PDFString) => void }[] = [];
  const ID_KEYS = new Set([PDFName.of('ID'), PDFName.of('Headers'), PDFName.of('Names'), PDFName.of('Limits')]);
  const ELSEWHERE = new Set([PDFName.of('P'), PDFName.of('Pg'), PDFName.of('Obj'), PDFName.of('Stm'), PDFName.of('StmOwn')]);
  const seen = new Set<PDFObject>();
  const visit = (value: PDFObject | undefined, replace: (s: PDFString) => void): void => {
    const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (object instanceof PDFString && object === value) {
      const m = /^node(\d+)$/.exec(object.asString());
      if (m) found.push({ id: Number(m[1]), replace });
      return;
    }
    if (!(object instanceof PDFArray || object instanceof PDFDict) || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) visit(object.get(i), (s) => object.set(i, s));
    } else {
      for (const [key, entry] of object.entries()) {
        if (!ELSEWHERE.has(key) && (ID_KEYS.has(key) || !(entry instanceof PDFString))) visit(entry, (s) => object.set(key, s));
      }
    }
  };
  const root = doc.catalog.get(PDFName.of('StructTreeRoot'));
  visit(root, () => undefined);
  const rank = treeOrder(doc, root);
  const place = (id: number): number => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const order = new Map([...new Set(found.map((f) => f.id))].sort((a, b) => place(a) - place(b) || a - b).map((id, i) => [id, i + 1]));
  for (const { id, replace } of found) replace(PDFString.of(`node${String(order.get(id)).padStart(8, '0')}`));
  sortIdTree(doc, root);
}

/** The standards a PDF can meet: `auto` claims every one the report allows, `none` writes a plain PDF. */
export type PdfStandardChoice = 'auto' | 'none';

/** A standard the PDF was meant to meet but does not, and why (a text id with its parameters). */
export type StandardShortfall =
  | { standard: 'PDF/A-2u' | 'PDF/UA-1'; why: 'pdf.why.no-profile' }
  | { standard: 'PDF/A-2u' | 'PDF/UA-1'; why: 'pdf.why.appendix-fonts'; number: number; fonts: string }
  | { standard: 'PDF/UA-1'; why: 'pdf.why.structure'; reason: string };

/** What finishing made: the bytes, the standards the PDF claims and meets, and those left out. */
export interface FinishedPdf {
  bytes: Uint8Array;
  standards: ('PDF/A-2u' | 'PDF/UA-1')[];
  shortfalls: StandardShortfall[];
  /** Per attached appendix: the fonts its pages use without embedding them. */
  appendixFonts: Map<number, string[]>;
}

/** An attached appendix as the finished PDF names it. */
export interface AttachedAppendix {
  bytes: Uint8Array;
  title: string;
  pages: number;
}

/** Stands for the file identifier until the bytes it is the hash of are known. */
const ID_PLACEHOLDER = '0'.repeat(32);

/**
 * Writes the file identifier (ISO 32000-1 14.4; PDF/A-2 6.1.3, veraPDF
 * 6.1.3-1) into the saved bytes: a hash of the file itself (with the
 * placeholder in its place), not of the clock, so that the same input gives
 * the same bytes. Chromium's own identifier is random.
 */
function writeFileId(bytes: Uint8Array): Uint8Array {
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = `<${ID_PLACEHOLDER.toUpperCase()}>`;
  let at = text.lastIndexOf(needle);
  const marker = Buffer.from(`<${id.toUpperCase()}>`, 'latin1');
  for (let n = 0; n < 2 && at >= 0; n++) {
    marker.copy(text, at);
    at = text.lastIndexOf(needle, at - 1);
  }
  return bytes;
}

/**
 * Finishes the printed PDF: draws attached appendix pages onto their
 * placeholder pages (below the page number), sets the document information
 * and an XMP metadata stream, fixes the dates, and saves it so that the same
 * input gives the same bytes. The tag structure Chromium wrote survives.
 * With `auto` it makes the PDF PDF/A-2u and PDF/UA-1 as far as the report
 * allows (see pdf-standards/) and claims in the XMP only what holds.
 */
export async function finishPdf(
  printed: Uint8Array,
  meta: PdfMetadata,
  attachments: Map<number, AttachedAppendix>,
  placements: readonly Placement[],
  hints: LayoutHints,
  standard: PdfStandardChoice = 'auto',
  /** The pages' rewritten content kept from the last PDF (the live preview's; see markPageContent). */
  keptContent?: Map<string, KeptContent>,
): Promise<FinishedPdf> {
  const doc = await PDFDocument.load(printed, NO_WAIT);
  const conform = standard === 'auto';
  const sources = new Map<number, PDFDocument>();
  const appendixFonts = new Map<number, string[]>();
  // A tagged attached PDF keeps its structure (drawn as forms that mark their own content); any other is a Figure per page.
  const grafts = new Map<number, { pages: GraftedPage[]; headingPage: number }>();
  for (const placement of placements) {
    const attached = attachments.get(placement.appendix);
    if (!attached) continue;
    let source = sources.get(placement.appendix);
    if (!source) {
      source = await PDFDocument.load(attached.bytes, NO_WAIT);
      sources.set(placement.appendix, source);
      if (conform && keepsStructure(source)) grafts.set(placement.appendix, { pages: [], headingPage: placement.pageIndex - 1 });
    }
    const graft = grafts.get(placement.appendix);
    const sourcePage = source.getPage(placement.page);
    const missing = fontsNotEmbedded(source, sourcePage);
    if (missing.length) appendixFonts.set(placement.appendix, [...new Set([...(appendixFonts.get(placement.appendix) ?? []), ...missing])].sort());
    const [embedded] = await doc.embedPdf(source, [placement.page]);
    const page = doc.getPage(placement.pageIndex);
    if (!embedded) continue;
    const { width, height } = page.getSize();
    // Leave the top 20 mm for the page number; keep the attached page's proportions.
    const top = (20 / 25.4) * 72;
    const box = { width: width - 2 * 20, height: height - top - 20 };
    const scale = Math.min(box.width / embedded.width, box.height / embedded.height);
    const alt = `Bilaga ${placement.appendix}, sida ${placement.page + 1} av ${attached.pages}: ${attached.title}`;
    const mcid = conform && !graft ? addPageFigure(doc, page, alt) : undefined;
    if (mcid !== undefined) page.pushOperators(PDFOperator.of('BDC' as never, [PDFName.of('Figure'), doc.context.obj({ MCID: mcid }) as unknown as PDFName]));
    page.drawPage(embedded, {
      x: (width - embedded.width * scale) / 2,
      y: 20 + (box.height - embedded.height * scale) / 2,
      xScale: scale,
      yScale: scale,
    });
    if (mcid !== undefined) page.pushOperators(PDFOperator.of('EMC' as never));
    if (graft) {
      // The form now, so that it can carry its own parent tree entry.
      await embedded.embed();
      graft.pages.push({ source: sourcePage, page, form: embedded.ref });
    }
  }
  if (conform) markPageContent(doc, new Set(hints.spacedHyphens), new Set([...grafts.values()].flatMap((g) => g.pages.map((p) => p.form))), keptContent);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.language);
  doc.setProducer(TOOL_PRODUCER);
  doc.setCreator(`${TOOL_PRODUCER} (Chromium, Paged.js)`);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  renumberStructureIds(doc);
  // Chromium tags <strong>/<em> as Strong/Em, which PDF 1.7 does not define:
  // map them to Span so checkers read the structure tree.
  const structRoot = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (structRoot instanceof PDFDict) {
    structRoot.set(PDFName.of('RoleMap'), doc.context.obj({ Strong: 'Span', Em: 'Span' }));
  }
  const shortfalls: StandardShortfall[] = [];
  if (conform) {
    const structure = fixStructure(doc, hints, meta.language);
    if (structure.problems.length) shortfalls.push({ standard: 'PDF/UA-1', why: 'pdf.why.structure', reason: structure.problems.join('; ') });
    // After the report's own structure is fixed: the appendix's links, notes and tables are its own.
    for (const [number, graft] of grafts) {
      const source = sources.get(number);
      const headingPage = graft.headingPage >= 0 ? doc.getPage(graft.headingPage).ref : undefined;
      if (source && graftStructure(doc, source, graft.pages, { number, title: attachments.get(number)?.title ?? '' }, headingPage) === 0) {
        shortfalls.push({ standard: 'PDF/UA-1', why: 'pdf.why.structure', reason: `appendix ${number}: its structure could not be joined to the report's` });
      }
    }
    if (!addOutputIntent(doc)) shortfalls.push({ standard: 'PDF/A-2u', why: 'pdf.why.no-profile' });
    for (const [number, fonts] of appendixFonts) {
      for (const name of ['PDF/A-2u', 'PDF/UA-1'] as const) shortfalls.push({ standard: name, why: 'pdf.why.appendix-fonts', number, fonts: fonts.join(', ') });
    }
  }
  const standards = conform ? (['PDF/A-2u', 'PDF/UA-1'] as const).filter((name) => !shortfalls.some((s) => s.standard === name)) : [];
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(meta, { pdfa: standards.includes('PDF/A-2u'), pdfua: standards.includes('PDF/UA-1') })), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  const id = PDFHexString.of(ID_PLACEHOLDER);
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  const bytes = writeFileId(await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }));
  return { bytes, standards, shortfalls, appendixFonts };
}
