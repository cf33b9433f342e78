// npm run bench: speed, memory and scaling of redovisning, side by side with
// pandoc (HTML), pandoc + WeasyPrint (PDF), Typst (PDF, when the optional
// @myriaddreamin/typst-ts-node-compiler is installed: bench/typst.mjs writes
// the equivalent document) and a bare Chromium print of our own HTML; the
// preview's save → fresh HTML and save → fresh PDF (bench/pdf-rebuild.mjs). Prints one table and writes the numbers to bench/results/.
// BENCH_RUNS (default 5) sets the runs per measurement; medians are reported.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCALES = (process.env.BENCH_SCALES ?? '1,10,30,100').split(',').map(Number);
const work = mkdtempSync(path.join(os.tmpdir(), 'redovisning-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (line) => process.stderr.write(`${line}\n`);

/** Installs Debian packages the comparison needs, if missing; returns whether they are there. */
function ensure(command, pkg) {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status === 0) return true;
  log(`bench: installing ${pkg} for the comparison`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { stdio: 'ignore' });
  spawnSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', pkg], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Runs a command under /usr/bin/time: wall seconds and peak memory (MiB) of the process tree's largest process. */
function timed(command, args, options = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [secs, kib] = last.split(' ').map(Number);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { ms: secs * 1000, mib: kib / 1024 };
}

function repeat(n, fn) {
  const results = Array.from({ length: n }, fn);
  return { ms: median(results.map((r) => r.ms)), mib: Math.max(...results.map((r) => r.mib)) };
}

const haveTime = ensure('/usr/bin/time', 'time');
if (!haveTime) throw new Error('bench needs /usr/bin/time (Debian package "time")');
const havePandoc = ensure('pandoc', 'pandoc');
const haveWeasy = havePandoc && ensure('weasyprint', 'weasyprint');
if (!havePandoc) log('bench: pandoc could not be installed: skipping the pandoc comparisons');
if (havePandoc && !haveWeasy) log('bench: weasyprint could not be installed: skipping pandoc + WeasyPrint');
const haveTypst = spawnSync(process.execPath, ['-e', "import('@myriaddreamin/typst-ts-node-compiler').then(() => process.exit(0), () => process.exit(1))"], { cwd: REPO }).status === 0;
if (!haveTypst) log('bench: @myriaddreamin/typst-ts-node-compiler is not installed: skipping Typst');

const cli = path.join(REPO, 'lib', 'cli.js');
// What the README tells authors to run: the bin, which compiles first only when src/ changed.
const bin = path.join(REPO, 'bin', 'redovisning.js');
const chromiumBinary = existsSync('/usr/lib/chromium/chromium-headless-shell') ? '/usr/lib/chromium/chromium-headless-shell' : '/usr/bin/chromium';
const results = { date: new Date().toISOString(), node: process.version, runs: RUNS, reports: [] };

for (const scale of SCALES) {
  const root = scale === 1 ? REPO : path.join(work, `report-${scale}x`);
  if (scale !== 1) await generate(scale, root);
  const runs = scale >= 100 ? Math.max(1, Math.min(RUNS, 3)) : RUNS;
  log(`bench: ${scale}× report (${runs} runs each)`);
  const out = path.join(work, `out-${scale}x`);
  const markdown = path.join(work, `narrative-${scale}x.md`);

  // Stages, each run in a fresh process.
  const stageRuns = [];
  for (let i = 0; i < runs; i++) {
    const pdf = i === 0 || scale < 100 ? ['--pdf'] : [];
    const r = spawnSync(process.execPath, [path.join(REPO, 'bench', 'stages.mjs'), root, out, ...pdf, '--markdown', markdown], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`stages failed:\n${r.stderr}`);
    stageRuns.push(JSON.parse(r.stdout));
  }
  const stage = (k) => median(stageRuns.filter((s) => s[k] !== undefined).map((s) => s[k]));
  const stages = { load: stage('load'), parse: stage('parse'), check: stage('check'), language: stage('language'), render: stage('render'), writeHtml: stage('write'), pdf: stage('pdf'), nativePrint: stage('nativePrint') };
  const pages = stageRuns.find((s) => s.pages)?.pages;

  // Whole commands, cold processes.
  const check = repeat(runs, () => timed(process.execPath, [bin, 'check', root, '--quiet']));
  const html = repeat(runs, () => timed(process.execPath, [cli, 'build', root, '--out', out, '--no-pdf', '--quiet']));
  const full = repeat(scale >= 100 ? 1 : runs, () => timed(process.execPath, [cli, 'build', root, '--out', out, '--quiet', '--pdf-timeout', '900']));
  const chromium = repeat(scale >= 100 ? 1 : runs, () =>
    timed(chromiumBinary, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-pdf-header-footer', `--print-to-pdf=${path.join(work, 'bare.pdf')}`, `file://${path.join(out, 'index.html')}`]),
  );
  const pandocHtml = havePandoc ? repeat(runs, () => timed('pandoc', ['-f', 'gfm', '-t', 'html5', '-s', '--metadata', 'title=Redovisning', '-o', path.join(work, 'pandoc.html'), markdown])) : undefined;
  const pandocPdf = haveWeasy ? repeat(scale >= 100 ? 1 : runs, () => timed('pandoc', ['-f', 'gfm', '-t', 'html5', '--metadata', 'title=Redovisning', '--pdf-engine=weasyprint', '-o', path.join(work, 'pandoc.pdf'), markdown])) : undefined;
  const rebuild = JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bench', 'rebuild.mjs'), root, scale >= 100 ? '10' : '30'], { encoding: 'utf8' }));
  // The preview's save → fresh PDF (one word changed), in its kept browser; not at 100× (minutes per save).
  const pdfRebuild = scale >= 100 ? undefined : JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bench', 'pdf-rebuild.mjs'), root, String(Math.max(5, runs * 2))], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  // Typst fed the same page: a cold compile (fresh process, fonts loaded) and a kept compiler's edit → PDF.
  const page = path.join(out, 'index.html');
  const typstCold = haveTypst ? repeat(scale >= 100 ? 1 : runs, () => timed(process.execPath, [path.join(REPO, 'bench', 'typst.mjs'), 'cold', page, path.join(work, 'typst.pdf')])) : undefined;
  const typstPages = haveTypst ? Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [path.join(work, 'typst.pdf')], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? NaN) : undefined;
  const typstEdit = haveTypst ? JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bench', 'typst.mjs'), 'warm', page, scale >= 100 ? '5' : '20'], { encoding: 'utf8' })) : undefined;

  results.reports.push({ scale, pages, stages, commands: { check, html, full, chromium, pandocHtml, pandocPdf, typstCold }, rebuild, pdfRebuild, typstEdit, typstPages, peakHtmlBuildMiB: html.mib, stageProcessMiB: Math.max(...stageRuns.map((s) => s.rssMiB)) });
}

// The table.
const f = (ms) => (ms === undefined || Number.isNaN(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
const rows = [];
for (const r of results.reports) {
  const c = r.commands;
  rows.push([`${r.scale}×`, f(r.stages.load), f(r.stages.parse), f(r.stages.check), f(r.stages.language), f(r.stages.render), f(r.stages.writeHtml), f(r.stages.pdf), f(r.stages.nativePrint), String(r.pages ?? '–'), f(c.check.ms), f(c.html.ms), f(c.full.ms), `${Math.round(c.html.mib)} MiB`, f(r.rebuild.medianMs)]);
}
const header = ['report', 'load', 'parse', 'check', 'language', 'render', 'write', 'pdf', 'native print', 'pages', 'cmd check', 'cmd html', 'cmd full', 'html peak', 'rebuild'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log('\nStages (median, fresh process) and whole commands (median wall time, cold process):');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log('\nSide by side (ratios < 1 mean redovisning is faster):');
const side = [['report', 'check / pandoc html', 'html build / pandoc html', 'full / pandoc+weasyprint', 'pdf / native print', 'full / bare chromium', 'pandoc html', 'pandoc+weasyprint', 'bare chromium']];
for (const r of results.reports) {
  const c = r.commands;
  side.push([`${r.scale}×`, ratio(c.check.ms, c.pandocHtml?.ms), ratio(c.html.ms, c.pandocHtml?.ms), ratio(c.full.ms, c.pandocPdf?.ms), ratio(r.stages.pdf, r.stages.nativePrint), ratio(c.full.ms, c.chromium.ms), f(c.pandocHtml?.ms), f(c.pandocPdf?.ms), f(c.chromium.ms)]);
}
const sw = side[0].map((_, i) => Math.max(...side.map((row) => row[i].length)));
for (const row of side) console.log(row.map((c, i) => c.padStart(sw[i])).join('  '));
console.log('\nThe preview after a one-word edit (median, warm process; PDF parts: check and page, layout, Chromium print, finishing) and Typst:');
const live = [['report', 'save → html', 'save → pdf', 'check', 'layout', 'print', 'finish', 'typst cold', 'typst edit → pdf', 'full / typst', 'pages ours / typst', 'kept browser', 'browser printing']];
for (const r of results.reports) {
  const p = r.pdfRebuild;
  live.push([`${r.scale}×`, f(r.rebuild.medianMs), f(p?.medianMs), f(p?.parts.check), f(p?.parts.layout), f(p?.parts.print), f(p?.parts.finish), f(r.commands.typstCold?.ms), f(r.typstEdit?.medianMs), ratio(r.commands.full.ms, r.commands.typstCold?.ms), `${r.pages ?? '–'} / ${r.typstPages ?? '–'}`, p?.keptBrowserMiB ? `${p.keptBrowserMiB} MiB` : '–', p?.peakBrowserMiB ? `${p.peakBrowserMiB} MiB` : '–']);
}
const lw = live[0].map((_, i) => Math.max(...live.map((row) => row[i].length)));
for (const row of live) console.log(row.map((c, i) => c.padStart(lw[i])).join('  '));
const one = results.reports.find((r) => r.scale === 1);
const hundred = results.reports.find((r) => r.scale === 100);
if (one && hundred) console.log(`\nScaling: the 100× HTML build takes ${(hundred.commands.html.ms / one.commands.html.ms).toFixed(1)}× the 1× time (target ≤ 60×); its PDF build ${f(hundred.commands.full.ms)} (target < 60 s).`);

mkdirSync(path.join(REPO, 'bench', 'results'), { recursive: true });
const file = path.join(REPO, 'bench', 'results', `${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nnumbers: ${path.relative(REPO, file)}`);
rmSync(work, { recursive: true, force: true });
if (!existsSync(file)) process.exitCode = 1;
