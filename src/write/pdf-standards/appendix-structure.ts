import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFObjectCopier, PDFRef, PDFStream, PDFString, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { fontsNotEmbedded } from './appendix-pages.js';
import { addIds, textString } from './structure.js';
import { addParentTreeEntry, kidsOf, lookup, parentTree, setKids, structRoot, typeOf, walkElements } from './struct-tree.js';

/** The standard structure types (ISO 32000-1, 14.8.4). */
const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);
const HEADING = /^H[1-6]?$/;
/** Entries of a structure element copied as they are (direct text, no references). */
const TEXT_KEYS = ['T', 'Lang', 'Alt', 'ActualText', 'E'];

function resolve(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

function nameOf(value: PDFObject | undefined): string {
  return value instanceof PDFName ? value.decodeText() : '';
}

/** A structure type as a standard one, through the document's role map (a type it cannot map groups, as NonStruct). */
function standardType(type: string, roles: Map<string, string>): string {
  const seen = new Set<string>();
  while (!STANDARD.has(type) && roles.has(type) && !seen.has(type)) {
    seen.add(type);
    type = roles.get(type) ?? type;
  }
  return STANDARD.has(type) ? type : 'NonStruct';
}

/** Whether a page's resources draw a form that has marked content of its own structure (StructParents). */
function hasStructuredForms(doc: PDFDocument, resources: PDFObject | undefined, seen = new Set<PDFObject>()): boolean {
  const dict = resolve(doc, resources);
  if (!(dict instanceof PDFDict) || seen.has(dict)) return false;
  seen.add(dict);
  const xobjects = lookup(doc, dict, 'XObject');
  if (!(xobjects instanceof PDFDict)) return false;
  return xobjects.entries().some(([, value]) => {
    const xobject = resolve(doc, value);
    return xobject instanceof PDFStream && (xobject.dict.get(PDFName.of('StructParents')) !== undefined || hasStructuredForms(doc, xobject.dict.get(PDFName.of('Resources')), seen));
  });
}

/**
 * Whether an attached PDF's own structure can be kept: it is tagged
 * (`/MarkInfo /Marked true`, a structure tree), embeds its fonts, and its
 * marked content is in its pages' own content (no structured forms, no
 * marked-content references into other streams), which is how word
 * processors write it.
 */
export function keepsStructure(source: PDFDocument): boolean {
  const markInfo = source.catalog.lookup(PDFName.of('MarkInfo'));
  const marked = markInfo instanceof PDFDict ? lookup(source, markInfo, 'Marked') : undefined;
  const root = structRoot(source);
  if (!root || marked?.toString() !== 'true') return false;
  for (const page of source.getPages()) {
    if (fontsNotEmbedded(source, page).length) return false;
    if (hasStructuredForms(source, page.node.get(PDFName.of('Resources')) ?? page.node.Resources())) return false;
  }
  return walkElements(source, root).every((elem) =>
    kidsOf(source, elem.dict).every((kid) => {
      const value = resolve(source, kid);
      return !(value instanceof PDFDict) || value.get(PDFName.of('Stm')) === undefined;
    }),
  );
}

/** An attached page drawn onto a page of the report: the attached page, the report's page and the form that draws it. */
export interface GraftedPage {
  source: PDFPage;
  page: PDFPage;
  form: PDFRef;
}

/**
 * Where the appendix's structure goes: after the appendix's heading (the
 * last heading with content on the page before its first attached page),
 * in the heading's parent; without one, at the end of the document's top
 * element on or before that page.
 */
function insertionPoint(doc: PDFDocument, root: PDFDict, headingPage: PDFRef | undefined): { parent: PDFDict; parentRef: PDFRef | PDFDict; after: PDFObject | undefined } | undefined {
  const onPage = (elem: PDFDict, page: PDFRef): boolean => {
    const stack: PDFObject[] = [elem];
    const seen = new Set<PDFObject>();
    while (stack.length) {
      const value = resolve(doc, stack.pop());
      if (!(value instanceof PDFDict) || seen.has(value)) continue;
      seen.add(value);
      if (value.get(PDFName.of('Pg')) === page) return true;
      stack.push(...kidsOf(doc, value));
    }
    return false;
  };
  const elements = walkElements(doc, root);
  const heading = headingPage ? elements.filter((e) => HEADING.test(typeOf(e.dict)) && onPage(e.dict, headingPage)).pop() : undefined;
  const parentRef = heading ? heading.dict.get(PDFName.of('P')) : kidsOf(doc, root)[0];
  const parent = resolve(doc, parentRef);
  if (!(parent instanceof PDFDict) || !(parentRef instanceof PDFRef || parentRef instanceof PDFDict)) return undefined;
  // After the heading and whatever follows it on that page (the appendix's introduction).
  let after: PDFObject | undefined;
  let passed = !heading;
  for (const kid of kidsOf(doc, parent)) {
    const value = resolve(doc, kid);
    if (heading && (kid === heading.ref || value === heading.dict)) passed = true;
    if (passed && value instanceof PDFDict && (!headingPage || onPage(value, headingPage))) after = kid;
  }
  return { parent, parentRef, after: after ?? heading?.ref ?? heading?.dict };
}

/**
 * Grafts a tagged attached PDF's structure tree into the report's, under
 * the appendix's heading, as a `Sect` titled with the appendix: its
 * elements are copied with their types mapped to standard ones (its role
 * map is not carried over), ids prefixed with `bilaga-N-` (in the id tree
 * and in table header references), and each marked-content id becomes a
 * reference to the report's page and the form that draws the attached
 * page. Each form gets a parent tree entry of its own (StructParents), so
 * every marked-content sequence of the attached page is reached from the
 * report's parent tree. Annotations are not drawn with the page, so
 * references to them are left out. Returns the number of elements copied.
 */
export function graftStructure(doc: PDFDocument, source: PDFDocument, pages: readonly GraftedPage[], appendix: { number: number; title: string }, headingPage: PDFRef | undefined): number {
  const root = structRoot(doc);
  const sourceRoot = structRoot(source);
  if (!root || !sourceRoot) return 0;
  const place = insertionPoint(doc, root, headingPage);
  if (!place) return 0;
  const roleMap = lookup(source, sourceRoot, 'RoleMap');
  const roles = new Map<string, string>(roleMap instanceof PDFDict ? roleMap.entries().map(([k, v]) => [k.decodeText(), nameOf(resolve(source, v))]) : []);
  const byPage = new Map<PDFRef, GraftedPage>(pages.map((g) => [g.source.ref, g]));
  const copier = PDFObjectCopier.for(source.context, doc.context);
  const prefix = `bilaga-${appendix.number}-`;
  const copied = new Map<PDFDict, PDFRef>();
  const ids: [string, PDFRef][] = [];
  const prefixHeaders = (attributes: PDFObject): void => {
    const dicts = attributes instanceof PDFArray ? attributes.asArray().map((a) => resolve(doc, a)) : [attributes];
    for (const dict of dicts) {
      const headers = dict instanceof PDFDict ? resolve(doc, dict.get(PDFName.of('Headers'))) : undefined;
      if (!(headers instanceof PDFArray)) continue;
      headers.asArray().forEach((h, i) => {
        if (h instanceof PDFString || h instanceof PDFHexString) headers.set(i, textString(prefix + h.decodeText()));
      });
    }
  };

  const mcr = (page: PDFRef | undefined, mcid: PDFNumber): PDFObject | undefined => {
    const grafted = page ? byPage.get(page) : undefined;
    if (!grafted) return undefined;
    return doc.context.obj({ Type: 'MCR', Pg: grafted.page.ref, Stm: grafted.form, MCID: mcid.asNumber() });
  };

  const copy = (elem: PDFDict, parent: PDFRef): PDFRef => {
    const out = doc.context.obj({ Type: 'StructElem', S: standardType(nameOf(elem.get(PDFName.of('S'))), roles) }) as PDFDict;
    const ref = doc.context.register(out);
    copied.set(elem, ref);
    out.set(PDFName.of('P'), parent);
    for (const key of TEXT_KEYS) {
      const value = resolve(source, elem.get(PDFName.of(key)));
      if (value instanceof PDFString || value instanceof PDFHexString) out.set(PDFName.of(key), value);
    }
    const id = resolve(source, elem.get(PDFName.of('ID')));
    if (id instanceof PDFString || id instanceof PDFHexString) {
      out.set(PDFName.of('ID'), textString(prefix + id.decodeText()));
      ids.push([prefix + id.decodeText(), ref]);
    }
    const attributes = elem.get(PDFName.of('A'));
    if (attributes) {
      const a = copier.copy(attributes);
      prefixHeaders(resolve(doc, a) ?? a);
      out.set(PDFName.of('A'), a);
    }
    const pg = elem.get(PDFName.of('Pg'));
    const page = pg instanceof PDFRef ? byPage.get(pg) : undefined;
    if (page) out.set(PDFName.of('Pg'), page.page.ref);
    const kids: PDFObject[] = [];
    for (const kid of kidsOf(source, elem)) {
      const value = resolve(source, kid);
      if (value instanceof PDFNumber) {
        const ref = mcr(pg instanceof PDFRef ? pg : undefined, value);
        if (ref) kids.push(ref);
      } else if (value instanceof PDFDict && nameOf(value.get(PDFName.of('Type'))) === 'MCR') {
        const on = value.get(PDFName.of('Pg')) ?? pg;
        const id = resolve(source, value.get(PDFName.of('MCID')));
        const ref = id instanceof PDFNumber ? mcr(on instanceof PDFRef ? on : undefined, id) : undefined;
        if (ref) kids.push(ref);
      } else if (value instanceof PDFDict && value.get(PDFName.of('S'))) {
        kids.push(copy(value, ref));
      }
      // OBJR: the attached page's annotations are not drawn with it.
    }
    out.set(PDFName.of('K'), doc.context.obj(kids));
    return ref;
  };

  const sect = doc.context.obj({ Type: 'StructElem', S: 'Sect', T: textString(`Bilaga ${appendix.number}: ${appendix.title}`) }) as PDFDict;
  const sectRef = doc.context.register(sect);
  sect.set(PDFName.of('P'), place.parentRef);
  const lang = resolve(source, source.catalog.get(PDFName.of('Lang')));
  if (lang instanceof PDFString || lang instanceof PDFHexString) sect.set(PDFName.of('Lang'), lang);
  const top: PDFRef[] = [];
  const visitTop = (elem: PDFDict): void => {
    for (const kid of kidsOf(source, elem)) {
      const value = resolve(source, kid);
      if (!(value instanceof PDFDict) || !value.get(PDFName.of('S'))) continue;
      // The attached document's own Document element: its content is the section's.
      if (standardType(nameOf(value.get(PDFName.of('S'))), roles) === 'Document') visitTop(value);
      else top.push(copy(value, sectRef));
    }
  };
  visitTop(sourceRoot);
  sect.set(PDFName.of('K'), doc.context.obj(top));

  const kids = kidsOf(doc, place.parent);
  const at = place.after === undefined ? kids.length : kids.indexOf(place.after) + 1;
  kids.splice(at, 0, sectRef);
  setKids(doc, place.parent, kids);

  // The parent tree: each form's marked-content ids to the copied elements.
  const sourceTree = parentTree(source, sourceRoot);
  for (const grafted of pages) {
    const key = grafted.source.node.get(PDFName.of('StructParents'));
    const entry = key instanceof PDFNumber ? resolve(source, sourceTree.get(key.asNumber())) : undefined;
    if (!(entry instanceof PDFArray)) continue;
    const parents = entry.asArray().map((item) => {
      const elem = resolve(source, item);
      return (elem instanceof PDFDict ? copied.get(elem) : undefined) ?? PDFNull;
    });
    const form = doc.context.lookup(grafted.form);
    if (form instanceof PDFStream) form.dict.set(PDFName.of('StructParents'), PDFNumber.of(addParentTreeEntry(doc, root, doc.context.register(doc.context.obj(parents)))));
  }
  if (ids.length) addIds(doc, root, ids);
  return copied.size;
}
