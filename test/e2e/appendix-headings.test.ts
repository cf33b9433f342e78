import { execFileSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReport, REPO } from '../helpers.js';
import { buildInto } from './build.js';

/** The generic starter whose appendix body has `##` and `###` sections. */
const FIXTURE = path.join(REPO, 'test', 'fixtures', 'appendix-headings');
const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** Heading levels in document order never go down more than one step at a time (PDF/UA 7.4.2: no skipped level), starting at 1. */
function skipped(levels: readonly number[]): string[] {
  const out: string[] = [];
  levels.forEach((level, i) => {
    const previous = i === 0 ? 0 : (levels[i - 1] as number);
    if (level > previous + 1) out.push(`heading ${i + 1}: level ${level} after ${previous}`);
  });
  return out;
}

/** The PDF's bookmarks as `depth title` lines, depth-first. */
async function outline(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
  const lines: string[] = [];
  const walk = (item: unknown, depth: number): void => {
    let node = item instanceof PDFDict ? item : undefined;
    while (node) {
      const title = node.lookup(PDFName.of('Title'));
      lines.push(`${depth} ${title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : ''}`);
      walk(node.lookup(PDFName.of('First')), depth + 1);
      const next = node.lookup(PDFName.of('Next'));
      node = next instanceof PDFDict ? next : undefined;
    }
  };
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of('First')), 0);
  return lines;
}

describe('an appendix body\'s headings sit below the appendix\'s own title, as a chapter\'s do', () => {
  let out: string;
  beforeAll(async () => {
    const root = await fixtureReport(FIXTURE);
    temporary.push(root);
    const built = await buildInto(root);
    expect(built.result.code, built.result.stderr).toBe(0);
    out = built.out;
    temporary.push(path.dirname(out));
  });

  it('on the web page: the appendix title is h3 under Bilagor, its ## is h4 and its ### h5, and no level is skipped', async () => {
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    const headings = [...html.matchAll(/<h([1-6])\b[^>]*>(.*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: (m[2] ?? '').replace(/<[^>]+>/g, '') }));
    const appendix = headings.findIndex((h) => h.text === 'Bilaga 1 Insatserna i korthet');
    expect(headings[appendix - 1]).toEqual({ level: 2, text: 'Bilagor' });
    expect(headings.slice(appendix, appendix + 4)).toEqual([
      { level: 3, text: 'Bilaga 1 Insatserna i korthet' },
      { level: 4, text: 'Insatserna under året' },
      { level: 5, text: 'Hur deltagarna räknades' },
      { level: 4, text: 'Vad insatserna kostade' },
    ]);
    // The table of contents' own h2 comes before the report's h1 on the page; from the title on, no level is skipped.
    expect(skipped(headings.slice(headings.findIndex((h) => h.level === 1)).map((h) => h.level))).toEqual([]);
  });

  it('in the PDF: tagged H2 for the appendix, H3 and H4 for its body, no skipped level, and the bookmarks nested the same way', async () => {
    const pdf = path.join(out, 'redovisning.pdf');
    const tree = execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const tags = [...tree.matchAll(/^\s*H([1-6]) \(block\)\n\s*NonStruct\n\s*"([^"]*)"/gm)].map((m) => `H${m[1]} ${(m[2] ?? '').trim()}`);
    expect(tags.slice(-4)).toEqual(['H2 Bilaga 1', 'H3 Insatserna under året', 'H4 Hur deltagarna räknades', 'H3 Vad insatserna kostade']);
    expect(skipped(tags.map((t) => Number(t[1])))).toEqual([]);
    const bookmarks = await outline(pdf);
    expect(bookmarks.slice(-4)).toEqual(['1 Bilaga 1Insatserna i korthet', '2 Insatserna under året', '3 Hur deltagarna räknades', '2 Vad insatserna kostade']);
  });

  it('in the Word file: the appendix title is Heading 1, its ## Heading 2 and its ### Heading 3, as in a chapter', async () => {
    const document = strFromU8(unzipSync(await readFile(path.join(out, 'redovisning.docx')))['word/document.xml'] as Uint8Array);
    const headings = [...document.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)]
      .map((m) => ({ style: /<w:pStyle w:val="Heading(\d)"/.exec(m[1] ?? '')?.[1], text: [...(m[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }))
      .filter((p) => p.style !== undefined)
      .map((p) => `Heading${p.style} ${p.text}`);
    expect(headings.slice(-4)).toEqual(['Heading1 Bilaga 1Insatserna i korthet', 'Heading2 Insatserna under året', 'Heading3 Hur deltagarna räknades', 'Heading2 Vad insatserna kostade']);
    expect(skipped(headings.map((h) => Number(h[7])))).toEqual([]);
  });
});
