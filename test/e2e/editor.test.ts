import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORE_FILES } from '../../src/load/load-report.js';
import { REPO } from '../helpers.js';
import { cli } from './build.js';
import { editorDiagnostics } from './yaml-ls.js';

const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** Every report root in the repository: the real report, the examples and the starters `init` copies. */
const ROOTS = [REPO, ...['examples/regional-fordelning', 'examples/uppfoljning-treaarig', 'starters/generisk', 'starters/pilotprojekt'].map((r) => path.join(REPO, r))];

/** The data files of a root, as paths from it. */
async function dataFiles(root: string): Promise<string[]> {
  return (await readdir(path.join(root, 'data'))).filter((f) => f.endsWith('.yaml')).sort().map((f) => `data/${f}`);
}

describe('the editor (yaml-language-server, as VS Code runs it)', () => {
  it('every root has each schema its data files name, and the core schemas are the tool\'s own', async () => {
    for (const root of ROOTS) {
      for (const file of await dataFiles(root)) {
        const named = /^# yaml-language-server: \$schema=(\S+)$/m.exec(await readFile(path.join(root, file), 'utf8'))?.[1];
        expect(named, `${root} ${file}`).toBeDefined();
        await expect(readFile(path.resolve(root, 'data', named as string), 'utf8'), `${root} ${file}: ${named}`).resolves.toBeTruthy();
      }
      if (root === REPO) continue;
      for (const name of CORE_FILES) expect(await readFile(path.join(root, 'schemas', `${name}.schema.json`), 'utf8'), `${root} ${name}`).toBe(await readFile(path.join(REPO, 'schemas', `${name}.schema.json`), 'utf8'));
    }
  });

  it('shows 0 diagnostics in every data file of every root, and of a report made by init', async () => {
    const made = path.join(await mkdtemp(path.join(os.tmpdir(), 'redovisning-init-')), 'rapport');
    temporary.push(path.dirname(made));
    expect((await cli(['init', made, '--mall', 'pilotprojekt'])).code).toBe(0);
    for (const root of [...ROOTS, made]) expect(await editorDiagnostics(root, await dataFiles(root)), root).toEqual([]);
  }, 240_000);

  it('shows a planted wrong type at its line, and only that', async () => {
    const root = path.join(await mkdtemp(path.join(os.tmpdir(), 'redovisning-editor-')), 'rapport');
    temporary.push(path.dirname(root));
    await cp(path.join(REPO, 'examples', 'regional-fordelning'), root, { recursive: true });
    const file = path.join(root, 'data', 'rapport.yaml');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('dnr: '));
    lines[at] = 'dnr: 2024';
    await writeFile(file, lines.join('\n'));
    const found = await editorDiagnostics(root, ['data/rapport.yaml']);
    expect(found.map((d) => ({ line: d.line, message: d.message }))).toEqual([{ line: at + 1, message: expect.stringMatching(/Incorrect type\. Expected "string"/) }]);
    // The build says the same, at the same line.
    expect((await cli(['check', root])).stderr).toMatch(new RegExp(`^data/rapport\\.yaml:${at + 1}:\\d+: fel: .*\\[data-schema\\]$`, 'm'));
  }, 120_000);

  it('cannot know uniqueItemProperties or referens; the build catches both, at their lines', async () => {
    const root = path.join(await mkdtemp(path.join(os.tmpdir(), 'redovisning-editor-')), 'rapport');
    temporary.push(path.dirname(root));
    await cp(path.join(REPO, 'examples', 'regional-fordelning'), root, { recursive: true });
    const contacts = path.join(root, 'data', 'kontakter.yaml');
    const lines = (await readFile(contacts, 'utf8')).split('\n');
    const first = lines.findIndex((l) => l.startsWith('- { region: stockholm'));
    const second = lines.findIndex((l) => l.startsWith('- { region: skane'));
    lines[first] = lines[first]?.replace('region: stockholm', 'region: stokholm') ?? '';
    lines[second] = lines[second]?.replace('region: skane', 'region: stokholm') ?? '';
    await writeFile(contacts, lines.join('\n'));
    expect(await editorDiagnostics(root, ['data/kontakter.yaml'])).toEqual([]);
    const { stderr } = await cli(['check', root]);
    expect(stderr).toMatch(new RegExp(`^data/kontakter\\.yaml:${first + 1}:\\d+: fel: .*\\[data-reference\\]$`, 'm'));
    expect(stderr).toMatch(new RegExp(`^data/kontakter\\.yaml:${second + 1}:\\d+: fel: .*\\[id-duplicate\\]$`, 'm'));
  }, 120_000);
});
