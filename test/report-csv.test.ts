import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../src/report/csv.js';

describe('CSV formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x")'],
    ['+1+1'],
    ['-2+3'],
    ['@SUM(A1)'],
    [' =1+1'],
    ['\t=1+1'],
    ['  @x'],
    ['\u00a0=1'],
    ['\uff1d1+1'],
    ['\tname'],
    ['\rname'],
    ['\nname'],
  ])('prefixes %j with a quote mark', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each([['Bakkerij Jansen'], ['a=b'], ['small shops - north'], ['']])('leaves %j alone', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('quotes a neutralised cell in both dialects and keeps numbers as numbers', () => {
    expect(toCsv([[' =1+1', -3.5]], 'rfc4180')).toBe('"\' =1+1",-3.5\r\n');
    expect(toCsv([['@x', -3.5]], 'excel-nl')).toBe('\uFEFF"\'@x";-3,5\r\n');
  });
});
