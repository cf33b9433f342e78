import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import { checkReport } from '../src/pipeline.js';
import { cli } from './e2e/build.js';
import { copyOfRealReport, fixtureReport, REPO } from './helpers.js';

const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

/** A slip of the submitted report, put back into a copy of the real one, and what the build must say about it. */
interface Slip {
  file: string;
  fixed: string;
  slip: string;
  /** The diagnostic, without its place (which is checked against where the slip is). */
  expected: RegExp;
}

/** The source's own slips (README, Notes on the source), each as the submitted PDF had it. */
const SLIPS: Slip[] = [
  { file: 'content/04-resultat.md', fixed: 'De beviljade pilotprojekten behandlar', slip: 'De beviljade pilotprojekteten behandlar', expected: /varning: 'pilotprojekteten' finns inte i ordlistan: menar du 'pilotprojekten'/ },
  { file: 'content/01-sammanfattning.md', fixed: 'kan samläsas med', slip: 'kan sam-läsas med', expected: /varning: 'sam-läsas' skrivs ihop: 'samläsas' .*\[spelling\]/ },
  { file: 'content/05-slutsatser.md', fixed: 'arbeta mer strategiskt med', slip: 'arbeta mer strategisk med', expected: /varning: 'mer strategisk' säger hur något görs och skrivs då 'mer strategiskt' \[adverb-form\]/ },
  { file: 'content/06-ekonomisk-redovisning.md', fixed: ' avsatts för arbete', slip: ' avsats för arbete', expected: /varning: 'avsats' är ett annat ord än det som troligen menas här: 'avsatts' \[word-confusion\]/ },
  { file: 'content/04-resultat.md', fixed: 'prioriterade områden', slip: 'prioriterande område', expected: /varning: 'prioriterande' är ett annat ord än det som troligen menas här: 'prioriterade' \[word-confusion\]/ },
  { file: 'content/04-resultat.md', fixed: 'koordineras av Linnéuniversitetet har', slip: 'koordineras av Linneuniversitet har', expected: /varning: 'Linneuniversitet' finns inte i ordlistan: menar du 'Linnéuniversitetet'/ },
  { file: 'content/04-resultat.md', fixed: 'AI Innovation of Sweden', slip: 'AI Innovation for Sweden', expected: /varning: 'AI Innovation for Sweden' skrivs 'AI Innovation of Sweden' på andra ställen i rapporten \(ordlista\.txt:\d+:1\)/ },
  { file: 'content/03-genomforande.md', fixed: 'i ett pressmeddelande', slip: 'i en pressrelease', expected: /varning: skriv hellre 'pressmeddelande' än 'pressrelease' \(klarspråk\) \[plain-language\]/ },
  { file: 'data/tabeller.yaml', fixed: 'rubrik: Medel regeringsuppdrag,', slip: 'rubrik: Medel regerinsuppdrag,', expected: /varning: 'regerinsuppdrag' finns inte i ordlistan: menar du 'regeringsuppdrag'/ },
  { file: 'data/tabeller.yaml', fixed: 'rubrik: Summa medel regeringsuppdrag', slip: 'rubrik: Summa medel regeringsuppdag', expected: /varning: 'regeringsuppdag' finns inte i ordlistan: menar du 'regeringsuppdrag'/ },
  { file: 'content/06-ekonomisk-redovisning.md', fixed: '}}, se tabell 2.', slip: '}} kr, se tabell 2.', expected: /varning: 'mkr kr': två enheter efter varandra; stryk den ena \[doubled-word\]/ },
  { file: 'content/04-resultat.md', fixed: 'Gävle-Dala-regionen.[^ingenjoren]', slip: 'Gävle-Dala-regionen.[^ingenjoren] Det', expected: /varning: stycket slutar utan punkt \('… i Gävle-Dala-regionen\. Det'\).*\[sentence-end\]/ },
  { file: 'data/projekt.yaml', fixed: 'Engineers (MAMPE)', slip: 'Engineers (MAMPE', expected: /varning: parentesen '\(MAMPE' öppnas men stängs aldrig: lägg till '\)' \[bracket-unclosed\]/ },
];

describe('the source report\'s own slips, put back, are each caught at their line with the right word', () => {
  it.each(SLIPS.map((s) => [s.slip, s] as const))('%s', async (_, slip) => {
    const root = await copyOfRealReport();
    roots.push(root);
    await writeFile(path.join(root, 'ordlista.txt'), await readFile(path.join(REPO, 'ordlista.txt')));
    const file = path.join(root, slip.file);
    const text = await readFile(file, 'utf8');
    expect(text, 'the fixed text is in the report').toContain(slip.fixed);
    const broken = text.replace(slip.fixed, slip.slip);
    await writeFile(file, broken);
    const line = broken.slice(0, broken.indexOf(slip.slip)).split('\n').length;
    const output = (await checkReport(root)).diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv'));
    const found = output.filter((l) => slip.expected.test(l));
    expect(found, output.join('\n')).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${slip.file.replace(/[.]/g, '\\.')}:${line}:\\d+: `));
  });

  it('the real report as it is has no language warnings, and prints its LIX per chapter', async () => {
    const check = await cli(['check', REPO]);
    expect(check.code).toBe(0);
    expect(check.stderr).not.toMatch(/\[(spelling|plain-language|word-confusion|adverb-form|doubled-word|sentence-length|sentence-end|bracket-unclosed|term-variant|lix|language-unavailable)\]/);
    expect(check.stderr).toMatch(/^LIX \(läsbarhet\): Sammanfattning \d+ · Bakgrund \d+ · Genomförande och beviljade pilotprojekt \d+ · Resultat \d+ · Slutsatser\/rekommendationer \d+ · Ekonomisk redovisning \d+; hela rapporten \d+ \((svår|mycket svår)\)$/m);
  });
});

describe('--strict and the report\'s own limits', () => {
  it('--strict turns the language warnings into errors that stop the build, and the setting does the same', async () => {
    const root = await fixtureReport(undefined, 'generisk');
    roots.push(root);
    const chapter = path.join(root, 'content', '02-genomforande.md');
    const text = (await readFile(chapter, 'utf8')).replace('Bilaga 1 beskriver dem mer.', 'Bilaga 1 beskriver dem mer mer.');
    await writeFile(chapter, text);
    // The second "mer", on line 3.
    const column = text.split('\n')[2]?.indexOf('mer mer.') as number + 5;
    const lenient = await cli(['check', root]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(new RegExp(`^content/02-genomforande\\.md:3:${column}: varning: 'mer mer': samma ord två gånger i rad; stryk det ena \\[doubled-word\\]$`, 'm'));
    const strict = await cli(['check', '--strict', root]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(new RegExp(`^content/02-genomforande\\.md:3:${column}: fel: 'mer mer'`, 'm'));
    // The PDF starts printing while the language is reviewed; the errors found meanwhile still stop the build.
    const build = await cli(['build', '--strict', root, '--out', path.join(root, 'dist')]);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/^content\/02-genomforande\.md:3:\d+: fel: 'mer mer'/m);
    expect(build.stderr).toContain('inget skrevs');
    await expect(readFile(path.join(root, 'dist', 'index.html'))).rejects.toThrow();
    const rapport = path.join(root, 'data', 'rapport.yaml');
    await writeFile(rapport, `${await readFile(rapport, 'utf8')}sprakkontroll: { strikt: true }\n`);
    expect((await cli(['check', root])).code).toBe(1);
  });

  it('without Hunspell the spelling is not checked, and the build says so', async () => {
    const check = await cli(['check', path.join(REPO, 'starters', 'generisk')], { env: { REDOVISNING_HUNSPELL: '/ingen/hunspell' } });
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/^data\/rapport\.yaml: varning: stavningen kontrollerades inte: Hunspell med svensk ordlista saknas\. Installera dem med sudo apt-get install hunspell hunspell-sv \(npx redovisning doktor .*\[language-unavailable\]$/m);
  });
});
