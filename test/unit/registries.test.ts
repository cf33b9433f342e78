import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS } from '../../src/figures/kinds/registry.js';
import { CELL_FORMATS } from '../../src/model/cell-formats.js';
import { OUTPUTS } from '../../src/write/outputs/registry.js';
import { TEXTS } from '../../src/messages/catalogue.js';

const schema = (name: string): Record<string, any> => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../schemas', `${name}.schema.json`), 'utf8'));

describe('the schemas and the maps name the same things', () => {
  it('a column format in tabeller.schema.json is a key of CELL_FORMATS, and each key is in the schema', () => {
    expect([...schema('tabeller')['$defs'].formatnamn.enum].sort()).toEqual(Object.keys(CELL_FORMATS).sort());
  });

  it('a chart kind in figurer.schema.json is a key of CHART_KINDS, and each key is in the schema', () => {
    expect([...schema('figurer').additionalProperties.properties.diagram.properties.typ.enum].sort()).toEqual(Object.keys(CHART_KINDS).sort());
  });

  it("a chart's value format is one of the numeric cell formats", () => {
    const numeric = Object.entries(CELL_FORMATS).filter(([, f]) => f.numeric).map(([name]) => name);
    expect([...schema('figurer').additionalProperties.properties.diagram.properties.format.enum].sort()).toEqual(numeric.sort());
  });
});

describe('the outputs', () => {
  it('have names of their own, the page last, and each --no-<name> a text in the catalogue', () => {
    const names = OUTPUTS.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.at(-1)).toBe('page');
    for (const output of OUTPUTS) if (output.option) expect(Object.hasOwn(TEXTS, output.option), output.name).toBe(true);
  });
});
