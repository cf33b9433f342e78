import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { hedgeHolds } from '../../src/format/hedge.js';
import { FORMAT_HELPERS } from '../../src/format/helpers/registry.js';
import { countWord } from '../../src/format/swedish-numbers.js';

const hb = Handlebars.create();
for (const [name, helper] of Object.entries(FORMAT_HELPERS)) hb.registerHelper(name, helper);
const write = (template: string, data: object): string => hb.compile(template, { strict: true })(data).replace(/\u00a0/g, ' ');

describe('helpers that write the words right', () => {
  const data = { andel: 12550000 / 14300000, totalt: 32217058, tak: 0.028, fou: 12550000 };
  it('procent rounds as asked and shows decimals', () => {
    expect(write('{{procent andel}}', data)).toBe('88 procent');
    expect(write('{{procent andel avrunda="ned"}}', data)).toBe('87 procent');
    expect(write('{{procent andel decimaler=1}}', data)).toBe('87,8 procent');
    expect(write('{{procent tak decimaler=1}}', data)).toBe('2,8 procent');
    expect(write('{{procent tak avrunda="upp"}}', data)).toBe('3 procent');
  });
  it('ungefar writes the hedge that is true', () => {
    expect(write('{{ungefar (procent andel)}}', data)).toBe('knappt 88 procent');
    expect(write('{{ungefar (mkr totalt)}}', data)).toBe('drygt 32 miljoner kronor');
    expect(write('{{ungefar (miljoner fou)}}', data)).toBe('knappt 13 miljoner kronor');
    expect(write('{{ungefar (procent andel) decimaler=1}}', data)).toBe('knappt 87,8 procent');
  });
  it('an option a helper does not know is an error, not a no-op', () => {
    expect(() => write('{{procent andel avrundning="ned"}}', data)).toThrow('template-helper.unknown-option');
    expect(() => write('{{ungefar andel}}', data)).toThrow('template-helper.hedge');
  });
});

describe('Swedish numbers and hedge words', () => {
  it('reads count words', () => {
    expect([countWord('nio'), countWord('tjugoen'), countWord('ett'), countWord('etthundrafem'), countWord('projekt')]).toEqual([9, 21, 1, 105, undefined]);
  });
  it('checks the direction and the tolerance of a hedge', () => {
    expect(hedgeHolds('above-near', 0.8776, 0.88, 0.01)).toBe(false);
    expect(hedgeHolds('below-near', 0.8776, 0.88, 0.01)).toBe(true);
    expect(hedgeHolds('above-near', 0.8776, 0.87, 0.01)).toBe(true);
    expect(hedgeHolds('about', 32217058, 32_000_000, 1_000_000)).toBe(true);
    expect(hedgeHolds('about', 0.38, 0.4, 0.01)).toBe(true);
    expect(hedgeHolds('exact', 0.38, 0.4, 0.01)).toBe(false);
    expect(hedgeHolds('at-most', 0.028, 0.03, 0.01)).toBe(true);
    expect(hedgeHolds('above', 0.5, 0.5, 0.01)).toBe(false);
  });
});

describe('the real report: its figures in the prose are found and checked', () => {
  it('finds nio pilotprojekt, två dialogmöten and the hedged amounts, and finds them right', async () => {
    const { checkReport } = await import('../../src/pipeline.js');
    const { proseTexts } = await import('../../src/check/prose-figures.js');
    const { knownCounts, writtenCounts } = await import('../../src/check/rules/prose-counts.js');
    const { REPO } = await import('../helpers.js');
    const checked = await checkReport(REPO);
    const texts = proseTexts(checked.context);
    const known = knownCounts(checked.context);
    const counts = texts.flatMap((t) => writtenCounts(t, known).counts.map((c) => c.written));
    expect(counts).toEqual(expect.arrayContaining(['nio pilotprojekt', 'två dialogmöten']));
    const hedged = texts.flatMap((t) => t.written.filter((s) => s.figure).map((s) => t.markdown.slice(Math.max(0, s.start - 6), s.end).replace(/\u00a0/g, ' ')));
    expect(hedged).toEqual(expect.arrayContaining(['drygt 12 miljoner', 'cirka 32 miljoner kronor']));
    expect(checked.diagnostics.list.filter((d) => d.ruleId.startsWith('prose-'))).toEqual([]);
  });
});
