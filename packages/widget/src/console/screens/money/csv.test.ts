import { expect } from '@open-wc/testing';
import { csvField, majorUnits, toCsv } from './csv.js';

describe('console CSV', () => {
  it('quotes fields with commas, quotes and line breaks as RFC 4180 says, rows ending in CRLF', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'plain']])).to.equal('"a,b","say ""hi""","two\nlines",plain\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://evil")')).to.equal(`"'=HYPERLINK(""http://evil"")"`);
    expect(['+1', '-1', '@SUM(A1)', '\tx'].map(csvField)).to.deep.equal(["'+1", "'-1", "'@SUM(A1)", "'\tx"]);
    expect(csvField(-12.5)).to.equal('-12.5');
  });

  it('writes amounts in the currency’s own digits', () => {
    expect(majorUnits(9050, 'EUR')).to.equal(90.5);
    expect(majorUnits(9000, 'JPY')).to.equal(9000);
  });
});
