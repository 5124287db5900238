import { describe, expect, it } from 'vitest';
import { matchExpression, MAX_SEARCH_WORDS } from './match.js';

describe('a search typed by a visitor', () => {
  it('becomes quoted plain words, all required, the last as a prefix', () => {
    expect(matchExpression('career coach')).toBe('"career" "coach"*');
    expect(matchExpression('  Résumé ')).toBe('"Résumé"*');
  });

  it('never carries FTS5 syntax: quotes, stars, operators, columns and brackets are separators or words', () => {
    expect(matchExpression('"coach')).toBe('"coach"*');
    expect(matchExpression('coach*')).toBe('"coach"*');
    expect(matchExpression('NEAR(a b)')).toBe('"NEAR" "a" "b"*');
    expect(matchExpression('name:yoga OR -x ^y')).toBe('"name" "yoga" "OR" "x" "y"*');
  });

  it('is nothing at all when nothing is a word, and keeps the first words of a long search', () => {
    expect(matchExpression('"*^()')).toBeUndefined();
    expect(matchExpression('')).toBeUndefined();
    const long = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(matchExpression(long)!.split(' ')).toHaveLength(MAX_SEARCH_WORDS);
  });
});
