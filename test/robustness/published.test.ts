import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkReport } from '../../src/pipeline.js';
import { buildInto } from '../e2e/build.js';
import { fixtureReport } from '../helpers.js';
import { plainPdf, whitePng } from './inputs.js';

const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

/** The generic starter with files replaced or added. */
async function starterWith(files: Record<string, string | Buffer | Uint8Array>, base = 'generisk'): Promise<string> {
  const root = await fixtureReport(undefined, base);
  roots.push(root);
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(root, file), content);
  return root;
}

/** The check's diagnostics as the CLI prints them, in Swedish and in English. */
async function diagnosticsOf(root: string): Promise<{ sv: string; en: string }> {
  const { diagnostics } = await checkReport(root);
  const list = diagnostics.sorted();
  return { sv: list.map((d) => formatDiagnostic(d, 'sv')).join('\n'), en: list.map((d) => formatDiagnostic(d, 'en')).join('\n') };
}

const CHAPTER = (body: string): string => `# Resultat\n\nSe bilaga 1.\n\n${body}\n`;

describe('SVG styles that reach out are removed from the published image, and the build says what', () => {
  it('@\\69mport, u\\72l(…) and image-set() never reach dist/assets', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>@\\69mport 'http://example.org/a.css'; rect { fill: red; background: image-set('http://example.org/b.png' 1x) }</style><rect width="10" height="10" style="fill:u\\72l(http://example.org/c.svg#p); stroke: blue"/></svg>`;
    const root = await starterWith({ 'bilder/karta.svg': svg, 'content/03-resultat.md': CHAPTER('![En karta](bilder/karta.svg)') });
    const { out, result } = await buildInto(root, ['--no-pdf']);
    roots.push(path.dirname(out));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/content\/03-resultat\.md:5:1: varning: SVG-bilden bilder\/karta\.svg innehöll .*<style> @import 'http:\/\/example\.org\/a\.css'.*<style> background:image-set\("http:\/\/example\.org\/b\.png"1x\).*style="fill:u\\72l\(http:\/\/example\.org\/c\.svg#p\)".*\[image-svg-unsafe\]/);
    const assets = (await readdir(path.join(out, 'assets'))).filter((f) => /^karta-.*\.svg$/.test(f));
    expect(assets).toHaveLength(1);
    const published = await readFile(path.join(out, 'assets', assets[0] as string), 'utf8');
    expect(published).not.toMatch(/example\.org|import|image-set|\\7|\\6/i);
    // What fetches nothing is still drawn.
    expect(published).toContain('rect{fill:red}');
    expect(published).toContain('style="stroke:blue"');
  });
});

describe('images are limited in pixels and must be whole', () => {
  it('a PNG of 20 000 × 20 000 pixels (a small file) is refused at its line', async () => {
    const png = whitePng(20_000, 20_000);
    expect(png.length).toBeLessThan(5_000_000);
    const root = await starterWith({ 'bilder/stor.png': png, 'content/03-resultat.md': CHAPTER('![En stor bild](bilder/stor.png)') });
    const { sv, en } = await diagnosticsOf(root);
    expect(sv).toMatch(/content\/03-resultat\.md:5:1: fel: bilden bilder\/stor\.png är 20\u00a0000 × 20\u00a0000 bildpunkter, mer än gränsen 10\u00a0000 bildpunkter per sida och 40\u00a0000\u00a0000 bildpunkter totalt: skala ned den .*\[image-too-large\]/);
    expect(en).toMatch(/content\/03-resultat\.md:5:1: error: the image bilder\/stor\.png is 20,000 × 20,000 pixels/);
  });
  it('7 000 × 7 000 pixels is under each side limit but over 40 megapixels', async () => {
    const root = await starterWith({ 'bilder/stor.png': whitePng(7_000, 7_000), 'content/03-resultat.md': CHAPTER('![En stor bild](bilder/stor.png)') });
    expect((await diagnosticsOf(root)).sv).toMatch(/bilden bilder\/stor\.png är 7\u00a0000 × 7\u00a0000 bildpunkter, mer än gränsen .*\[image-too-large\]/);
  });
  it.each([
    ['a PNG cut short', () => whitePng(400, 300).subarray(0, 60), 'png'],
    ['a PNG damaged in the middle', () => {
      const png = Buffer.from(whitePng(400, 300));
      png[50] = (png[50] as number) ^ 0xff;
      return png;
    }, 'png'],
    ['a PNG whose image data are too short for its size', () => {
      // A whole file, CRCs right, but its header promises more rows than its data hold.
      const png = Buffer.from(whitePng(400, 300));
      const small = whitePng(400, 200);
      return Buffer.concat([png.subarray(0, 33), small.subarray(33)]);
    }, 'png'],
  ])('%s is refused at its line', async (_, make, extension) => {
    const root = await starterWith({ [`bilder/trasig.${extension}`]: make(), 'content/03-resultat.md': CHAPTER(`![En bild](bilder/trasig.${extension})`) });
    const { sv, en } = await diagnosticsOf(root);
    expect(sv).toMatch(/content\/03-resultat\.md:5:1: fel: bilden bilder\/trasig\.png är skadad eller avkortad .*\[image-format\]/);
    expect(en).toMatch(/error: the image bilder\/trasig\.png is damaged or cut short/);
  });
  it('a JPEG cut short is refused; the whole one is used', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = await fixtureReport(undefined, 'generisk');
    roots.push(dir);
    await writeFile(path.join(dir, 'sida.pdf'), await plainPdf());
    execFileSync('pdftoppm', ['-jpeg', '-r', '20', '-singlefile', path.join(dir, 'sida.pdf'), path.join(dir, 'bilder', 'foto')]);
    const jpeg = await readFile(path.join(dir, 'bilder', 'foto.jpg'));
    await writeFile(path.join(dir, 'content', '03-resultat.md'), CHAPTER('![Ett foto](bilder/foto.jpg)'));
    expect((await diagnosticsOf(dir)).sv).not.toMatch(/foto\.jpg/);
    await writeFile(path.join(dir, 'bilder', 'foto.jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.9)));
    expect((await diagnosticsOf(dir)).sv).toMatch(/content\/03-resultat\.md:5:1: fel: bilden bilder\/foto\.jpg är skadad eller avkortad .*\[image-format\]/);
  });
});

describe('CSV cells that a spreadsheet would run are written as text (OWASP)', () => {
  const hostile = ['=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR'];
  it('each dangerous start gets a leading \' in the CSV; numbers stay numbers; the workbook holds the same text as text', async () => {
    const root = await fixtureReport(undefined, 'generisk');
    roots.push(root);
    const insatser = await readFile(path.join(root, 'data', 'insatser.yaml'), 'utf8');
    const names = [...insatser.matchAll(/^ {2}namn: (.*)$/gm)].map((m) => m[1] as string);
    let changed = insatser;
    hostile.slice(0, names.length).forEach((h, i) => {
      changed = changed.replace(`namn: ${names[i]}`, `namn: ${JSON.stringify(h)}`);
    });
    // More hostile names than rows: add the rest as rows.
    const extra = hostile.slice(names.length).map((h, i) => `- id: extra-${i}\n  namn: ${JSON.stringify(h)}\n  genomford: "2024-12-0${i + 1}"\n  deltagare: 1\n  kostnad: 5\n`).join('');
    await writeFile(path.join(root, 'data', 'insatser.yaml'), `${changed}${extra}`);
    const { out, result } = await buildInto(root, ['--no-pdf']);
    roots.push(path.dirname(out));
    expect(result.code, result.stderr).toBe(0);
    const csvText = await readFile(path.join(out, 'data', 'insatser.csv'), 'utf8');
    const rows = parse(csvText, { columns: true, relax_quotes: true }) as Record<string, string>[];
    const shown = rows.map((r) => r['namn']);
    for (const h of hostile) expect(shown).toContain(`'${h}`);
    // Numbers are numbers: no quote, no apostrophe.
    expect(csvText).toMatch(/,840,420000(\r?\n|$)/m);
    expect(csvText).toMatch(/,1,5(\r?\n|$)/m);
    expect(csvText).not.toMatch(/(^|,)[=+@]/m);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'data', 'insatser.xlsx'));
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    // The only formulas are the declared sum rows' own (=SUM over the rows they sum), never a cell's text.
    const formulas = cells.filter((c) => c.type === ExcelJS.ValueType.Formula).map((c) => (c.value as { formula?: string }).formula ?? '');
    expect(formulas.filter((f) => !/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/.test(f))).toEqual([]);
    expect(cells.map((c) => c.value)).toContain(hostile[0]);
  });
});

describe('impossible dates are located errors wherever a date is read', () => {
  it('in a data file with a schema, without one, and in a template', async () => {
    const root = await starterWith({
      'data/extra.yaml': 'mote: "2024-02-30"\n',
      'data/insatser.yaml': (await readFile(path.join(await fixtureReport(undefined, 'generisk').then((r) => (roots.push(r), r)), 'data', 'insatser.yaml'), 'utf8')).replace('genomford: "2024-05-20"', 'genomford: "2023-02-29"'),
      'content/03-resultat.md': CHAPTER('Mötet hölls {{datum "2024-04-31"}}.'),
    });
    const { sv, en } = await diagnosticsOf(root);
    expect(sv).toMatch(/data\/extra\.yaml:1:8: fel: 2024-02-30 är skrivet som ett datum men finns inte i kalendern.*\[data-value\]/);
    expect(sv).toMatch(/data\/insatser\.yaml:6:15: fel: 2023-02-29 är skrivet som ett datum men finns inte i kalendern.*\[data-value\]/);
    expect(sv).toMatch(/content\/03-resultat\.md:5:13: fel: \{\{datum\}\}: datumet 2024-04-31 finns inte i kalendern.*\[template-helper\]/);
    expect(en).toMatch(/data\/extra\.yaml:1:8: error: 2024-02-30 is written as a date but does not exist/);
  });
  it('a leap day that exists is fine', async () => {
    const root = await starterWith({ 'data/extra.yaml': 'mote: "2024-02-29"\nmanad: "2024-12"\ndnr: "2024-77"\n' });
    expect((await diagnosticsOf(root)).sv).not.toMatch(/data\/extra/);
  });
  it('a month that does not exist is an error where it is read as a date', async () => {
    const root = await starterWith({ 'content/03-resultat.md': CHAPTER('Det gällde {{datum "2024-13"}}.') });
    expect((await diagnosticsOf(root)).sv).toMatch(/content\/03-resultat\.md:5:12: fel: \{\{datum\}\}: datumet 2024-13 finns inte i kalendern.*\[template-helper\]/);
  });
  it('a computed date that does not exist is refused at its expression', async () => {
    const root = await fixtureReport(undefined, 'generisk');
    roots.push(root);
    await writeFile(path.join(root, 'data', 'berakning.yaml'), `${await readFile(path.join(root, 'data', 'berakning.yaml'), 'utf8')}slut: '"2024-02-" & "30"'\n`);
    expect((await diagnosticsOf(root)).sv).toMatch(/data\/berakning\.yaml:9:\d+: fel: 2024-02-30 är skrivet som ett datum men finns inte.*\[data-value\]/);
  });
});

describe('numbers the formats cannot show', () => {
  it('{{kronor}} of a fraction is an error at its place (in a file without a schema)', async () => {
    const root = await starterWith({ 'data/extra.yaml': 'belopp: 1234.5678\n', 'content/03-resultat.md': CHAPTER('Det kostade {{kronor extra.belopp}}.') });
    const { sv, en } = await diagnosticsOf(root);
    expect(sv).toMatch(/content\/03-resultat\.md:5:13: fel: \{\{kronor\}\} skriver hela kronor, men värdet 1234,5678 har decimaler .*\$round\(\).*\[template-helper\]/);
    expect(en).toMatch(/error: \{\{kronor\}\} writes whole kronor, but the value 1234\.5678 has decimals/);
  });
  it('a kronor column with a fraction is an error at the value', async () => {
    const root = await starterWith({
      'data/kostnader.yaml': '- { post: Lokaler, kostnad: 1000 }\n- { post: Resor, kostnad: 1234.5678 }\n',
      'content/03-resultat.md': CHAPTER('Tabell 2 visar kostnaderna.\n\n{{> kostnader}}'),
    });
    await writeFile(path.join(root, 'data', 'tabeller.yaml'), `${await readFile(path.join(root, 'data', 'tabeller.yaml'), 'utf8')}\nkostnader:\n  rubrik: Kostnader\n  rader: kostnader\n  kolumner:\n    post: { rubrik: Post, radrubrik: true }\n    kostnad: { rubrik: Kostnad (kronor), format: kronor }\n`);
    expect((await diagnosticsOf(root)).sv).toMatch(/data\/kostnader\.yaml:2:27: fel: tabellen kostnader, kolumnen kostnad: formatet 'kronor' visar hela kronor, men värdet 1234,5678 .*\[table-format\]/);
  });
  it('1e300 and 2^53 + 1 in data are errors at the value, as written', async () => {
    const root = await starterWith({ 'data/extra.yaml': 'stort: 1e300\nid: 9007199254740993\nlitet: -9007199254740991\n' });
    const { sv, en } = await diagnosticsOf(root);
    expect(sv).toMatch(/data\/extra\.yaml:1:8: fel: talet 1e300 ligger utanför det som kan räknas exakt.*\[data-value\]/);
    expect(sv).toMatch(/data\/extra\.yaml:2:5: fel: talet 9007199254740993 ligger utanför .*\[data-value\]/);
    expect(sv).not.toMatch(/extra\.yaml:3:/);
    expect(en).toMatch(/data\/extra\.yaml:1:8: error: the number 1e300 is outside the range/);
  });
});

describe('text beside an HTML comment never vanishes', () => {
  it('a comment sharing a line with text is an error at the text', async () => {
    const root = await starterWith({ 'content/03-resultat.md': CHAPTER('<!-- a --> Denna mening försvinner. <!-- b -->') });
    const { sv, en } = await diagnosticsOf(root);
    expect(sv).toMatch(/content\/03-resultat\.md:5:12: fel: texten "Denna mening försvinner\." står på samma rad som en HTML-kommentar .*lägg kommentaren på egna rader \[markdown-raw-html\]/);
    expect(en).toMatch(/content\/03-resultat\.md:5:12: error: the text "Denna mening försvinner\." shares a line with an HTML comment/);
  });
  it('text after a comment that ends on a later line is found too; a comment alone, or inside a paragraph, is fine', async () => {
    const root = await starterWith({ 'content/03-resultat.md': CHAPTER('<!-- en anteckning\nsom fortsätter --> Och denna.\n\n<!-- bara en anteckning -->\n\nEn mening <!-- mitt i --> som står kvar.') });
    const checked = await checkReport(root);
    const sv = checked.diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv')).join('\n');
    expect(sv).toMatch(/content\/03-resultat\.md:6:20: fel: texten "Och denna\." står på samma rad som en HTML-kommentar/);
    expect(sv.match(/HTML-kommentar/g)).toHaveLength(1);
  });
});

describe('data cannot forge the build\'s own markers', () => {
  it('a private-use character in a value is an error at the value, so the build refuses it', async () => {
    const root = await starterWith({ 'data/extra.yaml': 'x: "\\uE010insatser\\uE011"\n', 'content/03-resultat.md': CHAPTER('{{extra.x}}') });
    const { sv, en } = await diagnosticsOf(root);
    expect(sv).toMatch(/data\/extra\.yaml:1:5: fel: värdet innehåller tecknet U\+E010 ur Unicodes privata område.*\[data-value\]/);
    expect(en).toMatch(/data\/extra\.yaml:1:5: error: the value holds the character U\+E010/);
  });
  it('nor can a computed value', async () => {
    const root = await fixtureReport(undefined, 'generisk');
    roots.push(root);
    await writeFile(path.join(root, 'data', 'berakning.yaml'), `${await readFile(path.join(root, 'data', 'berakning.yaml'), 'utf8')}falsk: '$decodeUrlComponent("%EE%80%90") & "insatser" & $decodeUrlComponent("%EE%80%91")'\n`);
    await writeFile(path.join(root, 'content', '03-resultat.md'), CHAPTER('{{berakning.falsk}}'));
    const checked = await checkReport(root);
    expect(checked.diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv')).join('\n')).toMatch(/data\/berakning\.yaml:9:\d+: fel: värdet innehåller tecknet U\+E010.*\[data-value\]/);
    expect(checked.diagnostics.hasErrors).toBe(true);
  });
});
