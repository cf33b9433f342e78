import { readdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';
import { buildInto, cli } from './build.js';
import { copyOfReport } from './copy.js';
import { pageTexts } from './pdf-read.js';

const EXAMPLES = path.join(REPO, 'examples');
const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe.each(readdirSync(EXAMPLES))('the example report %s', (name) => {
  const root = path.join(EXAMPLES, name);
  let out: string;
  let stderr: string;
  beforeAll(async () => {
    const built = await buildInto(root);
    out = built.out;
    stderr = built.result.stderr;
    temporary.push(path.dirname(out));
    expect(built.result.code, stderr).toBe(0);
  });

  it('checks clean', async () => {
    const check = await cli(['check', root]);
    expect(check.code).toBe(0);
    const [summary, lix] = check.stderr.trim().split('\n');
    expect(summary).toBe('0 fel, 0 varningar');
    expect(lix).toMatch(/^LIX \(läsbarhet\): .*; hela rapporten \d+ \((lättläst|medelsvår)\)$/);
  });

  it('is a valid web page', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(await readFile(path.join(out, 'index.html'), 'utf8'));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.message} (${m.ruleId})`))).toEqual([]);
  });

  it('publishes every declared table as CSV', async () => {
    const tables = (await import('js-yaml')).load(await readFile(path.join(root, 'data', 'tabeller.yaml'), 'utf8')) as Record<string, { fil?: string }>;
    for (const [key, table] of Object.entries(tables)) {
      const csv = await readFile(path.join(out, 'data', `${table.fil ?? key}.csv`), 'utf8');
      expect(csv.split('\n').length, key).toBeGreaterThan(2);
    }
  });
});

describe('the regional distribution example, in both outputs', () => {
  const root = path.join(EXAMPLES, 'regional-fordelning');
  let out: string;
  beforeAll(async () => {
    const built = await buildInto(root);
    out = built.out;
    temporary.push(path.dirname(out));
  });

  it('the regions table has a percentage column of one decimal in every row and a sum row of 100,0 %; the cost table starts with a computed row', async () => {
    const html = (await readFile(path.join(out, 'index.html'), 'utf8')).replace(/\u00a0/g, ' ');
    expect(html).toContain('<tr class="sum"><th scope="row">Summa</th><td class="num">10 523 174</td><td class="num">58 320 000</td><td class="num">100,0 %</td></tr>');
    expect(html).toContain('<tr><th scope="row">Region Stockholm</th><td class="num">2 454 821</td><td class="num">13 605 000</td><td class="num">23,3 %</td></tr>');
    expect(html).toMatch(/<tbody><tr><th scope="row">Fördelat till regionerna<\/th><td class="num">58 320 000<\/td><\/tr>/);
    expect(html).toContain('<tr class="sum"><th scope="row">Summa använda medel</th><td class="num">60 000 000</td></tr>');
    const regions = parse(await readFile(path.join(out, 'data', 'regioner.csv'), 'utf8'), { columns: true, cast: true }) as Record<string, number | string>[];
    expect(regions).toHaveLength(21);
    expect(regions[0]).toEqual({ id: 'stockholm', namn: 'Region Stockholm', invanare: 2454821, beviljat: 13605000, andel: 13605000 / 58320000 });
    const costs = parse(await readFile(path.join(out, 'data', 'kostnader.csv'), 'utf8'), { columns: true, cast: true }) as Record<string, number | string>[];
    expect(costs[0]).toEqual({ post: 'Fördelat till regionerna', belopp: 58320000 });
  });

  it('the PDF has the decision block, footnotes, and the attached decision after its heading, numbered like the rest', async () => {
    const pages = pageTexts(path.join(out, 'redovisning.pdf'));
    const flat = pages.map((p) => p.replace(/\s+/g, ' '));
    expect(flat[0]).toContain('Myndigheten för vårdkompetens');
    expect(flat[0]).toContain('Ert dnr: S2024/01234');
    expect(flat.join(' ')).toContain('Beslut i detta ärende har fattats av generaldirektör Maria Lind. Föredragande har varit utredare Jonas Berg. I den slutliga handläggningen har även avdelningschef Eva Sund och controller Ali Hassan deltagit.');
    const heading = flat.findIndex((p) => p.includes('Bilaga 2 Beslut om fördelning av medel till regionerna'));
    expect(flat[heading]).toContain('Bilagan består av en sida som följer.');
    expect(flat[heading + 1]).toContain('Beslut om fördelning av medel till regionerna');
    expect(flat[heading + 1]).toContain(`${heading + 2} (${pages.length})`);
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('Bilagan finns som PDF: <a href="bilagor/bilaga-2.pdf">');
    expect((await readFile(path.join(out, 'bilagor', 'bilaga-2.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the three-year follow-up example, as its reader gets it', () => {
  const root = path.join(EXAMPLES, 'uppfoljning-treaarig');
  let out: string;
  let html: string;
  beforeAll(async () => {
    const built = await buildInto(root);
    out = built.out;
    temporary.push(path.dirname(out));
    expect(built.result.code, built.result.stderr).toBe(0);
    html = (await readFile(path.join(out, 'index.html'), 'utf8')).replace(/\u00a0/g, ' ');
  });

  it('the indicators show each row in its own format, shares with one decimal in every row, a dash for a value not known; the CSV leaves it empty', async () => {
    expect(html).toContain('<tr><th scope="row">Regioner med en plan för kompetensförsörjning</th><td class="num">62,0 %</td><td class="num">90,0 %</td><td class="num">66,7 %</td><td class="num">81,0 %</td><td class="num">85,7 %</td></tr>');
    expect(html).toContain('<tr><th scope="row">Utbildade handledare</th><td class="num">140</td><td class="num">600</td><td class="num">260</td><td class="num">455</td><td class="num"><span class="none">–</span></td></tr>');
    const rows = parse(await readFile(path.join(out, 'data', 'indikatorer.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r['id'] === 'nojda')).toMatchObject({ utgangslage: '', utfall_2023: '0.82' });
    expect(rows.find((r) => r['id'] === 'handledare')).toMatchObject({ utfall_2024: '455', utfall_2025: '' });
  });

  it('the budget has a column per year, a total per row and sums in its foot; the milestones their delay in days', () => {
    expect(html).toContain('<tr class="sum"><th scope="row">Summa</th><td class="num">4 000 000</td><td class="num">4 500 000</td><td class="num">4 460 000</td><td class="num">12 960 000</td></tr>');
    expect(html).toContain('<tr><th scope="row">Handledarutbildningen i alla regioner</th><td>31 december 2024</td><td>17 februari 2025</td><td class="num">48</td></tr>');
    expect(html).toContain('<tr><th scope="row">Regionernas rapporter för 2025</th><td>30 april 2026</td><td><span class="none">ej nådd</span></td><td class="num"><span class="none">–</span></td></tr>');
  });

  it('the chart\'s value axis runs from 60 to 100 %; the PDF ends with the attached plan after its heading', () => {
    const svg = /<svg[^>]*aria-labelledby="figur-1-titel".*?<\/svg>/s.exec(html)?.[0] ?? '';
    const ticks = [...svg.matchAll(/<text[^>]*>(\d+ %)<\/text>/g)].map((m) => m[1]);
    expect(ticks[0]).toBe('60 %');
    expect(ticks.at(-1)).toBe('100 %');
    const pages = pageTexts(path.join(out, 'redovisning.pdf')).map((p) => p.replace(/\s+/g, ' '));
    expect(pages.at(-2)).toContain('Bilaga 1 Plan för uppföljningen av kompetenslyftet');
    expect(pages.at(-1)).toContain('Regionerna rapporterar varje år i april.');
  });
});

describe('broken copies of the example fail with located errors and write nothing', () => {
  it.each([
    ['administration over the cap', 'data/kostnader.yaml', (t: string) => t.replace('belopp: 980000', 'belopp: 1200000'), [
      /^data\/uppdrag\.yaml:6:20: fel: Administrationen kostar mer än taket i uppdraget \(3 procent av medlen\); minska kostnaderna i data\/kostnader\.yaml \(1\u00a0900\u00a0000 > 1\u00a0800\u00a0000\) \[administrationstak\]$/m,
      /^data\/uppdrag\.yaml:5:8: fel: .* \(58\u00a0320\u00a0000 \+ 1\u00a0900\u00a0000 ≠ 60\u00a0000\u00a0000\) \[medlen-anvands\]$/m,
      /^content\/04-kostnader\.md:3:\d+: fel: '980 000 kronor' stämmer inte med något belopp i datan/m,
    ]],
    ['a contact in a region that does not exist', 'data/kontakter.yaml', (t: string) => t.replace('region: skane', 'region: skåne'), [/^data\/kontakter\.yaml:4:13: fel: 'skåne' finns inte bland regioner\.id: menar du 'skane'\? \[data-reference\]$/m]],
    ['a region given more than its share', 'data/regioner.yaml', (t: string) => t.replace('beviljat: 338000', 'beviljat: 438000'), [/^data\/regioner\.yaml:10:67: fel: Region Gotland har fått en andel av medlen som inte följer andelen invånare; kontrollera beloppet \(0,0017 ≥ 0,001\) \[fordelning-efter-invanare\]$/m]],
  ])('%s', async (_, file, change, expected) => {
    const root = await copyOfReport(path.join(EXAMPLES, 'regional-fordelning'));
    temporary.push(root);
    await writeFile(path.join(root, file), change(await readFile(path.join(root, file), 'utf8')));
    const { out, result } = await buildInto(root, ['--no-pdf']);
    temporary.push(path.dirname(out));
    expect(result.code).toBe(1);
    for (const pattern of expected) expect(result.stderr).toMatch(pattern);
    expect(result.stderr).toContain('inget skrevs');
    await expect(readFile(path.join(out, 'index.html'))).rejects.toThrow();
  });
});
