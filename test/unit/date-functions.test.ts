import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { guardBindings } from '../../src/model/expressions.js';

/** Evaluates an expression as the sandbox does: with the report's own functions bound. */
const run = (text: string, input: unknown = {}): Promise<unknown> => jsonata(text).evaluate(input, guardBindings({}));

describe('the date functions of the report\'s expressions', () => {
  it('$dagarMellan counts whole days from the first date to the second, across months, leap days and backwards', async () => {
    expect(await run('$dagarMellan("2024-03-01", "2024-03-20")')).toBe(19);
    expect(await run('$dagarMellan("2024-02-28", "2024-03-01")')).toBe(2);
    expect(await run('$dagarMellan("2023-02-28", "2023-03-01")')).toBe(1);
    expect(await run('$dagarMellan("2025-01-10", "2024-12-31")')).toBe(-10);
    // Daylight saving time changes nothing: 2024-03-31 is a day like any other.
    expect(await run('$dagarMellan("2024-03-30", "2024-04-01")')).toBe(2);
  });

  it('$ar and $manad take a date or a month; $plusDagar counts forward and back', async () => {
    expect(await run('$ar("2024-03-01")')).toBe(2024);
    expect(await run('$ar("2025-11")')).toBe(2025);
    expect(await run('$manad("2024-03-01")')).toBe(3);
    expect(await run('$plusDagar("2024-02-15", 30)')).toBe('2024-03-16');
    expect(await run('$plusDagar("2024-01-01", -1)')).toBe('2023-12-31');
    expect(Array.from((await run('$map(milstolpar, function($m) { $dagarMellan($m.planerat, $m.faktiskt) })', { milstolpar: [{ planerat: '2024-01-01', faktiskt: '2024-01-31' }, { planerat: '2024-06-01', faktiskt: '2024-05-30' }] })) as number[])).toEqual([30, -2]);
  });

  it('a missing argument gives nothing, as JSONata\'s own functions do', async () => {
    expect(await run('$dagarMellan("2024-03-01", faktiskt)')).toBeUndefined();
    expect(await run('$ar(saknas)')).toBeUndefined();
  });

  it('an argument that is not a real date stops the expression with its code, the function and the argument', async () => {
    await expect(run('$dagarMellan("2024-02-30", "2024-03-01")')).rejects.toMatchObject({ code: 'date', token: 'dagarMellan', index: 1, value: { kind: 'text', text: '2024-02-30' } });
    await expect(run('$dagarMellan("2024-03-01", 20240301)')).rejects.toMatchObject({ code: 'date', index: 2, value: { kind: 'number' } });
    await expect(run('$ar("2024")')).rejects.toMatchObject({ code: 'date', token: 'ar' });
    await expect(run('$plusDagar("2024-03-01", 1.5)')).rejects.toMatchObject({ code: 'days', token: 'plusDagar', index: 2 });
    await expect(run('$plusDagar("9999-12-31", 1)')).rejects.toMatchObject({ code: 'days' });
  });
});
