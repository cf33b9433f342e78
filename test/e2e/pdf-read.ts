import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';

/** The text of each page of a PDF, as poppler's pdftotext reads it. */
export function pageTexts(pdf: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf8' }));
}

/** `pdfinfo`'s fields as a record. */
export function pdfInfo(pdf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1]) out[m[1]] = m[2] ?? '';
  }
  return out;
}

/** Fonts as `pdffonts` lists them: name and whether embedded. */
export function pdfFonts(pdf: string): { name: string; embedded: boolean }[] {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const parts = line.trim().split(/\s+/);
      const emb = parts[parts.length - 5];
      return { name: parts[0] ?? '', embedded: emb === 'yes' };
    });
}

function decode(value: unknown): string {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return String(value);
}

/** The document catalog's language, XMP packet and outline titles (depth-first). */
export async function pdfCatalog(pdf: string): Promise<{ lang: string; xmp: string; outline: string[]; markInfo: boolean }> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const catalog = doc.catalog;
  const lang = decode(catalog.lookup(PDFName.of('Lang')));
  const metadata = catalog.lookup(PDFName.of('Metadata'));
  const xmp = metadata instanceof PDFRawStream ? Buffer.from(metadata.contents).toString('utf8') : '';
  const outline: string[] = [];
  const walk = (item: unknown): void => {
    let node = item instanceof PDFDict ? item : undefined;
    while (node) {
      outline.push(decode(node.lookup(PDFName.of('Title'))));
      walk(node.lookup(PDFName.of('First')));
      const next = node.lookup(PDFName.of('Next'));
      node = next instanceof PDFDict ? next : undefined;
    }
  };
  const outlines = catalog.lookup(PDFName.of('Outlines'));
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of('First')));
  const mark = catalog.lookup(PDFName.of('MarkInfo'));
  const markInfo = mark instanceof PDFDict && String(mark.lookup(PDFName.of('Marked'))) === 'true';
  return { lang, xmp, outline, markInfo };
}

/** Every `Figure` of the PDF's tag tree with its Alt text (empty when it has none), in document order. */
export async function figureTags(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(pdf));
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const figures: string[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (!value || seen.has(value)) return;
    seen.add(value);
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) walk(value.get(i));
      return;
    }
    if (!(value instanceof PDFDict)) return;
    if (value.get(PDFName.of('S'))?.toString() === '/Figure') {
      const alt = value.get(PDFName.of('Alt'));
      figures.push(alt ? decode(alt) : '');
    }
    walk(value.get(PDFName.of('K')));
  };
  walk(root.get(PDFName.of('K')));
  return figures;
}
