import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The starter reports (`redovisning init` copies one): the bases of the fixture reports. */
export const STARTERS = path.join(REPO, 'starters');
export const GENERIC_STARTER = path.join(STARTERS, 'generisk');
export const PILOT_STARTER = path.join(STARTERS, 'pilotprojekt');

/**
 * Makes a fixture report in a temporary folder: a starter report (the one
 * the case's `base.txt` names; the generic one by default), with the case
 * folder's files laid over it and the files named in its `delete.txt` removed.
 */
export async function fixtureReport(caseDir: string | undefined, base = 'generisk'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-fixture-'));
  const named = caseDir ? (await readFile(path.join(caseDir, 'base.txt'), 'utf8').catch(() => base)).trim() : base;
  await cp(path.join(STARTERS, named), dir, { recursive: true });
  if (caseDir) {
    await cp(caseDir, dir, { recursive: true, filter: (src) => !/(expected[.\w-]*\.txt|delete\.txt|base\.txt)$/.test(src) });
    const deletions = await readFile(path.join(caseDir, 'delete.txt'), 'utf8').catch(() => '');
    for (const file of deletions.split('\n').filter(Boolean)) await rm(path.join(dir, file), { force: true });
  }
  return dir;
}

/** Copies the real report (content/, data/, its schemas, its agency profile) to a temporary folder, to break it on purpose. */
export async function copyOfRealReport(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-real-'));
  for (const folder of ['content', 'data', 'schemas', 'profiler/vinnova']) await cp(path.join(REPO, folder), path.join(dir, folder), { recursive: true });
  await cp(path.join(REPO, 'ordlista.txt'), path.join(dir, 'ordlista.txt'));
  return dir;
}

/** Every file under a folder with a hash of its bytes: "the folder exactly as it was". */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return out;
}

/**
 * A copy of the real report and a good HTML build of it, with the output's
 * fingerprint: the starting point of the tests that break a later build.
 */
export async function goodBuildOfRealReport(): Promise<{ root: string; out: string; before: Record<string, string> }> {
  const { buildInto } = await import('./e2e/build.js');
  const root = await copyOfRealReport();
  const { out, result } = await buildInto(root, ['--no-pdf']);
  if (result.code !== 0) throw new Error(`the good build failed:\n${result.stderr}`);
  return { root, out, before: await fingerprint(out) };
}
