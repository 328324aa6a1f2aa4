import type { Locale } from '../engine/messages.js';
import { countsParagraphs } from '../io/formats/facts.js';
import { placeOf, placeText } from './place.js';
import { codeFrame } from './code-frame.js';
import { summarize, type CheckedDocument, type Summary } from './document.js';

export type { CheckedDocument } from './document.js';

const ANSI = { red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', blue: '\u001b[34m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/** Documents named in the summary line before it says only how many more there are. */
const MAX_NAMED = 5;

/** The documents whose structure was not checked, as the summary line names them. */
function uncheckedList(paths: readonly string[], locale: Locale): string {
  const named = paths.slice(0, MAX_NAMED).join(locale === 'zh' ? '、' : ', ');
  if (paths.length <= MAX_NAMED) return named;
  return locale === 'zh' ? `${named}等` : `${named} and ${paths.length - MAX_NAMED} more`;
}

/** The summary line in a locale. */
export function summaryLine(s: Summary, locale: Locale): string {
  const total = s.errors + s.warnings + s.infos;
  // Silence on a text of no known kind is not a pass: the line says its structure went unchecked.
  const unchecked = s.structureUnchecked ?? [];
  if (locale === 'zh') {
    const accepted = s.baselined > 0 ? `,基线已接受 ${s.baselined} 个` : '';
    const structure = unchecked.length > 0 ? `;未识别报告类型、未做结构检查 ${unchecked.length} 个文件(${uncheckedList(unchecked, locale)})` : '';
    return `${s.files} 个文件,${total} 个问题(错误 ${s.errors},警告 ${s.warnings},提示 ${s.infos}${accepted});核验通过 ${s.holds} 项,不符 ${s.fails} 项,无法核验 ${s.unverifiable} 项${structure}`;
  }
  const accepted = s.baselined > 0 ? `, ${s.baselined} accepted by the baseline` : '';
  const structure = unchecked.length > 0 ? `; structure not checked (kind not recognised): ${unchecked.length} file(s) (${uncheckedList(unchecked, locale)})` : '';
  return `${s.files} file(s), ${total} problem(s) (${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos${accepted}); claims: ${s.holds} verified, ${s.fails} failed, ${s.unverifiable} unverifiable${structure}`;
}

/** What a file header says besides the path: a non-text format or a non-UTF-8 encoding. */
function fileNote(doc: CheckedDocument, locale: Locale): string {
  const notes: string[] = [];
  if (doc.format === 'html') notes.push('HTML');
  if (countsParagraphs(doc.format)) notes.push(locale === 'zh' ? `.${doc.format},位置为 段落:字符` : `.${doc.format}, paragraph:character`);
  if (doc.format === 'pdf') notes.push(locale === 'zh' ? 'PDF,位置为 行:列(按提取的文字),并注明第几页第几行' : 'PDF, line:column of the extracted text, with the page and its line');
  if (doc.encoding && doc.encoding !== 'utf-8') notes.push(doc.encoding.toUpperCase());
  if (notes.length === 0) return '';
  return locale === 'zh' ? `(${notes.join(',')})` : ` (${notes.join(', ')})`;
}

/**
 * Severity words, padded to one terminal width per locale so messages start in one column:
 * the Chinese words are all two wide characters.
 */
export const SEVERITY_WORDS: Record<Locale, Record<'error' | 'warning' | 'info', string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error  ', warning: 'warning', info: 'info   ' },
};

/**
 * The readable report: per file, each finding with line:column, severity, message and rule id,
 * then the offending line with carets under the figure, then a summary line.
 */
export function formatStylish(docs: readonly CheckedDocument[], options: { color: boolean; locale: Locale }): string {
  const c = (code: keyof typeof ANSI, s: string): string => (options.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const out: string[] = [];
  for (const doc of docs) {
    if (doc.diagnostics.length === 0) continue;
    out.push(c('bold', doc.path) + c('dim', fileNote(doc, options.locale)));
    const words = SEVERITY_WORDS[options.locale];
    for (const d of doc.diagnostics) {
      const sev = d.severity === 'error' ? c('red', words.error) : d.severity === 'warning' ? c('yellow', words.warning) : c('blue', words.info);
      // A PDF's lines run on across pages: the page and its line say where a reader finds it.
      const page = doc.pageStarts ? ` ${c('dim', placeText(placeOf(doc, { offset: d.range.start, line: d.line, column: d.column }), options.locale))}` : '';
      out.push(`  ${c('dim', `${d.line}:${d.column}`.padEnd(8))} ${sev}  ${d.message}  ${c('dim', d.ruleId)}${page}`);
      const frame = codeFrame(doc.text, d.range.start, d.range.end);
      const gutter = String(d.line).padStart(6);
      out.push(`${c('dim', `${gutter} |`)} ${frame.line}`);
      out.push(`${c('dim', `${' '.repeat(6)} |`)} ${c('red', frame.carets)}`);
      for (const r of d.related) out.push(c('dim', `${' '.repeat(9)}${r.document ? `${r.document}:` : ''}${r.line}:${r.column} ${r.message}`));
      // The fix comes last, under the figures that justify it, as the finding's conclusion.
      if (d.suggestion) out.push(`${' '.repeat(9)}${c('green', `${options.locale === 'zh' ? '建议:' : 'suggestion: '}${d.suggestion.message}`)}`);
    }
    out.push('');
  }
  const s = summarize(docs);
  const line = summaryLine(s, options.locale);
  out.push(s.errors + s.warnings + s.infos > 0 ? c(s.errors > 0 ? 'red' : 'yellow', line) : line);
  return out.join('\n');
}
