import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Per Chromium node id that names a structure element (`node00000286`): its
 * place in a walk of the structure tree, kids depth first, which is the
 * order of the document.
 */
export function treeOrder(doc: PDFDocument, root: PDFObject | undefined): Map<number, number> {
  const rank = new Map<number, number>();
  const seen = new Set<PDFObject>();
  const KIDS = PDFName.of('K');
  const ID = PDFName.of('ID');
  const walk = (value: PDFObject | undefined): void => {
    const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(object instanceof PDFArray || object instanceof PDFDict) || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) walk(object.get(i));
      return;
    }
    const id = object.get(ID);
    const m = id instanceof PDFString ? /^node(\d+)$/.exec(id.asString()) : null;
    if (m && !rank.has(Number(m[1]))) rank.set(Number(m[1]), rank.size);
    walk(object.get(KIDS));
  };
  walk(root);
  return rank;
}

const keyText = (key: PDFObject | undefined): string => (key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : '');

/**
 * Puts the structure tree's id tree (a name tree, ISO 32000-1 7.9.6) back in
 * the order of its keys after ids were renamed: the entries, sorted, fill the
 * same leaves in the same places, and each node's limits are set again. A
 * tree that was in order stays as it was.
 */
export function sortIdTree(doc: PDFDocument, root: PDFObject | undefined): void {
  const lookup = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? doc.context.lookup(value) : value);
  const structRoot = lookup(root);
  const tree = structRoot instanceof PDFDict ? lookup(structRoot.get(PDFName.of('IDTree'))) : undefined;
  if (!(tree instanceof PDFDict)) return;
  const NAMES = PDFName.of('Names');
  const KIDS = PDFName.of('Kids');
  const LIMITS = PDFName.of('Limits');
  const leaves: PDFArray[] = [];
  const nodes: { node: PDFDict; first: number; last: number }[] = [];
  const seen = new Set<PDFObject>();
  let count = 0;
  // The leaves in order, and per node the range of entries under it.
  const walk = (node: PDFDict): void => {
    if (seen.has(node)) return;
    seen.add(node);
    const first = count;
    const names = lookup(node.get(NAMES));
    if (names instanceof PDFArray) {
      leaves.push(names);
      count += Math.floor(names.size() / 2);
    }
    const kids = lookup(node.get(KIDS));
    if (kids instanceof PDFArray) {
      for (let i = 0; i < kids.size(); i++) {
        const kid = lookup(kids.get(i));
        if (kid instanceof PDFDict) walk(kid);
      }
    }
    if (node !== tree && count > first) nodes.push({ node, first, last: count - 1 });
  };
  walk(tree);
  const entries = leaves.flatMap((names) => Array.from({ length: Math.floor(names.size() / 2) }, (_, i) => ({ key: names.get(2 * i), value: names.get(2 * i + 1) })));
  const sorted = entries.map((entry, i) => ({ ...entry, text: keyText(entry.key), i })).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.i - b.i));
  if (sorted.every((entry, i) => entry.i === i)) return;
  let at = 0;
  for (const names of leaves) {
    for (let i = 0; i < Math.floor(names.size() / 2); i++, at++) {
      const entry = sorted[at];
      if (!entry) continue;
      names.set(2 * i, entry.key);
      names.set(2 * i + 1, entry.value);
    }
  }
  for (const { node, first, last } of nodes) {
    const low = sorted[first]?.key;
    const high = sorted[last]?.key;
    if (low && high) node.set(LIMITS, doc.context.obj([low, high]));
  }
}
