import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renumberStructureIds } from '../../src/write/pdf-finish.js';

/**
 * A structure tree as Chromium writes it: three header cells named after
 * their DOM node ids (in the document's order: `first`, `second`, `third`),
 * a data cell that refers to two of them, a note with an id of its own, and
 * an id tree of two leaves sorted by the ids' text.
 */
async function tagged(ids: [number, number, number]) {
  const doc = await PDFDocument.create();
  const name = (n: number) => PDFString.of(`node${String(n).padStart(8, '0')}`);
  const element = (type: string, extra: Record<string, unknown> = {}) => doc.context.register(doc.context.obj({ Type: 'StructElem', S: type, ...extra }));
  const [first, second, third] = ids.map((id) => element('TH', { ID: name(id) })) as [PDFRef, PDFRef, PDFRef];
  const cell = element('TD', { A: [{ O: 'Table', Headers: [name(ids[0]), name(ids[2])] }] });
  const note = element('Note', { ID: PDFString.of('fotnot-1') });
  const byText = [...ids.map((id, i) => ({ key: name(id), ref: [first, second, third][i] as PDFRef }))].sort((a, b) => (a.key.asString() < b.key.asString() ? -1 : 1));
  const noteLeaf = doc.context.register(doc.context.obj({ Limits: [PDFString.of('fotnot-1'), PDFString.of('fotnot-1')], Names: [PDFString.of('fotnot-1'), note] }));
  const nodeLeaf = doc.context.register(doc.context.obj({ Limits: [byText[0]?.key, byText[2]?.key], Names: byText.flatMap((e) => [e.key, e.ref]) }));
  const root = doc.context.register(doc.context.obj({ Type: 'StructTreeRoot', K: [first, second, note, third, cell], IDTree: { Kids: [noteLeaf, nodeLeaf] } }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  return { doc, first, second, third, cell, nodeLeaf };
}

const text = (value: unknown) => (value instanceof PDFString ? value.asString() : String(value));
const idOf = (doc: PDFDocument, ref: PDFRef) => text(doc.context.lookup(ref, PDFDict).get(PDFName.of('ID')));

describe('structure ids as a build writes them (the same input, the same bytes)', () => {
  it('numbers them in the order of the document, whatever order the browser made the nodes in', async () => {
    // The middle cell's node is the oldest, the first the newest (a page kept from an earlier print after relaid ones).
    const { doc, first, second, third, cell, nodeLeaf } = await tagged([905, 12, 40]);
    renumberStructureIds(doc);
    expect([first, second, third].map((ref) => idOf(doc, ref))).toEqual(['node00000001', 'node00000002', 'node00000003']);
    const headers = (doc.context.lookup(cell, PDFDict).lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict)).lookup(PDFName.of('Headers'), PDFArray);
    expect(headers.asArray().map(text)).toEqual(['node00000001', 'node00000003']);
    // The id tree is in the order of its new keys, each key with its element, and its limits follow.
    const leaf = doc.context.lookup(nodeLeaf, PDFDict);
    const names = leaf.lookup(PDFName.of('Names'), PDFArray).asArray();
    expect(names.map((v, i) => (i % 2 ? v : text(v)))).toEqual(['node00000001', first, 'node00000002', second, 'node00000003', third]);
    expect(leaf.lookup(PDFName.of('Limits'), PDFArray).asArray().map(text)).toEqual(['node00000001', 'node00000003']);
  });

  it('leaves ids already in the order of the document in their order, only counted from 1', async () => {
    const { doc, first, second, third, nodeLeaf } = await tagged([7, 9, 120]);
    renumberStructureIds(doc);
    expect([first, second, third].map((ref) => idOf(doc, ref))).toEqual(['node00000001', 'node00000002', 'node00000003']);
    const names = doc.context.lookup(nodeLeaf, PDFDict).lookup(PDFName.of('Names'), PDFArray).asArray();
    expect(names.filter((_, i) => i % 2)).toEqual([first, second, third]);
  });
});
