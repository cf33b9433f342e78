// PDF/A-2u and PDF/UA-1, read back rule by rule. No validator installs here (veraPDF is in
// neither Debian nor npm); the rules are those of veraPDF's validation profiles
// (github.com/veraPDF/veraPDF-validation-profiles: PDF_A/PDFA-2U.xml, PDF_UA/PDFUA-1.xml),
// named below as "A <clause>-<test>" and "UA <clause>-<test>".
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { appendFile, copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureReport, REPO } from '../helpers.js';
import { buildInto, cli, type CliRun } from './build.js';

const READER = path.join(REPO, 'test', 'e2e', 'pdf-standards-read.py');
/** Debian's Python, which has Debian's pikepdf (python3-pikepdf, installed by scripts/setup.sh). */
const PYTHON = '/usr/bin/python3';
const SRGB = '/usr/share/color/icc/sRGB.icc';
const PDFUA_NS = 'http://www.aiim.org/pdfua/ns/id/';
/** Namespaces of the XMP specification's own schemas and of PDF/A's (A 6.6.2.3.1-1). */
const PREDEFINED = new Set(['http://purl.org/dc/elements/1.1/', 'http://ns.adobe.com/xap/1.0/', 'http://ns.adobe.com/pdf/1.3/', 'http://www.aiim.org/pdfa/ns/id/', 'http://www.aiim.org/pdfa/ns/extension/']);

interface Element {
  type: string;
  parent: string;
  hasP: boolean;
  id: string | null;
  alt: string | null;
  kids: string[];
}
interface Facts {
  header: string;
  binaryComment: boolean;
  afterEof: number;
  id: string[] | null;
  encrypted: boolean;
  lang: string | null;
  markInfoMarked: boolean;
  suspects: boolean;
  displayDocTitle: boolean;
  info: Record<string, string | null>;
  xmp: Record<string, unknown> & { extensionSchemas?: { namespaceURI: string; prefix: string; properties: Record<string, string>[] }[]; propertyNamespaces?: string[] };
  outputIntents: { S: string; N: number; deviceClass: string; colourSpace: string; version: number; sameAsPackage: boolean }[];
  unmarked: { page: number; operator: string }[];
  artifacts: number;
  nestedArtifactAndTags: number;
  markedContent: number;
  markedContentInForms: number;
  markedContentUnreached: { page: number; form: number[] | null; key: number | null; mcid: number }[];
  pagesWithAnnotsWithoutTabsS: number;
  elements: Element[];
  nonStandardUnmapped: string[];
  fonts: Record<string, { embedded: boolean; toUnicode: boolean }>;
  imagesInterpolated: number;
  annotations: { page: number; subtype: string; contents: string | null; flags: number; inLinkElement: boolean }[];
}

/** What the reader finds in a PDF. */
function read(pdf: string): Facts {
  return JSON.parse(execFileSync(PYTHON, [READER, pdf, SRGB], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Facts;
}

const structTexts = new Map<string, string>();
const pageWords = new Map<string, Set<string>>();
const execute = promisify(execFile);

/** Reads a PDF's tagged text and its page text once, while other reports build. */
async function readTexts(pdf: string): Promise<void> {
  const [tags, page] = await Promise.all([
    execute('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
    execute('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  ]);
  structTexts.set(pdf, tags.stdout);
  pageWords.set(pdf, new Set(page.stdout.split(/\s+/)));
}

/** The structure tree with its text, as `pdfinfo -struct-text` prints it (read once per file). */
function structText(pdf: string): string {
  let text = structTexts.get(pdf);
  if (text === undefined) {
    text = execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    structTexts.set(pdf, text);
  }
  return text;
}

/** Text read from the tags (pdfinfo -struct-text), leaving out Figures (read by their Alt). */
function taggedWords(pdf: string): string[] {
  const lines = structText(pdf).split('\n');
  const words: string[] = [];
  let figure: number | undefined;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (figure !== undefined && indent <= figure) figure = undefined;
    if (figure === undefined && /^\s*Figure\b/.test(line)) {
      figure = indent;
      continue;
    }
    const m = /^\s*"(.*)"$/.exec(line);
    if (m && figure === undefined) words.push(...(m[1] ?? '').split(/\s+/).filter(Boolean));
  }
  return words;
}

/**
 * Words of the tagged text that are two words of the page run together: not
 * a word as pdftotext reads the page, but two such words joined, and not a
 * word of the page's own text (`Vinnova-projektet` broken after its hyphen).
 */
function runTogether(pdf: string, html: string): string[] {
  const page = pageWords.get(pdf) ?? new Set(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split(/\s+/));
  const source = html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ');
  return taggedWords(pdf).filter((w) => !page.has(w) && [...w].some((_, i) => i > 0 && page.has(w.slice(0, i)) && page.has(w.slice(i))) && !source.includes(w));
}

interface Built {
  name: string;
  pdf: string;
  html: string;
  stderr: string;
  footnotes: number;
  tables: number;
  facts: Facts;
}

const temporary: string[] = [];
const reports: Built[] = [];

async function built(name: string, out: string, stderr: string): Promise<Built> {
  const pdf = path.join(out, 'redovisning.pdf');
  const html = await readFile(path.join(out, 'index.html'), 'utf8');
  await readTexts(pdf);
  return {
    name,
    pdf,
    html,
    stderr,
    footnotes: (html.match(/data-footnote-ref/g) ?? []).length,
    // The report's numbered tables (a chart's figures are a table on the web page only).
    tables: (html.match(/<caption id="tabell-\d+"/g) ?? []).length,
    facts: read(pdf),
  };
}

/** The example reports under examples/. */
const EXAMPLES = readdirSync(path.join(REPO, 'examples'));

async function fromStarter(template: string): Promise<Built> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-starter-'));
  temporary.push(dir);
  const root = path.join(dir, 'rapport');
  const init = await cli(['init', root, '--mall', template]);
  if (init.code !== 0) throw new Error(init.stderr);
  const { out, result } = await buildInto(root);
  temporary.push(path.dirname(out));
  if (result.code !== 0) throw new Error(result.stderr);
  return built(`the ${template} starter`, out, result.stderr);
}

/** The regional example with a third appendix: a tagged PDF (test/fixtures/pdf/tagged-appendix.pdf, see its .html). */
async function withTaggedAppendix(): Promise<Built> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-tagged-'));
  temporary.push(dir);
  const root = path.join(dir, 'rapport');
  await cp(path.join(REPO, 'examples', 'regional-fordelning'), root, { recursive: true, filter: (from) => !from.includes(`${path.sep}dist`) });
  await copyFile(path.join(REPO, 'test', 'fixtures', 'pdf', 'tagged-appendix.pdf'), path.join(root, 'bilagor', 'uppfoljning.pdf'));
  await appendFile(path.join(root, 'data', 'bilagor.yaml'), '- nyckel: uppfoljning\n  titel: Beslut om uppföljning av fördelade medel\n  pdf: bilagor/uppfoljning.pdf\n');
  const chapter = path.join(root, 'content', '03-fordelning.md');
  await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('beslutet om fördelningen i bilaga 2.', 'beslutet om fördelningen i bilaga 2; uppföljningen beslutas i bilaga 3.'));
  const { out, result } = await buildInto(root);
  temporary.push(path.dirname(out));
  if (result.code !== 0) throw new Error(result.stderr);
  return built('the regional example with a tagged appendix', out, result.stderr);
}

beforeAll(async () => {
  const examples = EXAMPLES.map((name) =>
    buildInto(path.join(REPO, 'examples', name)).then(async ({ out, result }) => {
      temporary.push(path.dirname(out));
      if (result.code !== 0) throw new Error(result.stderr);
      return built(`examples/${name}`, out, result.stderr);
    }),
  );
  const [generic, pilot, tagged, ...fromExamples] = await Promise.all([fromStarter('generisk'), fromStarter('pilotprojekt'), withTaggedAppendix(), ...examples]);
  reports.push(await built('the real report', inject('realOut'), inject('realStderr')), generic, pilot, ...fromExamples, tagged);
}, 600_000);

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

const each = (title: string, check: (report: Built) => void, timeout = 60_000): void => {
  it(title, { timeout }, () => {
    expect(reports.length).toBe(4 + EXAMPLES.length);
    for (const report of reports) {
      try {
        check(report);
      } catch (error) {
        (error as Error).message = `${report.name}: ${(error as Error).message}`;
        throw error;
      }
    }
  });
};

describe('every build\'s PDF is PDF/A-2u and PDF/UA-1: the real report, both starters, the examples, and the regional one with a tagged appendix', () => {
  each('the build says so in its last lines', (r) => {
    const lines = r.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('pdf: uppfyller PDF/A-2u, PDF/UA-1');
  });

  each('XMP: well-formed UTF-8 with a correct packet header (A 6.6.2.1-1 to -5)', (r) => {
    const xmp = r.facts.xmp;
    expect(xmp['utf8']).toBe(true);
    expect(xmp['wellFormed']).toBe(true);
    expect(xmp['beginIsBom']).toBe(true);
    expect(xmp['headerHasBytesOrEncoding']).toBe(false);
    expect(xmp['trailer']).toBe(true);
  });

  each('XMP: dc:title, dc:creator, dc:language, dates and producer match the info dictionary (UA 7.1-9, 7.2-33)', (r) => {
    const { xmp, info } = r.facts;
    expect(xmp['title']).toBeTruthy();
    expect(xmp['title']).toBe(info['Title']);
    expect(xmp['titleLang']).toBe('x-default');
    expect(xmp['creator']).toBe(info['Author']);
    expect(xmp['language']).toBe(r.facts.lang);
    expect(xmp['producer']).toBe(info['Producer']);
    // D:20200330000000Z ↔ 2020-03-30T00:00:00Z
    const asXmp = (d: string | null | undefined) => (d ?? '').replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
    expect(xmp['createDate']).toBe(asXmp(info['CreationDate']));
    expect(xmp['modifyDate']).toBe(asXmp(info['ModDate']));
  });

  each('XMP: pdfaid part 2 conformance U (A 6.6.4-1 to -3), pdfuaid part 1 (UA 5-1, 5-2), and the extension schema for pdfuaid (A 6.6.2.3.1-1, 6.6.2.3.3-*)', (r) => {
    const { xmp } = r.facts;
    expect(xmp['pdfaPart']).toBe('2');
    expect(xmp['pdfaConformance']).toBe('U');
    expect(xmp['pdfuaPart']).toBe('1');
    const schema = xmp.extensionSchemas?.find((s) => s.namespaceURI === PDFUA_NS);
    expect(schema?.prefix).toBe('pdfuaid');
    expect(schema?.properties).toEqual([expect.objectContaining({ name: 'part', valueType: 'Integer', category: 'internal' })]);
    for (const ns of xmp.propertyNamespaces ?? []) {
      expect(PREDEFINED.has(ns) || xmp.extensionSchemas?.some((s) => s.namespaceURI === ns), ns).toBe(true);
    }
  });

  each('file structure: header, binary comment, trailer /ID, nothing after %%EOF, not encrypted (A 6.1.2-1, -2, 6.1.3-1 to -3)', (r) => {
    expect(r.facts.header).toMatch(/^%PDF-1\.[0-7]$/);
    expect(r.facts.binaryComment).toBe(true);
    expect(r.facts.id).toHaveLength(2);
    expect(r.facts.id?.[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(r.facts.id?.[0]).not.toBe('0'.repeat(32));
    expect(r.facts.afterEof).toBeLessThanOrEqual(1);
    expect(r.facts.encrypted).toBe(false);
  });

  each('an OutputIntent GTS_PDFA1 with the sRGB profile of icc-profiles-free (A 6.2.3-1, 6.2.4.3-2, -4)', (r) => {
    expect(r.facts.outputIntents).toHaveLength(1);
    const [intent] = r.facts.outputIntents;
    expect(intent).toMatchObject({ S: '/GTS_PDFA1', N: 3, deviceClass: 'mntr', colourSpace: 'RGB ', sameAsPackage: true });
    expect(intent?.version).toBeLessThan(5);
  });

  each('no page content outside marked content; artifacts and tags not nested in each other (UA 7.1-1, -2, -3)', (r) => {
    expect(r.facts.unmarked).toEqual([]);
    expect(r.facts.artifacts).toBeGreaterThan(0);
    expect(r.facts.nestedArtifactAndTags).toBe(0);
  });

  each('every marked-content sequence, on the page or in a form it draws, is reached from the parent tree and back (UA 7.1)', (r) => {
    expect(r.facts.markedContent).toBeGreaterThan(50);
    expect(r.facts.markedContentUnreached).toEqual([]);
  });

  each('tagged: MarkInfo Marked, not Suspects, Lang, DisplayDocTitle, every element with a parent, standard types or mapped (UA 6.2-1, 7.1-4, -5, -10, -12, 7.2-29)', (r) => {
    expect(r.facts.markInfoMarked).toBe(true);
    expect(r.facts.suspects).toBe(false);
    expect(r.facts.lang).toMatch(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/);
    expect(r.facts.displayDocTitle).toBe(true);
    expect(r.facts.elements.length).toBeGreaterThan(10);
    expect(r.facts.elements.every((e) => e.hasP)).toBe(true);
    expect(r.facts.nonStandardUnmapped).toEqual([]);
  });

  each('every Link annotation has /Contents and is reached from a Link element; annotations print and pages with them tab in structure order (UA 7.18.5-1, -2, 7.18.3-1; A 6.3.2-1, -2)', (r) => {
    const links = r.facts.annotations.filter((a) => a.subtype === '/Link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.contents, JSON.stringify(link)).toBeTruthy();
      expect(link.inLinkElement).toBe(true);
      expect(link.flags & 4).toBe(4);
      expect(link.flags & (1 | 2 | 32 | 256)).toBe(0);
    }
    expect(r.facts.pagesWithAnnotsWithoutTabsS).toBe(0);
  });

  each('each footnote is a Note with a unique /ID, its number as Lbl, and its call links to it (UA 7.9-1, -2)', (r) => {
    const notes = r.facts.elements.filter((e) => e.type === 'Note');
    expect(notes).toHaveLength(r.footnotes);
    const ids = notes.map((n) => n.id);
    expect(ids).toEqual(notes.map((_, i) => `fotnot-${i + 1}`));
    expect(new Set(ids).size).toBe(ids.length);
    for (const note of notes) expect(note.kids[0]).toBe('Lbl');
    const calls = r.facts.annotations.filter((a) => /^Fotnot \d+$/.test(a.contents ?? ''));
    expect(calls).toHaveLength(r.footnotes);
  });

  each('lists: every LI in an L, with Lbl and a body (UA 7.2-17, -19, -20)', (r) => {
    for (const li of r.facts.elements.filter((e) => e.type === 'LI')) expect(li.parent).toBe('L');
    for (const l of r.facts.elements.filter((e) => e.type === 'L')) expect(l.kids.every((k) => k === 'LI' || k === 'L' || k === 'Caption')).toBe(true);
  });

  each('one Table per table of the page, each with one header and rows only (UA 7.2-3, -11, -16)', (r) => {
    const tables = r.facts.elements.filter((e) => e.type === 'Table');
    expect(tables).toHaveLength(r.tables);
    for (const table of tables) {
      expect(table.kids.every((k) => ['TR', 'THead', 'TBody', 'TFoot', 'Caption'].includes(k)), table.kids.join(' ')).toBe(true);
      expect(table.kids.filter((k) => k === 'THead').length).toBeLessThanOrEqual(1);
    }
    for (const tr of r.facts.elements.filter((e) => e.type === 'TR')) expect(['Table', 'THead', 'TBody', 'TFoot']).toContain(tr.parent);
  });

  each('Figures have Alt (UA 7.3-1)', (r) => {
    for (const figure of r.facts.elements.filter((e) => e.type === 'Figure')) expect(figure.alt, JSON.stringify(figure)).toBeTruthy();
  });

  each('fonts embedded, with ToUnicode; no interpolated images (A 6.2.11.4.1-1, 6.2.11.7.2-1, 6.2.8-3; UA 7.21.4.1-1, 7.21.7-1)', (r) => {
    const fonts = Object.entries(r.facts.fonts);
    expect(fonts.length).toBeGreaterThan(0);
    for (const [name, font] of fonts) expect(font, name).toEqual({ embedded: true, toUnicode: true });
    expect(r.facts.imagesInterpolated).toBe(0);
  });

  each('no run-together words from a soft line break in the text read from the tags (ISO 32000-1 14.8.2.5)', (r) => {
    expect(taggedWords(r.pdf).length).toBeGreaterThan(50);
    expect(runTogether(r.pdf, r.html)).toEqual([]);
  }, 240_000);
});

describe('the real report\'s tags, against what they were', () => {
  it('the text read from the tags has its spaces (pdfinfo -struct-text)', () => {
    const pdf = path.join(inject('realOut'), 'redovisning.pdf');
    const text = taggedWords(pdf).join(' ');
    for (const words of ['inledde Vinnova', 'näringsliv och', 'flexibla högskolekurser', 'forsknings- och']) expect(text).toContain(words);
    for (const glued of ['inleddeVinnova', 'näringslivoch', 'flexiblahögskolekurser']) expect(text).not.toContain(glued);
  });

  it('footnote and list numbers are the labels\' own text; the table broken across pages is one Table', () => {
    const tree = structText(path.join(inject('realOut'), 'redovisning.pdf'));
    expect(tree).toMatch(/Note <fotnot-1> \(inline\)\n\s+Lbl \(block\)\n\s+"1 "/);
    expect(tree).toMatch(/Lbl \(block\)\n\s+"1\. "/);
    const report = reports[0];
    expect(report?.tables).toBe(2);
  });
});

describe('a tagged attached appendix keeps its structure', () => {
  it('its headings, paragraphs and list follow the appendix\'s heading in the tree, in a Sect titled with the appendix, its roles mapped to standard types', () => {
    const report = reports.find((r) => r.name === 'the regional example with a tagged appendix');
    expect(report?.name).toBe('the regional example with a tagged appendix');
    const tree = structText(report?.pdf ?? '');
    const heading = tree.indexOf('"Bilaga 3 "');
    const sect = tree.indexOf('Sect', heading);
    expect(heading).toBeGreaterThan(0);
    expect(sect).toBeGreaterThan(heading);
    const appendix = tree.slice(sect);
    // LibreOffice's "Text body" is a P by its role map; the tree shows standard types only.
    expect(appendix).toMatch(/^\s+H1 \(block\):?\n(?:\s+\/.*\n)*\s+"Beslut om uppföljning av fördelade medel"/m);
    expect(appendix).toMatch(/^\s+P \(block\):?\n(?:\s+\/.*\n)*\s+"Myndigheten beslutar att regionerna ska redovisa/m);
    expect(appendix).toMatch(/^\s+H2 \(block\):?\n(?:\s+\/.*\n)*\s+"Hur man överklagar"/m);
    expect(appendix).toMatch(/L \(block\)\n\s+LI \(block\)/);
    expect(appendix).not.toContain('Text body');
    const facts = report?.facts;
    const types = facts?.elements.map((e) => e.type) ?? [];
    expect(types.filter((t) => t === 'Sect')).toHaveLength(1);
    // The untagged appendix 2 is still a Figure with its Alt; appendix 3's pages are not.
    expect(facts?.elements.filter((e) => e.type === 'Figure' && /^Bilaga \d/.test(e.alt ?? '')).map((e) => e.alt)).toEqual(['Bilaga 2, sida 1 av 1: Beslut om fördelning av medel till regionerna']);
  });

  it('its marked content is in the forms that draw its two pages, each with its own parent tree entry that reaches it', () => {
    const facts = reports.find((r) => r.name === 'the regional example with a tagged appendix')?.facts;
    // LibreOffice's two pages: 9 and 2 marked paragraphs and headings (and the untagged appendix's Figure has its MCID on the page).
    expect(facts?.markedContentInForms).toBe(11);
    expect(facts?.markedContentUnreached).toEqual([]);
    expect(facts?.unmarked).toEqual([]);
    expect(facts?.nestedArtifactAndTags).toBe(0);
    const text = taggedWords(reports.find((r) => r.name === 'the regional example with a tagged appendix')?.pdf ?? '').join(' ');
    expect(text).toContain('Beslutet kan inte överklagas.');
  });
});

describe('--pdf-standard none', () => {
  it('writes the plain PDF: no claim, no output intent, the content as Chromium wrote it', async () => {
    const { out, result } = await buildInto(REPO, ['--pdf-standard', 'none']);
    temporary.push(path.dirname(out));
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('pdf: vanlig PDF utan PDF/A och PDF/UA (--pdf-standard none)');
    const facts = read(path.join(out, 'redovisning.pdf'));
    expect(facts.xmp['wellFormed']).toBe(true);
    expect(facts.xmp['pdfaPart']).toBeNull();
    expect(facts.xmp['pdfuaPart']).toBeNull();
    expect(facts.outputIntents).toEqual([]);
    expect(facts.unmarked.length).toBeGreaterThan(0);
  }, 200_000);
});

describe('an attached appendix that is untagged and does not embed its fonts', () => {
  let run: CliRun;
  let facts: Facts;
  beforeAll(async () => {
    const root = await fixtureReport(undefined, 'pilotprojekt');
    temporary.push(root);
    await mkdir(path.join(root, 'bilagor'), { recursive: true });
    await copyFile(path.join(REPO, 'test', 'fixtures', 'pdf', 'untagged-fonts-not-embedded.pdf'), path.join(root, 'bilagor', 'program.pdf'));
    const register = (await readFile(path.join(root, 'data', 'bilagor.yaml'), 'utf8')).replace('innehall: bilagor/program.md', 'pdf: bilagor/program.pdf');
    await writeFile(path.join(root, 'data', 'bilagor.yaml'), register);
    const { out, result } = await buildInto(root);
    temporary.push(path.dirname(out));
    run = result;
    facts = read(path.join(out, 'redovisning.pdf'));
  }, 200_000);

  it('is a warning at its line in bilagor.yaml that says what to do, and the build says which claims it left out and why', async () => {
    expect(run.code, run.stderr).toBe(0);
    const register = (await readFile(path.join(REPO, 'starters', 'pilotprojekt', 'data', 'bilagor.yaml'), 'utf8')).split('\n');
    const line = register.findIndex((l) => l.includes('innehall: bilagor/program.md')) + 1;
    expect(run.stderr).toMatch(new RegExp(`^data/bilagor\\.yaml:${line}:\\d+: varning: bilaga 2: bilagor/program\\.pdf bäddar inte in typsnitten Helvetica, Helvetica-Bold, så redovisning\\.pdf kan inte bli PDF/A-2u eller PDF/UA-1\\. Exportera bilagan som PDF/A .* \\[appendix-fonts\\]$`, 'm'));
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(-2)).toEqual([
      'pdf: uppfyller inte PDF/A-2u, och säger inte att den gör det: bilaga 2 bäddar inte in typsnitten Helvetica, Helvetica-Bold',
      'pdf: uppfyller inte PDF/UA-1, och säger inte att den gör det: bilaga 2 bäddar inte in typsnitten Helvetica, Helvetica-Bold',
    ]);
  });

  it('the XMP leaves the claims out; the attached page is a Figure naming the appendix and page; nothing else is lost', () => {
    expect(facts.xmp['wellFormed']).toBe(true);
    expect(facts.xmp['pdfaPart']).toBeNull();
    expect(facts.xmp['pdfuaPart']).toBeNull();
    expect(facts.unmarked).toEqual([]);
    const figure = facts.elements.find((e) => e.type === 'Figure' && /^Bilaga 2, sida 1 av 1: /.test(e.alt ?? ''));
    expect(figure?.alt).toBe('Bilaga 2, sida 1 av 1: Program för startmötet');
    expect(Object.entries(facts.fonts).filter(([, f]) => !f.embedded).map(([name]) => name).sort()).toEqual(['/Helvetica', '/Helvetica-Bold']);
  });
});
