import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { loadReport } from '../src/load/load-report.js';
import { checkReport, createCache, renderHtml } from '../src/pipeline.js';
import { copyOfRealReport, fixtureReport, REPO } from './helpers.js';

/** What a check reports, and the page it makes when it may make one: what the preview shows. */
async function seen(root: string, cache?: ReturnType<typeof createCache>): Promise<{ diagnostics: string; page: string | undefined; checked: Awaited<ReturnType<typeof checkReport>> }> {
  const checked = await checkReport(root, cache);
  const page = checked.diagnostics.hasErrors ? undefined : JSON.stringify(renderHtml(checked, { pdfHref: 'redovisning.pdf' }));
  return { diagnostics: JSON.stringify(checked.diagnostics.list), page, checked };
}

describe('the preview keeps what did not change between saves', () => {
  let root: string;
  beforeAll(async () => {
    root = await copyOfRealReport();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('a chapter edit reuses the facts read from the data and gives what a fresh check gives', async () => {
    const cache = createCache();
    const first = await seen(root, cache);
    const chapter = path.join(root, 'content', '01-sammanfattning.md');
    await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('Vinnova', 'VINNOVA'));
    const second = await seen(root, cache);
    expect(second.checked.context.model).toBe(first.checked.context.model);
    const fresh = await seen(root);
    expect(fresh.checked.context.model).not.toBe(second.checked.context.model);
    expect(second.diagnostics).toBe(fresh.diagnostics);
    expect(second.page).toBe(fresh.page);
    expect(second.page).toContain('VINNOVA');
  });

  it('a data edit is read again: the new value is on the page, as a fresh check gives it', async () => {
    const cache = createCache();
    const first = await seen(root, cache);
    const file = path.join(root, 'data', 'rapport.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('titel: Redovisning av regeringsuppdrag om', 'titel: Redovisning av det ändrade uppdraget om'));
    const second = await seen(root, cache);
    expect(second.checked.context.model).not.toBe(first.checked.context.model);
    expect(second.page).toContain('Redovisning av det ändrade uppdraget om');
    expect(second.page).toBe((await seen(root)).page);
  });
});

describe('kept steps report their diagnostics again, in the same place', () => {
  // Warnings from the data and the layouts (kept), errors from the model (never kept: run again).
  it.each(['prose-warnings', 'open-data-recommended', 'model-values', 'layout-template'])('%s', async (name) => {
    const fixture = await fixtureReport(path.join(REPO, 'test', 'fixtures', 'checks', name));
    try {
      const cache = createCache();
      const fresh = await seen(fixture);
      expect((await seen(fixture, cache)).diagnostics).toBe(fresh.diagnostics);
      const again = await seen(fixture, cache);
      expect(again.diagnostics).toBe(fresh.diagnostics);
      expect(again.page).toBe(fresh.page);
    } finally {
      await rm(fixture, { recursive: true, force: true });
    }
  }, 30_000);
});

it('a report is read into the same order whatever order its files were read in', async () => {
  const orders = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const sources = await loadReport(REPO, new Diagnostics());
    orders.add(JSON.stringify([[...sources.templates.keys()], [...sources.coreSchemas.keys()], [...sources.data.keys()], [...sources.schemas.keys()]]));
  }
  expect([...orders]).toHaveLength(1);
  const [templates, coreSchemas] = JSON.parse([...orders][0] ?? '[]') as string[][];
  expect(templates).toEqual([...(templates ?? [])].sort());
  expect(coreSchemas).toEqual([...(coreSchemas ?? [])].sort());
});
