import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';
import { cli } from './build.js';
import { pageTexts } from './pdf-read.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'import');
const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-import-'));
  temporary.push(dir);
  return dir;
}

async function importInto(file: string): Promise<{ root: string; code: number; stderr: string }> {
  const root = path.join(await scratch(), 'rapport');
  const run = await cli(['import', file, root]);
  return { root, code: run.code, stderr: run.stderr };
}

const read = (root: string, file: string): Promise<string> => readFile(path.join(root, file), 'utf8');

describe('redovisning import of a Word draft made by pandoc', () => {
  it('writes chapters, footnotes, a table as data, an image, an appendix, the letterhead and the decision, and the result checks clean', async () => {
    const { root, code, stderr } = await importInto(path.join(FIXTURES, 'pandoc-utkast.docx'));
    expect(stderr).toMatch(/^importerade pandoc-utkast\.docx till .*: 2 kapitel, 2 fotnoter, 1 tabeller, 1 bilder, 1 bilagor$/m);
    expect(stderr).toMatch(/^kontrollen: 0 fel, 2 varningar$/m);
    expect(code).toBe(0);
    expect((await readdir(path.join(root, 'content'))).sort()).toEqual(['01-sammanfattning.md', '02-genomforande.md', 'bilagor']);

    const summary = await read(root, 'content/01-sammanfattning.md');
    expect(summary).toContain('# Sammanfattning\n');
    expect(summary).toContain('Myndigheten har genomfört *tre* insatser under 2024 och redovisar här **resultatet** av uppdraget.[^1]');
    expect(summary).toContain('[myndighetens webbplats](https://www.example.org/uppdrag)');
    expect(summary).toContain('> Uppdraget har varit ett viktigt steg för regionerna.');
    expect(summary).toContain('[^1]: Se regleringsbrevet för 2024.');

    const work = await read(root, 'content/02-genomforande.md');
    // Nested lists stay nested and tight; the second footnote is numbered on from the first chapter's.
    expect(work).toContain('- planering av insatserna\n  - med regionerna\n  - med branschorganisationer\n- genomförande\n- uppföljning[^2]');
    expect(work).toContain('## Kostnader');
    expect(work).toContain('\n{{> insatser}}\n');
    expect(work).not.toContain('Tabell 1 Insatser och kostnader');
    expect(work).toContain('![Så fördelades kostnaderna mellan insatserna](bilder/bild-1.png)');
    expect(work).toContain('[^2]: Uppföljningen redovisas i sin helhet i bilaga 1.');
    expect(await readFile(path.join(root, 'bilder', 'bild-1.png'))).toEqual(await readFile(path.join(FIXTURES, 'diagram.png')));

    // The table: its numbers as the data holds them, its formats guessed, its sum row declared.
    expect(load(await read(root, 'data/insatser.yaml'))).toEqual([
      { insats: 'Webbinarier', genomford: '2024-05-20', deltagare: 840, andel: 0.208, kostnad_kronor: 420000 },
      { insats: 'Digital guide', genomford: '2024-09-02', deltagare: 3100, andel: 0.451, kostnad_kronor: 910000 },
      { insats: 'Regionala träffar', genomford: '2024-11-14', deltagare: 260, andel: 0.341, kostnad_kronor: 385000 },
    ]);
    const tables = load(await read(root, 'data/tabeller.yaml')) as Record<string, { rubrik: string; kolumner: Record<string, { format?: string }>; sist?: unknown[] }>;
    expect(tables['insatser']?.rubrik).toBe('Insatser och kostnader');
    expect(Object.fromEntries(Object.entries(tables['insatser']?.kolumner ?? {}).map(([k, c]) => [k, c.format ?? 'text']))).toEqual({ insats: 'text', genomford: 'datum', deltagare: 'tal', andel: 'procent', kostnad_kronor: 'kronor' });
    expect(tables['insatser']?.sist).toEqual([{ rubrik: 'Summa', summa: true, stil: 'summa' }]);
    const schema = JSON.parse(await read(root, 'schemas/insatser.schema.json')) as { items: { properties: Record<string, { type: string }>; required: string[] } };
    expect(schema.items.properties['deltagare']?.type).toBe('integer');
    expect(schema.items.properties['andel']?.type).toBe('number');
    expect(schema.items.required).toEqual(['insats', 'genomford', 'deltagare', 'andel', 'kostnad_kronor']);

    const rapport = load(await read(root, 'data/rapport.yaml')) as Record<string, unknown>;
    expect(rapport).toMatchObject({
      myndighet: 'Tillväxtmyndigheten',
      titel: 'Redovisning av uppdraget om regionala insatser',
      datum: '2025-03-28',
      dnr: '2024-00042',
      ertDnr: 'N2024/00123',
      mottagare: ['Regeringskansliet', 'Näringsdepartementet'],
      beslut: { beslutsfattare: { namn: 'Anna Andersson', titel: 'generaldirektör' }, foredragande: { namn: 'Karl Karlsson', titel: 'utredare' } },
    });
    // The decision is the tool's to write: the chapter that held only it is gone.
    expect(stderr).toContain('beslutet: beslutsraderna flyttade till data/rapport.yaml');
    expect(load(await read(root, 'data/bilagor.yaml'))).toEqual([{ nyckel: 'fordelningen', titel: 'Fördelningen i detalj', innehall: 'bilagor/fordelningen.md' }]);
    expect(await read(root, 'content/bilagor/fordelningen.md')).toBe('Fördelningen gjordes efter antalet deltagare.\n');
  });

  it('builds a PDF that reads like the draft', async () => {
    const { root } = await importInto(path.join(FIXTURES, 'pandoc-utkast.docx'));
    const out = path.join(root, 'dist');
    const build = await cli(['build', root, '--out', out]);
    expect(build.code, build.stderr).toBe(0);
    const pages = pageTexts(path.join(out, 'redovisning.pdf'));
    const all = pages.join('\n');
    for (const expected of ['Tillväxtmyndigheten', 'Dnr: 2024-00042', 'Ert dnr: N2024/00123', 'Sammanfattning', 'Genomförande', 'Tabell 1 Insatser och kostnader', '1 715 000', '45,1 %', 'Se regleringsbrevet för 2024.', 'Beslut i detta ärende har fattats av generaldirektör Anna Andersson', 'Fördelningen i detalj']) {
      expect(all).toContain(expected);
    }
  }, 120_000);
});

describe('redovisning import of a Word draft made by LibreOffice', () => {
  it('reads the letterhead from a table, the decision with its participants, and says what it left out, with its place', async () => {
    const { root, code, stderr } = await importInto(path.join(FIXTURES, 'lo-utkast.docx'));
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^kontrollen: 0 fel, 1 varning$/m);
    expect(stderr).toContain('stycke 10 under "Sammanfattning" ("Myndigheten har under året anordnat…"): en kommentar: inte med i rapporten');
    expect(stderr).toContain('under "Mötena" ("Mötena beskrivs i tabell 1 och i bilaga…"): en spårad infogning: texten är med som den står');
    const rapport = load(await read(root, 'data/rapport.yaml')) as Record<string, unknown>;
    expect(rapport).toMatchObject({
      myndighet: 'Dialogmyndigheten',
      titel: 'Redovisning av uppdraget att stödja dialogmöten',
      datum: '2025-04-15',
      dnr: '2024-01234',
      mottagare: ['Regeringskansliet', 'Kulturdepartementet'],
      beslut: { beslutsfattare: { namn: 'Maria Berg', titel: 'generaldirektör' }, foredragande: { namn: 'Olof Lind', titel: 'handläggare' }, deltagare: [{ namn: 'Sara Ek', titel: 'avdelningschef' }] },
    });
    expect(rapport['ertDnr']).toBeUndefined();
    expect(stderr).toContain('saknas i utkastet: ertDnr');
    // Swedish dates and "kr" amounts in the cells become ISO dates and whole kronor.
    expect(load(await read(root, 'data/dialogmoten.yaml'))).toEqual([
      { ort: 'Malmö', datum: '2024-03-12', deltagare: 45, kostnad: 62500 },
      { ort: 'Göteborg', datum: '2024-04-18', deltagare: 52, kostnad: 71000 },
      { ort: 'Umeå', datum: '2024-09-05', deltagare: 31, kostnad: 58250 },
      { ort: 'Luleå', datum: '2024-11-21', deltagare: 27, kostnad: 60750 },
    ]);
    const chapter = await read(root, 'content/02-motena.md');
    expect(chapter).toContain('- Öppna möten\n  - med föreningar\n  - med trossamfund\n- Uppföljande samtal');
    expect(chapter).toContain('[föreningar](https://www.example.org/foreningar)');
    expect(await read(root, 'content/01-sammanfattning.md')).toContain('> Dialogen har gett oss en bättre bild av behoven.');
  });
});

describe('redovisning import refuses what it cannot read, and writes nothing', () => {
  it('gives a one-line error and exit 2 for a damaged, encrypted, macro-enabled or non-Word file', async () => {
    const dir = await scratch();
    const good = await readFile(path.join(FIXTURES, 'pandoc-utkast.docx'));
    const damaged = path.join(dir, 'skadad.docx');
    await writeFile(damaged, good.subarray(0, Math.floor(good.length / 2)));
    const macros = path.join(dir, 'makron.docx');
    const zip = await JSZip.loadAsync(good);
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    zip.file('[Content_Types].xml', types.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'));
    await writeFile(macros, await zip.generateAsync({ type: 'nodebuffer' }));
    const docm = path.join(dir, 'utkast.docm');
    await writeFile(docm, good);
    const pdf = path.join(dir, 'utkast.docx');
    await writeFile(pdf, '%PDF-1.7\n');
    const cases: [string, RegExp][] = [
      [damaged, /^redovisning: skadad\.docx är skadad och kan inte läsas \(.+\): öppna den i Word, spara en ny kopia och importera den$/],
      [path.join(FIXTURES, 'krypterad.docx'), /^redovisning: krypterad\.docx är lösenordsskyddad: ta bort lösenordet i Word/],
      [macros, /^redovisning: makron\.docx innehåller makron \(\.docm\)/],
      [docm, /^redovisning: utkast\.docm innehåller makron \(\.docm\)/],
      [pdf, /^redovisning: utkast\.docx är inget Word-dokument \(\.docx\)/],
      [path.join(dir, 'finns-inte.docx'), /finns inte: ange sökvägen till Word-filen$/],
    ];
    for (const [file, message] of cases) {
      const target = path.join(dir, `rapport-${path.basename(file)}`);
      const run = await cli(['import', file, target]);
      expect(run.code, file).toBe(2);
      expect(run.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(run.stderr.trim(), file).toMatch(message);
      expect(await readdir(target).catch(() => 'absent'), file).toBe('absent');
    }
    expect((await readdir(dir)).filter((f) => f.includes('.import-'))).toEqual([]);
  });

  it('never writes into a folder that has files', async () => {
    const target = await scratch();
    await mkdir(path.join(target, 'content'));
    await writeFile(path.join(target, 'content', 'egen.md'), '# Min text\n');
    const run = await cli(['import', path.join(FIXTURES, 'pandoc-utkast.docx'), target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/finns redan och är inte tom; import skriver aldrig över något: ange en ny mapp/);
    expect(await readdir(target)).toEqual(['content']);
    expect(await readFile(path.join(target, 'content', 'egen.md'), 'utf8')).toBe('# Min text\n');
  });

  it('speaks English on request', async () => {
    const run = await cli(['import', path.join(FIXTURES, 'krypterad.docx'), path.join(await scratch(), 'r'), '--lang', 'en']);
    expect(run.stderr.trim()).toBe('redovisning: krypterad.docx is password-protected: remove the password in Word (File > Info > Protect Document) and import again');
  });
});

/** The words of a page's chapters, as a reader reads them (the letterhead, contents and open-data list left out). */
function chapterWords(html: string): string[] {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const chapters = main.replace(/<section[^>]*class="[^"]*(?:oppna-data|open-data)[^"]*"[\s\S]*$/, '');
  return chapters
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|\u00a0|\u202f/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const trigrams = (words: string[]): Set<string> => new Set(words.slice(2).map((w, i) => `${words[i]} ${words[i + 1]} ${w}`));

describe('a round trip of the real report through its own Word file', () => {
  it('imports redovisning.docx into a root that checks with no errors, with the chapters, table numbers and footnotes of the original', async () => {
    const work = await scratch();
    const built = await cli(['build', REPO, '--out', path.join(work, 'dist'), '--no-pdf']);
    expect(built.code, built.stderr).toBe(0);
    const root = path.join(work, 'rapport');
    const imported = await cli(['import', path.join(work, 'dist', 'redovisning.docx'), root]);
    expect(imported.stderr).toMatch(/^kontrollen: 0 fel, \d+ varningar/m);
    expect(imported.code).toBe(0);
    const again = await cli(['build', root, '--out', path.join(work, 'again'), '--no-pdf', '--no-docx']);
    expect(again.code, again.stderr).toBe(0);

    // The chapters' text: word trigrams of the original page found again in the imported report's page.
    const original = chapterWords(await readFile(path.join(work, 'dist', 'index.html'), 'utf8'));
    const copy = trigrams(chapterWords(await readFile(path.join(work, 'again', 'index.html'), 'utf8')));
    const wanted = [...trigrams(original)];
    const recall = wanted.filter((t) => copy.has(t)).length / wanted.length;
    expect(wanted.length).toBeGreaterThan(1000);
    expect(recall).toBeGreaterThanOrEqual(0.98);

    // Every number of the original's tables is a number of the imported data.
    const numbers = (text: string): Set<number> => new Set([...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])));
    const importedData = numbers((await Promise.all((await readdir(path.join(root, 'data'))).map((f) => read(root, `data/${f}`)))).join('\n'));
    for (const csv of (await readdir(path.join(work, 'dist', 'data'))).filter((f) => f.endsWith('.csv'))) {
      const body = (await readFile(path.join(work, 'dist', 'data', csv), 'utf8')).split('\n').slice(1).join('\n');
      const missing = [...numbers(body.replace(/"[^"]*"/g, ''))].filter((n) => Number.isInteger(n) && !importedData.has(n));
      expect(missing, csv).toEqual([]);
    }

    // Every footnote's text is a footnote of the import.
    const notes = [...(await readFile(path.join(work, 'dist', 'index.html'), 'utf8')).matchAll(/<li id="fn-[^"]*"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => (m[1] ?? '').replace(/<a[^>]*>↩<\/a>|<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
    expect(notes.length).toBeGreaterThan(3);
    const definitions = (await Promise.all((await readdir(path.join(root, 'content'))).filter((f) => f.endsWith('.md')).map((f) => read(root, `content/${f}`)))).join('\n').replace(/\\/g, '');
    for (const note of notes) expect(definitions.replace(/\s+/g, ' '), note).toContain(note.replace(/\s+/g, ' ').slice(0, 40));
  }, 240_000);
});
