import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkReport, renderHtml } from '../../src/pipeline.js';
import { buildInto } from '../e2e/build.js';
import { copyOfRealReport, fixtureReport } from '../helpers.js';

const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

/** The starter report with one file replaced; returns the check's diagnostics as text and the time it took. */
async function checkWith(file: string, text: string): Promise<{ output: string; ms: number; root: string }> {
  const root = await fixtureReport(undefined, 'pilotprojekt');
  roots.push(root);
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
  const started = performance.now();
  const { diagnostics } = await checkReport(root);
  return { output: diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv')).join('\n'), ms: performance.now() - started, root };
}

// The first check of a process loads the code and starts the sandbox and Hunspell: not what the bounds below are about.
beforeAll(async () => {
  await checkWith('data/uppdrag.yaml', 'beslut: "2020-02"\n');
}, 120_000);

describe('hostile YAML is refused quickly with a located message', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
  it.each([
    ['an alias bomb', bomb, /data\/uppdrag\.yaml:2:\d+: fel: YAML-fel: alias \(\*namn\) är inte tillåtna/],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}\n`, /data\/uppdrag\.yaml:1:\d+: fel: YAML-fel: datan är nästlad djupare än någon rapport behöver/],
    ['duplicate keys', 'beslut: "2020-02"\nbeslut: "2020-03"\n', /data\/uppdrag\.yaml:2:1: fel: YAML-fel: nyckeln finns redan i samma mappning/],
    ['a huge scalar', `ledning: ${'x'.repeat(1_100_000)}\n`, /data\/uppdrag\.yaml: fel: filen är [\d\u00a0]+ byte, mer än gränsen/],
  ])('%s', async (_, text, expected) => {
    const { output, ms } = await checkWith('data/uppdrag.yaml', text);
    expect(output).toMatch(expected);
    expect(ms).toBeLessThan(2000);
  });
});

describe('pathological Markdown ends quickly with a clear message', () => {
  it.each([
    ['a long emphasis run', `# Sammanfattning\n\n${'*a_ '.repeat(10_000)}\n`, /markdown-pathological/],
    ['block quotes 5 000 deep', `# Sammanfattning\n\n${'>'.repeat(5000)} x\n`, /content\/01-sammanfattning\.md:3:1: fel: citatblock 5\u00a0000 nivåer djupt/],
    ['lists 150 deep', `# Sammanfattning\n\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n`, /content\/01-sammanfattning\.md:24:1: fel: raden är indragen 42 blanksteg/],
    ['brackets 10 000 deep', `# Sammanfattning\n\n${'['.repeat(10_000)}a${']'.repeat(10_000)}\n`, /markdown-pathological/],
    ['thousands of footnote references', `# Sammanfattning\n\nText${Array.from({ length: 3000 }, (_, i) => `[^n${i}]`).join(' ')}\n\n${Array.from({ length: 3000 }, (_, i) => `[^n${i}]: Not ${i}.`).join('\n\n')}\n`, null],
    ['a chapter over the size limit', `# Sammanfattning\n\n${'Ord och mening. '.repeat(20_000)}\n`, /markdown-too-large/],
  ])('%s', async (_, text, expected) => {
    const { output, ms } = await checkWith('content/01-sammanfattning.md', text);
    if (expected) expect(output).toMatch(expected);
    expect(ms).toBeLessThan(5000);
  });
});

const XSS_NARRATIVE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '[klick](javascript:alert(1))',
  '[klick](JaVaScRiPt:alert(1))',
  '[klick](&#106;avascript:alert(1))',
  '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![bild](javascript:alert(1))',
  '[klick](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

describe('hostile narrative never reaches the page', () => {
  it.each(XSS_NARRATIVE)('%s is refused at its line', async (vector) => {
    const { output } = await checkWith('content/02-ekonomi.md', `# Ekonomisk redovisning\n\nSe tabell 2 och {{bilaga "program"}}. ${vector}\n\n{{> budgettabell}}\n`);
    expect(output).toMatch(/^content\/02-ekonomi\.md:3:\d+: fel: .*\[(markdown-raw-html|markdown-link|markdown-image)\]$/m);
  });
});

describe('hostile data strings are shown as text, never as markup', () => {
  it('script tags, event handlers and entities in YAML titles stay inert in the page and the PDF', async () => {
    const root = await fixtureReport(undefined, 'pilotprojekt');
    roots.push(root);
    const projekt = await readFile(path.join(root, 'data', 'projekt.yaml'), 'utf8');
    await writeFile(
      path.join(root, 'data', 'projekt.yaml'),
      projekt.replace('titel: Korta kurser i exempelkunskap', 'titel: "<script>alert(1)</script> <img src=x onerror=alert(2)> &lt;b&gt; {{x}}"'),
    );
    const rapport = await readFile(path.join(root, 'data', 'rapport.yaml'), 'utf8');
    await writeFile(path.join(root, 'data', 'rapport.yaml'), rapport.replace('myndighet: Myndigheten', 'myndighet: "Myndigheten\\"><script>alert(3)</script>"'));
    const { out, result } = await buildInto(root);
    roots.push(path.dirname(out));
    expect(result.code).toBe(0);
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<(script|img|svg|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    const info = execFileSync('pdfinfo', [path.join(out, 'redovisning.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/JavaScript:\s+no/);
    const pdf = (await readFile(path.join(out, 'redovisning.pdf'))).toString('latin1');
    expect(pdf).not.toMatch(/\/JavaScript|\/JS\s|\/Launch|javascript:/);
  });

  it('a link in data that ends up in the narrative is checked like the author\'s own', async () => {
    const root = await fixtureReport(undefined, 'pilotprojekt');
    roots.push(root);
    const projekt = await readFile(path.join(root, 'data', 'projekt.yaml'), 'utf8');
    await writeFile(path.join(root, 'data', 'projekt.yaml'), projekt.replace('titel: Korta kurser i exempelkunskap', 'titel: "[klick](javascript:alert(1))"'));
    const { diagnostics } = await checkReport(root);
    // The link comes out of the {{#each projekt}} block, which starts on line 1.
    expect(diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv')).join('\n')).toMatch(/content\/bilagor\/projekt\.md:1:1: fel: länken till "javascript:alert\(1\)" går inte/);
  });
});

describe('templates cannot reach prototypes', () => {
  it.each([
    ['{{constructor}}', /^content\/02-ekonomi\.md:3:3: fel: '\{\{constructor\}\}': det finns ingen 'constructor' bland rapportens data/],
    ['{{__proto__}}', /^content\/02-ekonomi\.md:3:3: fel: '\{\{__proto__\}\}': det finns ingen '__proto__' bland rapportens data/],
    ['{{projekt.constructor.name}}', /^content\/02-ekonomi\.md:3:3: fel: '\{\{projekt\.constructor\.name\}\}': det finns ingen 'constructor' i 'projekt'/],
    ['{{#with __proto__}}x{{/with}}', /^content\/02-ekonomi\.md:3:9: fel: '\{\{__proto__\}\}': det finns ingen '__proto__'/],
  ])('%s is an error at its place', async (expression, expected) => {
    const { output } = await checkWith('content/02-ekonomi.md', `# Ekonomisk redovisning\n\n${expression} tabell 2 {{bilaga "program"}}\n\n{{> budgettabell}}\n`);
    expect(output).toMatch(expected);
  });

  it('{{lookup projekt "constructor"}} renders nothing: Handlebars keeps prototype access off', async () => {
    const { output, root } = await checkWith('content/02-ekonomi.md', '# Ekonomisk redovisning\n\nFöre{{lookup projekt "constructor"}}efter, tabell 2 {{bilaga "program"}}\n\n{{> budgettabell}}\n');
    // No error (the language review may well find "Föreefter" odd).
    expect(output).not.toMatch(/: fel: /);
    const page = renderHtml(await checkReport(root), { pdfHref: undefined })?.page.html ?? '';
    expect(page).toContain('<p>Föreefter, tabell 2');
  });
});

describe('files outside the report are never read', () => {
  it('an appendix PDF path that escapes the root is refused', async () => {
    const { output } = await checkWith('data/bilagor.yaml', '- nyckel: projekt\n  titel: Beviljade projekt\n  innehall: bilagor/projekt.md\n- nyckel: program\n  titel: Program\n  pdf: ../../etc/passwd.pdf\n');
    expect(output).toMatch(/data\/bilagor\.yaml:6:8: fel: '\.\.\/\.\.\/etc\/passwd\.pdf' pekar utanför rapportmappen/);
  });
  it('an appendix PDF that is a symbolic link out of the report is refused', async () => {
    const root = await fixtureReport(undefined, 'pilotprojekt');
    roots.push(root);
    await mkdir(path.join(root, 'bilagor'), { recursive: true });
    await symlink('/etc/passwd', path.join(root, 'bilagor', 'program.pdf'));
    await writeFile(path.join(root, 'data', 'bilagor.yaml'), '- nyckel: projekt\n  titel: Beviljade projekt\n  innehall: bilagor/projekt.md\n- nyckel: program\n  titel: Program\n  pdf: bilagor/program.pdf\n');
    const { diagnostics } = await checkReport(root);
    expect(diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv')).join('\n')).toMatch(/data\/bilagor\.yaml:6:8: fel: 'bilagor\/program\.pdf' pekar utanför rapportmappen/);
  });
  it('an image that is a symbolic link out of the report is refused, and so is a logo outside it', async () => {
    const root = await fixtureReport(undefined, 'generisk');
    roots.push(root);
    await symlink('/etc/passwd', path.join(root, 'bilder', 'karta.png'));
    await writeFile(path.join(root, 'content', '04-karta.md'), '# Karta\n\n![En karta](bilder/karta.png)\n');
    await writeFile(path.join(root, 'data', 'rapport.yaml'), (await readFile(path.join(root, 'data', 'rapport.yaml'), 'utf8')).replace('logotyp: bilder/logotyp.svg', 'logotyp: ../../etc/logo.svg'));
    const { diagnostics } = await checkReport(root);
    const output = diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv')).join('\n');
    expect(output).toMatch(/content\/04-karta\.md:3:1: fel: 'bilder\/karta\.png' pekar utanför rapportmappen/);
    expect(output).toMatch(/data\/rapport\.yaml:5:10: fel: '\.\.\/\.\.\/etc\/logo\.svg' pekar utanför rapportmappen/);
  });
  it('an image over the size limit is refused before it is read', async () => {
    const root = await fixtureReport(undefined, 'generisk');
    roots.push(root);
    // A PNG signature and 6 MB after it: the size alone refuses it.
    await writeFile(path.join(root, 'bilder', 'foto.png'), Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(6_000_000)]));
    await writeFile(path.join(root, 'content', '04-foto.md'), '# Foto\n\n![Ett stort foto](bilder/foto.png)\n');
    const { diagnostics } = await checkReport(root);
    expect(diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv')).join('\n')).toMatch(/content\/04-foto\.md:3:1: fel: bilden bilder\/foto\.png är 6\u00a0000\u00a0008 byte, mer än gränsen 5\u00a0000\u00a0000: minska den .*\[image-too-large\]/);
  });
  it('an appendix body path that escapes content/ is refused', async () => {
    const { output } = await checkWith('data/bilagor.yaml', '- nyckel: projekt\n  titel: Beviljade projekt\n  innehall: ../../../etc/hosts.md\n- nyckel: program\n  titel: Program\n  innehall: bilagor/program.md\n');
    expect(output).toMatch(/data\/bilagor\.yaml:3:13: fel: '\.\.\/\.\.\/\.\.\/etc\/hosts\.md' pekar utanför content\//);
  });
});

describe('the PDF is printed offline', () => {
  it('a template that asks for a resource on the network fails the build with a message, and writes nothing', async () => {
    const root = await copyOfRealReport();
    roots.push(root);
    await mkdir(path.join(root, 'templates'), { recursive: true });
    const css = await readFile(path.join(import.meta.dirname, '..', '..', 'templates', 'pdf.css'), 'utf8');
    await writeFile(path.join(root, 'templates', 'pdf.css'), `${css}\nbody { background-image: url("https://example.org/spår.png"); }\n`);
    const { out, result } = await buildInto(root);
    roots.push(path.dirname(out));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pdf: rapporten försökte hämta \d+ resurs(er)? utifrån \(först: https:\/\/example\.org\//);
    expect(result.stderr).toContain('inget skrevs');
    await expect(readFile(path.join(out, 'index.html'))).rejects.toThrow();
  });
});
