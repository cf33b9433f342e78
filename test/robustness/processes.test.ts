import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../e2e/build.js';
import { fingerprint, goodBuildOfRealReport, REPO } from '../helpers.js';

const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});


/** PIDs of the processes whose parent is `pid`. */
function children(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `redovisning build` (with the PDF) and resolves once it is laying out the pages, with the browser's PIDs. */
async function buildUntilLayout(root: string, out: string): Promise<{ child: ChildProcess; stderr: () => string; exited: Promise<number | null>; browsers: number[] }> {
  const child = spawn(process.execPath, [path.join(REPO, 'lib', 'cli.js'), 'build', root, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!stderr.includes('sätter sidorna') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(stderr).toContain('sätter sidorna');
  const browsers = children(child.pid ?? 0);
  expect(browsers.length).toBeGreaterThan(0);
  return { child, stderr: () => stderr, exited, browsers };
}

/** A good build of a copy of the real report, then a second build killed with `signal` while it lays out the PDF. */
async function killDuringPdf(signal: NodeJS.Signals): Promise<{ before: Record<string, string>; after: Record<string, string>; code: number | null; stderr: string; browsers: number[]; out: string }> {
  const { root, out, before } = await goodBuildOfRealReport();
  roots.push(root, path.dirname(out));
  const build = await buildUntilLayout(root, out);
  build.child.kill(signal);
  const code = await build.exited;
  // The browser talks to the build over a pipe and exits when the pipe closes.
  const gone = Date.now() + 15_000;
  while (build.browsers.some(running) && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
  return { before, after: await fingerprint(out), code, stderr: build.stderr(), browsers: build.browsers.filter(running), out };
}

describe('output is all or nothing', () => {
  it('SIGKILL during the PDF step leaves dist/ as the last good build left it, and no browser behind', async () => {
    const { before, after, browsers, out } = await killDuringPdf('SIGKILL');
    expect(after).toEqual(before);
    expect(browsers).toEqual([]);
    // The next build cleans up and succeeds.
    expect((await cli(['build', REPO, '--out', out, '--no-pdf', '--quiet'])).code).toBe(0);
    expect((await readdir(path.dirname(out))).sort()).toEqual(['dist']);
  });

  it('Ctrl-C (SIGINT) during the PDF step stops with a message, leaves dist/ as it was, and no browser behind', async () => {
    const { before, after, code, stderr, browsers } = await killDuringPdf('SIGINT');
    expect(code).toBe(130);
    expect(stderr).toMatch(/avbruten \(SIGINT\): .* är kvar som det var/);
    expect(after).toEqual(before);
    expect(browsers).toEqual([]);
  });

  it('a browser that crashes while printing ends the build with a message; dist/ stays as it was', async () => {
    const { root, out, before } = await goodBuildOfRealReport();
    roots.push(root, path.dirname(out));
    const build = await buildUntilLayout(root, out);
    for (const browser of build.browsers) process.kill(browser, 'SIGKILL');
    expect(await build.exited).toBe(1);
    expect(build.stderr()).toMatch(/pdf: webbläsaren slutade fungera under utskriften \(.*\): bygg igen/);
    expect(build.stderr()).not.toMatch(/\n\s+at /);
    expect(await fingerprint(out)).toEqual(before);
  });

  it('two builds started at once on the same output both finish, one after the other, and dist/ is whole', async () => {
    const { root, out } = await goodBuildOfRealReport();
    roots.push(root, path.dirname(out));
    const [a, b] = await Promise.all([cli(['build', root, '--out', out, '--no-pdf', '--quiet']), cli(['build', root, '--out', out, '--no-pdf', '--quiet'])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const files = await fingerprint(out);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['index.html', 'data/budget.csv', 'assets/style.css']));
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    expect((await readdir(path.dirname(out))).sort()).toEqual(['dist']);
  });
});
