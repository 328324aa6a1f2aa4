import { describe, expect, it } from 'vitest';
import { checkedSeeds } from '../../test/helpers.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { findingParts } from './finding-text.js';
import { escapeHtml, formatHtml, HTML_CSP } from './html.js';

const SEEDS = ['seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt'];

/** Both seeds read, checked together and mapped as `jiaohe check` does. */
const seedDocs = checkedSeeds;

/** Text content of an HTML fragment: tags dropped, the five escapes the formatter writes undone. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The cells of the finding row with `id`, as HTML. */
function cells(html: string, id: string): string[] {
  const row = new RegExp(`<tr id="${id}"[^>]*>(.*?)</tr>`).exec(html);
  expect(row, `row ${id}`).not.toBeNull();
  return [...row![1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!);
}

const zh = await seedDocs('zh');
const en = await seedDocs('en');
const zhHtml = formatHtml(zh, { locale: 'zh', toolVersion: '9.9.9' });
const enHtml = formatHtml(en, { locale: 'en', toolVersion: '9.9.9' });

describe('formatHtml on both seeds', () => {
  it('has a row for every finding, with its message, place, basis and suggestion', () => {
    for (const [docs, html, locale] of [[zh, zhHtml, 'zh'], [en, enHtml, 'en']] as const) {
      expect(docs.flatMap((d) => d.diagnostics)).toHaveLength(7);
      expect(html.match(/<tr id="doc-\d+-f-\d+"/g)).toHaveLength(7);
      docs.forEach((doc, i) => {
        doc.diagnostics.forEach((d, j) => {
          const [index, severity, place, , problem, basis, suggestion] = cells(html, `doc-${i + 1}-f-${j + 1}`).map(textOf);
          const parts = findingParts(d, locale);
          expect(index).toBe(String(j + 1));
          expect(severity).toBe({ zh: { error: '错误', warning: '警告', info: '提示' }, en: { error: 'error', warning: 'warning', info: 'info' } }[locale][d.severity]);
          expect(place).toBe(`${d.line}:${d.column}`);
          expect(problem).toBe(d.message + d.ruleId);
          expect(basis).toBe(parts.basis + parts.figures.join(''));
          expect(suggestion).toBe(parts.suggestion ?? '');
        });
      });
    }
  });

  it('marks exactly the text of each finding in 原文', () => {
    zh.forEach((doc, i) => {
      doc.diagnostics.forEach((d, j) => {
        const source = cells(zhHtml, `doc-${i + 1}-f-${j + 1}`)[3]!;
        const marks = [...source.matchAll(/<mark>(.*?)<\/mark>/g)];
        expect(marks).toHaveLength(1);
        expect(textOf(marks[0]![1]!)).toBe(doc.text.slice(d.range.start, d.range.end));
        // The context is the finding's own line, as written.
        const line = doc.text.split('\n')[d.line - 1]!;
        expect(line).toContain(textOf(source).replace(/^…|…$/g, ''));
      });
    });
    const rate = cells(zhHtml, 'doc-2-f-3')[3]!;
    expect(rate.startsWith('…')).toBe(true);
    expect(rate.endsWith('目前已结案116批,在办案件4批,办结率<mark>96.6%</mark>。')).toBe(true);
    // 60 characters before the finding, then the ellipsis.
    expect(textOf(rate).indexOf('96.6%')).toBe(61);
  });

  it('shows the suggestion of the truncated rate and its computation', () => {
    const [, , , , , basis, suggestion] = cells(zhHtml, 'doc-2-f-3');
    expect(suggestion).toBe('改为96.7%');
    expect(basis).toContain('116/120 = 96.6667%,应为96.7%');
    expect(basis).toContain('<li>分子: 116批 (30:267)</li>');
  });

  it('sums up each file in a table linked to its section', () => {
    const overview = /<table class="overview">([\s\S]*?)<\/table>/.exec(zhHtml)![1]!;
    const rows = [...overview.matchAll(/<tr><td><a href="#(doc-\d+)">([^<]*)<\/a><\/td><td>([^<]*)<\/td><td class="num">(\d*)<\/td><td class="num[^"]*">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['doc-1', SEEDS[0], '法治政府建设年度报告(区)', '2020', '2', '0', '1'],
      ['doc-2', SEEDS[1], '法治政府建设年度报告(街道)', '2020', '1', '3', '0'],
    ]);
    for (const [anchor] of rows) expect(zhHtml).toContain(`<section class="doc" id="${anchor}">`);
    expect(zhHtml).toContain('2 个文件,7 个问题(错误 3,警告 3,提示 1)');
  });

  it('is labelled in Chinese by default and in English for en', () => {
    expect(zhHtml).toContain('<html lang="zh-CN">');
    expect(zhHtml).toContain('<th scope="col">序号</th><th scope="col">严重程度</th><th scope="col">位置</th><th scope="col">原文</th><th scope="col">问题</th><th scope="col">依据</th><th scope="col">建议</th>');
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('<th scope="col">No.</th><th scope="col">Severity</th><th scope="col">Location</th><th scope="col">Source text</th><th scope="col">Problem</th><th scope="col">Basis</th><th scope="col">Suggestion</th>');
    expect(enHtml).toContain('2 file(s), 7 problem(s)');
  });

  it('is the same for the same input, and dated only when asked', () => {
    expect(formatHtml(zh, { locale: 'zh', toolVersion: '9.9.9' })).toBe(zhHtml);
    expect(zhHtml).not.toMatch(/20\d\d-\d\d-\d\d/);
    expect(formatHtml(zh, { locale: 'zh', toolVersion: '9.9.9', date: '2021-01-05', title: '白云区报告' })).toContain('<p class="meta">由 jiaohe 9.9.9 生成 · 2021-01-05</p>');
  });
});

describe('formatHtml is self-contained and safe', () => {
  it('has the Content-Security-Policy that allows nothing but inline styles', () => {
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(zhHtml).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`);
    expect(zhHtml.indexOf('Content-Security-Policy')).toBeLessThan(zhHtml.indexOf('<style>'));
  });

  it('loads nothing: no script, link, import, url(), and no URL in any src or href', () => {
    for (const html of [zhHtml, enHtml]) {
      expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(/i);
      const targets = [...html.matchAll(/\b(?:src|href|action|srcset|poster|data)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
      expect(targets.length).toBeGreaterThan(0);
      for (const t of targets) {
        expect(t).not.toMatch(/^\s*(?:https?:|\/\/)/i);
        expect(t.startsWith('#')).toBe(true);
      }
      expect(html).not.toMatch(/https?:|\/\//);
    }
  });

  it('escapes text, messages, suggestions and paths from the checked files', () => {
    const text = '前言\n本段写着<script>alert("x")</script>与&amp;,办结率96.6%。\n';
    const at = text.indexOf('<script>');
    const d: Diagnostic = {
      ruleId: 'rule-<b>',
      messageId: 'm',
      severity: 'error',
      message: '消息<img src=x onerror=alert(1)>',
      range: { start: at, end: at + '<script>'.length },
      line: 2,
      column: at - text.indexOf('\n'),
      endLine: 2,
      endColumn: at - text.indexOf('\n') + 8,
      sectionPath: [],
      evidence: { figures: [], expression: '1<2 && 3>2', note: '"quoted"' },
      related: [{ range: { start: 0, end: 1 }, line: 1, column: 1, message: '<i>相关</i>' }],
      suggestion: { message: "改为'<u>'", replacement: "'<u>'" },
      fingerprint: 'f',
    };
    const html = formatHtml([{ path: '"><script>x</script>.txt', text, diagnostics: [d], claims: [] }], { locale: 'zh', toolVersion: '<v>', title: '</title><script>' });
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>|<v>/i);
    expect(html).toContain('本段写着<mark>&lt;script&gt;</mark>alert(&quot;x&quot;)&lt;/script&gt;与&amp;amp;');
    expect(html).toContain('<a href="#doc-1">&quot;&gt;&lt;script&gt;x&lt;/script&gt;.txt</a>');
    expect(html).toContain('消息&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('1&lt;2 &amp;&amp; 3&gt;2');
    expect(html).toContain('改为&#39;&lt;u&gt;&#39;');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;</title>');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('prints on A4, keeping rows whole and meaning without colour', () => {
    expect(zhHtml).toContain('@page { size: A4; margin: 15mm; }');
    expect(zhHtml).toMatch(/@media print \{/);
    expect(zhHtml).toMatch(/tr \{ break-inside: avoid;/);
    expect(zhHtml).toContain('print-color-adjust: exact');
    // The finding is marked by more than its yellow background, which printers may drop.
    expect(zhHtml).toMatch(/mark \{[^}]*text-decoration: underline/);
  });

  it('says when a file has no findings, or when there are no files', () => {
    const clean = formatHtml([{ path: 'clean.txt', text: '无', diagnostics: [], claims: [] }], { locale: 'zh', toolVersion: '1' });
    expect(clean).toContain('<p class="none">未发现问题。</p>');
    expect(clean).not.toContain('<table class="findings">');
    expect(formatHtml([], { locale: 'en', toolVersion: '1' })).toContain('No files were checked.');
  });

  it('places findings in a Word file by paragraph', () => {
    const street = zh[1]!;
    const html = formatHtml([{ ...street, format: 'docx' }], { locale: 'zh', toolVersion: '1' });
    expect(textOf(cells(html, 'doc-1-f-3')[2]!)).toBe('第30段');
    expect(html).toContain('格式:Word 文档');
  });
});
