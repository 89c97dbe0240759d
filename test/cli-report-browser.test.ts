import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsRun, chromiumPath } from './helpers/browser.js';
import { fairfee, tempDir, writeScenario } from './helpers/cli.js';
import { baseDocument } from './helpers/scenario.js';

/*
 * The HTML pages in a real browser (Debian's headless Chromium through puppeteer-core): each
 * page of each command loads with no console error and no request beyond itself, every chart
 * draws a mark per datum, the headline figures are the `--json` numbers of the same run, the
 * page fits a phone's width and prints to an A4 PDF. A screenshot of each is kept under
 * tmp/browser/ (git ignores tmp/), e.g. for the README's picture.
 */

const RUN = browserTestsRun();
const SHOTS = 'tmp/browser';
const COMMON = ['--seed', '7', '--workers', '1', '--quiet'];

/** A scenario whose names would run as HTML or as a spreadsheet formula if anything were left unescaped. */
const HOSTILE = baseDocument({
  name: '<script>window.bad=1</script> & "Zorg"',
  plans: { '<img src=x onerror="window.bad=1">': { covers: ['edit'], monthly_fee: 60 } },
  clients: [{ name: '=HYPERLINK("http://example.invalid","x")', plan: '<img src=x onerror="window.bad=1">', count: 3 }],
});

interface PageCase {
  name: string;
  args: string[];
  /** The command whose --json the headline must match (without --html). */
  json: string[] | null;
}

let browser: Browser;
let dir: string;
const cases: PageCase[] = [];

beforeAll(async () => {
  if (!RUN) return;
  dir = tempDir();
  const hostile = writeScenario(dir, 'hostile.json', HOSTILE);
  const add = (name: string, command: string[], json = true, trials = 2000) => {
    const args = [...command, ...COMMON, '--trials', String(trials)];
    cases.push({ name, args, json: json ? args : null });
  };
  add('run', ['run', 'scenarios/webagency.yaml']);
  add('breakeven', ['breakeven', 'scenarios/webagency.yaml']);
  add('compare', ['compare', 'scenarios/webagency.yaml', '--fees', '70', '80', '90', '100', '110']);
  // Few trials: sensitivity runs a what-if per input, twice here (page and JSON).
  add('sensitivity', ['sensitivity', 'scenarios/webagency.yaml'], true, 400);
  add('availability', ['availability', 'scenarios/hosting-sla.yaml']);
  add('report', ['report', 'scenarios/hosting-sla.yaml'], false);
  add('report-nl', ['report', 'scenarios/webagency.yaml', '--lang', 'nl'], false);
  add('hostile', ['run', hostile]);
  add('forms', ['forms', 'scenarios/mixed-forms.yaml']);
  add('forms-nl', ['forms', 'scenarios/mixed-forms.yaml', '--lang', 'nl']);
  add('forms-hostile', ['forms', hostile], true, 1000);
  add('sla', ['sla', 'scenarios/sla.yaml']);
  add('sla-nl', ['sla', 'scenarios/sla.yaml', '--lang', 'nl']);
  add('backtest', ['backtest', 'scenarios/calibrated-example.yaml', 'scenarios/history-example.csv']);
  // A client name from the history that would run as HTML if left unescaped.
  const history = join(dir, 'hostile-history.csv');
  writeFileSync(history, readFileSync('scenarios/history-example.csv', 'utf8').replaceAll('Stichting Groen Utrecht', '"<img src=x onerror=""window.bad=1"">"'));
  add('backtest-hostile', ['backtest', 'scenarios/calibrated-example.yaml', history], true, 500);
  add('backtest-nl', ['backtest', 'scenarios/calibrated-example.yaml', 'scenarios/history-example.csv', '--lang', 'nl']);
  mkdirSync(SHOTS, { recursive: true });
  browser = await puppeteer.launch({
    executablePath: chromiumPath()!,
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox; the pages are our own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** The value at a JSON key path such as `breakeven_fee_interval.0`. */
function at(document: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), document);
}

/** The pages the test opens, each a case of beforeAll. */
const PAGES = [
  'run',
  'breakeven',
  'compare',
  'sensitivity',
  'availability',
  'report',
  'report-nl',
  'hostile',
  'forms',
  'forms-nl',
  'forms-hostile',
  'sla',
  'sla-nl',
  'backtest',
  'backtest-nl',
  'backtest-hostile',
];

describe.runIf(RUN)('the HTML page in a browser', () => {
  it.each(PAGES)('%s: loads clean, draws every mark, matches --json, prints', async (name) => {
    const page_ = cases.find((c) => c.name === name)!;
    const file = join(dir, `${name}.html`);
    const made = await fairfee([...page_.args, '--html', file]);
    expect(made.status, made.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);

    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setViewport({ width: 1000, height: 1400 });
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate(() => (window as unknown as { bad?: number }).bad)).toBeUndefined();

    // Every chart: as many marks as its data, a title and a description for its text alternative.
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => {
        const expected = JSON.parse(figure.getAttribute('data-marks') ?? '[]') as { name: string; count: number }[];
        const svg = figure.querySelector('svg');
        return {
          id: figure.id,
          title: svg?.querySelector('title')?.textContent ?? '',
          desc: svg?.querySelector('desc')?.textContent ?? '',
          label: svg?.getAttribute('aria-labelledby') ?? '',
          marks: expected.map((mark) => ({ ...mark, drawn: figure.querySelectorAll(`g.${mark.name}_marks > *`).length })),
        };
      }),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.title, chart.id).not.toBe('');
      expect(chart.desc, chart.id).not.toBe('');
      expect(chart.label).toBe(`${chart.id}-title ${chart.id}-desc`);
      for (const mark of chart.marks) expect(mark.drawn, `${chart.id}: ${mark.name}`).toBe(mark.count);
      expect(
        chart.marks.every((mark) => mark.count > 0),
        chart.id,
      ).toBe(true);
    }

    // The headline's figures are the JSON's numbers of the same run.
    const figures = await page.$$eval('[data-field]', (elements) =>
      elements.map((e) => ({ field: e.getAttribute('data-field')!, value: Number(e.getAttribute('data-value')), text: e.textContent ?? '' })),
    );
    expect(figures.length).toBeGreaterThan(0);
    if (page_.json) {
      const json = await fairfee([...page_.json, '--json']);
      expect(json.status, json.stderr).toBe(0);
      const document: unknown = JSON.parse(json.stdout);
      for (const f of figures) expect(f.value, f.field).toBe(at(document, f.field));
    }
    if (name === 'report-nl') {
      expect(await page.$eval('html', (e) => e.lang)).toBe('nl');
      for (const f of figures) expect(f.text).toMatch(/^€\u00a0\d{1,3}(\.\d{3})*,\d{2}$/);
    }
    if (name === 'forms-nl') {
      expect(await page.$eval('html', (e) => e.lang)).toBe('nl');
      expect(await page.$eval('p.headline', (e) => e.textContent)).toContain('klantsegmenten');
      for (const advice of await page.$$eval('p.advice', (ps) => ps.map((p) => p.textContent ?? ''))) expect(advice).toMatch(/^Advies: /);
    }
    if (name === 'forms') {
      // A section per segment of the JSON, each with its chart (a point per form) and its advice.
      const json = JSON.parse((await fairfee([...page_.args, '--json'])).stdout) as { segments: { forms: unknown[] }[] };
      expect(await page.$$eval('section', (sections) => sections.length)).toBe(json.segments.length);
      expect(await page.$$eval('p.advice', (ps) => ps.length)).toBe(json.segments.length);
      expect(charts.map((chart) => chart.marks.find((mark) => mark.name === 'formPoints')?.drawn)).toEqual(json.segments.map((s) => s.forms.length));
    }
    if (name === 'sla') {
      // A bar and an error rule per plan; a point per team size and plan of the staffing table; each plan's P(breach) in the headline.
      const json = JSON.parse((await fairfee([...page_.args, '--json'])).stdout) as {
        plans: Record<string, unknown>;
        staffing: { plans: Record<string, unknown> }[];
      };
      const plans = Object.keys(json.plans).length;
      const marks = Object.fromEntries(charts.flatMap((chart) => chart.marks.map((mark) => [`${chart.id}:${mark.name}`, mark.drawn])));
      expect(marks).toMatchObject({
        'chart-sla-breach:breachBars': plans,
        'chart-sla-breach:breachErrors': plans,
        'chart-sla-breach:breachLimit': 1,
        'chart-sla-staffing:staffingLines': plans,
        'chart-sla-staffing:staffingPoints': json.staffing.reduce((sum, row) => sum + Object.keys(row.plans).length, 0),
        'chart-sla-staffing:breachLimit': 1,
      });
      // The staffing chart's lines are told apart by a legend: a label per plan.
      const legend = await page.$$eval('#chart-sla-staffing .role-legend-label text', (labels) => labels.map((label) => label.textContent));
      expect(legend.sort()).toEqual(Object.keys(json.plans).sort());
      expect(figures.map((f) => f.field)).toEqual(
        expect.arrayContaining(['team.people', 'team.utilisation', ...Object.keys(json.plans).map((p) => `plans.${p}.breach_probability`)]),
      );
      expect(await page.$$eval('section', (sections) => sections.length)).toBe(2);
    }
    if (name === 'sla-nl') {
      expect(await page.$eval('html', (e) => e.lang)).toBe('nl');
      expect(await page.$eval('p.headline', (e) => e.textContent)).toMatch(/^Reactietijdbeloften van /);
      for (const f of figures.filter((f) => f.field.endsWith('breach_probability'))) expect(f.text).toMatch(/^\d+,\d{2}\s?%$/);
    }
    if (name === 'backtest') {
      // Ten PIT bars with the uniform line; a point per client and term of the JSON.
      const json = JSON.parse((await fairfee([...page_.args, '--json'])).stdout) as { clients: unknown[]; portfolio: { verdict: string } };
      const marks = Object.fromEntries(charts.flatMap((chart) => chart.marks.map((mark) => [mark.name, mark.drawn])));
      expect(marks).toMatchObject({ pitBars: 10, uniform: 1, aePoints: json.clients.length, identity: 1 });
      expect(await page.$eval('p.headline', (e) => e.textContent)).toContain(json.portfolio.verdict);
      expect(await page.$$eval('tbody tr', (rows) => rows.length)).toBeGreaterThan(json.clients.length);
    }
    if (name === 'backtest-nl') {
      expect(await page.$eval('html', (e) => e.lang)).toBe('nl');
      expect(await page.$eval('p.headline', (e) => e.textContent)).toMatch(/^Oordeel over /);
    }
    if (name === 'backtest-hostile') {
      expect(await page.$$eval('td', (cells) => cells.map((c) => c.textContent))).toContain('<img src=x onerror="window.bad=1">');
    } else if (name.endsWith('hostile')) {
      const title = await page.$eval('h1', (e) => e.textContent);
      expect(title).toContain('<script>window.bad=1</script> & "Zorg"');
    }

    // On a phone: the page itself never scrolls sideways (wide tables scroll in their box).
    await page.setViewport({ width: 375, height: 800, isMobile: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewport({ width: 1000, height: 1400 });
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    // The top of the page, small enough for the README (docs/report.png is the run page's).
    await page.screenshot({ path: `${SHOTS}/${name}-top.png`, clip: { x: 0, y: 0, width: 1000, height: 1250 } });

    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    writeFileSync(`${SHOTS}/${name}.pdf`, pdf);
    // A phone viewport reloads the page; nothing but the page itself, still.
    expect([...new Set(requests)]).toEqual([url]);
    await page.close();
  });
});
