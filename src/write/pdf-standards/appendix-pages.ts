import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { textString } from './structure.js';
import { addParentTreeEntry, kidsOf, lookup, setKids, structRoot } from './struct-tree.js';

function resolve(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

function nameOf(value: PDFObject | undefined): string {
  return value instanceof PDFName ? value.decodeText() : '';
}

/** Whether a font dictionary carries its font program (FontFile, FontFile2 or FontFile3), Type 3 fonts being their own. */
function fontEmbedded(doc: PDFDocument, font: PDFDict): boolean {
  const subtype = nameOf(lookup(doc, font, 'Subtype'));
  if (subtype === 'Type3') return true;
  let described = font;
  if (subtype === 'Type0') {
    const descendants = lookup(doc, font, 'DescendantFonts');
    const first = descendants instanceof PDFArray ? resolve(doc, descendants.get(0)) : undefined;
    if (!(first instanceof PDFDict)) return false;
    described = first;
  }
  const descriptor = lookup(doc, described, 'FontDescriptor');
  if (!(descriptor instanceof PDFDict)) return false;
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.get(PDFName.of(key)) !== undefined);
}

/**
 * The fonts a page of an attached PDF draws with but does not embed
 * (PDF/A-2 6.2.11.4.1, PDF/UA-1 7.21.4.1: every font used must be
 * embedded), by their base names, looking into the forms it draws.
 */
export function fontsNotEmbedded(doc: PDFDocument, page: PDFPage): string[] {
  const missing = new Set<string>();
  const seen = new Set<PDFObject>();
  const visit = (resources: PDFObject | undefined): void => {
    const dict = resolve(doc, resources);
    if (!(dict instanceof PDFDict) || seen.has(dict)) return;
    seen.add(dict);
    const fonts = lookup(doc, dict, 'Font');
    if (fonts instanceof PDFDict) {
      for (const [, value] of fonts.entries()) {
        const font = resolve(doc, value);
        if (font instanceof PDFDict && !fontEmbedded(doc, font)) missing.add(nameOf(lookup(doc, font, 'BaseFont')) || '?');
      }
    }
    const xobjects = lookup(doc, dict, 'XObject');
    if (xobjects instanceof PDFDict) {
      for (const [, value] of xobjects.entries()) {
        const xobject = resolve(doc, value);
        if (xobject instanceof PDFStream) visit(xobject.dict.get(PDFName.of('Resources')));
      }
    }
  };
  visit(page.node.get(PDFName.of('Resources')) ?? page.node.Resources());
  return [...missing].sort();
}

/**
 * Tags an attached page drawn onto a page of the report as one `Figure`
 * whose Alt names the appendix and the page (PDF/UA-1 7.3, veraPDF 7.3-1),
 * placed in reading order after what comes before it. Returns the marked
 * content id its drawing is to be wrapped in (`/Figure <</MCID n>> BDC`),
 * or undefined when the document is not tagged.
 */
export function addPageFigure(doc: PDFDocument, page: PDFPage, alt: string): number | undefined {
  const root = structRoot(doc);
  if (!root) return undefined;
  const documentElem = kidsOf(doc, root).map((k) => resolve(doc, k)).find((k): k is PDFDict => k instanceof PDFDict);
  if (!documentElem) return undefined;
  const documentRef = kidsOf(doc, root).find((k) => k instanceof PDFRef);
  const figure = doc.context.obj({ Type: 'StructElem', S: 'Figure', Alt: textString(alt) }) as PDFDict;
  figure.set(PDFName.of('P'), documentRef ?? documentElem);
  figure.set(PDFName.of('Pg'), page.ref);
  const figureRef = doc.context.register(figure);
  // The page's marked-content ids: the next one is the length of its parent tree entry.
  let mcid = 0;
  const key = page.node.get(PDFName.of('StructParents'));
  let parents: PDFArray | undefined;
  if (key instanceof PDFNumber) {
    const entries = lookup(doc, root, 'ParentTree');
    const nums = entries instanceof PDFDict ? lookup(doc, entries, 'Nums') : undefined;
    if (nums instanceof PDFArray) {
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const k = nums.get(i);
        if (k instanceof PDFNumber && k.asNumber() === key.asNumber()) {
          const value = resolve(doc, nums.get(i + 1));
          if (value instanceof PDFArray) parents = value;
        }
      }
    }
  }
  if (parents) {
    mcid = parents.size();
    parents.push(figureRef);
  } else {
    const array = doc.context.obj([figureRef]);
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(addParentTreeEntry(doc, root, doc.context.register(array))));
  }
  figure.set(PDFName.of('K'), PDFNumber.of(mcid));
  // In reading order: after the last element of the document on this page or an earlier one.
  const pageIndex = doc.getPages().findIndex((p) => p.ref === page.ref);
  const pageRefs = doc.getPages().map((p) => p.ref);
  const kids = kidsOf(doc, documentElem);
  const onOrBefore = (kid: PDFObject): boolean => {
    const seen = new Set<PDFObject>();
    const stack = [kid];
    while (stack.length) {
      const value = resolve(doc, stack.pop());
      if (!(value instanceof PDFDict) || seen.has(value)) continue;
      seen.add(value);
      const pg = value.get(PDFName.of('Pg'));
      if (pg instanceof PDFRef && pageRefs.indexOf(pg) <= pageIndex) return true;
      stack.push(...kidsOf(doc, value));
    }
    return false;
  };
  let at = 0;
  kids.forEach((kid, i) => {
    if (onOrBefore(kid)) at = i + 1;
  });
  kids.splice(at, 0, figureRef);
  setKids(doc, documentElem, kids);
  return mcid;
}
