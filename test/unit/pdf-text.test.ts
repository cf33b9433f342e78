import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { appendixNumberIn, firstPageText } from '../../src/figures/pdf-text.js';
import { REPO } from '../helpers.js';

/** A one-page PDF with these lines in Helvetica (a simple font without a ToUnicode map). */
async function pdfWith(lines: string[]): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - 20 * i, size: 12, font }));
  return PDFDocument.load(await doc.save());
}

const load = async (file: string): Promise<PDFDocument> => PDFDocument.load(await readFile(path.join(REPO, file)), { updateMetadata: false });

describe('the text of an attached PDF\'s first page, read with pdf-lib', () => {
  it('a simple font: the lines in order, and the number the page gives itself', async () => {
    const doc = await pdfWith(['Bilaga 2', 'Program för startmötet', 'Se även bilaga 4.']);
    expect(firstPageText(doc)).toBe('Bilaga 2 Program för startmötet Se även bilaga 4.');
    expect(appendixNumberIn(firstPageText(doc))).toBe(2);
  });

  it('Chromium\'s PDF (a composite font, each glyph placed on its own, spaces as glyphs), by its ToUnicode map', async () => {
    const text = firstPageText(await load('examples/regional-fordelning/bilagor/fordelningsbeslut.pdf'));
    expect(text).toContain('Beslut om fördelning av medel till regionerna Myndigheten beslutar att fördela 58 320 000 kronor');
    expect(appendixNumberIn(text)).toBeUndefined();
  });

  it('LibreOffice\'s PDF (a subset TrueType font with its map, strings in TJ arrays)', async () => {
    const text = firstPageText(await load('test/fixtures/checks/appendix-pdf-number/bilagor/program.pdf'));
    expect(text).toMatch(/^Bilaga 3 Program för startmötet Startmötet hölls hos myndigheten\./);
    expect(appendixNumberIn(text)).toBe(3);
  });

  it('a page drawn as a form (another PDF\'s page placed on it) is read inside the form', async () => {
    const inner = await pdfWith(['BILAGA 5', 'Yttrande']);
    const outer = await PDFDocument.create();
    const [embedded] = await outer.embedPdf(await inner.save());
    if (!embedded) throw new Error('not embedded');
    outer.addPage([595, 842]).drawPage(embedded);
    const doc = await PDFDocument.load(await outer.save());
    expect(firstPageText(doc)).toBe('BILAGA 5 Yttrande');
    expect(appendixNumberIn(firstPageText(doc))).toBe(5);
  });

  it('only a heading\'s number counts: not a mention in running text, not a longer number or word', () => {
    expect(appendixNumberIn('Program för mötet, se bilaga 3 i rapporten')).toBeUndefined();
    expect(appendixNumberIn('Bilaga 12 Yttranden')).toBe(12);
    expect(appendixNumberIn('Bilaga 2024-05-01')).toBeUndefined();
    expect(appendixNumberIn('Bilaga2 Program')).toBe(2);
    expect(appendixNumberIn('Bilagan består av två delar')).toBeUndefined();
  });

  it('a page with no text (a scan) and a damaged content stream give no text and do not throw', async () => {
    const scan = await PDFDocument.create();
    scan.addPage([595, 842]).drawRectangle({ x: 10, y: 10, width: 100, height: 100 });
    expect(firstPageText(await PDFDocument.load(await scan.save()))).toBe('');
    const doc = await pdfWith(['Bilaga 2']);
    const page = doc.getPage(0);
    const junk = doc.context.flateStream(Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    page.node.set(PDFName.of('Contents'), doc.context.register(junk));
    expect(junk).toBeInstanceOf(PDFRawStream);
    expect(typeof firstPageText(doc)).toBe('string');
    const unclosed = doc.context.flateStream('BT /F1 12 Tf [(Bilaga 2) -300 (Program');
    page.node.set(PDFName.of('Contents'), doc.context.register(unclosed));
    expect(() => firstPageText(doc)).not.toThrow();
  });
});
