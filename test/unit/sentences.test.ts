import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../src/language/text.js';

/** The word counts of a text's sentences. */
const lengths = (text: string): number[] => sentencesOf(text).map((s) => s.words.length);

describe('sentences: a number before a full stop', () => {
  it('a year before a full stop and a capital ends the sentence: the minimal pair is 20 + 16 words, not 36', () => {
    const first = 'Myndigheten skickade en enkät till kommunerna och samlade in svaren under våren, så att bilden var klar i maj 2023.';
    const second = 'Utvärderingen av arbetet gjordes av en extern part, som lämnade sin rapport under hösten samma år.';
    expect(lengths(first)).toEqual([20]);
    expect(lengths(second)).toEqual([16]);
    expect(lengths(`${first} ${second}`)).toEqual([20, 16]);
    const [, after] = sentencesOf(`${first} ${second}`);
    expect(after?.start).toBe(first.length + 1);
  });

  it('so do other numbers: an amount, a table number, a date, a reference', () => {
    expect(lengths('Mest fick Region Stockholm, 13 605 000. Det var en fjärdedel.')).toEqual([5, 4]);
    expect(lengths('Kostnaderna visas i tabell 2. Den största posten var personal.')).toEqual([5, 5]);
    expect(lengths('Beslutet kom den 30 mars 2020. Nästa steg tas i höst.')).toEqual([6, 5]);
    expect(lengths('Se SOU 2019:6. Där finns mer.')).toEqual([4, 3]);
  });

  // A number counts as a word, the list's `1.` too.
  it('an ordinal does not: a list written in a paragraph, a numbered heading', () => {
    expect(lengths('Arbetet har två steg: 1. Kartlägga behoven. 2. Föreslå åtgärder.')).toEqual([7, 3]);
    expect(lengths('1. Inledning och bakgrund')).toEqual([4]);
    expect(lengths('2.1. Bakgrund till uppdraget')).toEqual([4]);
  });

  it('nor does an abbreviation the list knows, or an initial', () => {
    expect(lengths('Detta gäller bl.a. Region Skåne och t.ex. Region Stockholm.')).toEqual([11]);
    expect(lengths('Rapporten skrevs av A. Svensson i år.')).toEqual([7]);
  });
});
