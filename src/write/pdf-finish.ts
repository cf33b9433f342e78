import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import type { Placement } from './pdf.js';
import { TOOL_PRODUCER } from '../load/tool-package.js';

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

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An XMP packet with title, author, language, dates and the PDF/UA identification. */
export function xmpPacket(meta: PdfMetadata): string {
  const date = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${escapeXml(meta.language)}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${escapeXml(meta.keywords.join(', '))}</pdf:Keywords>
<pdf:Producer>${escapeXml(TOOL_PRODUCER)}</pdf:Producer>
<xmp:CreatorTool>${escapeXml(TOOL_PRODUCER)} (Chromium, Paged.js)</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Chromium names tagged elements after its DOM node ids (`node00000286`),
 * which shift by one when the browser happens to make one more node. Renames
 * them in the same order from 1, in element ids, table header references and
 * the id tree, so that the same input gives the same bytes.
 */
export function renumberStructureIds(doc: PDFDocument): void {
  // One walk finds every node id and where it stands (a string in an array, or the value of
  // one of these keys); then only those are rewritten.
  const found: { id: number; replace: (s: PDFString) => void }[] = [];
  const ID_KEYS = new Set([PDFName.of('ID'), PDFName.of('Headers'), PDFName.of('Names'), PDFName.of('Limits')]);
  const visit = (object: PDFObject | undefined, replace: (s: PDFString) => void): void => {
    if (object instanceof PDFString) {
      const m = /^node(\d+)$/.exec(object.asString());
      if (m) found.push({ id: Number(m[1]), replace });
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) visit(object.get(i), (s) => object.set(i, s));
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        if (ID_KEYS.has(key) || value instanceof PDFArray || value instanceof PDFDict) visit(value, (s) => object.set(key, s));
      }
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object, () => undefined);
  const order = new Map([...new Set(found.map((f) => f.id))].sort((a, b) => a - b).map((id, i) => [id, i + 1]));
  for (const { id, replace } of found) replace(PDFString.of(`node${String(order.get(id)).padStart(8, '0')}`));
}

/**
 * Finishes the printed PDF: draws attached appendix pages onto their
 * placeholder pages (below the page number), sets the document information
 * and an XMP metadata stream, fixes the dates, and saves it so that the same
 * input gives the same bytes. The tag structure Chromium wrote survives.
 */
export async function finishPdf(printed: Uint8Array, meta: PdfMetadata, attachments: Map<number, Uint8Array>, placements: readonly Placement[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(printed, NO_WAIT);
  const sources = new Map<number, PDFDocument>();
  for (const placement of placements) {
    const bytes = attachments.get(placement.appendix);
    if (!bytes) continue;
    let source = sources.get(placement.appendix);
    if (!source) {
      source = await PDFDocument.load(bytes, NO_WAIT);
      sources.set(placement.appendix, source);
    }
    const [embedded] = await doc.embedPdf(source, [placement.page]);
    const page = doc.getPage(placement.pageIndex);
    if (!embedded) continue;
    const { width, height } = page.getSize();
    // Leave the top 20 mm for the page number; keep the attached page's proportions.
    const top = (20 / 25.4) * 72;
    const box = { width: width - 2 * 20, height: height - top - 20 };
    const scale = Math.min(box.width / embedded.width, box.height / embedded.height);
    page.drawPage(embedded, {
      x: (width - embedded.width * scale) / 2,
      y: 20 + (box.height - embedded.height * scale) / 2,
      xScale: scale,
      yScale: scale,
    });
  }
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
  const xmp = doc.context.stream(xmpPacket(meta), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
