import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

/** Content read of one page at most (a page of text is a few kilobytes; a drawing can be megabytes, whose text is not at its start). */
const MAX_CONTENT_BYTES = 4_000_000;
/** Text read of a page: its heading and first lines come first in the content, as they are drawn; a page of text is about 3 000 characters. */
const MAX_TEXT = 4_000;
/** Form XObjects followed inside one another (a page drawn as a form, a logo in a form). */
const MAX_FORM_DEPTH = 3;

/** Bytes of a font's string as text. */
type FontDecoder = (bytes: Uint8Array) => string;

/** A token of a content stream. */
type Token = { kind: 'number'; value: number } | { kind: 'string'; bytes: Uint8Array } | { kind: 'name'; value: string } | { kind: 'operator'; value: string } | { kind: 'array'; items: Token[] };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** The tokens of a content stream, as they come, arrays as one token each; inline images skipped. Never throws; ends with the bytes. */
function* tokens(data: Uint8Array): Generator<Token> {
  const latin1 = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const stack: Token[][] = [];
  let ready: Token | undefined;
  let i = 0;
  const push = (t: Token): void => {
    const open = stack[stack.length - 1];
    if (open) open.push(t);
    else ready = t;
  };
  while (i < data.length) {
    if (ready) {
      yield ready;
      ready = undefined;
    }
    const c = data[i] as number;
    if (WHITE.has(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < data.length && data[i] !== 0x0a && data[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < data.length && depth > 0) {
        const b = data[i++] as number;
        if (b === 0x5c && i < data.length) {
          const e = data[i++] as number;
          const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
          if (simple[e] !== undefined) bytes.push(simple[e]);
          else if (e >= 0x30 && e <= 0x37) {
            let octal = e - 0x30;
            for (let k = 0; k < 2 && (data[i] ?? 0) >= 0x30 && (data[i] ?? 0) <= 0x37; k++) octal = octal * 8 + ((data[i++] as number) - 0x30);
            bytes.push(octal & 0xff);
          } else if (e !== 0x0a && e !== 0x0d) bytes.push(e);
        } else {
          if (b === 0x28) depth++;
          if (b === 0x29 && --depth === 0) break;
          bytes.push(b);
        }
      }
      push({ kind: 'string', bytes: Uint8Array.from(bytes) });
    } else if (c === 0x3c && data[i + 1] === 0x3c) {
      i += 2;
      push({ kind: 'operator', value: '<<' });
    } else if (c === 0x3e && data[i + 1] === 0x3e) {
      i += 2;
      push({ kind: 'operator', value: '>>' });
    } else if (c === 0x3c) {
      let hex = '';
      i++;
      while (i < data.length && data[i] !== 0x3e) {
        const ch = String.fromCharCode(data[i++] as number);
        if (/[0-9a-f]/i.test(ch)) hex += ch;
      }
      i++;
      if (hex.length % 2) hex += '0';
      push({ kind: 'string', bytes: Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)) });
    } else if (c === 0x5b) {
      i++;
      const items: Token[] = [];
      stack[stack.length - 1]?.push({ kind: 'array', items });
      stack.push(items);
    } else if (c === 0x5d) {
      i++;
      const items = stack.pop();
      if (items && stack.length === 0) ready = { kind: 'array', items };
    } else if (c === 0x2f) {
      let j = i + 1;
      while (j < data.length && !WHITE.has(data[j] as number) && !DELIMITERS.has(data[j] as number)) j++;
      push({ kind: 'name', value: latin1.toString('latin1', i + 1, j) });
      i = j;
    } else {
      let j = i;
      while (j < data.length && !WHITE.has(data[j] as number) && !DELIMITERS.has(data[j] as number)) j++;
      if (j === i) j = i + 1;
      const word = latin1.toString('latin1', i, j);
      i = j;
      const number = (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e ? Number(word) : NaN;
      if (!Number.isNaN(number)) push({ kind: 'number', value: number });
      else if (word === 'ID') {
        // An inline image's data runs to `EI` between white space.
        while (i < data.length && !(data[i] === 0x45 && data[i + 1] === 0x49 && WHITE.has(data[i - 1] as number) && (i + 2 >= data.length || WHITE.has(data[i + 2] as number)))) i++;
        i += 2;
      } else push({ kind: 'operator', value: word });
    }
  }
  if (ready) yield ready;
}

/** A stream's decoded bytes, or undefined when its filter is one pdf-lib cannot decode (an image's DCT, say). */
function streamBytes(stream: PDFObject | undefined): Uint8Array | undefined {
  try {
    if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
    if (stream instanceof PDFStream) return stream.getContents();
  } catch {
    // an unknown or damaged filter: no text from it
  }
  return undefined;
}

/** A font's ToUnicode CMap as a decoder: its code lengths (codespace ranges) and its bfchar and bfrange mappings. */
function toUnicodeDecoder(cmap: string): FontDecoder {
  const hex = (h: string): number => parseInt(h, 16);
  const utf16 = (h: string): string => {
    const units = (h.match(/.{1,4}/g) ?? []).map(hex);
    return String.fromCharCode(...units);
  };
  const lengths = new Set<number>();
  for (const block of cmap.matchAll(/begincodespacerange([\s\S]*?)endcodespacerange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>/g)) lengths.add(Math.ceil((m[1] ?? '').length / 2));
  }
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      map.set(hex(m[1] ?? ''), utf16(m[2] ?? ''));
      lengths.add(Math.ceil((m[1] ?? '').length / 2));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      const low = hex(m[1] ?? '');
      const high = Math.min(hex(m[2] ?? ''), low + 0xffff);
      lengths.add(Math.ceil((m[1] ?? '').length / 2));
      if (m[3] !== undefined) {
        const start = m[3];
        const last = hex(start.slice(-4) || '0');
        for (let code = low; code <= high; code++) map.set(code, utf16(start.slice(0, -4)) + String.fromCharCode(last + (code - low)));
      } else {
        [...(m[4] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].forEach((d, k) => map.set(low + k, utf16(d[1] ?? '')));
      }
    }
  }
  const width = lengths.size === 1 ? [...lengths][0] ?? 1 : Math.max(1, ...lengths);
  return (bytes) => {
    let text = '';
    for (let i = 0; i + width <= bytes.length; i += width) {
      let code = 0;
      for (let k = 0; k < width; k++) code = code * 256 + (bytes[i + k] as number);
      text += map.get(code) ?? '';
    }
    return text;
  };
}

/** How a font's strings become text: by its ToUnicode map, else a simple font's bytes as Latin-1 (its Standard or WinAnsi encoding agrees on letters and digits); a composite font without a map gives nothing. */
function fontDecoder(font: PDFObject | undefined, lookup: (o: PDFObject | undefined) => PDFObject | undefined): FontDecoder {
  const dict = lookup(font);
  if (!(dict instanceof PDFDict)) return () => '';
  const map = streamBytes(lookup(dict.get(PDFName.of('ToUnicode'))));
  if (map) return toUnicodeDecoder(Buffer.from(map).toString('latin1'));
  if (String(dict.get(PDFName.of('Subtype'))) === '/Type0') return () => '';
  return (bytes) => Buffer.from(bytes).toString('latin1');
}

/**
 * The text of a PDF's first page, read with pdf-lib (no process, no other
 * library): the strings its content streams show (`Tj`, `TJ`, `'`, `"`), in
 * the order they are drawn, by each font's ToUnicode map, with a space where
 * the text moves on (a new line, a new position, a wide gap in `TJ`), and the
 * text inside the forms the page draws. Empty for a scanned page (its text is
 * an image); never throws on a damaged file.
 */
export function firstPageText(doc: PDFDocument): string {
  try {
    const page = doc.getPage(0);
    const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);
    const parts: string[] = [];
    let size = 0;
    let budget = MAX_CONTENT_BYTES;
    const seen = new Set<PDFObject>();
    const add = (text: string): void => {
      if (size >= MAX_TEXT) return;
      parts.push(text);
      size += text.length;
    };
    const draw = (content: Uint8Array, resources: PDFObject | undefined, depth: number): void => {
      const res = lookup(resources);
      const fonts = res instanceof PDFDict ? lookup(res.get(PDFName.of('Font'))) : undefined;
      const xobjects = res instanceof PDFDict ? lookup(res.get(PDFName.of('XObject'))) : undefined;
      const decoders = new Map<string, FontDecoder>();
      let decode: FontDecoder = () => '';
      const operands: Token[] = [];
      const shown = (t: Token | undefined): string => (t?.kind === 'string' ? decode(t.bytes) : '');
      for (const token of tokens(content)) {
        if (size >= MAX_TEXT) return;
        if (token.kind !== 'operator') {
          operands.push(token);
          continue;
        }
        const last = operands.at(-1);
        switch (token.value) {
          case 'Tf': {
            const name = operands.at(-2);
            if (name?.kind === 'name') {
              if (!decoders.has(name.value)) decoders.set(name.value, fontDecoder(fonts instanceof PDFDict ? fonts.get(PDFName.of(name.value)) : undefined, lookup));
              decode = decoders.get(name.value) ?? decode;
            }
            break;
          }
          case 'Tj':
            add(shown(last));
            break;
          case "'":
          case '"':
            add(` ${shown(last)}`);
            break;
          case 'TJ':
            if (last?.kind === 'array') for (const item of last.items) add(item.kind === 'number' ? (item.value < -200 ? ' ' : '') : shown(item));
            break;
          case 'Td':
          case 'TD':
            // A move along the line is the next glyph or word (a space is a glyph of its own where the producer draws it); a move to another line is a space.
            if (last?.kind === 'number' && last.value !== 0) add(' ');
            break;
          case 'T*':
          case 'Tm':
          case 'BT':
          case 'ET':
            add(' ');
            break;
          case 'Do': {
            const form = last?.kind === 'name' && xobjects instanceof PDFDict ? lookup(xobjects.get(PDFName.of(last.value))) : undefined;
            if (depth < MAX_FORM_DEPTH && form instanceof PDFStream && !seen.has(form) && String(form.dict.get(PDFName.of('Subtype'))) === '/Form') {
              seen.add(form);
              const bytes = streamBytes(form);
              if (bytes && bytes.length <= budget) {
                budget -= bytes.length;
                draw(bytes, form.dict.get(PDFName.of('Resources')) ?? resources, depth + 1);
              }
            }
            break;
          }
        }
        operands.length = 0;
      }
    };
    const contents = lookup(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(lookup) : [contents];
    const chunks: Uint8Array[] = [];
    for (const stream of streams) {
      const bytes = streamBytes(stream);
      if (!bytes || bytes.length > budget) break;
      budget -= bytes.length;
      chunks.push(bytes, Uint8Array.of(0x0a));
    }
    draw(Buffer.concat(chunks), page.node.Resources(), 0);
    return parts.join('').replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
}

/** The appendix number a page's text gives itself, as a heading writes it (`Bilaga 2`, `BILAGA 2`; not `se bilaga 2` in running text): the first one. */
export function appendixNumberIn(text: string): number | undefined {
  const match = /(?:Bilaga|BILAGA)\s*(\d{1,3})(?![\d\p{L}])/u.exec(text);
  return match ? Number(match[1]) : undefined;
}
