import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import type { LayoutHints } from '../pdf.js';
import { kidsOf, lookup, parentTree, setKids, structRoot, typeOf, walkElements, type Elem } from './struct-tree.js';

/** What the structure pass did, and what it could not do (each a reason the PDF is not PDF/UA). */
export interface StructureResult {
  links: number;
  notes: number;
  tablesJoined: number;
  problems: string[];
}

/** Text for a PDF text string: PDFDocEncoding cannot hold every character, UTF-16 can. */
export function textString(text: string): PDFString | PDFHexString {
  return /^[\x20-\x7e]*$/.test(text) ? PDFString.of(text.replace(/[\\()]/g, (c) => `\\${c}`)) : PDFHexString.fromText(text);
}

function parentOf(doc: PDFDocument, elem: PDFDict): PDFDict | undefined {
  const p = lookup(doc, elem, 'P');
  return p instanceof PDFDict ? p : undefined;
}

function removeKid(doc: PDFDocument, parent: PDFDict, kid: Elem): void {
  setKids(
    doc,
    parent,
    kidsOf(doc, parent).filter((k) => (kid.ref ? k !== kid.ref : k !== kid.dict)),
  );
}

/**
 * Moves kids from one element to another. A marked-content id (a number,
 * which means one on its element's page, or a reference) moves as a
 * reference to its page, and its parent tree entry then names the element
 * it moved to.
 */
function moveKids(doc: PDFDocument, from: PDFDict, to: PDFDict, toRef: PDFRef | undefined, keep: (kid: PDFObject) => boolean): void {
  const moving = kidsOf(doc, from).filter(keep);
  const pg = from.get(PDFName.of('Pg'));
  const moved = moving.map((kid) => {
    const value = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    if (value instanceof PDFDict && value.get(PDFName.of('S'))) {
      value.set(PDFName.of('P'), toRef ?? to);
      return kid;
    }
    const page = value instanceof PDFDict ? (value.get(PDFName.of('Pg')) ?? pg) : pg;
    const mcid = value instanceof PDFNumber ? value : value instanceof PDFDict ? lookup(doc, value, 'MCID') : undefined;
    if (!(page instanceof PDFRef) || !(mcid instanceof PDFNumber) || (value instanceof PDFDict && value.get(PDFName.of('Stm')))) return kid;
    const leaf = doc.getPages().find((p) => p.ref === page);
    const key = leaf?.node.get(PDFName.of('StructParents'));
    const root = structRoot(doc);
    const entry = key instanceof PDFNumber && root ? parentTree(doc, root).get(key.asNumber()) : undefined;
    const parents = entry instanceof PDFRef ? doc.context.lookup(entry) : entry;
    const named = parents instanceof PDFArray ? parents.lookup(mcid.asNumber()) : undefined;
    if (parents instanceof PDFArray && named === from) parents.set(mcid.asNumber(), toRef ?? to);
    return value instanceof PDFDict ? kid : doc.context.obj({ Type: 'MCR', Pg: page, MCID: mcid.asNumber() });
  });
  setKids(doc, to, [...kidsOf(doc, to), ...moved]);
  setKids(
    doc,
    from,
    kidsOf(doc, from).filter((k) => !moving.includes(k)),
  );
}

/** The annotation a Link element's OBJR kid refers to. */
function linkAnnotations(doc: PDFDocument, link: PDFDict): PDFDict[] {
  const out: PDFDict[] = [];
  for (const kid of kidsOf(doc, link)) {
    const value = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    if (value instanceof PDFDict && lookup(doc, value, 'Type') instanceof PDFName && (lookup(doc, value, 'Type') as PDFName).decodeText() === 'OBJR') {
      const annot = lookup(doc, value, 'Obj');
      if (annot instanceof PDFDict) out.push(annot);
    }
  }
  return out;
}

function uriOf(doc: PDFDocument, annot: PDFDict): string | undefined {
  const action = lookup(doc, annot, 'A');
  const uri = action instanceof PDFDict ? lookup(doc, action, 'URI') : undefined;
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
}

/**
 * Fixes what Chromium's tags lack for PDF/UA-1:
 * - every Link annotation gets `/Contents`, the link's text (a footnote
 *   call: "Fotnot 3"), still reached from its Link element (veraPDF 7.18.5-2);
 * - each footnote (a list item outside any list, as Chromium tags the page
 *   foot's notes) becomes a `Note` with a unique `/ID` `fotnot-N`, the
 *   target of its call (7.9-1, 7.9-2), its number its `Lbl`; a note continued
 *   on the next page is one Note;
 * - a table broken across pages is one `Table` (its later parts' rows
 *   joined to the first part; their repeated header row is an artifact).
 */
export function fixStructure(doc: PDFDocument, hints: LayoutHints, language: string): StructureResult {
  const result: StructureResult = { links: 0, notes: 0, tablesJoined: 0, problems: [] };
  const root = structRoot(doc);
  if (!root) {
    result.problems.push('no structure tree');
    return result;
  }
  const elements = walkElements(doc, root);
  const swedish = language.toLowerCase().startsWith('sv');

  // Links: their text, in document order.
  const links = elements.filter((e) => typeOf(e.dict) === 'Link');
  const texts = links.length === hints.links.length ? hints.links : undefined;
  links.forEach((link, i) => {
    const hint = texts?.[i];
    for (const annot of linkAnnotations(doc, link.dict)) {
      const text = hint && 'footnote' in hint ? `${swedish ? 'Fotnot' : 'Footnote'} ${hint.footnote}` : hint?.text || uriOf(doc, annot) || (swedish ? 'Länk' : 'Link');
      annot.set(PDFName.of('Contents'), textString(text));
      result.links++;
    }
  });
  // Any Link annotation not reached from the tags still gets a description.
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (const ref of annots?.asArray() ?? []) {
      const annot = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Contents'))) continue;
      annot.set(PDFName.of('Contents'), textString(uriOf(doc, annot) ?? (swedish ? 'Länk' : 'Link')));
      result.links++;
    }
  }

  // Footnotes.
  const notes = elements.filter((e) => typeOf(e.dict) === 'LI' && typeOf(parentOf(doc, e.dict)) !== 'L');
  if (notes.length !== hints.notes.length) {
    if (hints.notes.length > 0 || notes.length > 0) result.problems.push(`footnotes: ${notes.length} tagged, ${hints.notes.length} laid out`);
  } else {
    let number = 0;
    let previous: Elem | undefined;
    const ids: [string, PDFRef | PDFDict][] = [];
    notes.forEach((note, i) => {
      const parent = parentOf(doc, note.dict);
      if (hints.notes[i] && previous && parent) {
        // The rest of a note the page before could not hold.
        moveKids(doc, note.dict, previous.dict, previous.ref, (kid) => typeOf(kid instanceof PDFRef ? doc.context.lookup(kid) : kid) !== 'Lbl');
        removeKid(doc, parent, note);
        return;
      }
      number++;
      const id = `fotnot-${number}`;
      note.dict.set(PDFName.of('S'), PDFName.of('Note'));
      note.dict.set(PDFName.of('ID'), PDFString.of(id));
      ids.push([id, note.ref ?? note.dict]);
      previous = note;
      result.notes++;
    });
    if (ids.length) addIds(doc, root, ids);
  }

  // Tables broken across pages.
  const tables = elements.filter((e) => typeOf(e.dict) === 'Table');
  if (tables.length !== hints.tables.length) {
    result.problems.push(`tables: ${tables.length} tagged, ${hints.tables.length} laid out`);
  } else {
    let first: Elem | undefined;
    tables.forEach((table, i) => {
      const parent = parentOf(doc, table.dict);
      if (hints.tables[i] && first && parent) {
        moveKids(doc, table.dict, first.dict, first.ref, (kid) => typeOf(kid instanceof PDFRef ? doc.context.lookup(kid) : kid) !== 'Caption');
        removeKid(doc, parent, table);
        result.tablesJoined++;
      } else first = table;
    });
  }
  return result;
}

/** Adds element ids to the structure tree's ID tree (a name tree: one more leaf, kept in order). */
export function addIds(doc: PDFDocument, root: PDFDict, ids: [string, PDFRef | PDFDict][]): void {
  const sorted = [...ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const names = sorted.flatMap(([id, ref]) => [PDFString.of(id), ref]);
  const leaf = doc.context.obj({}) as PDFDict;
  leaf.set(PDFName.of('Names'), doc.context.obj(names));
  leaf.set(PDFName.of('Limits'), doc.context.obj([PDFString.of(sorted[0]?.[0] ?? ''), PDFString.of(sorted[sorted.length - 1]?.[0] ?? '')]));
  const tree = lookup(doc, root, 'IDTree');
  if (!(tree instanceof PDFDict)) {
    root.set(PDFName.of('IDTree'), doc.context.register(doc.context.obj({ Kids: [doc.context.register(leaf)] })));
    return;
  }
  const kids = lookup(doc, tree, 'Kids');
  const existingNames = lookup(doc, tree, 'Names');
  if (kids instanceof PDFArray) {
    // The new leaf goes where its first name sorts among the others' limits.
    const first = sorted[0]?.[0] ?? '';
    let at = kids.size();
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      const limits = kid instanceof PDFDict ? lookup(doc, kid, 'Limits') : undefined;
      const low = limits instanceof PDFArray ? limits.lookup(0) : undefined;
      if ((low instanceof PDFString || low instanceof PDFHexString) && low.decodeText() > first) {
        at = i;
        break;
      }
    }
    kids.insert(at, doc.context.register(leaf));
  } else if (existingNames instanceof PDFArray) {
    const all: [string, PDFObject][] = [...ids];
    for (let i = 0; i + 1 < existingNames.size(); i += 2) {
      const key = existingNames.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) all.push([key.decodeText(), existingNames.get(i + 1)]);
    }
    all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    tree.set(PDFName.of('Names'), doc.context.obj(all.flatMap(([k, v]) => [PDFString.of(k), v])));
  }
}
