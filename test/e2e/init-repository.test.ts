import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';
import { cli } from './build.js';

const run = promisify(execFile);
const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe('init makes the report root a repository of its own', () => {
  it('pins the tool, ignores what the build and npm write, and has CI for GitHub and GitLab that checks with the README\'s matchers and keeps dist/', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'redovisning-repo-'));
    temporary.push(parent);
    const root = path.join(parent, 'Årsrapport 2025');
    expect((await cli(['init', root, '--quiet'])).code).toBe(0);
    const { version } = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { name: string; private: boolean; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg).toMatchObject({ name: 'arsrapport-2025', private: true, dependencies: { redovisning: version }, scripts: { check: 'redovisning check', build: 'redovisning build' } });

    // git agrees with the .gitignore: the output, its lock and temporary folders and node_modules are ignored; the report is not.
    await run('git', ['init', '-q'], { cwd: root });
    const ignored = async (file: string): Promise<boolean> =>
      run('git', ['check-ignore', '-q', file], { cwd: root }).then(
        () => true,
        () => false,
      );
    for (const file of ['dist/index.html', 'dist.lock', 'dist.tmp-1-2/index.html', 'node_modules/redovisning/package.json']) expect(await ignored(file), file).toBe(true);
    for (const file of ['data/rapport.yaml', 'content/01-sammanfattning.md', 'package.json', '.github/workflows/redovisning.yml']) expect(await ignored(file), file).toBe(false);

    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
    const readmePatterns = [...readme.matchAll(/"regexp": ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1] ?? '""') as string);
    const matcher = JSON.parse(await readFile(path.join(root, '.github', 'redovisning.json'), 'utf8')) as { problemMatcher: { owner: string; severity: string; pattern: { regexp: string; file: number; line: number; column: number; message: number; code: number }[] }[] };
    expect(matcher.problemMatcher.map((m) => [m.severity, m.pattern[0]?.regexp])).toEqual([
      ['error', readmePatterns[0]],
      ['warning', readmePatterns[1]],
    ]);
    expect(new Set(matcher.problemMatcher.map((m) => m.owner)).size).toBe(2);

    const github = yaml.load(await readFile(path.join(root, '.github', 'workflows', 'redovisning.yml'), 'utf8')) as { jobs: Record<string, { container: string; steps: { run?: string; uses?: string; with?: { path?: string } }[] }> };
    const steps = Object.values(github.jobs)[0]?.steps ?? [];
    const runs = steps.map((s) => s.run ?? '');
    expect(runs.some((r) => /apt-get install -y chromium-headless-shell hunspell hunspell-sv fonts-dejavu-core/.test(r))).toBe(true);
    expect(runs.findIndex((r) => r.includes('npm ci'))).toBeLessThan(runs.findIndex((r) => r.includes('npx redovisning check')));
    expect(runs.find((r) => r.includes('npx redovisning check'))).toMatch(/^echo "::add-matcher::\.github\/redovisning\.json"\nnpx redovisning check\n$/);
    expect(runs).toContain('npx redovisning build');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toBe('dist/');

    const gitlab = yaml.load(await readFile(path.join(root, '.gitlab-ci.yml'), 'utf8')) as Record<string, { image: string; before_script: string[]; script: string[]; artifacts: { paths: string[] } }>;
    const job = Object.values(gitlab)[0];
    expect(job?.image).toMatch(/bookworm/);
    expect(job?.script).toEqual(['npx redovisning check', 'npx redovisning build']);
    expect(job?.artifacts.paths).toEqual(['dist/']);
    // The report checks clean with these files beside it.
    expect((await cli(['check', root])).stderr).toMatch(/^0 fel, 0 varningar$/m);
  });
});
