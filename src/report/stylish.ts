import type { Locale } from '../engine/messages.js';
import { codeFrame } from './code-frame.js';
import { summarize, type CheckedDocument } from './document.js';

export type { CheckedDocument } from './document.js';

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/** The readable report: per file, each finding with position, severity, message, rule and the offending text. */
export function formatStylish(docs: readonly CheckedDocument[], options: { color: boolean; locale: Locale }): string {
  const c = (code: keyof typeof ANSI, s: string): string => (options.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const zh = options.locale === 'zh';
  const out: string[] = [];
  for (const doc of docs) {
    if (doc.diagnostics.length === 0) continue;
    out.push(c('bold', doc.path));
    const lineStarts = [0];
    for (let i = 0; i < doc.text.length; i++) if (doc.text[i] === '\n') lineStarts.push(i + 1);
    for (const d of doc.diagnostics) {
      const sev = d.severity === 'error' ? c('red', 'error  ') : d.severity === 'warning' ? c('yellow', 'warning') : c('blue', 'info   ');
      out.push(`  ${c('dim', `${d.line}:${d.column}`.padEnd(8))} ${sev}  ${d.message}  ${c('dim', d.ruleId)}`);
      const frame = codeFrame(doc.text, lineStarts[d.line - 1] ?? 0, d.range.start, d.range.end);
      const gutter = String(d.line).padStart(6);
      out.push(`${c('dim', `${gutter} |`)} ${frame.line}`);
      out.push(`${c('dim', `${' '.repeat(6)} |`)} ${c('red', frame.carets)}`);
      for (const r of d.related) out.push(c('dim', `${' '.repeat(9)}${r.line}:${r.column} ${r.message}`));
    }
    out.push('');
  }
  const s = summarize(docs);
  const total = s.errors + s.warnings + s.infos;
  const line = zh
    ? `${s.files} 个文件,${total} 个问题(错误 ${s.errors},警告 ${s.warnings},提示 ${s.infos});核验通过 ${s.holds} 项,不符 ${s.fails} 项,无法核验 ${s.unverifiable} 项`
    : `${s.files} file(s), ${total} problem(s) (${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos); claims: ${s.holds} verified, ${s.fails} failed, ${s.unverifiable} unverifiable`;
  out.push(total > 0 ? c(s.errors > 0 ? 'red' : 'yellow', line) : line);
  return out.join('\n');
}
