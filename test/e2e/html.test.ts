import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/write/browser.js';

/** The real report built to HTML, loaded in headless Chromium. */
let out: string;
let browser: Browser;
let page: Page;

const text = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  out = inject('realOut');
  expect(inject('realStderr')).toContain('0 fel, 5 varningar');
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`file://${path.join(out, 'index.html')}`);
});

afterAll(async () => {
  await browser?.close();
});

describe('the real report as a web page', () => {
  it('is Swedish, titled, and has every chapter in order', async () => {
    expect(await page.$eval('html', (el) => el.getAttribute('lang'))).toBe('sv');
    expect(await page.title()).toBe('Redovisning av uppdraget om korta flexibla högskolekurser – Vinnova');
    const chapters = await page.$$eval('main section.chapter > h2', (els) => els.map((e) => e.textContent));
    expect(chapters).toEqual(['Sammanfattning', 'Bakgrund', 'Genomförande och beviljade pilotprojekt', 'Resultat', 'Slutsatser/rekommendationer', 'Ekonomisk redovisning']);
    expect(await page.$$eval('h1', (els) => els.length)).toBe(1);
  });

  it('shows the letterhead facts', async () => {
    const letterhead = text(await page.$eval('header.letterhead', (el) => (el as HTMLElement).innerText));
    for (const fact of ['Vinnova', 'Datum: 2020-03-30', 'Dnr: 2018-00703', 'Ert dnr: N2018/01043/IFK', 'Regeringskansliet', 'Näringsdepartementet']) expect(letterhead).toContain(fact);
  });

  it('Tabell 1 lists all nine projects with their coordinators and participants', async () => {
    const caption = text(await page.$eval('.table-scroll[aria-labelledby="tabell-1"] table caption', (el) => el.textContent ?? ''));
    expect(caption).toBe('Tabell 1 Beviljade projekt, projektkoordinator samt medverkande lärosäten');
    const rows = await page.$$eval('.table-scroll[aria-labelledby="tabell-1"] table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[1])).toEqual([
      'Chalmers',
      'Högskolan i Halmstad',
      'Högskolan i Halmstad',
      'Kungliga Tekniska högskolan',
      'Linnéuniversitetet',
      'Luleå tekniska universitet',
      'Lunds universitet',
      'Lunds universitet',
      'Mittuniversitetet',
    ]);
    expect(rows[4]?.[2]).toBe('Blekinge tekniska högskola, Högskolan Väst, Mälardalens högskola, Örebro universitet');
    expect(rows[8]?.[0]).toBe('Branschutveckling hos banker och Försäkringsbolag genom Flexibelt Livslångt lärande (BUFFL)');
    expect(rows[2]?.[0]).toBe('Managing Additive Manufacturing for Professional Engineers (MAMPE)');
  });

  it('the budget table has the rows, sums and totals of the original', async () => {
    const rows = await page.$$eval('.table-scroll[aria-labelledby="tabell-2"] table tr', (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\u00a0/g, ' '))));
    expect(rows).toContainEqual(['Pilotprojekt för utveckling av leveransformat och finansieringsmodeller för AI-kurser på mastersnivå', '3 400 000', '2 253 730', '5 653 730']);
    expect(rows).toContainEqual(['Managing Additive Manufacturing for Professional Engineers (MAMPE)', '1 499 999', '298 550', '1 798 549']);
    expect(rows).toContainEqual(['Summa projektbidrag', '19 350 000', '12 867 058', '32 217 058']);
    expect(rows).toContainEqual(['Vinnovas arbete med regeringsuppdraget', '650 000', '', '']);
    expect(rows).toContainEqual(['Summa medel regeringsuppdrag', '20 000 000', '', '']);
    expect(text(await page.$eval('.table-scroll[aria-labelledby="tabell-2"] table caption', (el) => el.textContent ?? ''))).toMatch(/^Tabell 2 /);
  });

  it('has nine footnotes numbered 1–9 in order of reference, with their texts and links both ways', async () => {
    const refs = await page.$$eval('main section.chapter sup a[data-footnote-ref]', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(refs.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const notes = await page.$$eval('section.footnotes li', (lis) => lis.map((li) => [li.id, (li.textContent ?? '').replace('↩', '').trim()]));
    expect(notes.map((n) => n[1])).toEqual([
      'SOU 2019:6.',
      '2018-00703',
      '2018-02347_4',
      '2018-02347_4',
      'https://www.vinnova.se/nyheter/2018/11/ny-satsning-pa-hogskolekurser-for-yrkesverksamma-specialister/',
      '2018-03826_30',
      'https://universitetslararen.se/2020/02/10/kurs-i-form-av-en-podd-skapar-nya-mojligheter/, https://www.ingenjoren.se/2019/12/11/testkor-kurser-for-livslangt-larande/',
      'https://www.ingenjoren.se/2019/12/11/testkor-kurser-for-livslangt-larande/',
      'SOU 2019:6.',
    ]);
    for (const [, href] of refs) expect(await page.$(String(href))).not.toBeNull();
    const backrefs = await page.$$eval('section.footnotes a[data-footnote-backref]', (as) => as.map((a) => a.getAttribute('href')));
    expect(backrefs).toHaveLength(9);
    for (const href of backrefs) expect(await page.$(String(href))).not.toBeNull();
  });

  it('speaks Swedish only: labels, numbers with no-break spaces', async () => {
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/Footnotes|Back to reference|Back to content/);
    expect(await page.$eval('section.footnotes h2', (el) => el.textContent)).toBe('Fotnoter');
    expect(html).toContain('19\u00a0350\u00a0000');
  });

  it('states the narrative figures from data', async () => {
    const body = text(await page.$eval('main', (el) => el.textContent ?? ''));
    for (const phrase of [
      'Vinnova har beviljat nio pilotprojekt',
      'Totalt beviljat bidrag uppgår till cirka 32 miljoner kronor',
      'motsvarande drygt 12 miljoner',
      'De beviljade projekten koordineras av sju lärosäten',
      'har 19,35 mkr satsats i projekten och 650 tkr avsatts',
      'forskningsanslaget på 12,87 mkr',
      'innovationsdag 22 mars 2018',
      'den 5 april 2018',
      'I februari 2018 fick Vinnova i uppdrag',
      'högst 10 miljoner kronor för 2018 och samma summa för 2019',
      'Senast den 31 mars 2020',
      'sammanlagt 34 lärosäten',
      'Totalt inkom tio fullständiga ansökningar',
      'Sammanlagt beviljades nio projekt (bilaga 6)',
      'Av de beviljade projekten har ett projekt slutrapporterat',
      'Övriga åtta projekt pågår',
      'med 20 miljoner kronor som erhållits via uppdraget för 2018–2019',
      'bidrag på totalt 55 miljoner kronor',
      'pressmeddelande den 29 november 2018',
    ]) {
      expect(body).toContain(phrase);
    }
  });

  it('lists the six appendices; bilaga 6 lists the granted projects from data', async () => {
    const list = await page.$$eval('.appendix-list li', (lis) => lis.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ')));
    expect(list).toHaveLength(6);
    expect(list[5]).toBe('Bilaga 6 Beviljade projekt');
    const bilaga6 = await page.$$eval('#bilaga-6 li', (lis) => lis.length);
    expect(bilaga6).toBe(9);
    expect(text(await page.$eval('#bilaga-1', (el) => el.textContent ?? ''))).toContain('Bilagan lämnas separat.');
  });

  it('keeps the lists of the narrative', async () => {
    const ordered = await page.$$eval('#resultat ~ ol li, section.chapter ol li', (lis) => lis.map((li) => (li.textContent ?? '').slice(0, 20)));
    expect(ordered).toContain('Uppdragsutbildning: ');
    const bullets = await page.$$eval('section.chapter ul li', (lis) => lis.map((li) => li.textContent));
    expect(bullets).toEqual(['Applied machine learning (for practitioners)', 'AI & ML for managers in Industry (competitive advantages)', 'AI & ML for managers in the Public Sector (societal challenges)']);
  });
});
