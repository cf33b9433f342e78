import { describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import Handlebars from 'handlebars';
import { parseTemplate } from '../../src/expand/expand-chapter.js';
import { compileMessage } from '../../src/model/check-message.js';
import { parseYaml } from '../../src/parse/yaml.js';

/** The diagnostics a report makes, in both languages. */
function shown(report: (d: Diagnostics) => void): { sv: string[]; en: string[] } {
  const diagnostics = new Diagnostics();
  report(diagnostics);
  return { sv: diagnostics.list.map((d) => formatDiagnostic(d, 'sv')), en: diagnostics.list.map((d) => formatDiagnostic(d, 'en')) };
}

const yamlFile = (text: string) => ({ path: 'data/x.yaml', absolute: '/x.yaml', text });
const chapter = (text: string) => ({ path: 'content/01-a.md', absolute: '/01-a.md', text });

describe("js-yaml's reasons come from the catalogue, in the author's language", () => {
  it('a reason the catalogue words', () => {
    const { sv, en } = shown((d) => parseYaml(yamlFile('a: 1\na: 2\n'), d));
    expect(sv).toEqual(["data/x.yaml:2:1: fel: YAML-fel: nyckeln finns redan i samma mappning. Rätta raden (indrag, ett saknat ':' eller ett specialtecken som behöver citattecken) [yaml-syntax]"]);
    expect(en).toEqual(["data/x.yaml:2:1: error: YAML syntax: the key is already in the same mapping; fix the line (indentation, a missing ':' or an unquoted special character) [yaml-syntax]"]);
    const stray = shown((d) => parseYaml(yamlFile('- a\nb: 1\n'), d));
    expect(stray.sv[0]).toContain("YAML-fel: oväntad text: raden hör inte till något (indrag eller ett saknat ':'?). Rätta raden");
    expect(stray.en[0]).toContain("YAML syntax: unexpected text: the line belongs to nothing (indentation or a missing ':'?); fix the line");
    const quote = shown((d) => parseYaml(yamlFile('"a\n'), d));
    expect(quote.sv[0]).toContain('YAML-fel: en text saknar sitt avslutande citattecken. Rätta raden');
    expect(quote.en[0]).toContain('YAML syntax: a text lacks its closing quote; fix the line');
  });

  it('one it does not know: js-yaml’s own words, quoted in Swedish', () => {
    const { sv, en } = shown((d) => parseYaml(yamlFile('a: !okand b\n'), d));
    expect(sv[0]).toContain('YAML-fel: "unknown scalar tag !<!okand>". Rätta raden');
    expect(en[0]).toContain('YAML syntax: unknown scalar tag !<!okand>; fix the line');
  });
});

describe("Handlebars' syntax errors come from the catalogue, in the author's language", () => {
  it('something where it cannot stand, by the name an author gives it', () => {
    const { sv, en } = shown((d) => parseTemplate(chapter('Text {{kronor a b c=}} här.\n'), d));
    expect(sv).toEqual(["content/01-a.md:1:6: fel: mallfel: oväntat '}}' i ett uttryck. Kontrollera att varje '{{' har sitt '}}' och varje '{{#block}}' sitt '{{/block}}' [template-syntax]"]);
    expect(en).toEqual(["content/01-a.md:1:6: error: template syntax: unexpected '}}' in an expression; check that every '{{' has its '}}' and every '{{#block}}' its '{{/block}}' [template-syntax]"]);
    const quote = shown((d) => parseTemplate(chapter('{{a "b}}\n'), d));
    expect([quote.sv[0], quote.en[0]]).toEqual([expect.stringContaining('mallfel: oväntat tecken i ett uttryck.'), expect.stringContaining('template syntax: unexpected character in an expression;')]);
    // A token the catalogue has no name for: Handlebars' own, in small letters.
    const other = shown((d) => parseTemplate(chapter('{{a b}} {{c d e}}}\n'), d));
    expect([other.sv[0], other.en[0]]).toEqual([expect.stringContaining('mallfel: oväntat close_unescaped i ett uttryck.'), expect.stringContaining('template syntax: unexpected close unescaped in an expression;')]);
  });

  it("a check's message that does not parse says so in the same words", () => {
    const where = { file: 'data/kontroller.yaml', point: { line: 3, column: 16 }, at: (offset: number) => ({ line: 3, column: 16 + offset }) };
    const { sv, en } = shown((d) => compileMessage('Medlen är {{kronor uppdrag.medel}', where, Handlebars.create(), d));
    expect(sv).toEqual(["data/kontroller.yaml:3:39: fel: kontrollens meddelande går inte att läsa: oväntat tecken i ett uttryck. Kontrollera att varje '{{' har sitt '}}' och varje '{{#block}}' sitt '{{/block}}' [check-message]"]);
    expect(en).toEqual(["data/kontroller.yaml:3:39: error: the check's message does not parse: unexpected character in an expression; check that every '{{' has its '}}' and every '{{#block}}' its '{{/block}}' [check-message]"]);
  });

  it('a block left open, and one closed by another name', () => {
    const open = shown((d) => parseTemplate(chapter('{{#each a}}\ntext\n'), d));
    expect(open.sv[0]).toContain('mallfel: filen tar slut inuti ett öppet {{#block}}.');
    expect(open.en[0]).toContain('template syntax: the file ends inside an open {{#block}};');
    const mismatch = shown((d) => parseTemplate(chapter('{{#each a}}\ntext\n{{/if}}\n'), d));
    expect(mismatch.sv[0]).toContain("mallfel: ett block avslutas med fel namn (each doesn't match if).");
    expect(mismatch.en[0]).toContain("template syntax: a block is closed with the wrong name (each doesn't match if);");
  });
});
