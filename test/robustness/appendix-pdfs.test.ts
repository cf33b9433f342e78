import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkReport } from '../../src/pipeline.js';
import { buildInto, cli } from '../e2e/build.js';
import { fixtureReport } from '../helpers.js';
import { encryptedPdf, hostilePdf, plainPdf, qdf } from './inputs.js';

const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

const REGISTER = '- nyckel: projekt\n  titel: Beviljade projekt\n  innehall: bilagor/projekt.md\n- nyckel: program\n  titel: Program för startmötet\n  pdf: bilagor/program.pdf\n';

/** The pilot-project starter with appendix 2 attached as `bilagor/program.pdf`, written by `place`. */
async function reportWithAppendix(place: (file: string) => Promise<void>): Promise<string> {
  const root = await fixtureReport(undefined, 'pilotprojekt');
  roots.push(root);
  await mkdir(path.join(root, 'bilagor'), { recursive: true });
  await place(path.join(root, 'bilagor', 'program.pdf'));
  await writeFile(path.join(root, 'data', 'bilagor.yaml'), REGISTER);
  return root;
}

/** Active content as qpdf shows it: the names of the things that run, launch, attach or fill in. */
const ACTIVE = /\/(JavaScript|JS|Launch|OpenAction|AA|EmbeddedFiles?|EF|XFA|AcroForm|Widget|SubmitForm)\b/;

describe('attached appendix PDFs are published without active content', () => {
  it('JavaScript, actions, an embedded file and an XFA form are removed from dist/bilagor/ and from the report PDF, and the build says so', async () => {
    const hostile = await hostilePdf();
    expect(qdf(await writeTemp(hostile))).toMatch(ACTIVE);
    const root = await reportWithAppendix((file) => writeFile(file, hostile));
    const { out, result } = await buildInto(root);
    roots.push(path.dirname(out));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/data\/bilagor\.yaml:6:8: varning: bilaga 2: bilagor\/program\.pdf innehöll aktivt innehåll \(\/AA, \/AcroForm, \/EmbeddedFiles, \/JavaScript, \/Launch, \/OpenAction och \/XFA: .*har tagits bort ur den publicerade kopian i bilagor\/ .*\[appendix-pdf-cleaned\]/);
    const published = path.join(out, 'bilagor', 'bilaga-2.pdf');
    const objects = qdf(published);
    expect(objects).not.toMatch(ACTIVE);
    expect(objects).not.toContain('hemlig bilaga');
    expect(execFileSync('pdfinfo', [published], { encoding: 'utf8' })).toMatch(/JavaScript:\s+no/);
    expect(execFileSync('pdfdetach', ['-list', published], { encoding: 'utf8' })).toMatch(/^0 embedded files/);
    // The page itself is still there, text and all.
    expect(execFileSync('pdftotext', [published, '-'], { encoding: 'utf8' })).toContain('Program med aktivt innehåll');
    // The report's PDF joins the cleaned appendix: its page is there, its active content is not.
    expect(qdf(path.join(out, 'redovisning.pdf'))).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|EmbeddedFiles|XFA|Widget)\b/);
    expect(execFileSync('pdftotext', [path.join(out, 'redovisning.pdf'), '-'], { encoding: 'utf8' })).toContain('Program med aktivt innehåll');
  }, 180_000);

  it('each kind of active content alone is named and removed (build --no-pdf)', async () => {
    for (const [part, named] of [
      ['OpenAction', '/JavaScript och /OpenAction'],
      ['Names-JavaScript', '/JavaScript'],
      ['page-AA-Launch', '/AA och /Launch'],
      ['annotation-JavaScript', '/JavaScript'],
      ['EmbeddedFiles', '/EmbeddedFiles'],
      ['AcroForm-XFA', '/AcroForm och /XFA'],
    ] as const) {
      const root = await reportWithAppendix(async (file) => writeFile(file, await hostilePdf([part])));
      const { out, result } = await buildInto(root, ['--no-pdf']);
      roots.push(path.dirname(out));
      expect(result.code, part).toBe(0);
      expect(result.stderr, part).toContain(`aktivt innehåll (${named}:`);
      expect(qdf(path.join(out, 'bilagor', 'bilaga-2.pdf')), part).not.toMatch(ACTIVE);
    }
  }, 120_000);

  it('a plain appendix PDF is published byte for byte, with no warning', async () => {
    const plain = await plainPdf();
    const root = await reportWithAppendix((file) => writeFile(file, plain));
    const { out, result } = await buildInto(root, ['--no-pdf']);
    roots.push(path.dirname(out));
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('appendix-pdf');
    expect(Buffer.compare(await readFile(path.join(out, 'bilagor', 'bilaga-2.pdf')), Buffer.from(plain))).toBe(0);
  });
});

/** Writes bytes to a fresh temporary file and returns its path. */
async function writeTemp(bytes: Uint8Array): Promise<string> {
  const root = await fixtureReport(undefined, 'pilotprojekt');
  roots.push(root);
  const file = path.join(root, 'x.pdf');
  await writeFile(file, bytes);
  return file;
}

describe('check opens every attached PDF and refuses what the build could not publish, at its line', () => {
  const at = /data\/bilagor\.yaml:6:8: fel: bilaga 2: bilagor\/program\.pdf /;
  it.each([
    ['a PDF with no document in it', async (file: string) => writeFile(file, '%PDF-1.7\nnot a PDF at all\n'), /har inga sidor som går att läsa \(filen är skadad eller avkortad\): spara om den .*\[appendix-pdf\]/],
    ['a PDF with a broken object', async (file: string) => writeFile(file, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa'), /går inte att läsa som PDF \(.+\): spara om den .*\[appendix-pdf\]/],
    ['a PDF cut in half', async (file: string) => writeFile(file, (await plainPdf()).subarray(0, 300)), /(går inte att läsa som PDF \(.+\)|har inga sidor som går att läsa).*\[appendix-pdf\]/],
    ['an encrypted PDF', async (file: string) => writeFile(file, encryptedPdf(await plainPdf())), /är krypterad .*spara en kopia utan lösenord.*\[appendix-pdf\]/],
    ['a PDF of 25 MB', async (file: string) => {
      await writeFile(file, await plainPdf());
      await truncate(file, 25_000_000);
    }, /är 25\u00a0000\u00a0000 byte, mer än gränsen 20\u00a0000\u00a0000 byte.*\[appendix-pdf\]/],
    ['a folder', (file: string) => mkdir(file), /är en mapp, inte en PDF-fil.*\[appendix-pdf\]/],
    ['a named pipe', async (file: string) => {
      execFileSync('mkfifo', [file]);
    }, /är ingen vanlig fil \(en namngiven rörledning eller en enhet\).*\[appendix-pdf\]/],
  ])('%s', async (_, place, expected) => {
    const root = await reportWithAppendix(place);
    const started = performance.now();
    const check = await cli(['check', root]);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(new RegExp(at.source + expected.source));
    expect(check.stderr).not.toContain(root);
    expect(check.stderr).not.toMatch(/EISDIR|\n\s+at /);
    // build --no-pdf refuses it too, and publishes nothing.
    const { out, result } = await buildInto(root, ['--no-pdf']);
    roots.push(path.dirname(out));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(at.source));
    await expect(readFile(path.join(out, 'index.html'))).rejects.toThrow();
  }, 60_000);

  it('in English too', async () => {
    const root = await reportWithAppendix(async (file) => writeFile(file, encryptedPdf(await plainPdf())));
    const { diagnostics } = await checkReport(root);
    expect(diagnostics.sorted().map((d) => formatDiagnostic(d, 'en')).join('\n')).toMatch(/data\/bilagor\.yaml:6:8: error: bilaga 2: bilagor\/program\.pdf is encrypted/);
  });

});
