import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { compileExpression } from '../../src/model/expressions.js';
import { fileLocation } from '../../src/model/located.js';

/** The rule ids an expression gets when its context binds `variables`. */
function problems(text: string, variables: readonly string[]): string[] {
  const diagnostics = new Diagnostics();
  compileExpression(text, fileLocation('data/kontroller.yaml'), diagnostics, variables);
  return diagnostics.list.map((d) => d.ruleId);
}

describe('a variable nothing binds is an error when the expression is read', () => {
  it.each([
    '$sum(a.b)',
    '($x := 1; $x + $data.y)',
    '$map(a, function($v, $i) { $v + $i })',
    'a@$e.b#$i[$i > 0].c',
    '$$.a',
    '$.a',
    '$dagarMellan(a, b) > 0 and $ar(a) = 2024',
    '$sort(a, function($l, $r) { $l.x > $r.x })',
    'a ~> $map(function($q) { $q })',
    '$nyckel = "2024"',
  ])('%s binds or calls only what is there', (text) => {
    expect(problems(text, ['data', 'nyckel'])).toEqual([]);
  });

  it.each(['$key = "2024"', '$sum(a) + $summa', '($x := 1; $y)', '$nyckel = "2024"'])('%s reads a variable nothing gives', (text) => {
    expect(problems(text, ['data'])).toEqual(['expression-unknown-variable']);
  });

  it('without the names of its context, an expression is not checked for them', () => {
    expect(problems('$key = 1', [])).toEqual(['expression-unknown-variable']);
    const diagnostics = new Diagnostics();
    compileExpression('$key = 1', fileLocation('data/berakning.yaml'), diagnostics);
    expect(diagnostics.list).toEqual([]);
  });
});
