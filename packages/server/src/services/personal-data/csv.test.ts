import { describe, expect, it } from 'vitest';
import { csvCell, csvChunks, csvRow } from './csv.js';

describe('CSV cells', () => {
  it('quotes text and doubles the quotes inside, so commas and line breaks stay in their cell', () => {
    expect(csvRow(['Ada, "the first"', 'line one\r\nline two', 42, null, true])).toBe('"Ada, ""the first""","line one\r\nline two",42,,true\r\n');
  });

  it('neutralises what a spreadsheet would run as a formula with a leading apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}HYPERLINK("http://evil")`)).toBe(`"'${start}HYPERLINK(""http://evil"")"`);
    expect(csvCell('Grace = kind')).toBe('"Grace = kind"');
  });

  it('keeps non-ASCII text as it is (UTF-8)', () => {
    expect(csvCell('Zoë Åström 東京')).toBe('"Zoë Åström 東京"');
  });

  it('writes the header, then the rows of every page', async () => {
    async function* pages() {
      yield [{ n: 'a' }];
      yield [];
      yield [{ n: 'b' }, { n: '=c' }];
    }
    let out = '';
    for await (const chunk of csvChunks({ header: ['name'], cells: (r: { n: string }) => [r.n] }, pages())) out += chunk;
    expect(out).toBe('"name"\r\n"a"\r\n"b"\r\n"\'=c"\r\n');
  });
});
