import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFContentStream, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { rewriteMarkedContent, type FontText, type McidPlace } from './marked-content.js';
import { lookup, parentTree, structRoot, typeOf } from './struct-tree.js';

/** Structure types whose text is one block: a line break inside one is a space between words (names compared as pdf-lib's interned PDFNames). */
const BLOCKS = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'Lbl', 'LBody', 'TD', 'TH', 'Caption', 'Note', 'Figure', 'BlockQuote', 'TOCI', 'Document'].map((s) => PDFName.of(s)));
const LINK = PDFName.of('Link');

/** zlib's output chunk: a page's content is some hundred kilobytes, so few rounds. */
const CHUNK = { chunkSize: 256 * 1024 };

/**
 * A stream's decoded bytes. Node's zlib inflates Chromium's streams several
 * times faster than pdf-lib's pako. (In zlib's threads it took longer on a
 * busy machine, for what little else there is to do meanwhile.)
 */
function bytesOf(stream: PDFObject | undefined): Uint8Array {
  if (stream instanceof PDFRawStream) {
    const filter = stream.dict.get(PDFName.of('Filter'));
    const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
    if (only === PDFName.of('FlateDecode') && !stream.dict.get(PDFName.of('DecodeParms'))) return inflateSync(stream.contents, CHUNK);
    return decodePDFRawStream(stream).decode();
  }
  if (stream instanceof PDFContentStream) return stream.getUnencodedContents();
  return new Uint8Array();
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** Reads a ToUnicode CMap's bfchar and bfrange entries. */
export function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string): string => {
    const units: number[] = [];
    for (let i = 0; i + 3 < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const from = parseInt(m[1] ?? '0', 16);
      const to = parseInt(m[2] ?? '0', 16);
      const target = m[3] ?? '';
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([0-9a-fA-F]*)>/g)];
        items.forEach((item, i) => map.set(from + i, utf16(item[1] ?? '')));
      } else {
        const hex = target.slice(1, -1);
        const base = parseInt(hex.slice(-4) || '0', 16);
        for (let c = from; c <= to && c - from < 0x10000; c++) map.set(c, utf16(hex.slice(0, -4) + (base + c - from).toString(16).padStart(4, '0')));
      }
    }
  }
  return map;
}

/** How a font's codes read as text. */
function fontText(doc: PDFDocument, font: PDFDict): FontText {
  const toUnicode = lookup(doc, font, 'ToUnicode');
  const unicode = toUnicode ? readToUnicode(latin1(bytesOf(toUnicode))) : new Map<number, string>();
  const bytes = lookup(doc, font, 'Subtype') === PDFName.of('Type0') ? 2 : 1;
  const spaceCode = [...unicode].find(([, u]) => u === ' ')?.[0];
  return { bytes, unicode, space: spaceCode === undefined ? undefined : `<${spaceCode.toString(16).padStart(bytes * 2, '0')}>` };
}

/** The fonts of a page's resources, as text. */
function pageFonts(doc: PDFDocument, page: PDFPage, cache: Map<PDFObject, FontText>): Map<string, FontText> {
  const fonts = new Map<string, FontText>();
  const resources = page.node.Resources();
  const fontDict = resources ? lookup(doc, resources, 'Font') : undefined;
  if (!(fontDict instanceof PDFDict)) return fonts;
  for (const [name, value] of fontDict.entries()) {
    const font = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(font instanceof PDFDict)) continue;
    let text = cache.get(font);
    if (!text) {
      text = fontText(doc, font);
      cache.set(font, text);
    }
    fonts.set(name.decodeText(), text);
  }
  return fonts;
}

/** For each MCID of the page, its block element and whether it is in a link. */
function pagePlaces(doc: PDFDocument, page: PDFPage, tree: Map<number, PDFObject>): Map<number, McidPlace> {
  const places = new Map<number, McidPlace>();
  const key = page.node.get(PDFName.of('StructParents'));
  if (!(key instanceof PDFNumber)) return places;
  const entry = tree.get(key.asNumber());
  const array = entry instanceof PDFRef ? doc.context.lookup(entry) : entry;
  if (!(array instanceof PDFArray)) return places;
  array.asArray().forEach((item, mcid) => {
    let elem = item instanceof PDFRef ? doc.context.lookup(item) : item;
    let block: object | undefined;
    let inLink = false;
    for (let depth = 0; elem instanceof PDFDict && depth < 100; depth++) {
      const type = elem.get(PDFName.of('S'));
      if (type === LINK) inLink = true;
      if (!block && type instanceof PDFName && BLOCKS.has(type)) block = elem;
      const parent = elem.get(PDFName.of('P'));
      elem = parent instanceof PDFRef ? doc.context.lookup(parent) : parent;
    }
    places.set(mcid, { block: block ?? {}, inLink });
  });
  return places;
}

/** The names the page's resources give the forms in `forms`. */
function formNames(doc: PDFDocument, page: PDFPage, forms: ReadonlySet<PDFRef>): Set<string> {
  const names = new Set<string>();
  if (forms.size === 0) return names;
  const resources = page.node.Resources();
  const xobjects = resources ? lookup(doc, resources, 'XObject') : undefined;
  if (xobjects instanceof PDFDict) {
    for (const [name, value] of xobjects.entries()) if (value instanceof PDFRef && forms.has(value)) names.add(name.decodeText());
  }
  return names;
}

/** A page's content as the pass rewrote it, deflated, with what the pass did on it (see markPageContent). */
export interface KeptContent {
  deflated: Uint8Array;
  artifacts: number;
  joinedLabels: number;
  spaces: number;
}

/** The bytes a stream holds as printed, with its filter (not decoded). */
function printedBytes(stream: PDFObject | undefined): Uint8Array {
  if (stream instanceof PDFRawStream) return stream.contents;
  if (stream instanceof PDFContentStream) return stream.getUnencodedContents();
  return new Uint8Array();
}

/**
 * Everything the pass reads to rewrite a page: its streams as printed, the
 * fonts its resources name (as their text is read), which marked contents
 * share a block or sit in a link, the forms it leaves alone, and the
 * hyphens that stay. Pages the same in all of it are rewritten the same.
 */
function pageKey(doc: PDFDocument, page: PDFPage, streams: readonly (PDFObject | undefined)[], places: Map<number, McidPlace>, forms: Set<string>, hyphens: string): string {
  const hash = createHash('sha256').update(hyphens).update('\0');
  for (const stream of streams) {
    const filter = stream instanceof PDFRawStream ? [stream.dict.get(PDFName.of('Filter')), stream.dict.get(PDFName.of('DecodeParms'))].map(String).join() : 'plain';
    hash.update(filter).update('\0').update(printedBytes(stream)).update('\0');
  }
  const resources = page.node.Resources();
  const fontDict = resources ? lookup(doc, resources, 'Font') : undefined;
  if (fontDict instanceof PDFDict) {
    for (const [name, value] of fontDict.entries()) {
      const font = value instanceof PDFRef ? doc.context.lookup(value) : value;
      if (!(font instanceof PDFDict)) continue;
      hash.update(`${name.decodeText()}\0${String(lookup(doc, font, 'Subtype'))}\0`).update(printedBytes(lookup(doc, font, 'ToUnicode'))).update('\0');
    }
  }
  const blocks = new Map<object, number>();
  for (const [mcid, place] of places) {
    let block = blocks.get(place.block);
    if (block === undefined) blocks.set(place.block, (block = blocks.size));
    hash.update(`${mcid}:${block}:${place.inLink ? 1 : 0};`);
  }
  return hash.update(`\0${[...forms].sort().join('\0')}`).digest('hex');
}

/** What the content pass did, summed over the pages. */
export interface ContentPassResult {
  artifacts: number;
  joinedLabels: number;
  spaces: number;
}

/**
 * Rewrites every page's content (see rewriteMarkedContent): unmarked
 * content becomes artifacts, CSS-drawn numbers join their labels, soft line
 * breaks get their spaces; drawing a form of `taggedForms` (an attached
 * page that keeps its own tags) is left as it is. Each page then has one
 * content stream. With `kept` (the live preview's, from one PDF to the
 * next), a page that is the same as one of the last PDF's in all the pass
 * reads (see pageKey) takes its rewritten content from there.
 */
export function markPageContent(doc: PDFDocument, spacedHyphens: ReadonlySet<string> = new Set(), taggedForms: ReadonlySet<PDFRef> = new Set(), kept?: Map<string, KeptContent>): ContentPassResult {
  const root = structRoot(doc);
  const tree = root ? parentTree(doc, root) : new Map<number, PDFObject>();
  const cache = new Map<PDFObject, FontText>();
  const total: ContentPassResult = { artifacts: 0, joinedLabels: 0, spaces: 0 };
  /**
   * The printed streams replaced: left in the file they would be a quarter of it, read by
   * nothing. (Not pdf-lib's own: it shares its q and Q streams among pages.)
   */
  const replaced = new Set<PDFRef>();
  const hyphens = [...spacedHyphens].sort().join('\0');
  const used = new Map<string, KeptContent>();
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    if (contents instanceof PDFRef && resolved instanceof PDFRawStream) replaced.add(contents);
    if (resolved instanceof PDFArray) for (const s of resolved.asArray()) if (s instanceof PDFRef && doc.context.lookup(s) instanceof PDFRawStream) replaced.add(s);
    const streams = resolved instanceof PDFArray ? resolved.asArray().map((s) => (s instanceof PDFRef ? doc.context.lookup(s) : s)) : [resolved];
    const places = pagePlaces(doc, page, tree);
    const forms = formNames(doc, page, taggedForms);
    const key = kept && pageKey(doc, page, streams, places, forms, hyphens);
    let content = key ? kept?.get(key) : undefined;
    if (!content) {
      const text = streams.map((s) => latin1(bytesOf(s))).join('\n');
      const rewritten = rewriteMarkedContent(text, pageFonts(doc, page, cache), places, spacedHyphens, forms);
      content = { deflated: deflateSync(Buffer.from(rewritten.content, 'latin1'), CHUNK), artifacts: rewritten.artifacts, joinedLabels: rewritten.joinedLabels, spaces: rewritten.spaces };
    }
    if (key) used.set(key, content);
    total.artifacts += content.artifacts;
    total.joinedLabels += content.joinedLabels;
    total.spaces += content.spaces;
    const stream = doc.context.stream(content.deflated, { Filter: 'FlateDecode' });
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  }
  for (const ref of replaced) doc.context.delete(ref);
  // Only this PDF's pages are kept for the next.
  if (kept) {
    kept.clear();
    for (const [key, content] of used) kept.set(key, content);
  }
  return total;
}
