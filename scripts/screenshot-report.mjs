#!/usr/bin/env node
/**
 * Writes docs/report-html.png: the HTML report of both seeds as chromium shows it, so a reader
 * of the docs sees what the report looks like without running anything. Run after a build:
 *
 *   npx tsup && node scripts/screenshot-report.mjs [out.png]
 *
 * Needs Debian's chromium at /usr/bin/chromium. formatHtml is not exported from the package
 * (the CLI does not offer the format yet), so it is bundled from the source with esbuild; the
 * checking itself comes from dist/, as the CLI would do it.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs/report-html.png');
const SEEDS = ['seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt'];

const dir = mkdtempSync(join(tmpdir(), 'jiaohe-shot-'));
try {
  const bundle = join(dir, 'html.mjs');
  await build({ entryPoints: [join(root, 'src/report/html.ts')], bundle: true, format: 'esm', platform: 'node', outfile: bundle, logLevel: 'warning' });
  const { formatHtml } = await import(pathToFileURL(bundle).href);
  const jiaohe = await import(pathToFileURL(join(root, 'dist/node.js')).href);
  const { version } = (await import(pathToFileURL(join(root, 'package.json')).href, { with: { type: 'json' } })).default;

  // Read, checked together and mapped as `jiaohe check` does, with paths as a user types them.
  const sources = new Map();
  for (const f of SEEDS) sources.set(f, { ...(await jiaohe.loadSourceFile(join(root, f))), path: f });
  const all = jiaohe.checkReports([...sources.values()].map((s) => ({ id: s.path, text: s.text })), { locale: 'zh' });
  const docs = all.documents.map(({ id, result }) => {
    const source = sources.get(id);
    return {
      path: id,
      text: source.sourceText,
      diagnostics: result.diagnostics.map((d) => jiaohe.mapDiagnostic(d, source, sources)),
      claims: result.claims.map((c) => jiaohe.mapClaim(c, source)),
      kind: result.kind,
      year: result.report.metadata.reportingYear?.year ?? null,
      format: source.format,
      encoding: source.encoding,
      page: source.page,
    };
  });
  const file = join(dir, 'report.html');
  writeFileSync(file, formatHtml(docs, { locale: 'zh', toolVersion: version }));

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
  console.log(`${out}: ${Math.round(statSync(out).size / 1024)} KB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
