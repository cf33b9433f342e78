import { readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES, MESSAGES, ruleOf, type MessageId } from '../src/messages/catalogue.js';
import { formatDiagnostic, formatSummary } from '../src/diagnostics/diagnostic.js';
import { checkReport, RULES } from '../src/pipeline.js';
import { fixtureReport, GENERIC_STARTER, PILOT_STARTER, REPO } from './helpers.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'checks');
const cases = readdirSync(FIXTURES).sort();

/** Runs the checks on a report root (without rendering, as `redovisning check` does) and prints the diagnostics as the CLI does. */
async function diagnosticsOf(root: string): Promise<string> {
  const checked = await checkReport(root);
  const { diagnostics } = checked;
  const list = diagnostics.sorted();
  return `${[...list.map((d) => formatDiagnostic(d, 'sv')), formatSummary(list, 'sv')].join('\n')}\n`;
}

describe('check fixtures: each case breaks a starter report one way', () => {
  it.each(cases)('%s', async (name) => {
    const root = await fixtureReport(path.join(FIXTURES, name));
    try {
      const output = await diagnosticsOf(root);
      expect(output).toMatch(/: (fel|varning): /);
      await expect(output).toMatchFileSnapshot(path.join(FIXTURES, name, 'expected.txt'));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('every rule id of the catalogue is declared by exactly one rule, in the family that holds its messages', () => {
    const declared = RULES.flatMap((r) => r.ids.map((id) => ({ id, family: r.family })));
    const ids = declared.map((d) => d.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const catalogue = new Set((Object.keys(MESSAGES) as MessageId[]).map(ruleOf));
    expect([...catalogue].filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.filter((id) => !catalogue.has(id))).toEqual([]);
    const misplaced: string[] = [];
    for (const [family, messages] of Object.entries(FAMILIES)) {
      for (const id of Object.keys(messages) as MessageId[]) {
        for (const rule of declared.filter((d) => d.id === ruleOf(id))) if (rule.family !== family) misplaced.push(`${id} is in catalogue/${family}.ts, its rule declares ${rule.family}`);
        if (!declared.some((d) => d.id === ruleOf(id))) misplaced.push(`${id} is in catalogue/${family}.ts, no rule declares it`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('every rule id of the catalogue and of every rule is triggered by some fixture', async () => {
    const seen = new Set<string>();
    for (const name of cases) {
      const text = await readFile(path.join(FIXTURES, name, 'expected.txt'), 'utf8').catch(() => '');
      for (const m of text.matchAll(/\[([a-z0-9-]+)\]$/gm)) if (m[1]) seen.add(m[1]);
    }
    // Problems a fixture folder cannot hold (sizes, encodings, runaway Markdown, large images, a missing Hunspell)
    // are provoked by test/robustness/hostile.test.ts and test/language.test.ts (an appendix PDF without its fonts, by
    // test/e2e/pdf-standards.test.ts); a report's own checks
    // report under their own ids (model-checks shows two).
    const elsewhere = new Set(['file-too-large', 'file-encoding', 'file-unreadable', 'report-root', 'markdown-too-large', 'markdown-pathological', 'markdown-too-deep', 'check-failed', 'image-too-large', 'language-unavailable', 'file-outside', 'appendix-fonts']);
    const ids = new Set([...RULES.flatMap((r) => r.ids), ...(Object.keys(MESSAGES) as MessageId[]).map(ruleOf)]);
    const missing = [...ids].filter((id) => !seen.has(id) && !elsewhere.has(id));
    expect(missing).toEqual([]);
  });
});

describe('clean reports check clean', () => {
  it('the generic starter report', async () => {
    expect(await diagnosticsOf(GENERIC_STARTER)).toBe('0 fel, 0 varningar\n');
  });
  it('the pilot-project starter report', async () => {
    expect(await diagnosticsOf(PILOT_STARTER)).toBe('0 fel, 0 varningar\n');
  });
  it('the real report: no errors; the five appendices whose text the source lacks are warnings', async () => {
    const output = await diagnosticsOf(REPO);
    expect(output).toMatch(/0 fel, 5 varningar\n$/);
    expect(output.match(/varning: bilaga [1-5] .* har inget innehåll.*\[appendix-no-body\]/g)).toHaveLength(5);
  });
});
