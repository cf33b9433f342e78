import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import { comparisonOf, compileExpression, evaluateExpression, findMissingPath } from '../src/model/expressions.js';
import { fileLocation } from '../src/model/located.js';
import { checkReport, renderHtml } from '../src/pipeline.js';
import { buildOpenData } from '../src/write/open-data/open-data.js';
import { REPO } from './helpers.js';

const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

/** Writes a report root from a map of files. */
async function reportOf(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'redovisning-model-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const lines = (diagnostics: Diagnostics): string[] => diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv'));

describe('the tool knows only what every redovisning has', () => {
  it('src/ names no fact of the real report', () => {
    const words = /utlysning|larosate|dialogmot|koordinator|\bfou\b|vinnova|projekttabell|budgettabell|egetArbete|uppdragsmedel|slutrapporter|medverkande|pilotprojekt/i;
    const hits: string[] = [];
    for (const file of readdirSync(path.join(REPO, 'src'), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      readFileSync(path.join(REPO, 'src', file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (words.test(line)) hits.push(`src/${file}:${i + 1}: ${line.trim()}`);
        });
    }
    // `init --mall pilotprojekt` names a starter, not a fact.
    expect(hits.filter((h) => !/STARTERS|'pilotprojekt'|generisk/.test(h))).toEqual([]);
  });

  it('a report with data files, a table, values and checks of its own invention builds without touching src/', async () => {
    const root = await reportOf({
      'data/rapport.yaml': 'myndighet: Trafikmyndigheten\ntitel: Redovisning av uppdrag om laddstolpar\nbeskrivning: Om laddstolparna.\ndatum: "2025-02-01"\ndnr: "2024-77"\nmottagare: [Regeringskansliet, Landsbygds- och infrastrukturdepartementet]\noppnaData: { webbadress: https://www.example.org/laddstolpar/, kontakt: { namn: Registraturen, epost: registrator@example.org }, organisationsnummer: "202100-0001", omrade: http://publications.europa.eu/resource/authority/country/SWE, tidsperiod: { fran: "2024", till: "2025-02-01" }, nyckelord: [laddstolpar] }\n',
      'data/laddstolpar.yaml': '- { kommun: Kiruna, antal: 12, kostnad: 1800000 }\n- { kommun: Visby, antal: 7, kostnad: 1050000 }\n',
      'schemas/laddstolpar.schema.json': JSON.stringify({ type: 'array', items: { type: 'object', required: ['kommun', 'antal', 'kostnad'], additionalProperties: false, properties: { kommun: { type: 'string' }, antal: { type: 'integer', minimum: 0 }, kostnad: { type: 'integer', minimum: 0, description: 'Kostnad i hela kronor.' } } } }),
      'data/berakning.yaml': 'stolpar: $sum(laddstolpar.antal)\nstyckkostnad: $round($sum(laddstolpar.kostnad) / berakning.stolpar)\n',
      'data/kontroller.yaml': '- id: rimlig-styckkostnad\n  varje: laddstolpar\n  villkor: kostnad / antal <= 200000\n  plats: kostnad\n  meddelande: "{{kommun}}: en laddstolpe kostar mer än 200 000 kronor"\n',
      'data/tabeller.yaml': 'stolpar:\n  rubrik: Laddstolpar per kommun\n  rader: laddstolpar\n  kolumner:\n    kommun: { rubrik: Kommun, radrubrik: true }\n    antal: { rubrik: Antal, format: tal }\n    kostnad: { rubrik: Kostnad (kronor), format: kronor }\n  sist:\n    - { rubrik: Summa, summa: true, stil: summa }\n',
      'content/01-resultat.md': '# Resultat\n\nUppdraget gav {{tal berakning.stolpar}} laddstolpar till {{kronor berakning.styckkostnad}} styck, se tabell 1.\n\n{{> stolpar}}\n',
    });
    const checked = await checkReport(root);
    expect(lines(checked.diagnostics)).toEqual([]);
    const html = renderHtml(checked, { pdfHref: undefined });
    const page = html?.page.html ?? '';
    expect(page).toContain('Uppdraget gav 19 laddstolpar till 150\u00a0000\u00a0kronor styck');
    expect(page).toMatch(/<caption id="tabell-1"><span class="label">Tabell 1<\/span> Laddstolpar per kommun<\/caption>/);
    expect(page).toMatch(/<tr class="sum"><th scope="row">Summa<\/th><td class="num">19<\/td><td class="num">2\u00a0850\u00a0000<\/td><\/tr>/);
    const openData = await buildOpenData(checked.context.model!, checked.context.placements, new Date('2025-02-01T00:00:00Z'));
    expect(openData.files.find((f) => f.path === 'data/stolpar.csv')?.content.toString()).toBe('kommun,antal,kostnad\nKiruna,12,1800000\nVisby,7,1050000\n');
    expect(openData.files.map((f) => f.path).sort()).toEqual(['data/dcat.rdf', 'data/stolpar.csv', 'data/stolpar.xlsx']);

    // The same report with a dear charging post: the report's own check, at the value.
    await writeFile(path.join(root, 'data', 'laddstolpar.yaml'), '- { kommun: Kiruna, antal: 12, kostnad: 1800000 }\n- { kommun: Visby, antal: 5, kostnad: 1050000 }\n');
    expect(lines((await checkReport(root)).diagnostics)).toEqual([
      'data/laddstolpar.yaml:2:39: fel: Visby: en laddstolpe kostar mer än 200 000 kronor (210\u00a0000 > 200\u00a0000) [rimlig-styckkostnad]',
    ]);
  });
});

describe('expressions', () => {
  const compile = (text: string, diagnostics = new Diagnostics()) => compileExpression(text, fileLocation('data/x.yaml', { line: 1, column: 1 }), diagnostics);

  it('show the values a failed comparison compared, sums term by term', async () => {
    const expr = compile('berakning.a + budget.b = uppdrag.c');
    const data = { berakning: { a: 19_350_000 }, budget: { b: 650_000 }, uppdrag: { c: 20_000_001 } };
    expect(await comparisonOf(expr!, data, {})).toEqual([19_350_000, '+', 650_000, '≠', 20_000_001]);
    expect(await comparisonOf(compile('a.b - 3 >= 10')!, { a: { b: 5 } }, {})).toEqual([5, '-', 3, '<', 10]);
    expect(await comparisonOf(compile('$exists(a)')!, {}, {})).toBeUndefined();
  });

  it('name the first path the data does not have, with a suggestion, and leave $exists alone', () => {
    const data = { budget: { projekt: [{ uppdrag: 1 }], summa: {} } };
    expect(findMissingPath(compile('$sum(budget.projektt.uppdrag)')!, data, {})).toEqual({ path: 'budget.projektt', hint: 'projekt', known: ['projekt', 'summa'] });
    expect(findMissingPath(compile('$sum(budget.projekt.uppdrg)')!, data, {})?.path).toBe('budget.projekt.uppdrg');
    expect(findMissingPath(compile('$exists(budget.summa.totalt)')!, data, {})).toBeUndefined();
    expect(findMissingPath(compile('$data.budget.summ')!, {}, { data })?.path).toBe('$data.budget.summ');
  });

  it('reach nothing but the data: no prototypes, no clock, no chance, no eval, no regular expressions', async () => {
    const diagnostics = new Diagnostics();
    for (const text of ['$now()', '$millis()', '$random()', '$eval("1")', '($e := $eval; $e("1"))', '$match("a", /a+/)']) expect(compile(text, diagnostics), text).toBeUndefined();
    expect(diagnostics.list.map((d) => d.ruleId)).toEqual(Array(6).fill('expression-not-allowed'));
    for (const text of ['a.constructor', 'a.__proto__', '$lookup(a, "constructor")', '$string.constructor']) {
      const result = await evaluateExpression(compile(text)!, { a: {} }, {}, new Diagnostics());
      expect(result, text).toEqual({ ok: true, value: undefined });
    }
  });

  it('stop a runaway loop with a located error instead of hanging', async () => {
    const diagnostics = new Diagnostics();
    const started = performance.now();
    const result = await evaluateExpression(compile('($f := function($x) { $f($x + 1) }; $f(1))')!, {}, {}, diagnostics);
    expect(result.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(lines(diagnostics)[0]).toMatch(/^data\/x\.yaml:1:1: fel: uttrycket .* avbröts efter 1\u00a0000 ms/);
  });
});
