import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFContentStream, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { rewriteMarkedContent, type FontText, type McidPlace } from './marked-content.js';
import { lookup, parentTree, structRoot, typeOf } from './struct-tree.js';

/** Structure types whose text is one block: a line break inside one is a space between words (names compared as pdf-lib's interned PDFNames). */
const BLOCKS = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'Lbl', 'LBody', 'TD', 'TH', 'Caption', 'Note', 'Figure', 'BlockQuote', 'TOCI', 'Document'].map((s) => PDFName.of(s)));
const LINK = PDFName.of('Link');

/** zlib's output chunk: a page's content is some hundred kilobytes, so few round trips. */
const CHUNK = { chunkSize: 256 * 1024 };
const inflating = promisify(inflate);
const deflating = promisify(deflate);

/**
 * A stream's decoded bytes. Node's zlib inflates Chromium's streams several
 * times faster than pdf-lib's pako, and in its own threads: the pages'
 * streams inflate while the content pass works on the first ones.
 */
async function bytesOf(stream: PDFObject | undefined): Promise<Uint8Array> {
  if (stream instanceof PDFRawStream) {
    const filter = stream.dict.get(PDFName.of('Filter'));
    const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
    if (only === PDFName.of('FlateDecode') && !stream.dict.get(PDFName.of('DecodeParms'))) return inflating(stream.contents, CHUNK);
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
async function fontText(doc: PDFDocument, font: PDFDict): Promise<FontText> {
  const toUnicode = lookup(doc, font, 'ToUnicode');
  const unicode = toUnicode ? readToUnicode(latin1(await bytesOf(toUnicode))) : new Map<number, string>();
  const bytes = lookup(doc, font, 'Subtype') === PDFName.of('Type0') ? 2 : 1;
  const spaceCode = [...unicode].find(([, u]) => u === ' ')?.[0];
  return { bytes, unicode, space: spaceCode === undefined ? undefined : `<${spaceCode.toString(16).padStart(bytes * 2, '0')}>` };
}

/** The fonts of a page's resources, as text. */
async function pageFonts(doc: PDFDocument, page: PDFPage, cache: Map<PDFObject, Promise<FontText>>): Promise<Map<string, FontText>> {
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
    fonts.set(name.decodeText(), await text);
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

/** What the content pass did, summed over the pages. */
export interface ContentPassResult {
  artifacts: number;
  joinedLabels: number;
  spaces: number;
  /** Settles when every page has its new content stream (they compress meanwhile, in zlib's threads). */
  written: Promise<void>;
}

/**
 * Rewrites every page's content (see rewriteMarkedContent): unmarked
 * content becomes artifacts, CSS-drawn numbers join their labels, soft line
 * breaks get their spaces. Each page then has one content stream, in place
 * once `written` settles: the caller goes on with the structure meanwhile.
 */
export async function markPageContent(doc: PDFDocument, spacedHyphens: ReadonlySet<string> = new Set()): Promise<ContentPassResult> {
  const root = structRoot(doc);
  const tree = root ? parentTree(doc, root) : new Map<number, PDFObject>();
  const cache = new Map<PDFObject, Promise<FontText>>();
  const pages = doc.getPages();
  // Every page's streams start inflating at once; each rewritten page deflates while the next is rewritten.
  const texts = pages.map((page) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    const streams = resolved instanceof PDFArray ? resolved.asArray().map((s) => (s instanceof PDFRef ? doc.context.lookup(s) : s)) : [resolved];
    return Promise.all(streams.map(bytesOf));
  });
  for (const t of texts) t.catch(() => undefined);
  const deflated: Promise<void>[] = [];
  let artifacts = 0;
  let joinedLabels = 0;
  let spaces = 0;
  for (const [i, page] of pages.entries()) {
    const text = (await texts[i])?.map(latin1).join('\n') ?? '';
    const rewritten = rewriteMarkedContent(text, await pageFonts(doc, page, cache), pagePlaces(doc, page, tree), spacedHyphens);
    artifacts += rewritten.artifacts;
    joinedLabels += rewritten.joinedLabels;
    spaces += rewritten.spaces;
    // Its object number now, in page order: the same bytes whichever page compresses first.
    const ref = doc.context.nextRef();
    page.node.set(PDFName.of('Contents'), ref);
    deflated.push(deflating(Buffer.from(rewritten.content, 'latin1'), CHUNK).then((bytes) => doc.context.assign(ref, doc.context.stream(bytes, { Filter: 'FlateDecode' }))));
  }
  const written = Promise.all(deflated).then(() => undefined);
  written.catch(() => undefined);
  return { artifacts, joinedLabels, spaces, written };
}
