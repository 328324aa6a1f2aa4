/**
 * The HTML report in a real browser: opened from disk as a person opens an attachment, it must
 * make no request at all (no font, script, image or style from anywhere), show every finding and
 * mark exactly its text, and fit an A4 page's width without sideways scrolling.
 *
 * Needs Debian's chromium at /usr/bin/chromium (.ci/run installs it). Without it the test fails
 * rather than skips: a skipped browser test would let a report that phones home pass CI.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { checkedSeeds, scratchDir } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';

/** Both seeds read, checked together and mapped as `jiaohe check` does. */
const seedDocs = checkedSeeds;

const squash = (s: string): string => s.replace(/\s+/g, ' ');

describe('the HTML report in chromium', () => {
  let launched: Promise<Browser> | undefined;
  /** The browser, launched once; each test that needs it fails (rather than being skipped, as a failing beforeAll would leave it) when chromium is missing. */
  function browser(): Promise<Browser> {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: this test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it). It fails instead of skipping so CI cannot pass without it.`);
    }
    launched ??= chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    return launched;
  }

  afterAll(async () => {
    if (launched) await (await launched).close();
  });

  for (const locale of ['zh', 'en'] as const) {
    it(`makes no request but for the file itself, and shows every finding (${locale})`, async () => {
      const docs = await seedDocs(locale);
      const file = join(scratchDir('jiaohe-html-'), 'report.html');
      writeFileSync(file, formatHtml(docs, { locale, toolVersion: '0.0.0-test' }));
      const url = pathToFileURL(file).href;

      const page = await (await browser()).newPage({ viewport: { width: 794, height: 1123 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy|Refused to/i.test(m.text())) blocked.push(m.text());
      });
      await page.goto(url, { waitUntil: 'load' });
      // Print styles apply too: a printed report must not fetch anything either.
      await page.emulateMedia({ media: 'print' });
      await page.emulateMedia({ media: 'screen' });

      expect(requests).toEqual([url]);
      expect(blocked).toEqual([]);

      const findings = docs.flatMap((d) => d.diagnostics.map((x) => ({ d: x, text: d.text })));
      expect(findings).toHaveLength(7);
      const body = squash(await page.locator('body').innerText());
      for (const { d } of findings) expect(body).toContain(squash(d.message));
      // Each mark holds exactly its finding's text, in document order.
      const marks = await page.locator('mark').allTextContents();
      expect(marks).toEqual(findings.map(({ d, text }) => text.slice(d.range.start, d.range.end)));

      // At an A4 page's width in CSS pixels nothing makes the page scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    }, 60_000);
  }

  it('prints on A4 pages', async () => {
    const docs = await seedDocs('zh');
    const file = join(scratchDir('jiaohe-html-'), 'report.html');
    writeFileSync(file, formatHtml(docs, { locale: 'zh', toolVersion: '0.0.0-test' }));
    const page = await (await browser()).newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    expect(requests).toHaveLength(1);
    const text = pdf.toString('latin1');
    // A4 is 595.28 × 841.89 points; every page of the PDF has that MediaBox.
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const box of boxes) expect(box).toEqual([595, 842]);
  }, 60_000);
});
