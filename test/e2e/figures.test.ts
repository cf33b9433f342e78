import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/write/browser.js';
import { fingerprint, fixtureReport, GENERIC_STARTER, REPO } from '../helpers.js';
import { buildInto, cli } from './build.js';
import { figureTags, pageTexts } from './pdf-read.js';

const require = createRequire(import.meta.url);
const EXAMPLE = path.join(REPO, 'examples', 'regional-fordelning');
const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** The text of an HTML fragment without its tags, with non-breaking spaces as spaces. */
const plain = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');

describe('the example report shows a logo, an image and a chart in both outputs', () => {
  let out: string;
  let html: string;
  beforeAll(async () => {
    const built = await buildInto(EXAMPLE);
    expect(built.result.code, built.result.stderr).toBe(0);
    out = built.out;
    temporary.push(path.dirname(out));
    html = await readFile(path.join(out, 'index.html'), 'utf8');
  });

  it('the letterhead shows the logo, with the agency as its text alternative, under a name that changes with its content', async () => {
    const logo = /<p class="agency agency-logo"><img class="logo" src="(assets\/logotyp-[0-9a-f]{10}\.svg)" alt="Myndigheten för vårdkompetens" width="255" height="52"><\/p>/.exec(html);
    expect(logo).not.toBeNull();
    const svg = await readFile(path.join(out, logo?.[1] as string), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|on[a-z]+=/i);
  });

  it('the image figure is numbered and captioned, and its PNG is published byte for byte', async () => {
    const figure = /<figure class="figure" id="figur-1"><img class="figure-image" src="(assets\/fordelningen-[0-9a-f]{10}\.png)" alt="Tre rutor i rad med pilar mellan\.[^"]*" width="\d+" height="\d+"><figcaption><span class="label">Figur 1\.<\/span> Uppdragets tre steg<\/figcaption><\/figure>/.exec(html);
    expect(figure).not.toBeNull();
    expect(await readFile(path.join(out, figure?.[1] as string))).toEqual(await readFile(path.join(EXAMPLE, 'bilder', 'fordelningen.png')));
    // The text refers to it by number, and the reference links to it.
    expect(html).toContain('se figur 1.');
    expect(html).toContain('<a href="#figur-2">figur 2</a>');
  });

  it('the chart is an SVG with a title and a description from the data, Swedish axes, and its numbers as a table and as open data', async () => {
    const figure = /<figure class="figure figure-chart" id="figur-2">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    const svg = /^<svg [^>]*>/.exec(figure)?.[0] ?? '';
    for (const attribute of ['role="img"', 'aria-labelledby="figur-2-titel"', 'aria-describedby="figur-2-beskrivning"', 'viewBox="0 0 560 574"']) expect(svg).toContain(attribute);
    expect(figure).toContain('<title id="figur-2-titel">Beviljade medel per region</title>');
    expect(plain(/<desc id="figur-2-beskrivning">([^<]*)<\/desc>/.exec(figure)?.[1] ?? '')).toContain('Region Stockholm fick mest, 13 605 000 kronor, och Region Gotland minst, 338 000 kronor.');
    expect(figure).toContain('>Beviljade medel (mnkr)</text>');
    expect(figure).toContain('font-family="Source Sans 3, DejaVu Sans, sans-serif"');
    expect(figure).not.toMatch(/style=|<script|role="graphics/);
    expect(figure).toMatch(/<figcaption><span class="label">Figur 2\.<\/span> Beviljade medel per region<\/figcaption>$/);
    const table = /<\/figure><details class="figure-data"><summary>Siffrorna i figur 2<\/summary>([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
    expect(table.match(/<tr>/g)).toHaveLength(22);
    expect(plain(table)).toContain('Region Stockholm13 605 000');
    const csv = parse(await readFile(path.join(out, 'data', 'medel-per-region.csv'), 'utf8')) as string[][];
    expect(csv[0]).toEqual(['namn', 'beviljat']);
    expect(csv).toHaveLength(22);
    expect(csv[1]).toEqual(['Region Stockholm', '13605000']);
    await expect(readFile(path.join(out, 'data', 'medel-per-region.xlsx'))).resolves.toBeTruthy();
    expect(await readFile(path.join(out, 'data', 'dcat.rdf'), 'utf8')).toContain('data/medel-per-region.csv');
    expect(plain(html)).toContain('Figur 2 Beviljade medel per region: medel-per-region.xlsx');
  });

  it('the page with its figures has no WCAG 2.1 A/AA violations (axe-core in Chromium)', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const page = await browser.newPage();
      await page.goto(`file://${path.join(out, 'index.html')}`, { waitUntil: 'load' });
      await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
      expect(violations).toEqual([]);
      // The chart is one image to assistive technology, named by its title.
      expect(await page.$eval('#figur-2 svg', (svg) => [svg.getAttribute('role'), svg.querySelector('title')?.textContent])).toEqual(['img', 'Beviljade medel per region']);
      expect(await page.$eval('#figur-2 svg', (svg) => svg.getBoundingClientRect().width)).toBeGreaterThan(400);
    } finally {
      await browser?.close();
    }
  });

  it('the PDF shows both figures with their captions, and tags the logo and each figure as Figure with its text alternative', async () => {
    const text = pageTexts(path.join(out, 'redovisning.pdf')).join('\n');
    expect(text).toContain('Figur 1. Uppdragets tre steg');
    expect(text).toContain('Figur 2. Beviljade medel per region');
    expect(text).toMatch(/Region Stockholm/);
    const figures = await figureTags(path.join(out, 'redovisning.pdf'));
    // The fourth is the attached decision's page (see pdf-standards.test.ts).
    expect(figures).toHaveLength(4);
    expect(figures[3]).toBe('Bilaga 2, sida 1 av 1: Beslut om fördelning av medel till regionerna');
    expect(figures[0]).toBe('Myndigheten för vårdkompetens');
    expect(figures[1]).toMatch(/^Tre rutor i rad med pilar mellan\./);
    expect(figures[2]?.replace(/\u00a0/g, ' ')).toMatch(/^Liggande staplar, en per region.*Region Stockholm fick mest, 13 605 000 kronor/);
  });

  it('the same data gives byte-identical SVG and PDF', async () => {
    const again = await buildInto(EXAMPLE);
    temporary.push(path.dirname(again.out));
    expect(again.result.code).toBe(0);
    expect(await fingerprint(again.out)).toEqual(await fingerprint(out));
  });
});

describe('the generic starter: a Markdown image and an upright bar chart', () => {
  it('publishes the sanitised SVG image and writes the axis in Swedish', async () => {
    const { out, result } = await buildInto(GENERIC_STARTER, ['--no-pdf']);
    temporary.push(path.dirname(out));
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/<p><img src="assets\/insatserna-[0-9a-f]{10}\.svg" alt="Myndighetens byggnad med tre pilar[^"]*" width="400" height="190"><\/p>/);
    expect(html).toContain('>1\u00a0000</text>');
    expect(html).not.toContain('>1,000</text>');
    expect(html).toContain('<span class="label">Figur 1.</span> Deltagare per insats');
  });
});

describe('bad figure input gives located errors and writes nothing', () => {
  it.each(['figure-definitions', 'figure-mark', 'figure-chart', 'images'])('%s', async (name) => {
    const good = await buildInto(GENERIC_STARTER, ['--no-pdf']);
    temporary.push(path.dirname(good.out));
    expect(good.result.code).toBe(0);
    const before = await fingerprint(good.out);
    const root = await fixtureReport(path.join(REPO, 'test', 'fixtures', 'checks', name));
    temporary.push(root);
    const bad = await cli(['build', root, '--out', good.out, '--no-pdf']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^(content|data)\/[\w./-]+:\d+:\d+: fel: .*\[(figure|image)-[a-z-]+\]$/m);
    expect(bad.stderr).toContain('inget skrevs');
    expect(await fingerprint(good.out)).toEqual(before);
  });
});
