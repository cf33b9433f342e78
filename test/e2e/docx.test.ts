import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { FootnoteDefinition, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkReport, type CheckedReport } from '../../src/pipeline.js';
import { formatOf } from '../../src/model/tables.js';
import { cellText } from '../../src/render/tables.js';
import { docxBytes } from '../../src/write/docx/index.js';
import { fixtureReport, REPO } from '../helpers.js';
import { buildInto } from './build.js';

const EXAMPLE = path.join(REPO, 'examples', 'regional-fordelning');
/** Whitespace (the no-break spaces of numbers too) as single spaces. */
const flat = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').replace(/(\p{L})- (\p{L})/gu, '$1-$2').trim();

/** The parts of a .docx (a zip), as text. */
function parts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, data]) => [name, strFromU8(data)]));
}

/**
 * Each page's lines, from the words' boxes: LibreOffice sets a footnote's
 * number raised and smaller, which pdftotext's own lines put apart from
 * the note's text; here a word belongs to the line its box overlaps, and a
 * raised smaller word (a footnote's number) is marked `^1`.
 */
function pageLines(pdf: string): string[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return xml.split('<page ').slice(1).map((page) => {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), top: Number(m[2]), bottom: Number(m[3]), text: (m[4] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') }));
    const lines: { top: number; bottom: number; words: typeof words }[] = [];
    for (const word of words) {
      const line = lines.find((l) => Math.abs(l.bottom - word.bottom) < 1.5);
      if (line) line.words.push(word);
      else lines.push({ top: word.top, bottom: word.bottom, words: [word] });
    }
    // A line of raised small numbers (footnote numbers) joins the line whose baseline is just under it.
    for (const raised of lines.filter((l) => l.words.every((w) => /^\d+$/.test(w.text)))) {
      const height = raised.bottom - raised.top;
      const host = lines.find((l) => l !== raised && l.bottom - l.top > height / 0.8 && l.bottom > raised.bottom && l.bottom - raised.bottom < 0.9 * height);
      if (!host) continue;
      host.words.push(...raised.words.map((w) => ({ ...w, text: `^${w.text}` })));
      raised.words = [];
    }
    return lines
      .sort((a, b) => a.top - b.top)
      .filter((l) => l.words.length)
      .map((l) => l.words.sort((a, b) => a.x - b.x).map((w) => w.text).join(' '))
      .join('\n');
  });
}

/** The Word file opened and saved as PDF by LibreOffice (a private profile, so parallel runs do not meet), read back page by page. */
async function libreOfficePages(docx: string, work: string): Promise<{ pdf: string; pages: string[] }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'redovisning-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore', timeout: 150_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const pdf = path.join(work, `${path.basename(docx, '.docx')}.pdf`);
  return { pdf, pages: pageLines(pdf) };
}

/** The text of a Word paragraph's runs. */
const paragraphText = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** Every paragraph of document.xml with its style id and text. */
function paragraphs(document: string): { style: string | undefined; text: string; xml: string }[] {
  return [...document.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)].map((m) => ({ style: /<w:pStyle w:val="([^"]+)"/.exec(m[1] ?? '')?.[1], text: paragraphText(m[1] ?? ''), xml: m[1] ?? '' }));
}

/** What the checked report says the Word file must hold: headings, tables' captions and cells, footnotes. */
function expected(checked: CheckedReport): { headings: string[]; tables: { caption: string; cells: string[][]; numeric: boolean[] }[]; notes: string[] } {
  const model = checked.context.model;
  if (!model) throw new Error('no model');
  const headings: string[] = [];
  const notes = new Map<string, string>();
  const order: string[] = [];
  for (const text of [...checked.context.chapters, ...checked.context.appendices.flatMap((a) => (a.body ? [a.body] : []))]) {
    visit(text.tree, (node) => {
      if (node.type === 'heading') headings.push(toString(node as Heading));
      if (node.type === 'footnoteReference' && !order.includes((node as { identifier: string }).identifier)) order.push((node as { identifier: string }).identifier);
      if (node.type === 'footnoteDefinition') notes.set((node as FootnoteDefinition).identifier, toString(node as FootnoteDefinition));
    });
  }
  const placed = [...checked.context.placements].filter(([, p]) => p.kind === 'tabell').sort((a, b) => a[1].number - b[1].number);
  const tables = placed.map(([key, place]) => {
    const table = model.tables.find((t) => t.key === key);
    if (!table) throw new Error(key);
    const shown = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.shown);
    const cells = [...table.first, ...table.rows, ...table.last].map((row) => shown.map(({ c, i }) => cellText(row.cells[i], c, formatOf(row, i, c)) ?? ''));
    return { caption: `Tabell ${place.number} ${table.caption}`, cells, numeric: shown.map(({ c }) => c.numeric) };
  });
  return { headings, tables, notes: order.map((id) => notes.get(id) ?? '') };
}

interface Opened {
  bytes: Uint8Array;
  xml: Map<string, string>;
  pages: string[];
  pdf: string;
  checked: CheckedReport;
}

const work: string[] = [];
const opened: Record<'real' | 'example', Opened> = {} as never;

beforeAll(async () => {
  const example = await buildInto(EXAMPLE, ['--no-pdf']);
  if (example.result.code !== 0) throw new Error(example.result.stderr);
  for (const [name, out, root] of [['real', inject('realOut'), REPO], ['example', example.out, EXAMPLE]] as const) {
    const file = path.join(out, 'redovisning.docx');
    const bytes = new Uint8Array(await readFile(file));
    const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-docx-'));
    // The real report's output belongs to the global setup: other test files read it after this one.
    work.push(dir, ...(name === 'example' ? [path.dirname(out)] : []));
    const { pdf, pages } = await libreOfficePages(file, dir);
    opened[name] = { bytes, xml: parts(bytes), pages, pdf, checked: await checkReport(root) };
  }
}, 600_000);

afterAll(async () => {
  for (const dir of work) await rm(dir, { recursive: true, force: true });
});

describe.each(['real', 'example'] as const)('the Word file of the %s report, opened in LibreOffice', (name) => {
  it('numbers every page n (N) and starts with the letterhead and the title', () => {
    const { pages, checked } = opened[name];
    const rapport = checked.context.model?.rapport;
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`${i + 1} (${pages.length})`));
    const first = flat(pages[0] ?? '');
    for (const fact of [`Datum: ${rapport?.datum}`, `Dnr: ${rapport?.dnr}`, `Ert dnr: ${rapport?.ertDnr}`, ...(rapport?.mottagare ?? []), flat(rapport?.titel ?? '').slice(0, 40), 'Innehåll']) expect(first).toContain(fact);
  });

  it('has every heading, every table with its caption and numbers, and the decision', () => {
    const { pages, checked } = opened[name];
    const all = flat(pages.join('\n'));
    const want = expected(checked);
    for (const heading of want.headings) expect(all).toContain(flat(heading));
    expect(want.tables.length).toBeGreaterThan(0);
    for (const table of want.tables) {
      expect(all).toContain(flat(table.caption));
      for (const row of table.cells) for (const [c, cell] of row.entries()) if (table.numeric[c] && cell) expect(all, `${table.caption}: ${cell}`).toContain(flat(cell));
    }
    const beslut = checked.context.model?.rapport.beslut;
    if (name === 'example') expect(beslut).toBeDefined();
    if (beslut) {
      expect(all).toContain(`Beslut i detta ärende har fattats av ${beslut.beslutsfattare.titel} ${beslut.beslutsfattare.namn}. Föredragande har varit ${beslut.foredragande.titel} ${beslut.foredragande.namn}.`);
      const lines = pages.flatMap((p) => p.split('\n').map(flat));
      const decided = lines.findIndex((l) => l.startsWith('Beslut i detta ärende'));
      expect(lines.slice(decided).find((l) => l === beslut.beslutsfattare.namn)).toBeDefined();
      expect(lines.slice(decided).find((l) => l === beslut.foredragande.namn)).toBeDefined();
    }
  });

  it('sets each footnote at the foot of the page that refers to it, numbered as in the PDF', () => {
    const { pages, checked } = opened[name];
    const { notes } = expected(checked);
    expect(notes.length).toBeGreaterThan(2);
    for (const [i, note] of notes.entries()) {
      const n = i + 1;
      const start = flat(note).slice(0, 30);
      const page = pages.findIndex((p) => p.split('\n').some((l) => flat(l).startsWith(`^${n} ${start}`)));
      expect(page, `footnote ${n}: ${start}`).toBeGreaterThanOrEqual(0);
      const lines = (pages[page] ?? '').split('\n').map(flat).filter(Boolean);
      const at = lines.findIndex((l) => l.startsWith(`^${n} ${start}`));
      const call = lines.findIndex((l) => l.includes(` ^${n}`));
      expect(call, `the call of footnote ${n} on page ${page + 1}`).toBeGreaterThanOrEqual(0);
      expect(at, `footnote ${n} below its call`).toBeGreaterThan(call);
      // Below the note: only further notes (or their continuation lines) and the page number.
      const following = lines.slice(at + 1);
      expect(following[following.length - 1]).toBe(`${page + 1} (${pages.length})`);
    }
  });

  it('starts each appendix on a new page, and names attached PDFs as separate files', () => {
    const { pages, checked } = opened[name];
    for (const appendix of checked.context.appendices) {
      const page = pages.find((p) => p.split('\n').map(flat).filter(Boolean)[0] === `Bilaga ${appendix.number}`);
      expect(page, `Bilaga ${appendix.number}`).toBeDefined();
      expect(flat(page ?? '')).toContain(flat(appendix.title));
      if (appendix.pdf) expect(flat(page ?? '')).toContain(`bilaga-${appendix.number}.pdf`);
    }
  });
});

describe.each(['real', 'example'] as const)('the Word file of the %s report, read as XML', (name) => {
  it('uses Word’s built-in styles: Title, Heading 1–3, Caption, lists', () => {
    const { xml, checked } = opened[name];
    const document = xml.get('word/document.xml') ?? '';
    const styles = xml.get('word/styles.xml') ?? '';
    const all = paragraphs(document);
    expect(all.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual([checked.context.model?.rapport.titel]);
    const chapters = checked.context.chapters.map((c) => toString(c.tree.children.find((n) => n.type === 'heading') as Heading));
    expect(all.filter((p) => p.style === 'Heading1').map((p) => p.text).slice(0, chapters.length)).toEqual(chapters);
    expect(all.filter((p) => p.style === 'Caption').length).toBe(checked.context.placements.size);
    expect(all.some((p) => p.style === 'ListBullet' || p.style === 'ListNumber')).toBe(true);
    for (const [id, wordName] of [['Title', 'Title'], ['Heading1', 'heading 1'], ['Heading2', 'heading 2'], ['Heading3', 'heading 3'], ['Caption', 'caption'], ['ListBullet', 'List Bullet'], ['ListNumber', 'List Number'], ['Rapporttabell', 'Rapporttabell']]) {
      expect(styles).toMatch(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*><w:name w:val="${wordName}"/>`));
    }
    expect(styles).toContain('w:ascii="Source Sans 3"');
  });

  it('repeats each table’s header row, right-aligns its numbers and makes sum rows bold', () => {
    const { xml, checked } = opened[name];
    const document = xml.get('word/document.xml') ?? '';
    const tables = [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1] ?? '').filter((t) => t.includes(`w:val="Rapporttabell"`));
    const want = expected(checked).tables;
    expect(tables.length).toBe(want.length);
    for (const [t, table] of tables.entries()) {
      const rows = [...table.matchAll(/<w:tr\b[^>]*>(.*?)<\/w:tr>/gs)].map((m) => m[1] ?? '');
      expect(rows[0], `table ${t + 1}`).toContain('<w:tblHeader/>');
      const body = rows.slice(1);
      expect(body.length).toBe(want[t]?.cells.length);
      body.forEach((row, r) => {
        const cells = [...row.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => m[1] ?? '');
        cells.forEach((cell, c) => {
          expect(paragraphText(cell)).toBe(want[t]?.cells[r]?.[c]);
          if (want[t]?.numeric[c]) expect(cell).toContain('<w:jc w:val="right"/>');
        });
      });
      const model = checked.context.model?.tables.find((x) => `Tabell ${[...checked.context.placements].find(([k]) => k === x.key)?.[1].number} ${x.caption}` === want[t]?.caption);
      const sums = [...(model?.first ?? []), ...(model?.rows ?? []), ...(model?.last ?? [])].map((row) => row.sum);
      sums.forEach((sum, r) => {
        if (sum) for (const run of (body[r] ?? '').match(/<w:r>.*?<\/w:r>/gs) ?? []) expect(run).toContain('<w:b/>');
      });
      if (name === 'example') expect(sums.some(Boolean)).toBe(true);
    }
  });

  it('has real footnotes, Swedish on every run, alt text on every image and the document’s properties', () => {
    const { xml, checked } = opened[name];
    const document = xml.get('word/document.xml') ?? '';
    const footnotes = xml.get('word/footnotes.xml') ?? '';
    const { notes } = expected(checked);
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual(notes.map((_, i) => i + 1));
    notes.forEach((note, i) => expect(flat(paragraphText(new RegExp(`<w:footnote w:id="${i + 1}">(.*?)</w:footnote>`, 's').exec(footnotes)?.[1] ?? ''))).toBe(flat(note)));
    // Every run of text (field results aside) says it is Swedish, and so do the document's defaults.
    for (const part of ['word/document.xml', 'word/footnotes.xml']) {
      const text = (xml.get(part) ?? '').replace(/<w:fldSimple\b.*?<\/w:fldSimple>/gs, '');
      const runs = (text.match(/<w:r>.*?<\/w:r>/gs) ?? []).filter((r) => /<w:t[ >]/.test(r));
      expect(runs.length).toBeGreaterThan(part.includes('footnotes') ? notes.length : 100);
      for (const run of runs) expect(run, run.slice(0, 200)).toContain('<w:lang w:val="sv-SE"/>');
    }
    expect(xml.get('word/styles.xml')).toMatch(/<w:docDefaults>.*<w:lang w:val="sv-SE"\/>.*<\/w:docDefaults>/s);
    const images = [...document.matchAll(/<wp:docPr ([^>]*)>/g)].map((m) => /descr="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '');
    const figures = checked.context.model?.figures ?? [];
    expect(images.length).toBe(figures.length + (checked.context.figures.logo ? 1 : 0));
    for (const description of images) expect(description.length).toBeGreaterThan(5);
    for (const figure of figures) expect(images).toContain(figure.description.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    const core = xml.get('docProps/core.xml') ?? '';
    const rapport = checked.context.model?.rapport;
    expect(core).toContain(`<dc:title>${rapport?.titel}</dc:title>`);
    expect(core).toContain(`<dc:creator>${rapport?.myndighet}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${flat(rapport?.beskrivning ?? '')}</dc:subject>`);
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${rapport?.datum}T00:00:00Z</dcterms:created>`);
    expect(document).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-3&quot;/);
    expect(xml.get('word/footer1.xml')).toMatch(/PAGE.*\(.*NUMPAGES.*\)/s);
  });
});

describe('the Word file', () => {
  it('is the same bytes for the same input, from two builds and twice in one process', async () => {
    const again = await buildInto(EXAMPLE, ['--no-pdf']);
    work.push(path.dirname(again.out));
    expect(again.result.code).toBe(0);
    expect(Buffer.compare(await readFile(path.join(again.out, 'redovisning.docx')), opened.example.bytes)).toBe(0);
    const twice = await docxBytes(opened.example.checked);
    expect(Buffer.compare(twice, opened.example.bytes)).toBe(0);
    expect(Buffer.compare(await docxBytes(opened.real.checked), opened.real.bytes)).toBe(0);
  }, 200_000);

  it('is linked from the page with its size, and --no-docx leaves it out', async () => {
    const page = await readFile(path.join(inject('realOut'), 'index.html'), 'utf8');
    expect(page).toMatch(/<a href="redovisning.docx">Rapporten som Word-fil<\/a> \(för den som vill återanvända texten, \d+(,\d)?\u00a0kB\)/);
    const without = await buildInto(EXAMPLE, ['--no-pdf', '--no-docx']);
    work.push(path.dirname(without.out));
    expect(without.result.code).toBe(0);
    expect(existsSync(path.join(without.out, 'redovisning.docx'))).toBe(false);
    expect(await readFile(path.join(without.out, 'index.html'), 'utf8')).not.toContain('redovisning.docx');
    expect(without.result.stderr).not.toContain('redovisning.docx');
  }, 200_000);

  it('draws a table of the report’s own partial (mall) from its rows: header repeated, numbers right-aligned, sums bold', async () => {
    const root = await fixtureReport(undefined);
    work.push(root);
    await appendFile(path.join(root, 'data', 'tabeller.yaml'), 'egen:\n  rubrik: Kostnader per kvartal\n  mall: kvartal\n');
    await mkdir(path.join(root, 'templates', 'partials'), { recursive: true });
    await writeFile(path.join(root, 'templates', 'partials', 'kvartal.hbs'), '<thead><tr><th>Kvartal</th><th class="num">Kostnad</th></tr></thead><tbody><tr><th>Första</th><td class="num">{{tal 120000}}</td></tr><tr><th>Andra</th><td class="num">{{tal 80000}}</td></tr></tbody><tfoot><tr class="sum"><th>Summa</th><td class="num">{{tal 200000}}</td></tr></tfoot>\n');
    await appendFile(path.join(root, 'content', '02-genomforande.md'), '\nKostnaderna per kvartal står i {{tabell "egen"}}.\n\n{{> egen}}\n');
    const checked = await checkReport(root);
    expect(checked.diagnostics.hasErrors, checked.diagnostics.list.map((d) => d.messageId).join(', ')).toBe(false);
    const document = parts(await docxBytes(checked)).get('word/document.xml') ?? '';
    const table = [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1] ?? '').find((t) => t.includes('Kvartal')) ?? '';
    const rows = [...table.matchAll(/<w:tr\b[^>]*>(.*?)<\/w:tr>/gs)].map((m) => m[1] ?? '');
    expect(rows.map(paragraphText)).toEqual(['KvartalKostnad', 'Första120\u00a0000', 'Andra80\u00a0000', 'Summa200\u00a0000']);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).toMatch(/<w:jc w:val="right"\/>.*120\u00a0000/s);
    expect(rows[3]).toMatch(/<w:b\/>.*200\u00a0000/s);
    expect(paragraphs(document).some((p) => p.style === 'Caption' && p.text === 'Tabell 2 Kostnader per kvartal')).toBe(true);
  });
});
