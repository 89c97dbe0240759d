import { describe, expect, it } from 'vitest';
import type { BacktestResult, BacktestRow } from '../src/analysis/backtest/backtest.js';
import { verdictOf } from '../src/analysis/backtest/verdict.js';
import { type FormOutcome, type FormsAdvice, type FormsResult, formsAdviceText, recommend } from '../src/analysis/forms.js';
import type { RunIdentity } from '../src/analysis/runReport.js';
import type { SlaResult } from '../src/analysis/sla.js';
import { adviceFrom, sensitivityAdvice, type TornadoRow } from '../src/analysis/tornado.js';
import { backtestText } from '../src/report/backtestText.js';
import { formsText } from '../src/report/formsText.js';
import { en } from '../src/report/i18n/en.js';
import { nl } from '../src/report/i18n/nl.js';
import { textStyle } from '../src/report/i18n/textStyle.js';
import { slaText } from '../src/report/slaText.js';
import { fairfee, withLocale } from './helpers/cli.js';

/*
 * The terminal text of forms, backtest, sla, run's uptime credits and the studies' advice under
 * --lang nl: Dutch words, no sentence of the English catalogue, decimal commas; and English as
 * main printed it. The fixed results below are rendered by the renderers directly, so a change
 * to the engine's numbers does not move them; MAIN_* is what main's renderers printed for them.
 */

const NL = textStyle('nl');
const QUICK = ['--seed', '3', '--workers', '1', '--quiet'];

/** `fairfee ARGS` in English whatever the machine's locale. */
const english = (args: readonly string[]) => withLocale(undefined, () => fairfee(args));

/** A hole a message's argument leaves in its text: the literal words around it are the catalogue's own. */
const HOLE = '\u0000';
const probe: unknown = new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => HOLE : HOLE) });

/** The literal words of a catalogue section: its strings, and its messages' text around their arguments. */
function literals(section: object): string[] {
  return Object.values(section).flatMap((value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    if (typeof value === 'function') return String((value as (a: unknown) => unknown)(probe)).split(HOLE);
    return value !== null && typeof value === 'object' ? literals(value) : [];
  });
}

/** The English phrases of a section worth looking for in Dutch text: at least eight characters and one real word. */
function englishPhrases(section: object): string[] {
  return [...new Set(literals(section).map((text) => text.trim()))].filter((text) => text.length >= 8 && /[a-z]{3,}/i.test(text));
}

/** The phrases of the English section that a text still holds. */
const leftovers = (text: string, section: object) => englishPhrases(section).filter((phrase) => text.includes(phrase));

const IDENTITY: RunIdentity = { scenario: 'Demo', clients: 12, term_months: 12, trials: 2000, seed: '7', currency: 'EUR' };

const SLA: SlaResult = {
  plans: [
    {
      plan: 'plus',
      clients: 8,
      responseHours: 4,
      coverage: 'business',
      priority: 2,
      requestsPerTerm: 300,
      breachProbability: 0.0123,
      breachProbabilityStandardError: 0.0004,
      clientMonthBreachProbability: 0.081,
      responseHoursP50: 0,
      responseHoursP90: 0.3,
      responseHoursP95: 1.25,
      expectedPenaltyPerClientMonth: 1234.5,
      expectedPenaltyStandardError: 0.1,
    },
    {
      plan: 'care',
      clients: 4,
      responseHours: 0.5,
      coverage: '24x7',
      priority: 1,
      requestsPerTerm: 100,
      breachProbability: Number.NaN,
      breachProbabilityStandardError: 0,
      clientMonthBreachProbability: 0,
      responseHoursP50: Number.NaN,
      responseHoursP90: 0.75,
      responseHoursP95: 2,
      expectedPenaltyPerClientMonth: 0,
      expectedPenaltyStandardError: 0,
    },
  ],
  team: { people: 1, utilisation: 0.345, onCallPeople: 1, onCallUtilisation: 0.044, onCallCostPerMonth: 1600, aroundTheClock: false },
  staffing: [
    {
      people: 1,
      utilisation: 0.345,
      plans: [
        { plan: 'plus', breachProbability: 0.0123, breachProbabilityStandardError: 0.0004, expectedPenaltyPerClientMonth: 1234.5 },
        { plan: 'care', breachProbability: 0.2, breachProbabilityStandardError: 0.01, expectedPenaltyPerClientMonth: 3 },
      ],
    },
    {
      people: 2,
      utilisation: 0.1725,
      plans: [
        { plan: 'plus', breachProbability: 0, breachProbabilityStandardError: 0, expectedPenaltyPerClientMonth: 0 },
        { plan: 'care', breachProbability: 0.1, breachProbabilityStandardError: 0.01, expectedPenaltyPerClientMonth: 2.5 },
      ],
    },
  ],
  maxBreach: 0.05,
  smallestTeam: [
    { plan: 'plus', people: 1 },
    { plan: 'care', people: null },
  ],
};

/** A backtest row with its ratio and intervals from the hours. */
function backtestRow(client: string, window: number, matchedBy: 'name' | 'plan', actual: number, expected: number, pit: number): BacktestRow {
  return {
    client,
    matchedTo: matchedBy === 'name' ? client : 'basic',
    matchedBy,
    window,
    windowLabel: '',
    tickets: 10,
    actualHours: actual,
    expectedHours: expected,
    actualToExpected: expected > 0 ? actual / expected : Number.NaN,
    pit,
    interval50: [expected * 0.8, expected * 1.2],
    interval90: [expected * 0.5, expected * 1.6],
    actualNetCost: actual * 50,
    expectedNetCost: expected * 50,
    netCostPit: pit,
  };
}

const BACKTEST: BacktestResult = {
  history: 'tickets.csv',
  trials: 1500,
  termMonths: 12,
  windows: [
    {
      index: 1,
      firstMonth: 2023 * 12,
      lastMonth: 2023 * 12 + 11,
      label: '2023-01 to 2023-12',
      clients: 2,
      actualHours: 30,
      expectedHours: 28,
      actualNetCost: 1500,
      expectedNetCost: 1400,
      neededFee: 1062.5,
      expectedFee: 58.33,
    },
    {
      index: 2,
      firstMonth: 2024 * 12,
      lastMonth: 2024 * 12 + 11,
      label: '2024-01 to 2024-12',
      clients: 1,
      actualHours: 12,
      expectedHours: 0,
      actualNetCost: 600,
      expectedNetCost: 0,
      neededFee: 50,
      expectedFee: 0,
    },
  ],
  rows: [
    backtestRow('Bakkerij Jansen', 1, 'name', 1234.5, 16, 0.3),
    backtestRow('Kapsalon Bloem', 1, 'plan', 14, 12, 0.9),
    backtestRow('Hotel Zeezicht', 2, 'name', 12, 0, 1),
  ],
  portfolio: {
    clientWindows: 3,
    pitHistogram: [0, 0, 0, 1, 0, 0, 0, 0, 0, 2],
    ksStatistic: 0.4567,
    ksPValue: 0.0004,
    coverage50: 1 / 3,
    coverage90: 2 / 3,
    actualHours: 1260.5,
    expectedHours: 28,
    actualToExpected: 45.02,
    z: 12.345,
    netCostKsPValue: 0.2,
    verdict: verdictOf({ actualToExpected: 45.02, z: 12.345, coverage90: 2 / 3, ksPValue: 0.0004, clientWindows: 3 }),
  },
  scenarioFee: { confidence: 0.95, breakevenFee: 1110.66, breakevenFeeInterval: [100, 120], fairFee: 95.48 },
  droppedMonths: 0,
  warnings: [],
};

/** A form's outcome: a flat plan's figures unless given. */
function outcome(fields: Partial<FormOutcome>): FormOutcome {
  return {
    form: 'Basis',
    kind: 'flat',
    price_unit: 'per month',
    breakeven_price: 51.94,
    breakeven_price_interval: [50, 54],
    fair_price: 45,
    evaluated_at: 95,
    price_stated: true,
    client_monthly_payment: 171.05,
    client_premium_per_month: -35.5,
    client_overpay_probability: 0.184,
    breakage_hours: 0,
    deferred_hours: 0,
    agency_loss_probability: 0,
    agency_expected_profit_per_client_month: 54.76,
    recurring_share: 0.54,
    revenue_cv_monthly: 0.14,
    ...fields,
  };
}

const HOURLY = outcome({ form: 'hourly', kind: 'hourly', price_unit: 'per hour', client_monthly_payment: 100, agency_loss_probability: 0.3 });
/** Three segments, one per kind of advice: a cheaper form, no safe form, the plan now cheaper but not safe. */
const SEGMENTS = [
  {
    segment: 'vast',
    clients: 1,
    plan: 'Basis',
    forms: [
      outcome({}),
      outcome({
        form: 'bundle of 12.5 hours',
        kind: 'bundle',
        price_unit: 'per 12.5-hour card',
        breakeven_price: 1960.55,
        evaluated_at: 1960.55,
        price_stated: false,
        client_monthly_payment: 140.2,
        breakage_hours: 2.46,
        recurring_share: 1,
      }),
      HOURLY,
      outcome({
        form: 'Per wijziging',
        kind: 'per_request',
        price_unit: 'x price list',
        client_monthly_payment: 1400.5,
        agency_loss_probability: 0.01,
        revenue_cv_monthly: Number.NaN,
      }),
    ],
  },
  {
    segment: 'rustig',
    clients: 3,
    plan: 'Basis',
    forms: [outcome({ agency_loss_probability: 0.2 }), outcome({ form: 'cheap', client_monthly_payment: 2500, agency_loss_probability: 0.5 })],
  },
  { segment: 'los', clients: 2, plan: 'hourly', forms: [HOURLY, outcome({ client_monthly_payment: 2171.05 })] },
];
const FORMS: FormsResult = {
  confidence: 0.95,
  candidates: 'defaults',
  segments: SEGMENTS.map((s) => ({ ...s, recommendation: recommend(s.forms, s.plan, 0.95, 'EUR') })),
};

const MAIN_SLA = [
  'Demo: 12 clients, 12-month term, 2,000 simulated terms, seed 7',
  '',
  "Response-time promises (response on the plan's clock: business hours, or all hours for 24x7)",
  'plan  promise                           P(breach)  P(month with breach)     p50       p90     p95  penalty/client-month',
  '----  ---------------------------  --------------  --------------------  ------  --------  ------  --------------------',
  'plus  4.00 h business, priority 2  1.23% ± 0.040%                  8.1%  0.00 h  18.0 min  1.25 h          EUR 1,234.50',
  'care  30.0 min 24x7, priority 1                 –                  0.0%       –  45.0 min  2.00 h              EUR 0.00',
  '',
  'Team: 1 person in business hours, utilisation 34.5%',
  'On call: 1 after hours for 24x7 plans, EUR 1,600.00 a month, utilisation 4.4%',
  '',
  'Staffing: the same requests served by other team sizes',
  'people  utilisation  plus P(breach)  plus penalty/cm   care P(breach)  care penalty/cm',
  '------  -----------  --------------  ---------------  ---------------  ---------------',
  '     1        34.5%  1.23% ± 0.040%     EUR 1,234.50  20.00% ± 1.000%         EUR 3.00',
  '     2        17.3%  0.00% ± 0.000%         EUR 0.00  10.00% ± 1.000%         EUR 2.50',
  '',
  'Smallest team keeping P(breach) under 5.0%:',
  '  plus: 1 person',
  '  care: none of the sizes tried keeps P(breach) under 5.0%',
].join('\n');

const MAIN_BACKTEST = [
  'Backtest of Demo against tickets.csv (1,500 trials per client, seed 7)',
  'window 1: 2023-01 to 2023-12, 2 clients; window 2: 2024-01 to 2024-12, 1 clients',
  '',
  'client           window  held against  actual h  expected h    A/E   PIT  90% interval h',
  '---------------  ------  ------------  --------  ----------  -----  ----  --------------',
  'Bakkerij Jansen       1  by name        1,234.5        16.0  77.16  0.30      8.0 – 25.6',
  'Kapsalon Bloem        1  basic             14.0        12.0   1.17  0.90      6.0 – 19.2',
  'Hotel Zeezicht        2  by name           12.0         0.0      –  1.00       0.0 – 0.0',
  '',
  'Portfolio',
  '  A/E of covered hours   45.02 (1,260.5 h actual, 28.0 h expected, z = 12.35)',
  '  PIT histogram          |   ▄     █| 0 0 0 1 0 0 0 0 0 2 (tenths of [0, 1]; flat is right)',
  '  KS test of uniformity  D = 0.457, p < 0.001',
  '  inside central 50%     33% (50% expected)',
  '  inside central 90%     67% (90% expected)',
  '',
  'Verdict: too optimistic: the scenario expects 98% fewer hours than happened; its rates are too low: run calibrate again.',
  '',
  "What would the fee have been: the scenario's break-even fee is EUR 1,110.66 per client-month at 95% confidence (fair fee EUR 95.48);",
  '  window 1 (2023-01 to 2023-12) needed EUR 1,062.50 per client-month (its actual net cost over 2 clients × 12 months); the scenario expected EUR 58.33 for these clients',
  '  window 2 (2024-01 to 2024-12) needed EUR 50.00 per client-month (its actual net cost over 1 clients × 12 months); the scenario expected EUR 0.00 for these clients',
  '',
  "PIT: where the actual fell in the scenario's distribution for that client (0.5 = its median); A/E: actual / expected.",
].join('\n');

const MAIN_FORMS = [
  'Demo: 12 clients, 12-month term, 2,000 simulated terms, seed 7',
  '',
  'Which form for whom (each segment alone, every form on the same simulated requests; default candidates; break-even at 95.0%)',
  '',
  'vast (1 client, on Basis now; money in EUR)',
  'form                  price unit          break-even      price  client pays/month  premium  P(pays > hourly)  breakage h  P(loss)  profit/client-month  recurring  revenue cv',
  '--------------------  ------------------  ----------  ---------  -----------------  -------  ----------------  ----------  -------  -------------------  ---------  ----------',
  'Basis                 per month                51.94      95.00             171.05   -35.50             18.4%         0.0     0.0%                54.76        54%        0.14',
  'bundle of 12.5 hours  per 12.5-hour card    1,960.55  1,960.55*             140.20   -35.50             18.4%         2.5     0.0%                54.76       100%        0.14',
  'hourly                per hour                 51.94      95.00             100.00   -35.50             18.4%         0.0    30.0%                54.76        54%        0.14',
  'Per wijziging         x price list             51.94      95.00           1,400.50   -35.50             18.4%         0.0     1.0%                54.76        54%         n/a',
  'Advice: bundle of 12.5 hours (bundle at its break-even price) costs them EUR 31 a month less than Basis, their plan now, and still breaks even for you in 100% of terms',
  '',
  'rustig (3 clients, on Basis now; money in EUR)',
  'form   price unit  break-even  price  client pays/month  premium  P(pays > hourly)  breakage h  P(loss)  profit/client-month  recurring  revenue cv',
  '-----  ----------  ----------  -----  -----------------  -------  ----------------  ----------  -------  -------------------  ---------  ----------',
  'Basis  per month        51.94  95.00             171.05   -35.50             18.4%         0.0    20.0%                54.76        54%        0.14',
  'cheap  per month        51.94  95.00           2,500.00   -35.50             18.4%         0.0    50.0%                54.76        54%        0.14',
  'Advice: no form breaks even for you in 95% of terms at its price; Basis comes closest, breaking even in 80% of terms: raise its price to its break-even price',
  '',
  'los (2 clients, on hourly now; money in EUR)',
  'form    price unit  break-even  price  client pays/month  premium  P(pays > hourly)  breakage h  P(loss)  profit/client-month  recurring  revenue cv',
  '------  ----------  ----------  -----  -----------------  -------  ----------------  ----------  -------  -------------------  ---------  ----------',
  'hourly  per hour         51.94  95.00             100.00   -35.50             18.4%         0.0    30.0%                54.76        54%        0.14',
  'Basis   per month        51.94  95.00           2,171.05   -35.50             18.4%         0.0     0.0%                54.76        54%        0.14',
  'Advice: hourly, their plan now, breaks even for you in only 70% of terms at its price; Basis (flat) is the cheapest form that breaks even in 100% of terms, at EUR 2,071 a month more for them',
  '',
  '* at its break-even price (the form states none)',
  "break-even: the lowest price at which the segment alone makes no loss in the confidence level's share of terms, in the form's unit; 'price' is the form's own price where it states one, else this one",
  'client pays/month: price earned, overage and hourly work; premium: that less what the covered work would cost at the hourly rate',
  'P(loss): the agency loses on the segment over the term at the price; revenue cv: how much the monthly revenue swings from term to term',
].join('\n');

describe('forms, backtest and sla text on fixed results', () => {
  it('English is what main printed, byte for byte', () => {
    expect(slaText(IDENTITY, SLA)).toBe(MAIN_SLA);
    expect(backtestText(BACKTEST, 'Demo', 'EUR', '7')).toBe(MAIN_BACKTEST);
    expect(formsText(IDENTITY, FORMS, 'EUR')).toBe(MAIN_FORMS);
    // The Dutch tests below look for these phrases: in English text they are found.
    expect(leftovers(MAIN_FORMS, en.terminal.forms).length).toBeGreaterThan(10);
    expect(leftovers(MAIN_BACKTEST, en.terminal.backtest).length).toBeGreaterThan(10);
    expect(leftovers(MAIN_SLA, en.terminal.sla).length).toBeGreaterThan(10);
  });

  it('sla in Dutch: reactietijd, boete, storingsdienst; hours in u, decimal commas, no English phrase left', () => {
    const text = slaText(IDENTITY, SLA, NL);
    expect(text).toContain('Reactietijdbeloften');
    expect(text).toContain('boete/klantmaand');
    expect(text).toContain('Storingsdienst: 1 buiten kantooruren voor 24x7-plannen, €\u00a01.600,00 per maand, bezetting 4,4%');
    expect(text).toContain('4,00 u kantooruren, prioriteit 2');
    expect(text).toContain('1,23% ± 0,040%');
    expect(text).toContain('Team: 1 persoon in kantooruren, bezetting 34,5%');
    expect(text).toContain('care: geen van de geprobeerde teamgroottes houdt P(overschrijding) onder 5,0%');
    expect(leftovers(text, en.terminal.sla)).toEqual([]);
    // A point between digits is a Dutch thousands mark (1.234,50), never a decimal one.
    expect(text).not.toMatch(/\d\.\d{1,2}(?!\d)/);
  });

  it('backtest in Dutch: the verdict and the fee, months t/m, decimal commas, no English phrase left', () => {
    const text = backtestText(BACKTEST, 'Demo', 'EUR', '7', NL);
    expect(text).toContain('Backtest van Demo tegen tickets.csv (1.500 trekkingen per klant, seed 7)');
    expect(text).toContain('periode 1: 2023-01 t/m 2023-12, 2 klanten; periode 2: 2024-01 t/m 2024-12, 1 klant');
    expect(text).toMatch(/W\/V van de gedekte uren +45,02 \(1\.260,5 u werkelijk, 28,0 u verwacht, z = 12,35\)/);
    expect(text).toContain('D = 0,457, p < 0,001');
    expect(text).toContain('Oordeel: te optimistisch: het scenario verwacht 98% minder uren dan er werden gemaakt');
    expect(text).toContain('de quitteprijs van het scenario is €\u00a01.110,66 per klantmaand bij 95% zekerheid (eerlijke prijs €\u00a095,48)');
    expect(leftovers(text, en.terminal.backtest)).toEqual([]);
    expect(text).not.toContain(BACKTEST.portfolio.verdict.text);
  });

  it('forms in Dutch: strippenkaart, the advice of every kind in Dutch, decimal commas, no English phrase left', () => {
    const text = formsText(IDENTITY, FORMS, 'EUR', NL);
    expect(text).toContain('Welke vorm voor wie');
    expect(text).toContain('per strippenkaart van 12,5 uur');
    expect(text).toContain('1.960,55*');
    expect(text).toContain('× prijslijst');
    expect(text.match(/^Advies: /gm)).toHaveLength(3);
    expect(text).toContain('Advies: bundle of 12.5 hours (strippenkaart tegen de quitteprijs) kost hen €\u00a031 per maand minder dan Basis');
    expect(text).toContain('Advies: geen vorm draait bij zijn prijs in 95% van de looptijden quitte voor u; Basis komt het dichtst bij');
    expect(text).toContain(
      'Basis (vast bedrag) is de goedkoopste vorm die quitte draait, in 100% van de looptijden, voor €\u00a02.071 per maand meer voor hen',
    );
    expect(leftovers(text, en.terminal.forms)).toEqual([]);
    for (const segment of FORMS.segments) expect(text).not.toContain(segment.recommendation.why);
  });
});

describe('the advice, worded from the studies’ facts', () => {
  const ENGLISH_WORDS = /\b(the|them|costs|breaks|terms|price|moves|fee|more|fewer|hours|than)\b/;

  it('forms: English is the JSON’s why; Dutch says each kind of advice without English', () => {
    const kinds: FormsAdvice[] = [
      { kind: 'none-safe', form: 'Basis', confidence: 0.95, breakevenShare: 0.8 },
      { kind: 'cheapest', form: 'Basis', formKind: 'flat', priceStated: true, breakevenShare: 0.97 },
      {
        kind: 'plan-now-unsafe',
        form: 'Kaart',
        formKind: 'bundle',
        priceStated: false,
        breakevenShare: 1,
        plan: 'Los',
        planBreakevenShare: 0.7,
        extraPerMonth: 1234.4,
      },
      { kind: 'cheaper', form: 'Kaart', formKind: 'bundle', priceStated: true, breakevenShare: 0.96, plan: 'Basis', savingPerMonth: 12.6 },
    ];
    for (const advice of kinds) {
      expect(en.terminal.advice.forms(advice, 'EUR')).toBe(formsAdviceText(advice, 'EUR'));
      const dutch = nl.terminal.advice.forms(advice, 'EUR');
      expect(dutch, advice.kind).not.toMatch(ENGLISH_WORDS);
      expect(dutch, advice.kind).toMatch(/quitte/);
    }
    expect(nl.terminal.advice.forms(kinds[2], 'EUR')).toContain('€\u00a01.234 per maand meer');
    expect(nl.terminal.advice.forms(kinds[3], 'EUR')).toContain('Kaart (strippenkaart) kost hen €\u00a013 per maand minder dan Basis');
  });

  it('sensitivity: English is adviceFrom’s; Dutch names the type, the term and the fees with decimal commas', () => {
    const row = (request_type: string | undefined, input: TornadoRow['input'], low: number, high: number, plan?: string): TornadoRow => ({
      ...(request_type === undefined ? {} : { request_type }),
      ...(plan === undefined ? {} : { plan }),
      input,
      change: 0.2,
      fee_low_input: low,
      fee_high_input: high,
      swing: Math.abs(high - low),
    });
    const rows = [row('bugfix', 'effort', 80, 95.5), row('text_edit', 'frequency', 90, 88), row(undefined, 'overage_rate', 102.67, 75.33, 'basic')];
    const shares = { bugfix: 0.3, text_edit: -0.001 };
    for (const coverage of ['unlimited', 'capped', 'uncovered']) {
      const types = { bugfix: coverage, text_edit: 'capped' };
      const facts = sensitivityAdvice(rows, shares, types);
      expect(en.terminal.advice.sensitivity(facts, 'EUR')).toBe(adviceFrom(rows, shares, types, 'EUR'));
      const dutch = nl.terminal.advice.sensitivity(facts, 'EUR');
      expect(dutch, coverage).not.toMatch(ENGLISH_WORDS);
      expect(dutch).toContain(
        'bugfix beweegt de quitteprijs het meest (€\u00a015,50 per klant per maand over ±20% van zijn invoer) en draagt 30% van de variantie',
      );
      expect(dutch).toContain('Meer text_edit verlaagt de prijs');
      expect(dutch).toContain('het meerwerktarief van basic de prijs het meest: €\u00a0102,67 bij −20%, €\u00a075,33 bij +20%.');
    }
    const none = sensitivityAdvice([], {}, {});
    expect(nl.terminal.advice.sensitivity(none, '')).toBe(
      'Geen soort verzoek verhoogt de prijs als het groeit: de prijs wordt bepaald door vaste kosten en prijzen.',
    );
  });

  it('backtest: English is the verdict’s text; Dutch words every verdict', () => {
    const figures = [
      { actualToExpected: 1.25, z: 4, coverage90: 0.9, ksPValue: 0.5, clientWindows: 40 },
      { actualToExpected: 0.8, z: -3, coverage90: 0.9, ksPValue: 0.5, clientWindows: 40 },
      { actualToExpected: 1.01, z: 0.5, coverage90: 0.6, ksPValue: 0.5, clientWindows: 100 },
      { actualToExpected: 1.01, z: 0.46, coverage90: 0.9, ksPValue: 0.5, clientWindows: 20 },
    ];
    const dutch = figures.map((f) => {
      const verdict = verdictOf(f);
      expect(en.terminal.advice.verdict({ verdict, ...f })).toBe(verdict.text);
      return nl.terminal.advice.verdict({ verdict, ...f });
    });
    expect(dutch[0]).toMatch(/^te optimistisch: het scenario verwacht 20% minder uren/);
    expect(dutch[1]).toMatch(/^te pessimistisch: het scenario verwacht 25% meer uren/);
    expect(dutch[2]).toMatch(/^te smal: 40% van de werkelijke waarden valt buiten/);
    expect(dutch[3]).toBe(
      'gekalibreerd: de totale uren liggen binnen de fout van het scenario (W/V 1,01, z 0,5) en de werkelijke waarden vallen ongeveer zo vaak in de intervallen als ze zouden moeten (met 20 klantlooptijden vindt de toets alleen grote fouten)',
    );
  });
});

describe('the Dutch catalogue of these sections', () => {
  /** Entries that read the same in both languages: column names and a statistic's notation. */
  const SAME = new Set(['plan', 'p50', 'p90', 'p95', 'PIT', 'Team:', 'D =', 'p <', 'p =']);

  it('says every sentence and heading in other words than English', () => {
    for (const key of ['forms', 'backtest', 'sla', 'uptimeCredits'] as const) {
      const english = literals(en.terminal[key]);
      const dutch = literals(nl.terminal[key]);
      expect(dutch.length, key).toBe(english.length);
      const same = english.filter((text, i) => text.trim().length > 2 && text === dutch[i] && !SAME.has(text.trim()));
      expect(same, key).toEqual([]);
    }
  });
});

describe('--lang nl on the commands', () => {
  it('forms: Dutch text under --lang nl and under LANG=nl_NL; English advice is the JSON’s why; JSON the same in both languages', async () => {
    const args = ['forms', 'scenarios/mixed-forms.yaml', '--trials', '200', ...QUICK];
    const dutch = await fairfee([...args, '--lang', 'nl']);
    expect(dutch.status, dutch.stderr).toBe(0);
    expect(dutch.stdout).toContain('Welke vorm voor wie');
    expect(dutch.stdout).toContain('per strippenkaart van 10 uur');
    expect(dutch.stdout.match(/^Advies: /gm)).toHaveLength(4);
    expect(dutch.stdout).toMatch(/ \d+,\d{2} /);
    expect(leftovers(dutch.stdout, en.terminal.forms)).toEqual([]);
    expect((await withLocale('nl_NL.UTF-8', () => fairfee(args))).stdout).toBe(dutch.stdout);

    const text = await english(args);
    const json = await english([...args, '--json']);
    const document = JSON.parse(json.stdout) as { segments: { recommendation: { why: string } }[] };
    const advice = text.stdout.split('\n').filter((line) => line.startsWith('Advice: '));
    expect(advice).toEqual(document.segments.map((s) => `Advice: ${s.recommendation.why}`));
    for (const segment of document.segments) expect(dutch.stdout).not.toContain(segment.recommendation.why);
    expect((await fairfee([...args, '--json', '--lang', 'nl'])).stdout).toBe(json.stdout);
  });

  it('backtest: Dutch text; English verdict is the JSON’s verdict_text; JSON the same in both languages', async () => {
    const args = ['backtest', 'scenarios/calibrated-example.yaml', 'scenarios/history-example.csv', '--trials', '200', ...QUICK];
    const dutch = await fairfee([...args, '--lang', 'nl']);
    expect(dutch.status, dutch.stderr).toBe(0);
    expect(dutch.stdout).toContain('Portefeuille');
    expect(dutch.stdout).toMatch(/^Oordeel: /m);
    expect(dutch.stdout).toMatch(/W\/V van de gedekte uren +\d+,\d{2} \(\d+,\d u werkelijk/);
    expect(leftovers(dutch.stdout, en.terminal.backtest)).toEqual([]);

    const json = await english([...args, '--json']);
    const verdict = (JSON.parse(json.stdout) as { portfolio: { verdict_text: string } }).portfolio.verdict_text;
    expect((await english(args)).stdout).toContain(`\nVerdict: ${verdict}.\n`);
    expect(dutch.stdout).not.toContain(verdict);
    expect((await fairfee([...args, '--json', '--lang', 'nl'])).stdout).toBe(json.stdout);
  });

  it('sla: Dutch text with reactietijd, boete and storingsdienst; JSON the same in both languages', async () => {
    const args = ['sla', 'scenarios/sla.yaml', '--trials', '200', '--seed', '3', '--quiet'];
    const dutch = await fairfee([...args, '--lang', 'nl']);
    expect(dutch.status, dutch.stderr).toBe(0);
    expect(dutch.stdout).toContain('Reactietijdbeloften');
    expect(dutch.stdout).toContain('boete/klantmaand');
    expect(dutch.stdout).toMatch(/^Storingsdienst: \d+ buiten kantooruren/m);
    expect(dutch.stdout).toMatch(/\d+,\d{2}% ± \d+,\d{3}%/);
    expect(leftovers(dutch.stdout, en.terminal.sla)).toEqual([]);
    const plain = await english(args);
    expect(plain.stdout).toContain("Response-time promises (response on the plan's clock: business hours, or all hours for 24x7)");
    expect(plain.stdout).toMatch(/^On call: \d+ after hours for 24x7 plans, EUR [\d,]+\.\d{2} a month, utilisation \d+\.\d%$/m);
    expect((await fairfee([...args, '--json', '--lang', 'nl'])).stdout).toBe((await english([...args, '--json'])).stdout);
  });

  it('run: the uptime credits in Dutch; in English as main spelled them from the JSON figures', async () => {
    const args = ['run', 'scenarios/hosting-sla.yaml', '--trials', '300', '--sensitivity-trials', '0', ...QUICK];
    const dutch = await fairfee([...args, '--lang', 'nl']);
    expect(dutch.status, dutch.stderr).toBe(0);
    expect(dutch.stdout).toContain('Wat de uptimebeloften kosten (verwachte servicetegoeden)');
    expect(dutch.stdout).toMatch(
      /^ {2}hosted_care: \d+,\d{2}% van de prijs terug als tegoed, €\s\d+,\d{2} per klantmaand bij €\s\d+,\d{2} \(belofte 99,50%\)$/m,
    );
    expect(leftovers(dutch.stdout, en.terminal.uptimeCredits)).toEqual([]);
    expect(dutch.stdout).toMatch(/^hosted_care +vast bedrag, per maand +40 /m);

    const document = JSON.parse((await english([...args, '--json'])).stdout) as {
      uptime_credits: Record<string, { promised: number; own: boolean; credit_share: number; fee: number; credit_per_client_month: number }>;
    };
    const money = (x: number) => `EUR ${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const lines = Object.entries(document.uptime_credits).map(
      ([plan, u]) =>
        `  ${plan}: ${(u.credit_share * 100).toFixed(2)}% of the fee credited back, ${money(u.credit_per_client_month)} per client-month at ${money(u.fee)} (promise ${(u.promised * 100).toFixed(2)}%${u.own ? ', its own' : ''})`,
    );
    expect((await english(args)).stdout).toContain(`\n\nWhat the uptime promises cost (expected service credits)\n${lines.join('\n')}\n\n`);
  });

  it('sensitivity: the advice in Dutch; in English it is the JSON’s advice', async () => {
    const args = ['sensitivity', 'scenarios/webagency.yaml', '--trials', '300', ...QUICK];
    const dutch = await fairfee([...args, '--lang', 'nl']);
    expect(dutch.status, dutch.stderr).toBe(0);
    const last = dutch.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/beweegt de quitteprijs het meest \(€\s\d+,\d{2} per klant per maand over ±20% van zijn invoer\)/);
    expect(dutch.stdout).toMatch(/^abonnement basic +meerwerktarief +\d+,\d{2} +\d+,\d{2} +\d+,\d{2} +#+$/m);
    expect(dutch.stdout).toMatch(/basisquitteprijs \d+,\d{2} op die looptijden/);
    const json = await english([...args, '--json']);
    const advice = (JSON.parse(json.stdout) as { advice: string }).advice;
    expect((await english(args)).stdout.trimEnd().endsWith(`\n${advice}`)).toBe(true);
    expect(dutch.stdout).not.toContain(advice);
    expect((await fairfee([...args, '--json', '--lang', 'nl'])).stdout).toBe(json.stdout);
  });
});

describe('availability --series|--parallel|--k-of-n under --lang nl', () => {
  it('says the structure, the bound and the downtime in Dutch with decimal commas; English unchanged', async () => {
    const dutch = await fairfee(['availability', '--series', '0.99', '0.996', '--lang', 'nl']);
    expect(dutch.status, dutch.stderr).toBe(0);
    expect(dutch.stdout).toBe(
      [
        '2 componenten in serie (alle nodig): 99%, 99,6%',
        '  exact (product)  98,604%   storing 10,19 u/maand, 122,29 u/jaar',
        '  additieve grens  98,6%     storing 10,22 u/maand, 122,64 u/jaar  (pessimistisch: alleen exact als storingen nooit samenvallen)',
        '',
      ].join('\n'),
    );
    expect((await fairfee(['availability', '--k-of-n', '2', '0.99', '0.99', '0.99', '--lang', 'nl'])).stdout).toContain(
      '2 van 3 componenten nodig: 99%, 99%, 99%\n  exact (onafhankelijk)  99,9702%  storing 13,1 min/maand, 2,61 u/jaar',
    );
    expect((await english(['availability', '--series', '0.99', '0.996'])).stdout).toBe(
      [
        '2 components in series (all needed): 99%, 99.6%',
        '  exact (product)  98.604%   downtime 10.19 h/month, 122.29 h/year',
        '  additive bound   98.6%     downtime 10.22 h/month, 122.64 h/year  (pessimistic: exact only when outages never overlap)',
        '',
      ].join('\n'),
    );
  });

  it('the outage assumption of a scenario’s chain in Dutch', async () => {
    const dutch = await fairfee(['availability', 'scenarios/hosting-sla.yaml', '--trials', '200', '--seed', '3', '--quiet', '--lang', 'nl']);
    expect(dutch.stdout).toMatch(
      /gaat uit van storingen van gemiddeld \d+,\d{2} u \(mean_outage_hours\) waar alleen een beschikbaarheid is gegeven; \d+,\d{2}% bij 1,00 u/,
    );
    expect(dutch.stdout).not.toContain('assumes outages');
  });
});

describe('compare --lang nl: the price list', () => {
  it('spells the plans and the portfolio at the prices in Dutch', async () => {
    const args = ['compare', 'scenarios/webagency.yaml', '--trials', '300', ...QUICK, '--plan-fee', 'basic=95', 'plus=140'];
    const dutch = await fairfee([...args, '--lang', 'nl']);
    expect(dutch.status, dutch.stderr).toBe(0);
    expect(dutch.stdout).toMatch(/^basic +36 +95,00 +-?[\d.]+ +\d+ +\d+,\d% +\d+,\d{2} /m);
    expect(dutch.stdout).toMatch(/Portefeuille bij deze prijzen: P\(verlies\) \d+,\d%, verwachte winst €\s-?[\d.]+ \(± [\d.]+\)/);
    expect((await english(args)).stdout).toMatch(/^basic +36 +95\.00 +-?[\d,]+ +[\d,]+ +\d+\.\d% +\d+\.\d{2} /m);
  });
});
