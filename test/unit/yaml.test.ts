import { describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
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

describe('YAML that says nothing, and values that need quotes', () => {
  const parse = (text: string, path = 'data/x.yaml') => {
    const d = new Diagnostics();
    const parsed = parseYaml({ path, absolute: `/${path}`, text }, d);
    return { parsed, d: d.list, sv: d.list.map((x) => formatDiagnostic(x, 'sv')), en: d.list.map((x) => formatDiagnostic(x, 'en')) };
  };

  it('a file of comments only (or a lone ---) is empty, not "0 documents", and says what it holds', () => {
    for (const text of ['# Fylls i senare.\n', '# a\n---\n# b\n', '---\n', '\n\n']) {
      const { parsed, d, sv, en } = parse(text, 'data/bilagor.yaml');
      expect(parsed).toBeUndefined();
      expect(d.map((x) => x.messageId)).toEqual(['yaml-empty.bilagor']);
      expect(sv[0]).toMatch(/^data\/bilagor\.yaml:1:1: fel: data\/bilagor\.yaml är tom.*: den ska hålla bilageförteckningen, en lista med en post per bilaga/);
      expect(sv[0]).not.toContain('YAML-dokument');
      expect(en[0]).toMatch(/data\/bilagor\.yaml is empty.*: it holds the appendix register/);
    }
    expect(parse('# bara en kommentar\n').sv[0]).toMatch(/datafilen är tom \(den har bara kommentarer\): skriv in dess data, en lista \(- …\) eller en mappning \(nyckel: värde\), som kapitlen sedan når som x/);
    // A value is not empty, and two documents are still two.
    expect(parse('null\n').d).toEqual([]);
    expect(parse('a: 1\n---\nb: 2\n').d.map((x) => x.messageId)).toEqual(['yaml-syntax.documents']);
  });

  it("a value with ': ' in it, or starting with {{, says to quote it or use >-, at the value, with the quoted line", () => {
    const colon = parse('- id: a\n  villkor: $exists(a) and { $: b }\n');
    expect(colon.d.map((x) => [x.messageId, x.point])).toEqual([['yaml-syntax.unquoted', { line: 2, column: 12 }]]);
    expect(colon.sv[0]).toContain(`värdet av 'villkor' innehåller ': '`);
    expect(colon.sv[0]).toContain(`villkor: '$exists(a) and { $: b }'`);
    expect(colon.sv[0]).toContain(`'villkor: >-'`);
    expect(colon.en[0]).toContain(`Put the value in quotes, villkor: '$exists(a) and { $: b }'`);
    const quote = parse("meddelande: Det är 'fel': rätta\n");
    expect(quote.sv[0]).toContain(`meddelande: 'Det är ''fel'': rätta'`);
    const braces = parse('meddelande: {{kronor x}} är för mycket\n');
    expect(braces.d.map((x) => x.messageId)).toEqual(['yaml-syntax.unquoted']);
    expect(braces.sv[0]).toContain(`börjar med '{', som YAML läser som en mappning`);
    // Other syntax errors keep their own reason.
    expect(parse('a:\n  - b\n - c\n').d.map((x) => x.messageId)).toEqual(['yaml-syntax']);
  });
});
