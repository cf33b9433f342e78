import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';
import { cli, type CliRun } from './build.js';

const run = promisify(execFile);

let agency = '';
const built: Record<'a' | 'b', { out: string; result: CliRun }> = {} as never;
afterAll(async () => {
  if (agency) await rm(agency, { recursive: true, force: true });
});

/** What a PDF says: its metadata, its text and its fonts. */
async function readPdf(file: string): Promise<{ info: string; text: string; fonts: string }> {
  const [info, text, fonts] = await Promise.all([run('pdfinfo', [file]), run('pdftotext', [file, '-']), run('pdffonts', [file])]);
  return { info: info.stdout, text: text.stdout, fonts: fonts.stdout };
}

/**
 * One agency, one profile, two reports: the profile holds the agency's
 * name, logo, open-data contact and organisation number, a letterhead and
 * print stylesheet of its own with a font of its own, and a word list.
 * Report a takes everything from it; report b writes its own name and
 * contact and its own web stylesheet.
 */
beforeAll(async () => {
  agency = await mkdtemp(path.join(os.tmpdir(), 'redovisning-agency-'));
  const profile = path.join(agency, 'profil');
  await mkdir(path.join(profile, 'templates', 'partials'), { recursive: true });
  await mkdir(path.join(profile, 'bilder'));
  await mkdir(path.join(profile, 'fonts'));
  await writeFile(
    path.join(profile, 'profil.yaml'),
    ['myndighet: Provmyndigheten', 'logotyp: bilder/logga.svg', 'oppnaData:', '  kontakt: { namn: Provmyndighetens registratur, epost: registrator@prov.example }', '  organisationsnummer: "202100-1234"', ''].join('\n'),
  );
  await cp(path.join(REPO, 'starters', 'generisk', 'bilder', 'logotyp.svg'), path.join(profile, 'bilder', 'logga.svg'));
  await cp('/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', path.join(profile, 'fonts', 'ProvSerif.ttf'));
  const letterhead = await readFile(path.join(REPO, 'templates', 'partials', 'letterhead.hbs'), 'utf8');
  await writeFile(path.join(profile, 'templates', 'partials', 'letterhead.hbs'), letterhead.replace('<dl class="registry">', '<p class="agency-name">{{rapport.myndighet}} – myndighetens brevhuvud</p>\n<dl class="registry">'));
  const style = await readFile(path.join(REPO, 'templates', 'style.css'), 'utf8');
  await writeFile(path.join(profile, 'templates', 'style.css'), `${style}\n/* provmyndighetens-stil */\n.agency-name { color: #7a0019; }\n`);
  const pdfCss = await readFile(path.join(REPO, 'templates', 'pdf.css'), 'utf8');
  await writeFile(path.join(profile, 'templates', 'pdf.css'), `@font-face { font-family: "Prov Serif"; src: url("fonts/ProvSerif.ttf") format("truetype"); }\n${pdfCss}\n.agency-name { font-family: "Prov Serif", sans-serif; }\n`);
  await writeFile(path.join(profile, 'ordlista.txt'), '# Provmyndighetens egna ord\nZylofonering\n');

  for (const name of ['a', 'b'] as const) expect((await cli(['init', name, '--profil', './profil', '--quiet'], { cwd: agency })).code).toBe(0);
  const a = path.join(agency, 'a');
  const b = path.join(agency, 'b');
  // Both use the profile's own word.
  for (const root of [a, b]) {
    const chapter = path.join(root, 'content', '01-sammanfattning.md');
    await writeFile(chapter, `${await readFile(chapter, 'utf8')}\nArbetssättet kallas Zylofonering.\n`);
  }
  // b writes its own name and contact, and its own web stylesheet.
  const rapport = path.join(b, 'data', 'rapport.yaml');
  await writeFile(rapport, (await readFile(rapport, 'utf8')).replace(/^profil: .*$/m, '$&\nmyndighet: Provmyndighetens avdelning B').replace(/^oppnaData:$/m, '$&\n  kontakt: { namn: Avdelning B, epost: b@prov.example }'));
  await mkdir(path.join(b, 'templates'));
  await writeFile(path.join(b, 'templates', 'style.css'), `${style}\n/* avdelning-b */\n`);

  for (const name of ['a', 'b'] as const) {
    const out = path.join(agency, `dist-${name}`);
    built[name] = { out, result: await cli(['build', path.join(agency, name), '--out', out]) };
  }
}, 240_000);

describe('two reports with one agency profile', () => {
  it('both build clean, and init wrote profil: into each', async () => {
    for (const name of ['a', 'b'] as const) {
      expect(built[name].result.code, built[name].result.stderr).toBe(0);
      expect(built[name].result.stderr).toMatch(/^0 fel, 0 varningar$/m);
      const rapport = await readFile(path.join(agency, name, 'data', 'rapport.yaml'), 'utf8');
      expect(rapport).toMatch(/^profil: \.\.\/profil$/m);
      // The fields the profile gives are not written again.
      expect(rapport).not.toMatch(/^ {2}kontakt: \{ namn: Myndighetens registratur/m);
    }
  });

  it("the profile's name reaches a's page and PDF, and b's own name b's", async () => {
    const a = await readFile(path.join(built.a.out, 'index.html'), 'utf8');
    const b = await readFile(path.join(built.b.out, 'index.html'), 'utf8');
    expect(a).toContain('<p class="agency-name">Provmyndigheten – myndighetens brevhuvud</p>');
    expect(a).toContain('<meta name="author" content="Provmyndigheten">');
    expect(b).toContain('<p class="agency-name">Provmyndighetens avdelning B – myndighetens brevhuvud</p>');
    expect(b).toContain('<meta name="author" content="Provmyndighetens avdelning B">');
    const pdfA = await readPdf(path.join(built.a.out, 'redovisning.pdf'));
    const pdfB = await readPdf(path.join(built.b.out, 'redovisning.pdf'));
    expect(pdfA.info).toMatch(/^Author:\s+Provmyndigheten$/m);
    expect(pdfA.text).toContain('Provmyndigheten – myndighetens brevhuvud');
    expect(pdfB.info).toMatch(/^Author:\s+Provmyndighetens avdelning B$/m);
    expect(pdfB.text).toContain('Provmyndighetens avdelning B – myndighetens brevhuvud');
  });

  it("the profile's logo, letterhead, print font and organisation number reach both; b's own contact and stylesheet come first", async () => {
    for (const name of ['a', 'b'] as const) {
      const { out } = built[name];
      const html = await readFile(path.join(out, 'index.html'), 'utf8');
      const logo = /<img class="logo" src="(assets\/logga-[0-9a-f]{10}\.svg)" alt="[^"]+"/.exec(html)?.[1];
      expect(logo, name).toBeDefined();
      await expect(readFile(path.join(out, logo as string), 'utf8')).resolves.toContain('<svg');
      expect(await readdir(path.join(out, 'assets', 'fonts'))).toContain('ProvSerif.ttf');
      // The profile's font is embedded in the PDF (the letterhead's line is set in it).
      expect((await readPdf(path.join(out, 'redovisning.pdf'))).fonts).toMatch(/DejaVuSerif/);
      const dcat = await readFile(path.join(out, 'data', 'dcat.rdf'), 'utf8');
      expect(dcat).toContain('http://dataportal.se/organisation/SE2021001234');
    }
    const styleA = await readFile(path.join(built.a.out, 'assets', 'style.css'), 'utf8');
    const styleB = await readFile(path.join(built.b.out, 'assets', 'style.css'), 'utf8');
    expect(styleA).toContain('provmyndighetens-stil');
    expect(styleB).toContain('avdelning-b');
    expect(styleB).not.toContain('provmyndighetens-stil');
    expect(await readFile(path.join(built.a.out, 'data', 'dcat.rdf'), 'utf8')).toContain('mailto:registrator@prov.example');
    const dcatB = await readFile(path.join(built.b.out, 'data', 'dcat.rdf'), 'utf8');
    expect(dcatB).toContain('mailto:b@prov.example');
    expect(dcatB).not.toContain('registrator@prov.example');
  });

  it("the profile's word list counts in every report that uses it", async () => {
    const withList = await cli(['check', path.join(agency, 'a')]);
    expect(withList.stderr).not.toMatch(/Zylofonering/);
    await rm(path.join(agency, 'profil', 'ordlista.txt'));
    const check = await cli(['check', path.join(agency, 'a')]);
    expect(check.stderr).toMatch(/^content\/01-sammanfattning\.md:\d+:\d+: varning: .*Zylofonering.*\[spelling\]$/m);
    await writeFile(path.join(agency, 'profil', 'ordlista.txt'), 'Zylofonering\n');
  });

  it('a report whose profile is not installed says so at profil:, and what to run', async () => {
    const root = path.join(agency, 'b');
    const rapport = path.join(root, 'data', 'rapport.yaml');
    const before = await readFile(rapport, 'utf8');
    await writeFile(rapport, before.replace(/^profil: .*$/m, 'profil: "@provmyndigheten/profil"'));
    const check = await cli(['check', root]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^data\/rapport\.yaml:\d+:9: fel: profilen @provmyndigheten\/profil är inte installerad: installera paketet med npm install @provmyndigheten\/profil .*\[profile-missing\]$/m);
    await writeFile(rapport, before);
  });
});

describe('the profile schema', () => {
  it("describes each field as the report's schema does, so a profile's field is valid in every report", async () => {
    type Schema = { properties: Record<string, { properties?: Record<string, unknown>; type?: string; pattern?: string; [key: string]: unknown }> };
    const rapport = JSON.parse(await readFile(path.join(REPO, 'schemas', 'rapport.schema.json'), 'utf8')) as Schema;
    const profil = JSON.parse(await readFile(path.join(REPO, 'schemas', 'profil.schema.json'), 'utf8')) as Schema;
    expect(Object.keys(profil.properties)).toEqual(['myndighet', 'logotyp', 'sprak', 'oppnaData', 'sprakkontroll']);
    expect(profil.properties['myndighet']).toEqual(rapport.properties['myndighet']);
    expect(profil.properties['sprak']).toEqual(rapport.properties['sprak']);
    expect({ ...profil.properties['logotyp'], description: '' }).toEqual({ ...rapport.properties['logotyp'], description: '' });
    // Where the report is published and the period its data covers are each report's own.
    const { webbadress, tidsperiod, ...shared } = rapport.properties['oppnaData']?.properties ?? {};
    expect(webbadress).toBeDefined();
    expect(tidsperiod).toBeDefined();
    expect(profil.properties['oppnaData']?.properties).toEqual(shared);
    const { ordlista, ...limits } = rapport.properties['sprakkontroll']?.properties ?? {};
    expect(ordlista).toBeDefined();
    expect(profil.properties['sprakkontroll']?.properties).toEqual(limits);
  });
});
