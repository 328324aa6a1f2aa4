import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { CheckedDocument } from './document.js';
import { formatRdjson } from './rdjson.js';

interface Rd {
  source: { name: string; url: string };
  diagnostics: Array<{
    message: string;
    location: { path: string; range?: { start: { line: number; column?: number }; end?: { line: number; column?: number } } };
    severity: string;
    code: { value: string };
    suggestions?: Array<{ range: unknown; text: string }>;
    related_locations?: Array<{ message: string; location: { path: string; range?: unknown } }>;
  }>;
}

/** A finding over `at` (the first occurrence in `text`), with line and column as UTF-16 units. */
function finding(text: string, at: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  const start = text.indexOf(at);
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = start - before.lastIndexOf('\n');
  return {
    ruleId: 'rate-matches-counts',
    messageId: 'm',
    severity: 'warning',
    message: '示例',
    range: { start, end: start + at.length },
    line,
    column,
    endLine: line,
    endColumn: column + at.length,
    sectionPath: [],
    evidence: { figures: [] },
    related: [],
    fingerprint: 'f',
    ...extra,
  };
}

function doc(text: string, diagnostics: Diagnostic[], extra: Partial<CheckedDocument> = {}): CheckedDocument {
  return { path: 'reports/报告.txt', text, diagnostics, claims: [], format: 'text', ...extra };
}

const rd = (docs: CheckedDocument[], locale: 'zh' | 'en' = 'zh'): Rd => JSON.parse(formatRdjson(docs, { locale })) as Rd;

describe('formatRdjson', () => {
  it('counts columns in UTF-8 bytes: 3 for each CJK character before the finding', () => {
    const text = '标题\n办结率96.6%系截断所得\n';
    const d = finding(text, '96.6%', { severity: 'error' });
    expect(d.column).toBe(4);
    const out = rd([doc(text, [d])]);
    expect(out.source).toEqual({ name: 'jiaohe', url: 'https://www.npmjs.com/package/jiaohe' });
    expect(out.diagnostics).toEqual([
      {
        message: '示例',
        location: { path: 'reports/报告.txt', range: { start: { line: 2, column: 3 * 3 + 1 }, end: { line: 2, column: 3 * 3 + 5 + 1 } } },
        severity: 'ERROR',
        code: { value: 'rate-matches-counts' },
      },
    ]);
  });

  it('counts a surrogate pair as 4 bytes, ASCII as 1, and the CR of a CRLF line as part of it', () => {
    const text = 'a\r\n𠀋b中x\r\n';
    const d = finding(text, 'x');
    expect(rd([doc(text, [d])]).diagnostics[0]!.location.range).toEqual({ start: { line: 2, column: 4 + 1 + 3 + 1 }, end: { line: 2, column: 4 + 1 + 3 + 2 } });
    // A lone surrogate is written out as U+FFFD, 3 bytes.
    const lone = '\ud840x';
    expect(rd([doc(lone, [finding(lone, 'x')])]).diagnostics[0]!.location.range!.start).toEqual({ line: 1, column: 4 });
  });

  it('gives a suggestion only for a finding with a replacement, over the same range', () => {
    const text = '办结率96.6%系截断所得';
    const withFix = finding(text, '96.6%', { suggestion: { message: '改为96.7%', replacement: '96.7%' } });
    const noReplacement = finding(text, '办结率', { severity: 'info', suggestion: { message: '核对' } });
    const [a, b] = rd([doc(text, [withFix, noReplacement])]).diagnostics;
    expect(a!.suggestions).toEqual([{ range: a!.location.range, text: '96.7%' }]);
    expect(b!.suggestions).toBeUndefined();
    expect(b!.severity).toBe('INFO');
    // Nor in a .docx, whose text is not the file's.
    const word = rd([doc(text, [withFix], { path: 'a.docx', format: 'docx' })]).diagnostics[0]!;
    expect(word.suggestions).toBeUndefined();
  });

  it('gives a .docx or PDF finding its path and says the place in the message', () => {
    const text = '标题\n办结率96.6%\n';
    const d = finding(text, '96.6%', { related: [{ range: { start: 0, end: 2 }, line: 1, column: 1, message: '标题' }] });
    const word = rd([doc(text, [d], { path: 'a.docx', format: 'docx' })]).diagnostics[0]!;
    expect(word.location).toEqual({ path: 'a.docx' });
    expect(word.message).toBe('第2段:示例');
    expect(word.related_locations).toEqual([{ message: '第1段:标题', location: { path: 'a.docx' } }]);
    const pdf = rd([doc(text, [d], { path: 'a.pdf', pageStarts: [0, 3] })], 'en').diagnostics[0]!;
    expect(pdf.message).toBe('page 2, line 1: 示例');
    expect(pdf.location).toEqual({ path: 'a.pdf' });
  });

  it('locates related locations in the same and in another document, and leaves out baselined findings', () => {
    const parentText = '全区共有24个镇街';
    const parent = doc(parentText, [], { path: 'district.txt' });
    const text = '本街道办结率100%';
    const d = finding(text, '100%', {
      related: [
        { range: { start: 6, end: 10 }, line: 1, column: 7, message: '100%' },
        { range: { start: 4, end: 7 }, line: 1, column: 5, message: '24个', document: 'district.txt' },
        { range: { start: 0, end: 1 }, line: 7, column: 1, message: '别处', document: 'missing.txt' },
      ],
    });
    const out = rd([parent, doc(text, [d], { path: 'street.txt', baselined: [finding(text, '本街道')] })]);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]!.related_locations).toEqual([
      { message: '100%', location: { path: 'street.txt', range: { start: { line: 1, column: 6 * 3 + 1 }, end: { line: 1, column: 6 * 3 + 5 } } } },
      { message: '24个', location: { path: 'district.txt', range: { start: { line: 1, column: 4 * 3 + 1 }, end: { line: 1, column: 4 * 3 + 2 + 3 + 1 } } } },
      { message: '别处', location: { path: 'missing.txt', range: { start: { line: 7 } } } },
    ]);
  });
});
