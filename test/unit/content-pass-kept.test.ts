import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { markPageContent, type KeptContent } from '../../src/write/pdf-standards/content-pass.js';
import { REPO } from '../helpers.js';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'pdf', 'tagged-appendix.pdf');

/** The fixture's pages rewritten by the content pass (with `kept`, as the preview does), and the file saved. */
async function marked(kept?: Map<string, KeptContent>, change?: (doc: PDFDocument) => void): Promise<{ artifacts: number; saved: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(await readFile(FIXTURE), { updateMetadata: false });
  change?.(doc);
  const result = markPageContent(doc, new Set(), new Set(), kept);
  return { artifacts: result.artifacts, saved: await doc.save({ useObjectStreams: false }), pages: doc.getPageCount() };
}

/** Adds a drawing outside any marked content to the first page's printed content: one more artifact there. */
function drawOnFirstPage(doc: PDFDocument): void {
  const page = doc.getPage(0);
  const ref = page.node.get(PDFName.of('Contents'));
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
  if (!(stream instanceof PDFRawStream)) throw new Error('the fixture has one printed stream a page');
  const text = `${inflateSync(stream.contents).toString('latin1')}\n0 0 1 1 re\nf`;
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(deflateSync(Buffer.from(text, 'latin1')), { Filter: 'FlateDecode' })));
}

describe('the preview keeps the pages the content pass rewrote', () => {
  it('a PDF finished with the last one kept is the same file, each page taken from what was kept', async () => {
    const fresh = await marked();
    const kept = new Map<string, KeptContent>();
    const first = await marked(kept);
    expect(Buffer.compare(first.saved, fresh.saved)).toBe(0);
    expect(kept.size).toBeGreaterThan(0);
    expect(kept.size).toBeLessThanOrEqual(fresh.pages);
    // Marked so that a page taken from what was kept shows in the count.
    for (const content of kept.values()) content.artifacts += 1000;
    const again = await marked(kept);
    expect(again.artifacts).toBe(fresh.artifacts + 1000 * fresh.pages);
    expect(Buffer.compare(again.saved, fresh.saved)).toBe(0);
  });

  it('a page whose printed content changed is rewritten again; the others are taken from what was kept', async () => {
    const kept = new Map<string, KeptContent>();
    await marked(kept);
    const before = new Set(kept.keys());
    const changed = await marked(kept, drawOnFirstPage);
    expect([...kept.keys()].filter((key) => !before.has(key))).toHaveLength(1);
    const fresh = await marked(undefined, drawOnFirstPage);
    expect(changed.artifacts).toBe(fresh.artifacts);
    expect(Buffer.compare(changed.saved, fresh.saved)).toBe(0);
  });
});
