import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './build.js';

const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** A PATH with node and nothing else on it. */
async function barepath(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'redovisning-path-'));
  temporary.push(dir);
  await symlink(process.execPath, path.join(dir, 'node'));
  return dir;
}

describe('redovisning doktor', () => {
  it('finds what scripts/setup.sh installs', async () => {
    const run = await cli(['doktor']);
    expect(run.code, run.stdout).toBe(0);
    for (const what of ['Chromium', 'Hunspell \\(', 'svenska ordlista', 'DejaVu', 'poppler']) expect(run.stdout).toMatch(new RegExp(`^finns: .*${what}.*: /`, 'm'));
    expect(run.stdout).toMatch(/^Allt som verktyget behöver finns\.$/m);
  });

  it('names each missing tool and the one command that installs it, and exits 2', async () => {
    const env = { PATH: await barepath(), REDOVISNING_CHROMIUM: '/nonexistent/chromium' };
    const run = await cli(['doktor'], { env });
    expect(run.code, run.stdout).toBe(2);
    expect(run.stdout).toMatch(/^saknas: Chromium \(skriver ut PDF-filen\): \/nonexistent\/chromium finns inte \(Debian-paketet chromium-headless-shell\)$/m);
    expect(run.stdout).toMatch(/^saknas: Hunspell \(kontrollerar stavningen\): hunspell \(PATH\) finns inte \(Debian-paketet hunspell\)$/m);
    expect(run.stdout).toMatch(/^finns: Hunspells svenska ordlista: \/usr\/share\/hunspell\/sv_SE\.dic$/m);
    expect(run.stdout).toMatch(/^valfritt, saknas: poppler .*pdftotext \(PATH\) finns inte/m);
    expect(run.stdout).toMatch(/^valfritt, saknas: LibreOffice .*soffice \(PATH\) finns inte/m);
    // One command for what is needed, one for what is optional; each names only what is missing.
    expect(run.stdout).toMatch(/^Installera det som saknas med: (sudo )?apt-get update && (sudo )?apt-get install -y chromium-headless-shell hunspell$/m);
    expect(run.stdout).toMatch(/^Det valfria installeras med: (sudo )?apt-get update && (sudo )?apt-get install -y poppler-utils libreoffice-writer-nogui$/m);
    const english = await cli(['doktor', '--lang', 'en'], { env });
    expect(english.stdout).toMatch(/^missing: Hunspell \(checks the spelling\): hunspell \(PATH\) not found \(the Debian package hunspell\)$/m);
    expect(english.stdout).toMatch(/^Install what is missing with: .*apt-get install -y chromium-headless-shell hunspell$/m);
  });

  it('check says in one line that the spelling was not checked when Hunspell is not on PATH, and passes', async () => {
    const run = await cli(['check', 'starters/generisk'], { env: { PATH: await barepath() } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n').filter((l) => /Hunspell/.test(l))).toEqual([expect.stringMatching(/^data\/rapport\.yaml: varning: stavningen kontrollerades inte: .*apt-get install hunspell hunspell-sv \(npx redovisning doktor .*\[language-unavailable\]$/)]);
  });
});
