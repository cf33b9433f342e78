import { describe, expect, it } from 'vitest';
import {
  countInWords,
  dateInWords,
  decimal,
  groupDigits,
  joinList,
  kronor,
  millions,
  millionsInWords,
  thousands,
} from '../../src/format/swedish.js';
import { amountMatches } from '../../src/check/rules/prose-amounts.js';

const S = '\u00a0';

describe('Swedish number formatting', () => {
  it('groups digits in threes with a no-break space', () => {
    expect(groupDigits(3400000)).toBe(`3${S}400${S}000`);
    expect(groupDigits(650)).toBe('650');
    expect(groupDigits(32217058)).toBe(`32${S}217${S}058`);
    expect(groupDigits(-1500)).toBe(`−1${S}500`);
  });
  it('writes decimals with a comma and drops all-zero decimals', () => {
    expect(decimal(19.35, 2)).toBe('19,35');
    expect(decimal(20, 2)).toBe('20');
    expect(decimal(1234.5, 1)).toBe(`1${S}234,5`);
  });
  it('kronor, mnkr/mkr and tkr', () => {
    expect(kronor(3400000)).toBe(`3${S}400${S}000${S}kronor`);
    expect(millions(19350000, 2, 'mkr')).toBe(`19,35${S}mkr`);
    expect(millions(12867058, 2, 'mkr')).toBe(`12,87${S}mkr`);
    expect(millions(32217058, 1, 'mnkr')).toBe(`32,2${S}mnkr`);
    expect(thousands(650000, 0)).toBe(`650${S}tkr`);
  });
  it('millions in words, rounded as asked', () => {
    const base = { decimals: 0, currency: true } as const;
    expect(millionsInWords(32217058, { ...base, rounding: 'narmast' })).toBe(`32${S}miljoner kronor`);
    expect(millionsInWords(12867058, { ...base, rounding: 'ned', currency: false })).toBe(`12${S}miljoner`);
    expect(millionsInWords(12867058, { ...base, rounding: 'narmast' })).toBe(`13${S}miljoner kronor`);
    expect(millionsInWords(12867058, { ...base, rounding: 'upp' })).toBe(`13${S}miljoner kronor`);
    expect(millionsInWords(1000000, { ...base, rounding: 'narmast' })).toBe(`1${S}miljon kronor`);
    expect(millionsInWords(55000000, { ...base, rounding: 'narmast' })).toBe(`55${S}miljoner kronor`);
  });
  it('counts in words up to twelve, digits above', () => {
    expect([0, 1, 2, 7, 9, 10, 12].map((n) => countInWords(n))).toEqual(['noll', 'ett', 'två', 'sju', 'nio', 'tio', 'tolv']);
    expect(countInWords(1, 'en')).toBe('en');
    expect(countInWords(13)).toBe('13');
    expect(countInWords(34)).toBe('34');
  });
  it('dates in running text, month names in lower case', () => {
    expect(dateInWords('2018-03-22')).toBe('22 mars 2018');
    expect(dateInWords('2020-03-31')).toBe('31 mars 2020');
    expect(dateInWords('2018-04-05')).toBe('5 april 2018');
    expect(dateInWords('2018-02')).toBe('februari 2018');
    expect(() => dateInWords('22 mars 2018')).toThrow();
  });
  it('joins lists with "och"', () => {
    expect(joinList(['A'])).toBe('A');
    expect(joinList(['A', 'B', 'C'])).toBe('A, B och C');
  });
});

describe('amounts in prose, at the precision written', () => {
  it('plain and cirka figures round to nearest', () => {
    expect(amountMatches(32217058, 32e6, 1e6, 'cirka')).toBe(true);
    expect(amountMatches(19350000, 19.35e6, 1e4, undefined)).toBe(true);
    expect(amountMatches(19350000, 19.36e6, 1e4, undefined)).toBe(false);
    expect(amountMatches(650000, 650e3, 1e3, undefined)).toBe(true);
  });
  it('drygt means a little more, knappt a little less', () => {
    expect(amountMatches(12867058, 12e6, 1e6, 'drygt')).toBe(true);
    expect(amountMatches(11900000, 12e6, 1e6, 'drygt')).toBe(false);
    expect(amountMatches(11900000, 12e6, 1e6, 'knappt')).toBe(true);
    expect(amountMatches(12100000, 12e6, 1e6, 'knappt')).toBe(false);
  });
});
