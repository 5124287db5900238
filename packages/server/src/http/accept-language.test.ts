import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from './accept-language.js';

describe('negotiateLanguage (Accept-Language → the language of problem details)', () => {
  it('answers English without a header, or with an empty one', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
  });

  it('matches a regional range by its primary language, whatever its case', () => {
    expect(negotiateLanguage('de-AT')).toBe('de');
    expect(negotiateLanguage('PT-br')).toBe('pt');
    expect(negotiateLanguage('ar-EG,ar;q=0.9')).toBe('ar');
  });

  it('picks the highest q-value, not the first listed', () => {
    expect(negotiateLanguage('en;q=0.5, fr;q=0.9, de;q=0.7')).toBe('fr');
    expect(negotiateLanguage('zh-CN, ja;q=0.8, en;q=0.2')).toBe('ja');
  });

  it('breaks ties by the order the client gave', () => {
    expect(negotiateLanguage('es, pt')).toBe('es');
    expect(negotiateLanguage('pt;q=0.5, es;q=0.5')).toBe('pt');
  });

  it('never answers in a language refused with q=0', () => {
    expect(negotiateLanguage('de;q=0, fr;q=0.1')).toBe('fr');
    expect(negotiateLanguage('en;q=0, *;q=0.1')).toBe('de');
  });

  it('reads * as any language, English first, after the ones named', () => {
    expect(negotiateLanguage('*')).toBe('en');
    expect(negotiateLanguage('ko, *;q=0.5')).toBe('en');
    expect(negotiateLanguage('*;q=0.9, ja;q=0.8')).toBe('en');
  });

  it('falls back to English for unsupported languages and skips junk entries', () => {
    expect(negotiateLanguage('zh-CN, ko;q=0.9')).toBe('en');
    expect(negotiateLanguage('!!!, <script>, de;q=abc, fr;q=2')).toBe('en');
    expect(negotiateLanguage('nonsense-header-value-that-is-way-too-long, ja')).toBe('ja');
    expect(negotiateLanguage(`${'x,'.repeat(5000)}de`)).toBe('en'); // bounded: only the first 1 KiB is read
  });
});
