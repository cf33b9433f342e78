import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, copyOfRealReport, fingerprint, goodBuildOfRealReport } from '../helpers.js';
import { buildInto, cli } from './build.js';

const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});


describe('the redovisning command', () => {
  it('explains itself: --help for every command, exit 0', async () => {
    for (const args of [['--help'], ['build', '--help'], ['check', '--help'], ['dev', '--help'], ['init', '--help']]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/Användning: redovisning/);
    }
    expect((await cli(['build', '--help'])).stdout).toContain('--no-pdf');
    expect((await cli(['dev', '--help'])).stdout).toContain('--port');
    expect((await cli(['dev', '--help', '--lang', 'en'])).stdout).toMatch(/^Usage: redovisning dev \[options\] \[root\]/);
  });

  it('exits 0 on a clean report, 1 on a broken one, 2 on a usage error', async () => {
    expect((await cli(['check', REPO, '--quiet'])).code).toBe(0);
    const root = await copyOfRealReport();
    temporary.push(root);
    await writeFile(path.join(root, 'data', 'utlysning.yaml'), (await readFile(path.join(root, 'data', 'utlysning.yaml'), 'utf8')).replace('beviljade: 9', 'beviljade: 8'));
    const broken = await cli(['check', root]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^data\/utlysning\.yaml:9:12: fel: Antalet beviljade i utlysningen är inte antalet projekt i data\/projekt\.yaml; de två ska stämma \(8 ≠ 9\) \[call-granted-count\]$/m);
    expect(broken.stderr).toMatch(/^1 fel, 5 varningar$/m);
    expect(broken.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect((await cli(['bogus'])).code).toBe(2);
    expect((await cli(['dev', '--port', 'x'])).code).toBe(2);
    const missing = await cli(['check', path.join(root, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('mappen content/ saknas');
  });

  it('init creates a generic report that checks and builds clean, with the core schemas for the editor, and refuses a folder with files', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'redovisning-init-'));
    temporary.push(parent);
    const root = path.join(parent, 'nasta-ar');
    const init = await cli(['init', root]);
    expect(init.code).toBe(0);
    expect((await readdir(path.join(root, 'data'))).sort()).toEqual(['berakning.yaml', 'bilagor.yaml', 'figurer.yaml', 'insatser.yaml', 'kontroller.yaml', 'rapport.yaml', 'tabeller.yaml', 'uppdrag.yaml']);
    expect((await readdir(path.join(root, 'schemas'))).sort()).toEqual(['berakning.schema.json', 'bilagor.schema.json', 'figurer.schema.json', 'insatser.schema.json', 'kontroller.schema.json', 'rapport.schema.json', 'tabeller.schema.json', 'uppdrag.schema.json']);
    // Every data file names its schema for the editor, and the schema is there.
    for (const file of await readdir(path.join(root, 'data'))) {
      const first = (await readFile(path.join(root, 'data', file), 'utf8')).split('\n')[0] ?? '';
      const schema = /^# yaml-language-server: \$schema=(\.\.\/schemas\/[a-z]+\.schema\.json)$/.exec(first)?.[1];
      expect(schema, file).toBeDefined();
      await expect(readFile(path.join(root, 'data', schema as string), 'utf8')).resolves.toContain('"$schema"');
    }
    const check = await cli(['check', root]);
    expect(check.stderr.trim().split('\n')[0]).toBe('0 fel, 0 varningar');
    const { out, result } = await buildInto(root);
    temporary.push(path.dirname(out));
    expect(result.code).toBe(0);
    expect(Object.keys(await fingerprint(out))).toEqual(expect.arrayContaining(['index.html', 'redovisning.pdf', 'data/insatser.csv']));
    expect((await cli(['init', root])).code).toBe(2);
  });

  it('init --mall pilotprojekt creates a report shaped like a pilot-project report, clean too', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'redovisning-init-'));
    temporary.push(parent);
    const root = path.join(parent, 'pilot');
    expect((await cli(['init', root, '--mall', 'pilotprojekt', '--quiet'])).code).toBe(0);
    expect(await readdir(path.join(root, 'data'))).toEqual(expect.arrayContaining(['budget.yaml', 'projekt.yaml', 'larosaten.yaml', 'utlysning.yaml']));
    expect((await cli(['check', root])).stderr.trim().split('\n')[0]).toBe('0 fel, 0 varningar');
    expect((await cli(['init', path.join(parent, 'x'), '--mall', 'okand'])).code).toBe(2);
  });

  it('a build with errors writes nothing: the last good output stays exactly as it was', async () => {
    const { root, out, before } = await goodBuildOfRealReport();
    temporary.push(root, path.dirname(out));
    await writeFile(path.join(root, 'data', 'budget.yaml'), (await readFile(path.join(root, 'data', 'budget.yaml'), 'utf8')).replace('egetArbete: 650000', 'egetArbete: 650001'));
    const again = await cli(['build', root, '--out', out, '--no-pdf']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[budget-assignment-funds]');
    expect(again.stderr).toContain('inget skrevs');
    expect(await fingerprint(out)).toEqual(before);
    expect((await readdir(path.dirname(out))).sort()).toEqual(['dist']);
  });
});

/** Starts `redovisning dev` on a free port and resolves with its address. */
async function startDev(root: string, extra: string[] = []): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'lib', 'cli.js'), 'dev', root, '--port', '0', ...extra], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, REDOVISNING_LANG: 'sv' } });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${log}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /(?:förhandsvisning|preview): (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return { child, url, log: () => log };
}

/** Fetches the page until `accept` holds (the server rebuilds on save), for at most ten seconds. */
async function pageWhen(url: string, accept: (html: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  let html = '';
  while (Date.now() < deadline) {
    html = await (await fetch(url)).text();
    if (accept(html)) return html;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the page never matched; last:\n${html.slice(0, 500)}`);
}

describe('the live preview', () => {
  it('serves the page, shows a saved change, overlays errors over the last good page, clears them on a fix, stops on SIGINT', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'redovisning-dev-'));
    temporary.push(parent);
    const root = path.join(parent, 'rapport');
    expect((await cli(['init', root, '--mall', 'pilotprojekt', '--quiet'])).code).toBe(0);
    const { child, url, log } = await startDev(root);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      const first = await pageWhen(url, (h) => h.includes('<h1'));
      expect(first).toContain('Redovisning av regeringsuppdrag om ett exempel');
      expect(first).toContain('/__redovisning/reload.js');
      expect((await fetch(`${url}assets/style.css`)).status).toBe(200);

      const chapter = path.join(root, 'content', '01-sammanfattning.md');
      const text = await readFile(chapter, 'utf8');
      await writeFile(chapter, text.replace('Myndigheten har beviljat', 'Myndigheten har nu beviljat'));
      await pageWhen(url, (h) => h.includes('Myndigheten har nu beviljat'));

      await writeFile(chapter, text.replace('{{antal projekt}}', '{{antal projektt}}'));
      const broken = await pageWhen(url, (h) => h.includes('redovisning-overlay'));
      expect(broken).toContain('content/01-sammanfattning.md:4:');
      expect(broken).toContain('Rapporten har fel: den senaste felfria versionen visas under');
      expect(broken).toContain('det finns ingen');
      expect(broken).toContain('[template-missing-key]');
      expect(broken).toContain('Myndigheten har nu beviljat');

      await writeFile(chapter, text);
      const fixed = await pageWhen(url, (h) => !h.includes('redovisning-overlay'));
      expect(fixed).toContain('Myndigheten har beviljat');
      expect(log()).toContain('[template-missing-key]');
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(log()).toContain('förhandsvisningen avslutad');
  });

  it('speaks English with --lang en: the log and the overlay', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'redovisning-dev-'));
    temporary.push(parent);
    const root = path.join(parent, 'rapport');
    expect((await cli(['init', root, '--quiet'])).code).toBe(0);
    const chapter = path.join(root, 'content', '01-sammanfattning.md');
    await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('{{antal insatser genus="en"}}', '{{antal insatserna}}'));
    const { child, url, log } = await startDev(root, ['--lang', 'en']);
    try {
      const page = await pageWhen(url, (h) => h.includes('redovisning-overlay'));
      expect(page).toContain('The report has errors: showing the last good version underneath');
      expect(page).toContain("there is no 'insatserna' at the top level of the data; did you mean 'insatser'?");
      expect(log()).toMatch(/not rebuilt in \d+ ms: 1 error, 0 warnings/);
    } finally {
      child.kill('SIGINT');
    }
    await new Promise((resolve) => child.on('exit', resolve));
    expect(log()).toContain('preview stopped');
  });
});
