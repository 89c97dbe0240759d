import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/report/html/escape.js';
import { fairfee, tempDir } from './helpers/cli.js';

/*
 * The page (--html, `fairfee report`) without a browser: what the command accepts and refuses,
 * that the page is self-contained and reproducible, and that drawing it costs well under the
 * 3 s the issue allows beyond the run. The browser test (cli-report-browser) checks the rest.
 */

const COMMON = ['--trials', '1000', '--seed', '7', '--workers', '1', '--quiet'];

describe('--html and fairfee report', () => {
  it('escapes every character that could leave a text node or an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('report --html - writes the page to stdout and nothing else; with SOURCE_DATE_EPOCH twice the same', async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1800000000';
    try {
      const first = await fairfee(['report', 'scenarios/webagency.yaml', ...COMMON, '--html', '-']);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(first.stdout).toContain('2027-01-15');
      expect(first.stdout).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
      const second = await fairfee(['report', 'scenarios/webagency.yaml', ...COMMON, '--html', '-']);
      expect(second.stdout).toBe(first.stdout);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('report needs a page or a workbook to write, and no --json', async () => {
    const none = await fairfee(['report', 'scenarios/webagency.yaml', ...COMMON]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('give --html FILE');
    const json = await fairfee(['report', 'scenarios/webagency.yaml', ...COMMON, '--html', 'x.html', '--json']);
    expect(json.status).toBe(2);
  });

  it('an unwritable --html target is refused before any simulation', async () => {
    const result = await fairfee(['run', 'scenarios/webagency.yaml', ...COMMON, '--html', '/nonexistent-folder/r.html']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--html "/nonexistent-folder/r.html": its folder');
  });

  it('availability --series has no page: refused by name', async () => {
    const result = await fairfee(['availability', '--series', '0.99', '0.996', '--html', 'x.html']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--html draws the simulated months of a scenario');
  });

  it('the page costs well under 3 s beyond the run', async () => {
    const dir = tempDir();
    const args = ['run', 'scenarios/webagency.yaml', ...COMMON, '--sensitivity-trials', '200'];
    const plain = performance.now();
    expect((await fairfee(args)).status).toBe(0);
    const withPage = performance.now();
    expect((await fairfee([...args, '--html', join(dir, 'r.html')])).status).toBe(0);
    const end = performance.now();
    const extra = end - withPage - (withPage - plain);
    expect(extra).toBeLessThan(3000);
    expect(readFileSync(join(dir, 'r.html'), 'utf8').length).toBeLessThan(400_000);
  });
});
