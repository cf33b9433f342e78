import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../src/diagnostics/diagnostic.js';
import { checkReport, renderHtml } from '../../src/pipeline.js';
import { applyDamage, damageArbitrary, hostileCount, realTexts, type Damage } from './damage.js';

/** How many damaged reports to try: bounded in `npm test`, long in `npm run fuzz`. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : 20200330;
/** Rule ids a diagnostic may carry without a line: problems of a whole file. */
const FILE_LEVEL = new Set(['data-missing-file', 'report-root', 'file-too-large', 'file-encoding', 'file-unreadable', 'content-empty', 'template-render', 'template-layout']);

const scratch = await mkdtemp(path.join(os.tmpdir(), 'redovisning-fuzz-'));
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
let counter = 0;

/** Writes a damaged copy of the real report to a fresh folder. */
async function damagedReport(damages: Damage[]): Promise<string> {
  const files = realTexts();
  for (const d of damages) applyDamage(files, d);
  const root = path.join(scratch, String(counter++));
  for (const [file, text] of files) {
    if (text === undefined) continue;
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  await mkdir(path.join(root, 'content'), { recursive: true });
  await mkdir(path.join(root, 'data'), { recursive: true });
  return root;
}

describe('random damage to the real report', () => {
  // The first check of a process loads the code and starts the sandbox and Hunspell: not what the bound below is about.
  // The second, of the undamaged report, is the yardstick: on a machine under load every check is slower.
  let undamagedMs = 0;
  beforeAll(async () => {
    await checkReport(await damagedReport([]));
    const started = performance.now();
    await checkReport(await damagedReport([]));
    undamagedMs = performance.now() - started;
  }, 300_000);

  it(`always ends in located diagnostics or a clean build, never a crash or a hang (${RUNS} runs, seed ${SEED})`, async () => {
    let clean = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(damageArbitrary, { minLength: 1, maxLength: 3 }), async (damages) => {
        const root = await damagedReport(damages);
        const started = performance.now();
        const checked = await checkReport(root);
        // A damaged report is checked about as fast as the undamaged one (5 s, or five times the undamaged check on a
        // loaded machine); a hostile program may use up its own budget (an expression's second, a chart's fifteen) and
        // the sandbox's restart on top.
        expect(performance.now() - started).toBeLessThan(Math.max(5000, 5 * undamagedMs) + 20_000 * hostileCount(damages));
        for (const d of checked.diagnostics.list) {
          const text = messageText(d, 'sv');
          expect(d.file).toMatch(/^(content|data|templates|schemas)\//);
          expect(text.length).toBeGreaterThan(10);
          expect(text).not.toMatch(/\n\s+at /);
          expect(messageText(d, 'en').length).toBeGreaterThan(10);
          if (!FILE_LEVEL.has(d.ruleId)) expect(d.point, `${d.ruleId}: ${text}`).toBeDefined();
        }
        if (checked.diagnostics.hasErrors) refused++;
        else {
          expect(renderHtml(checked, { pdfHref: undefined })?.page.html).toContain('<main');
          clean++;
        }
        await rm(root, { recursive: true, force: true });
        if ((refused + clean) % 250 === 0) process.stderr.write(`damage: ${refused + clean} of ${RUNS} runs done\n`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(clean + refused).toBe(RUNS);
    process.stderr.write(`damage: ${RUNS} damaged reports, ${refused} refused with diagnostics, ${clean} built clean\n`);
  }, Math.max(600_000, RUNS * 5000));
});
