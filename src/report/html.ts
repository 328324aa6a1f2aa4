/**
 * The HTML report: one page a person can open, print on A4 and file with the report it checks.
 * It must work as an attachment opened anywhere, so it is self-contained: inline CSS only, no
 * script, font, image or request of any kind, and a Content-Security-Policy that would block
 * one if a later edit added it. Browser-safe.
 */
import type { Locale } from '../engine/messages.js';
import { summarize, type CheckedDocument } from './document.js';
import { findingRows, kindText, partLabels, severityWord, type FindingRow } from './finding-text.js';
import { summaryLine } from './stylish.js';
import { escapeHtml } from '../text/escape-html.js';

/** Options of `formatHtml`. */
export interface HtmlOptions {
  locale: Locale;
  toolVersion: string;
  /** The page's heading and title; a generic one by default. */
  title?: string;
  /** A date (or any text) to print under the title; left out by default so the output is deterministic. */
  date?: string;
}

// Formats are looked up by name so that a format added to the readers still prints (by its name) before it has words here.
const WORDS = {
  zh: {
    title: '校核报告',
    overview: '文件一览',
    file: '文件',
    kind: '报告类型',
    year: '年度',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    baselined: '基线已接受',
    index: '序号',
    severity: '严重程度',
    place: '位置',
    source: '原文',
    noFindings: '未发现问题。',
    noDocuments: '没有检查任何文件。',
    back: '返回文件一览',
    generatedBy: '由 jiaohe {version} 生成',
    formatLabel: '格式',
    format: { text: '文本', html: '网页', docx: 'Word 文档', doc: 'Word 97-2003 文档', pdf: 'PDF' } as Record<string, string>,
  },
  en: {
    title: 'jiaohe report',
    overview: 'Files',
    file: 'File',
    kind: 'Kind',
    year: 'Year',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Infos',
    baselined: 'Baselined',
    index: 'No.',
    severity: 'Severity',
    place: 'Location',
    source: 'Source text',
    noFindings: 'No problems found.',
    noDocuments: 'No files were checked.',
    back: 'Back to the files',
    generatedBy: 'Made by jiaohe {version}',
    formatLabel: 'Format',
    format: { text: 'text', html: 'web page', docx: 'Word document', doc: 'Word 97-2003 document', pdf: 'PDF' } as Record<string, string>,
  },
} as const;

export { escapeHtml };

/**
 * The policy allows nothing but the inline styles: a report may quote text from a web page, and
 * even if some escaping were ever missed, nothing in it could load or run.
 */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/*
 * Severity is always said in words and borders, never by colour alone: a report is often printed
 * in black and white, and browsers drop backgrounds when printing. Table cells break Chinese
 * text anywhere (as it should) and long paths or rule ids anywhere too, so no column overflows.
 * Rows are kept whole across pages; the header repeats on each page.
 */
const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 24px auto; max-width: 1200px; padding: 0 16px; color: #111; background: #fff;
  font: 14px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #111; overflow-wrap: anywhere; }
p { margin: 4px 0; }
.meta { color: #444; font-size: 13px; }
.summary-line { margin: 8px 0 0; font-weight: bold; }
a { color: #0b4f9c; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 8px 0 16px; }
th, td { border: 1px solid #777; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: normal; }
th { background: #eee; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.center, th.center { text-align: center; }
.findings td { font-size: 13px; }
.src { white-space: pre-wrap; }
mark { background: #ffe866; color: inherit; font-weight: bold; text-decoration: underline 2px; text-underline-offset: 3px; padding: 0 1px; }
.rule { display: block; margin-top: 2px; color: #555; font-size: 11px; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.figures { margin: 4px 0 0; padding-left: 1.2em; color: #333; font-size: 12px; }
.sev { display: inline-block; padding: 0 4px; border: 1px solid #111; border-radius: 3px; white-space: nowrap; font-size: 12px; }
.sev-error { border-width: 2px; font-weight: bold; color: #a00000; }
.sev-warning { border-style: solid; color: #7a4a00; }
.sev-info { border-style: dashed; color: #333; }
.count-error { font-weight: bold; }
.none { color: #333; font-style: italic; }
.back { font-size: 12px; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; break-after: avoid; page-break-after: avoid; }
  .findings td { font-size: 8.5pt; }
  th { font-size: 8.5pt; }
  th, td { padding: 3px 4px; }
  .doc { break-before: page; page-break-before: always; }
  .back { display: none; }
  a { color: inherit; text-decoration: none; }
}
`
  .trim()
  .replace(/\n\s*/g, '\n');

/** Column widths of the findings table (序号, 严重程度, 位置, 原文, 问题, 依据, 建议), in percent of A4's printable width. */
const FINDING_COLUMNS = [5, 8, 8, 24, 23, 21, 11];

/** The words are templates only for the version, so a full message formatter is not needed. */
const fill = (s: string, version: string): string => s.replace('{version}', version);

function findingRow(row: FindingRow, docIndex: number, locale: Locale): string {
  const e = (s: string): string => escapeHtml(s);
  const figures = row.figures.length > 0 ? `<ul class="figures">${row.figures.map((f) => `<li>${e(f)}</li>`).join('')}</ul>` : '';
  const basis = row.basis ? e(row.basis) : '';
  return [
    `<tr id="doc-${docIndex}-f-${row.index}" class="finding">`,
    `<td class="center">${row.index}</td>`,
    `<td class="center"><span class="sev sev-${row.severity}">${e(severityWord(row.severity, locale))}</span></td>`,
    `<td>${e(row.place)}</td>`,
    `<td class="src" lang="zh-CN">${e(row.excerpt.before)}<mark>${e(row.excerpt.marked)}</mark>${e(row.excerpt.after)}</td>`,
    `<td class="problem">${e(row.problem)}<span class="rule">${e(row.ruleId)}</span></td>`,
    `<td class="basis">${basis}${figures}</td>`,
    `<td class="suggestion">${row.suggestion ? e(row.suggestion) : ''}</td>`,
    '</tr>',
  ].join('');
}

function documentSection(doc: CheckedDocument, docIndex: number, locale: Locale): string {
  const w = WORDS[locale];
  const labels = partLabels(locale);
  const e = (s: string): string => escapeHtml(s);
  const rows = findingRows(doc, locale);
  const facts: string[] = [];
  const kind = kindText(doc, locale);
  if (kind) facts.push(`${w.kind}${locale === 'zh' ? ':' : ': '}${kind}`);
  if (doc.year) facts.push(`${w.year}${locale === 'zh' ? ':' : ': '}${doc.year}`);
  const encoding = doc.encoding && doc.encoding !== 'utf-8' ? ` ${doc.encoding.toUpperCase()}` : '';
  if (doc.format) facts.push(`${w.formatLabel}${locale === 'zh' ? ':' : ': '}${w.format[doc.format] ?? doc.format}${encoding}`);
  const out = [`<section class="doc" id="doc-${docIndex}">`, `<h2>${docIndex}. ${e(doc.path)}</h2>`];
  if (facts.length > 0) out.push(`<p class="meta">${facts.map(e).join(locale === 'zh' ? ';' : '; ')}</p>`);
  if (rows.length === 0) {
    out.push(`<p class="none">${e(w.noFindings)}</p>`);
  } else {
    const heads = [w.index, w.severity, w.place, w.source, labels.problem, labels.basis, labels.suggestion];
    out.push(
      '<table class="findings">',
      `<colgroup>${FINDING_COLUMNS.map((p) => `<col style="width:${p}%">`).join('')}</colgroup>`,
      `<thead><tr>${heads.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...rows.map((r) => findingRow(r, docIndex, locale)),
      '</tbody>',
      '</table>',
    );
  }
  out.push(`<p class="back"><a href="#overview">${e(w.back)}</a></p>`, '</section>');
  return out.join('\n');
}

function overview(docs: readonly CheckedDocument[], locale: Locale): string {
  const w = WORDS[locale];
  const e = (s: string): string => escapeHtml(s);
  if (docs.length === 0) return `<section id="overview"><p class="none">${e(w.noDocuments)}</p></section>`;
  const anyBaselined = docs.some((d) => (d.baselined?.length ?? 0) > 0);
  // The path and kind take the width; the counts need only a few digits each.
  const counts = [w.errors, w.warnings, w.infos, ...(anyBaselined ? [w.baselined] : [])];
  const heads = [`<th scope="col" style="width:${anyBaselined ? 36 : 42}%">${e(w.file)}</th>`, `<th scope="col" style="width:30%">${e(w.kind)}</th>`, `<th scope="col" class="num" style="width:8%">${e(w.year)}</th>`];
  for (const h of counts) heads.push(`<th scope="col" class="num">${e(h)}</th>`);
  const rows = docs.map((doc, i) => {
    const s = summarize([doc]);
    const cells = [
      `<td><a href="#doc-${i + 1}">${e(doc.path)}</a></td>`,
      `<td>${e(kindText(doc, locale))}</td>`,
      `<td class="num">${doc.year ?? ''}</td>`,
      `<td class="num${s.errors > 0 ? ' count-error' : ''}">${s.errors}</td>`,
      `<td class="num">${s.warnings}</td>`,
      `<td class="num">${s.infos}</td>`,
      ...(anyBaselined ? [`<td class="num">${s.baselined}</td>`] : []),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    '<section id="overview">',
    `<h2>${e(w.overview)}</h2>`,
    '<table class="overview">',
    `<thead><tr>${heads.join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

/**
 * The HTML report of `docs`: a summary table of the files (each linked to its section), then per
 * file a table of its findings with 序号, 严重程度, 位置, 原文 (the finding marked), 问题, 依据 and
 * 建议. The same input gives the same bytes.
 */
export function formatHtml(docs: readonly CheckedDocument[], options: HtmlOptions): string {
  const { locale } = options;
  const w = WORDS[locale];
  const e = (s: string): string => escapeHtml(s);
  const title = options.title ?? w.title;
  const meta = [fill(w.generatedBy, options.toolVersion), ...(options.date !== undefined ? [options.date] : [])];
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(HTML_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="jiaohe ${e(options.toolVersion)}">`,
    `<title>${e(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${e(title)}</h1>`,
    `<p class="meta">${meta.map(e).join(' · ')}</p>`,
    `<p class="summary-line">${e(summaryLine(summarize(docs), locale))}</p>`,
    '</header>',
    overview(docs, locale),
    ...docs.map((doc, i) => documentSection(doc, i + 1, locale)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
