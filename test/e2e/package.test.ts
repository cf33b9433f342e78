import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_FILES } from '../../src/load/load-report.js';
import { REPO } from '../helpers.js';

const run = promisify(execFile);

/** The tool's package.json and lock file, as the checkout has them. */
const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; files: string[]; dependencies: Record<string, string> };
const lock = JSON.parse(await readFile(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; link?: boolean }> };

let work = '';
let tarball = '';
let files: string[] = [];
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Runs a command in a folder, with npm kept off the network (everything comes from the cache `npm ci` filled). */
async function sh(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // Without the npm_* settings of the npm that runs the tests (its local_prefix is the checkout).
    const own = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...own, REDOVISNING_LANG: 'sv', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', PUPPETEER_SKIP_DOWNLOAD: 'true' }, maxBuffer: 16 * 1024 * 1024, timeout: 200_000, killSignal: 'SIGKILL' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'redovisning-package-'));
  // As npm would publish it. The scripts are not run: npm test has just compiled lib/ (prepack
  // would compile it again, under the feet of the tests that run it meanwhile).
  const packed = await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], REPO);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, info?.filename ?? '');
  files = (info?.files ?? []).map((f) => f.path);
}, 120_000);

describe('the package as npm publishes it', () => {
  it('holds the compiled tool, its templates, core schemas and starters, and no test, fixture, benchmark, source or real report', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', 'bin/redovisning.js', 'lib/cli.js', 'lib/print-worker.js', 'templates/layout.hbs', 'templates/pdf.css', 'starters/generisk/data/rapport.yaml', 'starters/pilotprojekt/data/rapport.yaml', 'schemas/profil.schema.json', ...CORE_FILES.map((name) => `schemas/${name}.schema.json`)]));
    const outside = files.filter((f) => !/^(package\.json|README\.md|CHANGELOG\.md|bin\/|lib\/[^/]+\.js$|templates\/|starters\/|schemas\/)/.test(f));
    expect(outside).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|tests|fixtures|bench|src|examples|profiler|content|data)\//.test(f) && !f.startsWith('starters/'))).toEqual([]);
    // The real report's own schemas stay at home.
    expect(files.filter((f) => f.startsWith('schemas/'))).toHaveLength(CORE_FILES.length + 1);
    expect(files.filter((f) => /\.test\.|\.map$|\.ts$/.test(f))).toEqual([]);
    expect(pkg).not.toHaveProperty('private');
    // The changelog says what this version changed.
    expect(readFileSync(path.join(REPO, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')} – \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect(pkg).toMatchObject({ license: 'MIT', engines: { node: expect.any(String) }, repository: expect.anything(), exports: expect.anything() });
  });

  it('installs into a folder outside the checkout without the registry, and init, check and build make a report with its PDF there', async () => {
    const agency = path.join(work, 'byra');
    await mkdir(agency);
    // The tool's dependencies as its lock file pins them, so npm ci takes every one from the cache.
    const tool = `file:${path.relative(agency, tarball)}`;
    const packages: Record<string, unknown> = {
      '': { name: 'byra', dependencies: { redovisning: tool } },
      'node_modules/redovisning': { version: pkg.version, resolved: tool, license: 'MIT', dependencies: pkg.dependencies, bin: { redovisning: 'bin/redovisning.js' }, engines: { node: '>=20.19' } },
    };
    // (Not the checkout's own links, such as the example's profile package.)
    for (const [key, entry] of Object.entries(lock.packages)) if (key.startsWith('node_modules/') && !entry.dev && !entry.link) packages[key] = entry;
    await writeFile(path.join(agency, 'package.json'), `${JSON.stringify({ name: 'byra', private: true, dependencies: { redovisning: tool } }, null, 2)}\n`);
    await writeFile(path.join(agency, 'package-lock.json'), `${JSON.stringify({ name: 'byra', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
    const install = await sh('npm', ['ci', '--offline', '--no-audit', '--no-fund'], agency);
    expect(install.code, install.stderr).toBe(0);
    const installed = path.join(agency, 'node_modules', 'redovisning');
    expect(existsSync(path.join(installed, 'lib', 'cli.js'))).toBe(true);
    expect(existsSync(path.join(installed, 'src'))).toBe(false);

    const version = await sh('npx', ['redovisning', '--version'], agency);
    expect(version.stdout.trim(), version.stderr).toBe(pkg.version);
    const init = await sh('npx', ['redovisning', 'init', 'rapport'], agency);
    expect(init.code, init.stderr).toBe(0);
    const report = path.join(agency, 'rapport');
    expect(JSON.parse(await readFile(path.join(report, 'package.json'), 'utf8'))).toMatchObject({ dependencies: { redovisning: pkg.version } });
    const check = await sh('npx', ['redovisning', 'check', 'rapport'], agency);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/^0 fel, 0 varningar$/m);
    const build = await sh('npx', ['redovisning', 'build', 'rapport'], agency);
    expect(build.code, build.stderr).toBe(0);

    const out = path.join(report, 'dist');
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain(`<meta name="generator" content="redovisning ${pkg.version}">`);
    expect(html).toContain('Redovisning av uppdrag om informationsinsatser för småföretag');
    expect(existsSync(path.join(out, 'assets', 'fonts', 'source-sans-3-latin-400-normal.woff2'))).toBe(true);
    expect(await readFile(path.join(out, 'data', 'insatser.csv'), 'utf8')).toMatch(/^namn,genomford,deltagare,kostnad\nWebbinarier om de nya reglerna,2024-05-20,840,420000\n/);
    const pdf = path.join(out, 'redovisning.pdf');
    const { stdout: info } = await run('pdfinfo', [pdf]);
    expect(info).toMatch(new RegExp(`^Producer:\\s+redovisning ${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
    expect(info).toMatch(/^Pages:\s+[2-9]/m);
    const { stdout: textOfPdf } = await run('pdftotext', [pdf, '-']);
    expect(textOfPdf).toContain('Redovisning av uppdrag om informationsinsatser');
    // The fonts come from the installed @fontsource package, embedded.
    const { stdout: fonts } = await run('pdffonts', [pdf]);
    expect(fonts).toMatch(/SourceSans3/);
  }, 300_000);
});
