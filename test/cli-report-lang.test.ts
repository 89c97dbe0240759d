import { describe, expect, it } from 'vitest';
import { feeCurveText } from '../src/report/feeCurveText.js';
import { formatHistogram } from '../src/report/histogramText.js';
import { en } from '../src/report/i18n/en.js';
import { langOfLocale } from '../src/report/i18n/lang.js';
import { nl } from '../src/report/i18n/nl.js';
import { numberStyle } from '../src/report/i18n/numbers.js';
import { textStyle } from '../src/report/i18n/textStyle.js';
import { fairfee, withLocale } from './helpers/cli.js';

/*
 * --lang nl (and LANG=nl_* without it): the terminal text in Dutch, JSON unchanged; the
 * terminal fee curve of compare, coloured only on request; histogram labels with negatives.
 */

const COMMON = ['--trials', '1000', '--seed', '7', '--workers', '1', '--quiet'];
/** Whether text holds an ANSI escape sequence (the start of one: ESC then [). */
const hasAnsi = (text: string) => text.includes('\u001b[');

/** The keys of a catalogue, nested, as paths. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('languages', () => {
  it('the Dutch catalogue has every key the English one has (the types say so; this says it at run time too)', () => {
    expect(keyPaths(nl).sort()).toEqual(keyPaths(en).sort());
  });

  it.each([
    ['nl_NL.UTF-8', 'nl'],
    ['nl_BE', 'nl'],
    ['nl', 'nl'],
    ['en_US.UTF-8', 'en'],
    ['C', 'en'],
    [undefined, 'en'],
  ] as const)('LANG=%s reads as %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });

  it('Dutch numbers: € 88,57 and 12,5%', () => {
    const n = numberStyle('nl');
    expect(n.money(88.5712, 'EUR')).toBe('€\u00a088,57');
    expect(n.percent(0.125)).toBe('12,5%');
    expect(n.number(1234.5, 2)).toBe('1.234,50');
  });

  it('compare --lang nl speaks Dutch; its JSON is the same as without', async () => {
    const text = await fairfee(['compare', 'scenarios/webagency.yaml', ...COMMON, '--lang', 'nl']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('51 klanten, looptijd 12 maanden, 1.000 gesimuleerde looptijden, seed 7');
    expect(text.stdout).toContain('P(verlies)');
    expect(text.stdout).toContain('Prijscurve');
    const dutch = await fairfee(['compare', 'scenarios/webagency.yaml', ...COMMON, '--lang', 'nl', '--json']);
    const english = await fairfee(['compare', 'scenarios/webagency.yaml', ...COMMON, '--json']);
    expect(dutch.stdout).toBe(english.stdout);
  });

  it('availability --lang nl: Dutch words and decimal commas; English unchanged', async () => {
    const dutch = await fairfee(['availability', 'scenarios/hosting-sla.yaml', ...COMMON, '--lang', 'nl']);
    expect(dutch.status, dutch.stderr).toBe(0);
    expect(dutch.stdout).toMatch(/beloofd 99,5% +P\(maand eronder\) \d+,\d+% ± \d+,\d+%/);
    const english = await fairfee(['availability', 'scenarios/hosting-sla.yaml', ...COMMON]);
    expect(english.stdout).toMatch(/promised 99\.5% +P\(month below\) \d+\.\d+% ± \d+\.\d+%/);
  });

  it('LANG=nl_NL.UTF-8 without --lang gives Dutch; --lang en wins over it', async () => {
    const dutch = await withLocale('nl_NL.UTF-8', () => fairfee(['breakeven', 'scenarios/webagency.yaml', ...COMMON]));
    expect(dutch.stdout).toContain('Quitteprijs (vast) bij 95,0% zekerheid');
    // The headline's figures in Dutch spelling too: the euro sign before the amount, decimal commas.
    expect(dutch.stdout).toMatch(/zekerheid +€\u00a0\d+,\d\d per klant per maand +\(95%-MC-interval \d+,\d\d – \d+,\d\d\)/);
    expect(dutch.stdout).toMatch(/^basic +vast bedrag, per maand +36 +95,00 /m);
    const english = await withLocale('nl_NL.UTF-8', () => fairfee(['breakeven', 'scenarios/webagency.yaml', ...COMMON, '--lang', 'en']));
    expect(english.stdout).toContain('Break-even flat fee at 95.0% confidence');
    const plain = await withLocale(undefined, () => fairfee(['run', 'scenarios/webagency.yaml', ...COMMON, '--sensitivity-trials', '0']));
    expect(plain.stdout).toContain('Plans (each price in its own unit)');
  });

  it('compare draws the fee curve, without colour when stdout is not a terminal', async () => {
    const result = await fairfee(['compare', 'scenarios/webagency.yaml', ...COMMON]);
    expect(result.stdout).toContain('Fee curve (uniform fee per client per month, EUR)');
    expect(result.stdout).toContain('╯');
    expect(hasAnsi(result.stdout)).toBe(false);
  });

  it('the fee curve is coloured only when asked, and empty for a single fee', () => {
    const row = (fee: number, loss: number) => ({
      fee,
      loss_probability: loss,
      expected_profit: fee * 10 - 900,
      expected_profit_standard_error: 1,
      profit_p05: fee * 10 - 1000,
      value_at_risk: 0,
      expected_shortfall: 0,
      overpay_probability: 0.1,
      margin_per_hour: 1,
    });
    const rows = [row(120, 0), row(80, 0.6), row(100, 0.1)];
    expect(hasAnsi(feeCurveText(rows, 'EUR', true))).toBe(true);
    const plain = feeCurveText(rows, 'EUR', false);
    expect(hasAnsi(plain)).toBe(false);
    expect(plain).toContain('fee from 80.00 (left) to 120.00 (right)');
    expect(feeCurveText([row(100, 0.1)], 'EUR', false)).toBe('');
  });

  it('histogram labels with negative edges read as ranges, not subtractions', () => {
    const text = formatHistogram({ edges: [-9, -7, -5, -3], counts: [1, 2, 1] });
    expect(text).toContain('−9.00 to −7.00');
    expect(text).not.toContain('- -');
    expect(formatHistogram({ edges: [-9, -7, -5], counts: [1, 1] }, undefined, 40, textStyle('nl'))).toContain('−9,00 tot −7,00');
  });
});
