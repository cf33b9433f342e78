import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkReport } from '../../src/pipeline.js';
import { OUTPUT_MARKER } from '../../src/write/output-folder.js';
import { cli } from '../e2e/build.js';
import { fingerprint, REPO } from '../helpers.js';

const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** A fresh report made by `redovisning init` (the generic starter), in a folder of its own. */
async function generated(): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'redovisning-faults-'));
  temporary.push(parent);
  const root = path.join(parent, 'gen');
  expect((await cli(['init', root, '--quiet'])).code).toBe(0);
  return root;
}

/** The check's diagnostics as the CLI prints them, and how long the check took. */
async function checked(root: string): Promise<{ output: string; ms: number }> {
  const started = performance.now();
  const { diagnostics } = await checkReport(root);
  return { output: diagnostics.sorted().map((d) => formatDiagnostic(d, 'sv')).join('\n'), ms: performance.now() - started };
}

const append = async (file: string, text: string): Promise<void> => writeFile(file, `${await readFile(file, 'utf8')}${text}`);

describe('the output folder never holds what the author wrote', () => {
  it.each([
    ['the report root', (root: string) => root, /utmappen .*gen är själva rapportmappen.*välj en egen mapp, till exempel .*gen\/dist \(inget skrevs\)/],
    ['its content/', (root: string) => path.join(root, 'content'), /ligger i eller innehåller rapportens content\/, som bygget läser/],
    ['a folder in data/', (root: string) => path.join(root, 'data', 'ut'), /ligger i eller innehåller rapportens data\//],
    ['the folder holding the root', (root: string) => path.dirname(root), /innehåller rapportmappen/],
    ['a folder in the images\' folder', (root: string) => path.join(root, 'bilder', 'ut'), /ligger i eller innehåller rapportens bilder\//],
  ])('build --out %s: exit 2, which folder to choose, and not one file of the report touched', async (_, out, message) => {
    const root = await generated();
    const before = await fingerprint(root);
    const result = await cli(['build', root, '--no-pdf', '--quiet', '--out', out(root)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await fingerprint(root)).toEqual(before);
  }, 180_000);

  it('a folder that is not an earlier output is never replaced; an earlier output without the marker (older versions) is', async () => {
    const root = await generated();
    const other = path.join(path.dirname(root), 'anteckningar');
    await mkdir(other);
    await writeFile(path.join(other, 'viktigt.txt'), 'mitt eget');
    const refused = await cli(['build', root, '--no-pdf', '--quiet', '--out', other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/utmappen .*anteckningar finns och är inte ett tidigare bygge \(den saknar \.redovisning-utdata/);
    expect(await readdir(other)).toEqual(['viktigt.txt']);

    const out = path.join(root, 'dist');
    expect((await cli(['build', root, '--no-pdf', '--quiet'])).code).toBe(0);
    expect(existsSync(path.join(out, OUTPUT_MARKER))).toBe(true);
    // As an earlier version left it: the same entries, no marker.
    await rm(path.join(out, OUTPUT_MARKER));
    expect((await cli(['build', root, '--no-pdf', '--quiet'])).code).toBe(0);
    expect(existsSync(path.join(out, OUTPUT_MARKER))).toBe(true);
    // An output folder someone added a file of their own to is no longer ours to replace.
    await writeFile(path.join(out, 'anteckning.txt'), 'x');
    await rm(path.join(out, OUTPUT_MARKER));
    expect((await cli(['build', root, '--no-pdf', '--quiet'])).code).toBe(2);
    expect(existsSync(path.join(out, 'anteckning.txt'))).toBe(true);
  }, 300_000);
});

describe('what a report programs cannot end the process (expressions and charts run in the sandbox)', () => {
  it.each([
    // Stopped for memory, or (on a loaded machine, before the memory runs out) for time.
    ['$length($pad("", 400000000))', /data\/berakning\.yaml:9:5: fel: uttrycket '\$length\(\$pad\("", 400000000\)\)' avbröts(: det behövde mer än 256 MB minne| efter 1\u00a0000 ms).*\[expression-timeout\]/],
    // A string past JavaScript's longest: JSONata's own error, at its place.
    ['$string($reduce([1..30], function($a, $i) { $a & $a }, "x")) ~> $length()', /data\/berakning\.yaml:9:\d+: fel: uttrycket .* (avbröts|gick inte att beräkna)/],
    // A value of more items than a list may hold: refused where it is made.
    ['$split($pad("", 300000), "")', /data\/berakning\.yaml:9:\d+: fel: uttrycket .* gick inte att beräkna: .*more than 200000 items.*\[expression-failed\]/],
    // Ten million items (found by the fuzzer: it took 36 s to hand back): refused for its size, or (on a loaded machine, while the text is still being padded) for time.
    ['$split($pad("", 10000000), "")', /data\/berakning\.yaml:9:\d+: fel: uttrycket .* (gick inte att beräkna: .*more than 200000 items.*\[expression-failed\]|avbröts efter 1\u00a0000 ms.*\[expression-timeout\])/],
  ])('x: %s is a located error, bounded in time', async (expression, expected) => {
    const root = await generated();
    await append(path.join(root, 'data', 'berakning.yaml'), `x: '${expression}'\n`);
    const { output, ms } = await checked(root);
    expect(output).toMatch(expected);
    expect(ms).toBeLessThan(30_000);
  });

  it('a varje over 1 000 entries is one budget: a slow condition stops with a timeout at the condition', async () => {
    const root = await generated();
    const checks = path.join(root, 'data', 'kontroller.yaml');
    // The condition's line: the third of the check added at the file's end.
    const line = (await readFile(checks, 'utf8')).split('\n').length + 2;
    await append(checks, '- id: langsam\n  varje: "[1..1000]"\n  villkor: $count([1..150000]) > 0 and $count([1..150000]) > 1\n  meddelande: x\n');
    const { output, ms } = await checked(root);
    expect(output).toMatch(new RegExp(`data/kontroller\\.yaml:${line}:12: fel: uttrycket '\\$count.*' avbröts efter 1\u00a0000 ms`));
    expect(ms).toBeLessThan(30_000);
  });

  it('a check failing for many entries reports the first 20 and how many more', async () => {
    const root = await generated();
    await append(path.join(root, 'data', 'kontroller.yaml'), '- id: for-litet\n  varje: "[1..500]"\n  villkor: $ > 1000\n  meddelande: Talet är för litet\n');
    const { output } = await checked(root);
    expect(output.match(/\[for-litet\]$/gm)).toHaveLength(21);
    expect(output).toMatch(/fel: kontrollen slog fel för 480 poster till \(de första 20 visas ovan\).*\[for-litet\]/);
  });

  it('a Vega-Lite href encoding (which crashed Vega\'s renderer) is an error at the figure', async () => {
    const root = await generated();
    await writeFile(
      path.join(root, 'data', 'figurer.yaml'),
      'deltagare:\n  rubrik: Deltagare per insats\n  beskrivning: Staplar, en per insats.\n  vegaLite:\n    data: { tabell: insatser }\n    mark: bar\n    encoding: { x: { field: namn, type: nominal }, y: { field: deltagare, type: quantitative }, href: { value: "https://example.org/" } }\n',
    );
    const { output, ms } = await checked(root);
    expect(output).toMatch(/^data\/figurer\.yaml:2:3: fel: diagrammet deltagare gick inte att rita \(.*\): rätta specifikationen \[figure-chart\]$/m);
    expect(ms).toBeLessThan(30_000);
  });

  it('data of its own inside a chart (a sequence of 100 million items) is refused at its place', async () => {
    const root = await generated();
    await writeFile(
      path.join(root, 'data', 'figurer.yaml'),
      'deltagare:\n  rubrik: Deltagare per insats\n  beskrivning: Punkter.\n  vegaLite:\n    data: { tabell: insatser }\n    layer:\n      - data: { sequence: { start: 0, stop: 100000000, as: s } }\n        mark: point\n        encoding: { x: { field: s, type: quantitative } }\n',
    );
    const { output, ms } = await checked(root);
    expect(output).toMatch(/^data\/figurer\.yaml:7:15: fel: diagrammet deltagare har egen data inne i specifikationen.*\[figure-data\]$/m);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('Markdown nesting on one line', () => {
  it.each([
    ['- × 2 000 (overflowed the parser\'s stack)', `${'- '.repeat(2000)}x`, /content\/01-sammanfattning\.md:5:1: fel: raden öppnar 2\u00a0000 listor i varandra \(högst 20\)/],
    ['- × 25', `${'- '.repeat(25)}x`, /content\/01-sammanfattning\.md:5:1: fel: raden öppnar 25 listor i varandra \(högst 20\)/],
    ['> - × 15', `${'> - '.repeat(15)}x`, /content\/01-sammanfattning\.md:5:1: fel: citatblock 15 nivåer djupt \(högst 10\)/],
  ])('%s is refused at its line', async (_, line, expected) => {
    const root = await generated();
    await writeFile(path.join(root, 'content', '01-sammanfattning.md'), `# Sammanfattning\n\nText.\n\n${line}\n`);
    const { output, ms } = await checked(root);
    expect(output).toMatch(expected);
    expect(ms).toBeLessThan(10_000);
  });

  it('20 lists on one line, and a thematic break of dashes, are fine', async () => {
    const root = await generated();
    await writeFile(path.join(root, 'content', '01-sammanfattning.md'), `# Sammanfattning\n\nText.\n\n${'- '.repeat(20)}x\n\n- - -\n`);
    expect((await checked(root)).output).not.toMatch(/markdown-too-deep/);
  });
});

describe('schema patterns run in linear time', () => {
  it('^(a+)+$ against 34 × a and ! is decided at once', async () => {
    const root = await generated();
    const file = path.join(root, 'schemas', 'uppdrag.schema.json');
    const schema = JSON.parse(await readFile(file, 'utf8')) as { properties: Record<string, unknown> };
    schema.properties['namn'] = { type: 'string', pattern: '^(a+)+$' };
    await writeFile(file, JSON.stringify(schema, null, 2));
    await append(path.join(root, 'data', 'uppdrag.yaml'), `namn: "${'a'.repeat(34)}!"\n`);
    const { output, ms } = await checked(root);
    expect(output).toMatch(/^data\/uppdrag\.yaml:7:8: fel: namn: texten "a{34}!" har inte rätt form/m);
    expect(ms).toBeLessThan(10_000);
  });

  it('a pattern the linear-time engine cannot run (a backreference) is an error at the pattern', async () => {
    const root = await generated();
    const file = path.join(root, 'schemas', 'uppdrag.schema.json');
    const schema = JSON.parse(await readFile(file, 'utf8')) as { properties: Record<string, unknown> };
    schema.properties['namn'] = { type: 'string', pattern: '^(a)\\1$' };
    await writeFile(file, JSON.stringify(schema, null, 2));
    const { output } = await checked(root);
    expect(output).toMatch(/^schemas\/uppdrag\.schema\.json:\d+:\d+: fel: mönstret '\^\(a\)\\1\$' går inte att använda \(invalid escape sequence.*bakåtreferenser.*\[schema-invalid\]$/m);
  });
});

describe('symbolic links in the report', () => {
  it('data/ linked to a folder outside the root is an error, and nothing of it is read', async () => {
    const root = await generated();
    const other = path.join(path.dirname(root), 'annan');
    expect((await cli(['init', other, '--quiet'])).code).toBe(0);
    await rm(path.join(root, 'data'), { recursive: true });
    await symlink(path.join(other, 'data'), path.join(root, 'data'));
    const { output } = await checked(root);
    expect(output).toMatch(/^data\/: fel: 'data' är en symbolisk länk till .*annan\/data, utanför rapportmappen, och läses inte.*\[file-outside\]$/m);
    expect(output).not.toMatch(/insatser/);
  });

  it('a chapter linked from outside is an error at its path; one linked from inside the root is read', async () => {
    const root = await generated();
    const outside = path.join(path.dirname(root), '03-resultat.md');
    await writeFile(outside, await readFile(path.join(root, 'content', '03-resultat.md')));
    await rm(path.join(root, 'content', '03-resultat.md'));
    await symlink(outside, path.join(root, 'content', '03-resultat.md'));
    expect((await checked(root)).output).toMatch(/^content\/03-resultat\.md: fel: 'content\/03-resultat\.md' är en symbolisk länk till .*, utanför rapportmappen.*\[file-outside\]$/m);
    await writeFile(path.join(root, 'resultat.md'), await readFile(outside));
    await rm(path.join(root, 'content', '03-resultat.md'));
    await symlink('../resultat.md', path.join(root, 'content', '03-resultat.md'));
    const { diagnostics, context } = await checkReport(root);
    expect(diagnostics.hasErrors).toBe(false);
    expect(context.sources.chapters.map((c) => c.path)).toContain('content/03-resultat.md');
  });
});

describe('exit codes: the tool could not run', () => {
  it('REDOVISNING_CHROMIUM=/bin/false fails the build at once with exit 2', async () => {
    const root = await generated();
    const started = performance.now();
    const result = await cli(['build', root, '--quiet'], { env: { REDOVISNING_CHROMIUM: '/bin/false' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pdf: Chromium på \/bin\/false startade inte \(Chromium exited \(1\)\)/);
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('dev on a port in use exits 2 at once', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const root = await generated();
    const started = performance.now();
    const result = await cli(['dev', root, '--port', String(port)]);
    server.close();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`port ${port} används redan: ange en annan med --port`));
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('the preview survives each input that used to end it', () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    const exited = new Promise((resolve) => (child?.exitCode === null ? child.on('exit', resolve) : resolve(undefined)));
    child?.kill('SIGINT');
    await exited;
  });

  const get = (port: number): Promise<string> =>
    new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/', headers: { host: `127.0.0.1:${port}` } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });

  it('an overlay names each one at its place, and the last good page is still served', async () => {
    const root = await generated();
    let log = '';
    child = spawn(process.execPath, [path.join(REPO, 'lib', 'cli.js'), 'dev', root, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, REDOVISNING_LANG: 'sv' } });
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const waitFor = async (pattern: RegExp, from: number): Promise<void> => {
      const deadline = Date.now() + 60_000;
      while (!pattern.test(log.slice(from)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(log.slice(from)).toMatch(pattern);
    };
    await waitFor(/förhandsvisning: http:\/\/127\.0\.0\.1:(\d+)\//, 0);
    const port = Number(/förhandsvisning: http:\/\/127\.0\.0\.1:(\d+)\//.exec(log)?.[1]);
    const good = await get(port);
    expect(good).toContain('Deltagare per insats');

    // A field whose pattern backtracks catastrophically in JavaScript's engine (the preview did not answer for a minute).
    const schemaFile = path.join(root, 'schemas', 'uppdrag.schema.json');
    const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as { properties: Record<string, unknown> };
    schema.properties['namn'] = { type: 'string', pattern: '^(a+)+$' };
    const ready = log.length;
    await writeFile(schemaFile, JSON.stringify(schema, null, 2));
    await waitFor(/(?<!inte )byggd på \d+ ms: 0 fel/, ready);

    const inputs: [string, string, (text: string) => string, RegExp][] = [
      ['^(a+)+$', 'data/uppdrag.yaml', (t) => `${t}namn: "${'a'.repeat(34)}!"\n`, /data\/uppdrag\.yaml:7:8: fel: namn: texten "a{34}!" har inte rätt form/],
      ['$pad', 'data/berakning.yaml', (t) => `${t}x: '$length($pad("", 400000000))'\n`, /data\/berakning\.yaml:9:5: fel: uttrycket .* avbröts(: det behövde mer än 256 MB minne| efter 1\u00a0000 ms)/],
      ['Vega-Lite href', 'data/figurer.yaml', () => 'deltagare:\n  rubrik: Deltagare per insats\n  beskrivning: Staplar.\n  vegaLite:\n    data: { tabell: insatser }\n    mark: bar\n    encoding: { x: { field: namn, type: nominal }, y: { field: deltagare, type: quantitative }, href: { value: "https://example.org/" } }\n', /data\/figurer\.yaml:2:3: fel: diagrammet deltagare gick inte att rita/],
      ['Vega-Lite sequence', 'data/figurer.yaml', () => 'deltagare:\n  rubrik: Deltagare per insats\n  beskrivning: Punkter.\n  vegaLite:\n    data: { tabell: insatser }\n    layer:\n      - data: { sequence: { start: 0, stop: 100000000, as: s } }\n        mark: point\n', /data\/figurer\.yaml:7:15: fel: diagrammet deltagare har egen data/],
      ['- × 2 000', 'content/01-sammanfattning.md', (t) => `${t}\n${'- '.repeat(2000)}x\n`, /content\/01-sammanfattning\.md:\d+:1: fel: raden öppnar 2\u00a0000 listor i varandra/],
    ];
    for (const [name, file, change, located] of inputs) {
      const original = await readFile(path.join(root, file), 'utf8');
      const from = log.length;
      await writeFile(path.join(root, file), change(original));
      await waitFor(/inte byggd på \d+ ms/, from);
      const page = await get(port);
      expect(page, name).toContain('id="redovisning-overlay"');
      expect(page.replace(/&quot;/g, '"').replace(/&#x27;/g, "'"), name).toMatch(located);
      // The last good page, underneath.
      expect(page, name).toContain('Deltagare per insats');
      const back = log.length;
      await writeFile(path.join(root, file), original);
      await waitFor(/(?<!inte )byggd på \d+ ms: 0 fel/, back);
      expect(await get(port), name).not.toContain('id="redovisning-overlay"');
    }
  }, 300_000);
});
