import { readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../src/check/registry.js';
import { formatDiagnostic, formatSummary } from '../src/diagnostics/diagnostic.js';
import { checkReport, renderHtml } from '../src/pipeline.js';
import { fixtureReport, REPO, STARTER } from './helpers.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'checks');
const cases = readdirSync(FIXTURES).sort();

/** Runs the checks on a report root (and renders the page, as `redovisning check` does) and prints the diagnostics as the CLI does. */
async function diagnosticsOf(root: string): Promise<string> {
  const checked = await checkReport(root);
  if (!checked.diagnostics.hasErrors) renderHtml(checked, { pdfHref: undefined });
  const { diagnostics } = checked;
  const list = diagnostics.sorted();
  return `${[...list.map(formatDiagnostic), formatSummary(list)].join('\n')}\n`;
}

describe('check fixtures: each case breaks the starter report one way', () => {
  it.each(cases)('%s', async (name) => {
    const root = await fixtureReport(path.join(FIXTURES, name));
    try {
      const output = await diagnosticsOf(root);
      expect(output).toMatch(/error/);
      await expect(output).toMatchFileSnapshot(path.join(FIXTURES, name, 'expected.txt'));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('every rule id of every check rule is triggered by some fixture', async () => {
    const seen = new Set<string>();
    for (const name of cases) {
      const text = await readFile(path.join(FIXTURES, name, 'expected.txt'), 'utf8').catch(() => '');
      for (const m of text.matchAll(/\[([a-z-]+)\]$/gm)) if (m[1]) seen.add(m[1]);
    }
    const missing = CHECK_RULES.flatMap((r) => r.ids).filter((id) => !seen.has(id));
    expect(missing).toEqual([]);
  });
});

describe('clean reports check clean', () => {
  it('the starter report', async () => {
    expect(await diagnosticsOf(STARTER)).toBe('0 errors, 0 warnings\n');
  });
  it('the real report: no errors; the five appendices whose text the source lacks are warnings', async () => {
    const output = await diagnosticsOf(REPO);
    expect(output).toMatch(/0 errors, 5 warnings\n$/);
    expect(output.match(/warning: bilaga [1-5] .* has no body.*\[appendix-no-body\]/g)).toHaveLength(5);
  });
});
