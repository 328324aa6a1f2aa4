// Tables (issue 13): the cost of checking a 25 KB 政府信息公开工作年度报告 page with its three
// mandated tables (test/fixtures/xxgk/golden-2023.html, part 一 lengthened with the street
// seed's prose), against the same page's text checked as prose only, and against the bare regex
// scan of bench/compare.mjs; and whether reading a page's tables stays linear in their cells.
// Ratios from one run, not absolute times: these machines are shared and noisy.
//   npm run build && node bench/tables.mjs
import { regexScan } from './regex-scan.mjs';
import { readFileSync } from 'node:fs';
import { checkReport, parseReport } from '../dist/index.js';
import { loadSourceBytes } from '../dist/node.js';

const golden = readFileSync(new URL('../test/fixtures/xxgk/golden-2023.html', import.meta.url), 'utf8');
const prose = readFileSync(new URL('../seeds/2020-baiyun-shimen-street.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.length > 80);

async function load(html) {
  return loadSourceBytes('page.html', new TextEncoder().encode(html), 'html');
}

// Part 一 lengthened until the checked text is about 25 KB (25,600 UTF-16 units).
let html = golden;
for (let i = 0; (await load(html)).text.length < 25_600; i++) {
  html = html.replace('<p>二、主动公开政府信息情况</p>', `<p>${prose[i % prose.length]}</p>\n<p>二、主动公开政府信息情况</p>`);
}
const page = await load(html);


function median(fn, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[n >> 1];
}

const withTables = () => checkReport(parseReport(page.text, { tables: page.tables }));
const asProse = () => checkReport(page.text);
for (let i = 0; i < 100; i++) {
  withTables();
  asProse();
  regexScan(page.text);
}
const best = { tables: Infinity, prose: Infinity, regex: Infinity };
for (let round = 0; round < 7; round++) {
  best.regex = Math.min(best.regex, median(() => regexScan(page.text), 200));
  best.tables = Math.min(best.tables, median(withTables, 60));
  best.prose = Math.min(best.prose, median(asProse, 60));
}
const result = withTables();
const cells = result.report.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.cells.length, 0), 0);
console.log(`xxgk page (${page.text.length} characters of text, ${result.report.tables.length} tables as read (the three mandated ones, table 二 in its four captioned parts), ${cells} value cells; ${result.claims.filter((c) => c.kind.startsWith('table')).length} table claims), best of 7 rounds of medians:`);
console.log(`  checked with its tables read as tables: ${(best.tables / best.regex).toFixed(1)}× the bare regex scan`);
console.log(`  the same text checked as prose only:    ${(best.prose / best.regex).toFixed(1)}× the bare regex scan`);
console.log(`  reading the tables costs ${(((best.tables - best.prose) / best.prose) * 100).toFixed(0)}% of a prose-only check`);

// Linearity: one table of n rows of seven cells, read from a page.
const row = (i) => `<tr><td>第${i}类</td>${'<td>3</td>'.repeat(6)}<td>18</td></tr>`;
const table = (n) => `<html><body><p>统计表</p><table><tr><td>类别</td>${'<td>甲</td>'.repeat(6)}<td>总计</td></tr>${Array.from({ length: n }, (_, i) => row(i)).join('')}</table></body></html>`;
const perCell = async (n) => {
  const p = await load(table(n));
  const run = () => checkReport(parseReport(p.text, { tables: p.tables }));
  for (let i = 0; i < 3; i++) run();
  return median(run, 7) / (n * 8);
};
const small = await perCell(200);
const large = await perCell(4000);
console.log(`  one table of 200 → 4000 rows (×20 cells): time per cell ×${(large / small).toFixed(2)} (linear: about ×1)`);
