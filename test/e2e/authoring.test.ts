import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReport, REPO } from '../helpers.js';
import { buildInto } from './build.js';

/**
 * What an author gets from the table and chart options of
 * test/fixtures/authoring (laid over the generic starter): read back from
 * the page, the CSV, the workbook (with a parser and as LibreOffice shows
 * it), the Word file (as LibreOffice prints it) and the charts' SVG.
 */
const FIXTURE = path.join(REPO, 'test', 'fixtures', 'authoring');
const temporary: string[] = [];
let root: string;
let out: string;
let html: string;

beforeAll(async () => {
  root = await fixtureReport(FIXTURE);
  temporary.push(root);
  const built = await buildInto(root, ['--no-pdf']);
  out = built.out;
  temporary.push(path.dirname(out));
  expect(built.result.code, built.result.stderr).toBe(0);
  expect(built.result.stderr).toContain('0 fel, 0 varningar');
  html = (await readFile(path.join(out, 'index.html'), 'utf8')).replace(/\u00a0/g, ' ');
});

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** A file converted by LibreOffice headless (a private profile, so parallel runs do not meet). */
async function libreOffice(file: string, to: string): Promise<string> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'redovisning-lo-'));
  temporary.push(work);
  const profile = path.join(work, 'profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', work, file], { stdio: 'ignore', timeout: 150_000 });
  return path.join(work, `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`);
}

/** The `<table>` of a caption's table on the page. */
const tableOf = (caption: string): string => new RegExp(`<table[^>]*><caption[^>]*>(?:(?!</table>).)*?${caption}(?:(?!</table>).)*</table>`, 's').exec(html)?.[0] ?? '';

describe('a column whose rows name their formats, with a missing value and fixed decimals', () => {
  it('the page shows each row in its own format, right-aligned, shares with one decimal in every row, the missing value as the column says', () => {
    const table = tableOf('Resultat per insats');
    expect(table).toContain('<tr><th scope="row">Webbinarier</th><td class="num">67,0 %</td><td class="num">62,5 %</td></tr>');
    expect(table).toContain('<tr><th scope="row">Digital guide</th><td class="num">3 100</td><td class="num"><span class="none">–</span></td></tr>');
    // decimaler: { hogst: 1 } drops the trailing zero; the fixed column keeps it.
    expect(table).toContain('<tr><th scope="row">Regionala träffar</th><td class="num">100,0 %</td><td class="num">50 %</td></tr>');
  });

  it('the CSV has the raw values and an empty cell for the missing one', async () => {
    const rows = parse(await readFile(path.join(out, 'data', 'resultat.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { namn: 'Webbinarier', enhet: 'procent', utfall: '0.67', tidigare: '0.625' },
      { namn: 'Digital guide', enhet: 'tal', utfall: '3100', tidigare: '' },
      { namn: 'Regionala träffar', enhet: 'procent', utfall: '1', tidigare: '0.5' },
    ]);
  });

  it('the workbook keeps each cell\'s number format and leaves the missing cell blank', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'data', 'resultat.xlsx'));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    // Row 1 the caption, row 2 the header; columns: namn, enhet, utfall, tidigare.
    expect([sheet.getCell('C3').value, sheet.getCell('C3').numFmt, sheet.getCell('C3').alignment?.horizontal]).toEqual([0.67, '0.0%', 'right']);
    expect([sheet.getCell('C4').value, sheet.getCell('C4').numFmt, sheet.getCell('C4').alignment?.horizontal]).toEqual([3100, '#,##0', 'right']);
    expect(sheet.getCell('D4').value).toBeNull();
    expect(sheet.getCell('D5').numFmt).toBe('0.0%');
    // As a spreadsheet program shows it: LibreOffice's CSV of the cells as shown (UTF-8, comma-separated).
    const shown = await readFile(await libreOffice(path.join(out, 'data', 'resultat.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true'), 'utf8');
    expect(shown.split('\n').map((l) => l.trim())).toEqual(expect.arrayContaining(['Webbinarier,procent,67.0%,62.5%', 'Digital guide,tal,"3,100",', 'Regionala träffar,procent,100.0%,50.0%']));
  });

  it('the Word file shows the rows\' own formats and the missing value', async () => {
    const pdf = await libreOffice(path.join(out, 'redovisning.docx'), 'pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
    expect(text).toMatch(/Webbinarier\s+67,0 %\s+62,5 %/);
    expect(text).toMatch(/Digital guide\s+3 100\s+–/);
    expect(text).toMatch(/Regionala träffar\s+100,0 %\s+50 %/);
  });
});

describe('a table drawn by its own partial, with rows and columns declared', () => {
  it('is drawn by the partial on the page and still published as CSV and workbook', async () => {
    expect(tableOf('Andelar i en egen mall')).toContain('<td class="num">0,67</td>');
    const rows = parse(await readFile(path.join(out, 'data', 'andelar.csv'), 'utf8'), { columns: true, cast: true }) as Record<string, unknown>[];
    expect(rows).toEqual([
      { namn: 'Webbinarier', utfall: 0.67 },
      { namn: 'Regionala träffar', utfall: 1 },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'data', 'andelar.xlsx'));
    expect((workbook.worksheets[0] as ExcelJS.Worksheet).getCell('B3').numFmt).toBe('0.0%');
  });
});

describe('charts', () => {
  /** A figure's drawing on the page and the texts of its axes. */
  const svgOf = (n: number): { svg: string; texts: string[] } => {
    const svg = new RegExp(`<svg[^>]*aria-labelledby="figur-${n}-titel".*?</svg>`, 's').exec(html)?.[0] ?? '';
    return { svg, texts: [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '') };
  };

  it('the short form\'s value axis starts where skala.fran says, not at 0', () => {
    const { svg, texts } = svgOf(1);
    expect(svg).toMatch(/^<svg[^>]* width="560"/);
    expect(texts).toContain('Deltagare');
    expect(texts).not.toContain('0');
    expect(texts).toContain('3 000');
  });

  it('a full Vega-Lite specification without a width is as wide as the short form', () => {
    const { svg, texts } = svgOf(2);
    expect(svg).toMatch(/^<svg[^>]* width="560"/);
    expect(texts).toContain('Insats');
  });
});
