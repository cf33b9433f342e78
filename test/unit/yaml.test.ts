import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { parseYaml } from '../../src/parse/yaml.js';

const file = (text: string) => ({ path: 'data/x.yaml', absolute: '/x.yaml', text });

describe('YAML with positions', () => {
  it('maps every path to its line and column', () => {
    const d = new Diagnostics();
    const parsed = parseYaml(file('titel: Å\nprojekt:\n  - id: a\n    koordinator: lu\n'), d);
    expect(d.list).toEqual([]);
    expect(parsed?.places.get('titel')?.value).toEqual({ line: 1, column: 8 });
    expect(parsed?.places.get('projekt[0].koordinator')).toEqual({ value: { line: 4, column: 18 }, key: { line: 4, column: 5 } });
  });
  it('refuses aliases, duplicate keys and deep nesting with a located error', () => {
    for (const text of ['a: &x [1]\nb: *x\n', 'a: 1\na: 2\n', `${'['.repeat(50)}${']'.repeat(50)}\n`]) {
      const d = new Diagnostics();
      expect(parseYaml(file(text), d)).toBeUndefined();
      expect(d.list[0]?.ruleId).toBe('yaml-syntax');
      expect(d.list[0]?.point?.line).toBeGreaterThan(0);
    }
  });
  it('keeps dates and diarienummer as text', () => {
    const parsed = parseYaml(file('datum: 2020-03-30\ndnr: 2018-00703\n'), new Diagnostics());
    expect(parsed?.value).toEqual({ datum: '2020-03-30', dnr: '2018-00703' });
  });
});
