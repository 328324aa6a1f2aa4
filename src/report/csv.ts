/**
 * The CSV report: the HTML report's rows, one line per finding, for a spreadsheet an auditor
 * sorts, filters and annotates. Browser-safe.
 */
import type { Locale } from '../engine/messages.js';
import type { CheckedDocument } from './document.js';
import { figuresLine, findingRows, severityWord } from './finding-text.js';

const HEADERS: Record<Locale, string[]> = {
  zh: ['文件', '序号', '严重程度', '规则', '位置', '原文', '问题', '依据', '建议'],
  en: ['File', 'No.', 'Severity', 'Rule', 'Location', 'Source text', 'Problem', 'Basis', 'Suggestion'],
};

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip before looking) as a formula: a report quoting `=HYPERLINK(…)` or `-2+3` from a checked
 * file must not become one in the auditor's Excel (CSV formula injection). A leading apostrophe
 * makes the cell text, and Excel does not show it.
 */
function defuse(field: string): string {
  return /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}

/** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** One CSV field from any text: defused, then quoted as needed. */
export function csvField(text: string): string {
  return quote(defuse(text));
}

/**
 * The CSV report of `docs`: a header line, then per finding 文件, 序号, 严重程度, 规则, 位置, 原文,
 * 问题, 依据, 建议. It starts with a UTF-8 byte order mark, without which Excel reads the file in
 * the system's code page and garbles the Chinese, and ends lines with CRLF as RFC 4180 says. In
 * 原文 the finding itself is set in 【】, as a cell cannot mark it otherwise; the related
 * figures follow the basis in 依据, one per line.
 */
export function formatCsv(docs: readonly CheckedDocument[], options: { locale: Locale }): string {
  const { locale } = options;
  const lines = [HEADERS[locale].map(csvField).join(',')];
  for (const doc of docs) {
    for (const row of findingRows(doc, locale)) {
      const basis = [row.basis, ...(row.figures.length > 0 ? [figuresLine(row.figures, locale)] : [])].filter(Boolean).join('\n');
      const fields = [
        doc.path,
        String(row.index),
        severityWord(row.severity, locale),
        row.ruleId,
        row.place,
        `${row.excerpt.before}【${row.excerpt.marked}】${row.excerpt.after}`,
        row.problem,
        basis,
        row.suggestion ?? '',
      ];
      lines.push(fields.map(csvField).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
