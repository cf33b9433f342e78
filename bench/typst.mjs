// Typst as a peer (npm @myriaddreamin/typst-ts-node-compiler, optional): the
// report's page (<main> of index.html) written as the equivalent Typst
// document (A4 and pdf.css' margins, Source Sans 3, "n (N)" at the top
// right, footnotes at the page foot, table headers repeated on every page),
// then compiled to PDF.
//   node bench/typst.mjs cold <index.html> <out.pdf>   one compile in this (fresh) process
//   node bench/typst.mjs warm <index.html> [runs]      one compiler kept: one word changed → PDF, median ms (JSON)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FONTS = path.join(REPO, 'node_modules', '@fontsource', 'source-sans-3', 'files');
const FACES = ['400-normal', '400-italic', '600-normal', '700-normal'];

/** A WOFF (1.0) font as the TrueType/OpenType file it wraps: Typst reads no WOFF. */
export function woffToSfnt(woff) {
  const tables = woff.readUInt16BE(12);
  const entries = Array.from({ length: tables }, (_, i) => {
    const at = 44 + i * 20;
    return { tag: woff.readUInt32BE(at), offset: woff.readUInt32BE(at + 4), compressed: woff.readUInt32BE(at + 8), length: woff.readUInt32BE(at + 12), checksum: woff.readUInt32BE(at + 16) };
  });
  const datas = entries.map((e) => {
    const raw = woff.subarray(e.offset, e.offset + e.compressed);
    return e.compressed < e.length ? inflateSync(raw) : raw;
  });
  let size = 12 + 16 * tables;
  const offsets = datas.map((d) => {
    const at = size;
    size += (d.length + 3) & ~3;
    return at;
  });
  const out = Buffer.alloc(size);
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(tables, 4);
  const power = 2 ** Math.floor(Math.log2(tables));
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(tables * 16 - power * 16, 10);
  entries.forEach((e, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(e.tag, at);
    out.writeUInt32BE(e.checksum, at + 4);
    out.writeUInt32BE(offsets[i], at + 8);
    out.writeUInt32BE(datas[i].length, at + 12);
    datas[i].copy(out, offsets[i]);
  });
  return out;
}

const escape = (text) => text.replace(/[\\#$*_`@<>[\]~=\-+/'".:]/g, '\\$&');
const isElement = (node, ...names) => node?.type === 'element' && (names.length === 0 || names.includes(node.tagName));
const classes = (node) => [node.properties?.className ?? []].flat();

/** The report's page as a Typst document. */
export function typstDocument(html) {
  const tree = fromHtml(html);
  const find = (node, test) => {
    if (test(node)) return node;
    for (const child of node.children ?? []) {
      const found = find(child, test);
      if (found) return found;
    }
    return undefined;
  };
  const main = find(tree, (n) => isElement(n, 'main'));
  if (!main) throw new Error('the page has no <main>');
  // The notes' texts, by id, for the calls.
  const notes = new Map();
  const walkNotes = (node) => {
    if (isElement(node, 'li') && typeof node.properties?.id === 'string' && node.properties.id.startsWith('fn-')) notes.set(node.properties.id, node);
    for (const child of node.children ?? []) walkNotes(child);
  };
  walkNotes(main);
  const inline = (node) => {
    if (node.type === 'text') return escape(node.value.replace(/\s+/g, ' '));
    if (!isElement(node)) return '';
    if (node.properties?.dataFootnoteBackref !== undefined) return '';
    const inner = () => (node.children ?? []).map(inline).join('');
    if (isElement(node, 'sup') && find(node, (n) => isElement(n, 'a') && n.properties?.dataFootnoteRef !== undefined)) {
      const call = find(node, (n) => isElement(n, 'a'));
      const note = notes.get(String(call.properties.href).slice(1));
      return note ? `#footnote[${blocks(note.children).trim()}]` : '';
    }
    if (isElement(node, 'strong', 'b')) return `#strong[${inner()}]`;
    if (isElement(node, 'em', 'i')) return `#emph[${inner()}]`;
    if (isElement(node, 'br')) return ' \\ ';
    return inner();
  };
  const cells = (row) => row.children.filter((c) => isElement(c, 'th', 'td')).map((c) => `[${inline(c).trim()}]`);
  const table = (node) => {
    const caption = find(node, (n) => isElement(n, 'caption'));
    const rows = (name) => (find(node, (n) => isElement(n, name))?.children ?? []).filter((r) => isElement(r, 'tr'));
    const head = rows('thead');
    const columns = head[0] ? cells(head[0]).length : 1;
    const body = [...rows('tbody'), ...rows('tfoot')].flatMap(cells);
    return `${caption ? `${inline(caption).trim()}\n\n` : ''}#table(columns: ${columns}, align: left, stroke: 0.4pt,\n  table.header(${head.flatMap(cells).join(', ')}),\n  ${body.join(', ')})\n\n`;
  };
  const list = (node, marker) => `${node.children.filter((c) => isElement(c, 'li')).map((li) => `${marker} ${inline(li).trim()}`).join('\n')}\n\n`;
  function blocks(children) {
    let out = '';
    let run = '';
    const flush = () => {
      if (run.trim()) out += `${run.trim()}\n\n`;
      run = '';
    };
    for (const node of children ?? []) {
      if (node.type === 'text') {
        run += inline(node);
        continue;
      }
      if (!isElement(node)) continue;
      const name = node.tagName;
      if (name === 'section' && (node.properties?.dataFootnotes !== undefined || classes(node).includes('footnotes'))) continue;
      if (/^h[1-6]$/.test(name)) {
        flush();
        out += `${'='.repeat(Math.max(1, Number(name[1]) - 1))} ${inline(node).trim()}\n\n`;
      } else if (name === 'p') {
        flush();
        out += `${inline(node).trim()}\n\n`;
      } else if (name === 'ul') {
        flush();
        out += list(node, '-');
      } else if (name === 'ol') {
        flush();
        out += list(node, '+');
      } else if (name === 'table') {
        flush();
        out += table(node);
      } else if (name === 'section' && classes(node).includes('appendix')) {
        flush();
        out += `#pagebreak(weak: true)\n\n${blocks(node.children)}`;
      } else if (['section', 'div', 'header', 'footer', 'figure', 'blockquote', 'li', 'dl', 'dt', 'dd', 'address'].includes(name)) {
        flush();
        out += blocks(node.children);
      } else run += inline(node);
    }
    flush();
    return out;
  }
  const preamble = [
    '#set page(paper: "a4", margin: (top: 24mm, right: 22mm, bottom: 22mm, left: 25mm),',
    '  header: context align(right + bottom, text(size: 9.5pt, counter(page).display("1 (1)", both: true))))',
    '#set text(font: "Source Sans 3", size: 11pt, lang: "sv")',
    '#set par(leading: 0.65em, spacing: 3mm)',
    '#show heading.where(level: 1): set text(size: 17pt)',
    '#show heading.where(level: 2): set text(size: 13.5pt)',
    '#show heading.where(level: 3): set text(size: 11.5pt)',
    '#set footnote.entry(separator: line(length: 100%, stroke: 0.6pt))',
    '',
  ].join('\n');
  return `${preamble}\n${blocks(main.children)}`;
}

/** A compiler with Source Sans 3 loaded, or undefined when the package is not installed. */
export async function typstCompiler() {
  const typst = await import('@myriaddreamin/typst-ts-node-compiler').catch(() => undefined);
  if (!typst) return undefined;
  const fontBlobs = FACES.map((face) => woffToSfnt(readFileSync(path.join(FONTS, `source-sans-3-latin-${face}.woff`))));
  return typst.NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
}

/** Compiles a Typst document to PDF bytes; throws with Typst's diagnostics on an error. */
export function compilePdf(compiler, source) {
  const result = compiler.compile({ mainFileContent: source });
  const diagnostics = result.takeDiagnostics();
  if (!result.result) throw new Error(`typst: ${JSON.stringify(diagnostics ? compiler.fetchDiagnostics(diagnostics) : 'failed').slice(0, 2000)}`);
  return compiler.pdf(result.result);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, page, arg] = process.argv.slice(2);
  const compiler = await typstCompiler();
  if (!compiler) {
    process.stderr.write('typst: @myriaddreamin/typst-ts-node-compiler is not installed\n');
    process.exit(3);
  }
  const source = typstDocument(readFileSync(page, 'utf8'));
  if (mode === 'cold') writeFileSync(arg, compilePdf(compiler, source));
  else {
    const word = /\bVinnova\b/;
    for (let i = 0; i < 3; i++) compilePdf(compiler, source);
    const times = [];
    for (let i = 0; i < Number(arg ?? 10); i++) {
      const edited = source.replace(word, i % 2 ? 'Vinnova' : 'VINNOVA');
      const started = performance.now();
      compilePdf(compiler, edited);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(`${JSON.stringify({ medianMs: times[Math.floor(times.length / 2)], minMs: times[0] })}\n`);
  }
}
