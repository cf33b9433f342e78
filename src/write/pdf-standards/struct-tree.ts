import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

/** Reads a dictionary entry, following an indirect reference. */
export function lookup(doc: PDFDocument, dict: PDFDict, key: string): PDFObject | undefined {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

/** Names as text (PDFNames are interned; decoding one each time is most of a walk of the tree). */
const TEXTS = new Map<PDFName, string>();
const S = PDFName.of('S');

/** A structure element's type (`P`, `H1`, `LI`…), or '' for anything else. */
export function typeOf(elem: PDFObject | undefined): string {
  if (!(elem instanceof PDFDict)) return '';
  const s = elem.get(S);
  if (!(s instanceof PDFName)) return '';
  let text = TEXTS.get(s);
  if (text === undefined) {
    text = s.decodeText();
    TEXTS.set(s, text);
  }
  return text;
}

/** The kids of a structure element as a list (K may be one object or an array). */
export function kidsOf(doc: PDFDocument, elem: PDFDict): PDFObject[] {
  const k = elem.get(PDFName.of('K'));
  if (k === undefined) return [];
  if (k instanceof PDFArray) return k.asArray();
  const resolved = k instanceof PDFRef ? doc.context.lookup(k) : k;
  if (resolved instanceof PDFArray) return resolved.asArray();
  return [k];
}

/** Sets a structure element's kids (always as an array). */
export function setKids(doc: PDFDocument, elem: PDFDict, kids: PDFObject[]): void {
  elem.set(PDFName.of('K'), doc.context.obj(kids));
}

/** The structure tree's root, if the document is tagged. */
export function structRoot(doc: PDFDocument): PDFDict | undefined {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  return root instanceof PDFDict ? root : undefined;
}

/** A structure element with its reference (for kids that point at it) and its object. */
export interface Elem {
  ref: PDFRef | undefined;
  dict: PDFDict;
}

/** Every structure element under `root`, depth first, in reading order. */
export function walkElements(doc: PDFDocument, root: PDFDict): Elem[] {
  const out: Elem[] = [];
  const visit = (dict: PDFDict): void => {
    for (const kid of kidsOf(doc, dict)) {
      const ref = kid instanceof PDFRef ? kid : undefined;
      const value = ref ? doc.context.lookup(ref) : kid;
      if (value instanceof PDFDict && value.get(PDFName.of('S'))) {
        out.push({ ref, dict: value });
        visit(value);
      }
    }
  };
  visit(root);
  return out;
}

/** The parent tree's entries (page StructParents key → array of elements by MCID, or an annotation's element). */
export function parentTree(doc: PDFDocument, root: PDFDict): Map<number, PDFObject> {
  const map = new Map<number, PDFObject>();
  const visit = (node: PDFObject | undefined): void => {
    const dict = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (!(dict instanceof PDFDict)) return;
    const nums = lookup(doc, dict, 'Nums');
    if (nums instanceof PDFArray) {
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const key = nums.get(i);
        if (key instanceof PDFNumber) map.set(key.asNumber(), nums.get(i + 1));
      }
    }
    const kids = lookup(doc, dict, 'Kids');
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) visit(kid);
  };
  visit(root.get(PDFName.of('ParentTree')));
  return map;
}

/**
 * Adds an entry to the parent tree (to its top-level Nums, which is where
 * Chromium writes them all) and returns its key.
 */
export function addParentTreeEntry(doc: PDFDocument, root: PDFDict, value: PDFObject): number {
  const entries = parentTree(doc, root);
  const next = lookup(doc, root, 'ParentTreeNextKey');
  const key = Math.max(next instanceof PDFNumber ? next.asNumber() : 0, ...[...entries.keys()].map((k) => k + 1), 0);
  let tree = lookup(doc, root, 'ParentTree');
  if (!(tree instanceof PDFDict)) {
    tree = doc.context.obj({ Nums: [] });
    root.set(PDFName.of('ParentTree'), doc.context.register(tree));
  }
  let nums = lookup(doc, tree as PDFDict, 'Nums');
  if (!(nums instanceof PDFArray)) {
    nums = doc.context.obj([]);
    (tree as PDFDict).set(PDFName.of('Nums'), nums);
  }
  (nums as PDFArray).push(PDFNumber.of(key));
  (nums as PDFArray).push(value);
  root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(key + 1));
  return key;
}
