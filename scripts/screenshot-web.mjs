#!/usr/bin/env node
/**
 * Writes docs/web-document-view.png (both seeds checked, a rate finding open: its card beside the
 * text, its numerator and base marked) and docs/web-claims.png (the verified claims, one open),
 * as headless chromium shows dist/jiaohe.html on a laptop's screen. Run after a build:
 *
 *   npm run build && node scripts/screenshot-web.mjs [out-dir]
 *
 * Needs Debian's chromium at /usr/bin/chromium and a Chinese font (fonts-wqy-microhei).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.argv[2] ?? join(root, 'docs');
const SEEDS = ['seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt'].map((f) => join(root, f));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(pathToFileURL(join(root, 'dist/jiaohe.html')).href);
  await page.waitForSelector('body[data-ready]');
  await page.setInputFiles('#file-input', SEEDS);
  await page.waitForSelector('body[data-run]');

  // The street's truncated 办结率: a short card, and its numerator and base on the same line.
  await page.click('#list .item[data-path="2020-baiyun-shimen-street.txt"]:has-text("办结率96.6%")');
  await page.waitForTimeout(300);
  const view = join(outDir, 'web-document-view.png');
  await page.screenshot({ path: view });

  await page.click('#tab-claims');
  await page.selectOption('select[data-filter="doc"]', { label: '2020-baiyun-shimen-street.txt' });
  await page.click('#list .item:has-text("1904件")');
  await page.waitForTimeout(300);
  const claims = join(outDir, 'web-claims.png');
  await page.screenshot({ path: claims });

  for (const file of [view, claims]) console.log(`${file}: ${Math.round(statSync(file).size / 1024)} KB`);
} finally {
  await browser.close();
}
