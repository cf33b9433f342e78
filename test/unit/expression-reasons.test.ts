import { describe, expect, it } from 'vitest';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { compileExpression, reportFailure } from '../../src/model/expressions.js';
import { fileLocation } from '../../src/model/located.js';

const where = fileLocation('data/berakning.yaml', { line: 3, column: 8 });

/** The diagnostics of an expression that does not parse, or of a failure the sandbox sent back, in both languages. */
function shown(report: (d: Diagnostics) => void): { sv: string[]; en: string[] } {
  const diagnostics = new Diagnostics();
  report(diagnostics);
  return { sv: diagnostics.list.map((d) => formatDiagnostic(d, 'sv')), en: diagnostics.list.map((d) => formatDiagnostic(d, 'en')) };
}

describe("JSONata's reasons come from the catalogue, in the author's language", () => {
  it('a syntax error', () => {
    const { sv, en } = shown((d) => compileExpression('$sum(insatser.kostnad', where, d));
    expect(sv).toEqual(["data/berakning.yaml:3:8: fel: uttrycket '$sum(insatser.kostnad' går inte att läsa: ')' saknas före uttryckets slut. Rätta det (JSONata, se README) [expression-syntax]"]);
    expect(en).toEqual(["data/berakning.yaml:3:8: error: the expression '$sum(insatser.kostnad' does not parse: ')' is missing before the end of the expression; correct it (JSONata, see the README) [expression-syntax]"]);
  });

  it('a failure with a code the catalogue words, one of the date functions, and one it does not know', () => {
    const expr = { text: '$sum(rapport.titel)', where };
    expect(shown((d) => reportFailure(expr, { code: 'T0412', token: 'sum', index: 1, message: 'Argument 1 of function "sum" must be an array of number' }, d)).en[0]).toContain('failed: argument 1 of $sum() must be a list [expression-failed]');
    const date = shown((d) => reportFailure(expr, { code: 'date', token: 'ar', index: 1, value: { kind: 'number', text: '2024' }, message: '' }, d));
    expect(date.sv[0]).toContain('argument 1 till $ar() ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM, men är talet 2024');
    expect(date.en[0]).toContain('argument 1 of $ar() must be a date that exists, written YYYY-MM-DD or YYYY-MM, but is the number 2024');
    const other = shown((d) => reportFailure(expr, { code: 'X9999', message: 'Something new' }, d));
    expect(other.sv[0]).toContain('gick inte att beräkna: JSONata säger "Something new"');
    expect(other.en[0]).toContain('failed: JSONata says "Something new"');
  });
});
