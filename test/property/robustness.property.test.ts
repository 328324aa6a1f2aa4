import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex, parseReport, type Report } from '../../src/index.js';
import { seedText } from '../helpers.js';
import { reportLikeText } from '../../src/testing/figures.js';

const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 300);

/** Invariants every parse must keep, whatever the input. */
function checkInvariants(text: string, report: Report): void {
  expect(report.text).toBe(text);
  expect(report.normalized).toHaveLength(text.length);
  expect(report.notes.filter((n) => n.code === 'internal-error')).toEqual([]);
  const inBounds = (r: { start: number; end: number }): void => {
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeLessThanOrEqual(text.length);
    expect(r.start).toBeLessThanOrEqual(r.end);
  };
  let lastEnd = 0;
  for (const q of report.quantities) {
    inBounds(q.range);
    expect(q.range.start).toBeGreaterThanOrEqual(lastEnd); // in order, never overlapping
    lastEnd = q.range.end;
    expect(q.numberRange.start).toBeGreaterThanOrEqual(q.range.start);
    expect(q.numberRange.end).toBeLessThanOrEqual(q.range.end);
    expect(q.interval.lo.lte(q.value) && q.interval.hi.gte(q.value)).toBe(true);
  }
  for (const x of [...report.dates, ...report.identifiers, ...report.paragraphs, ...report.sentences]) inBounds(x.range);
  for (const p of report.paragraphs) expect(p.bodyStart).toBeGreaterThanOrEqual(p.range.start);
}

describe('parseReport never throws and keeps its invariants', () => {
  it('on arbitrary Unicode, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        checkInvariants(text, parseReport(text));
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });

  it('on text assembled from report-like tokens', () => {
    fc.assert(
      fc.property(reportLikeText, (text) => {
        checkInvariants(text, parseReport(text));
      }),
      { numRuns: RUNS * 2, seed: 43 },
    );
  });

  it('on non-string input passed from untyped callers', () => {
    for (const bad of [undefined, null, 42, {}] as unknown[]) {
      expect(() => parseReport(bad as string)).not.toThrow();
    }
  });
});

describe('positions survive full-width punctuation, NBSP, CRLF and a BOM', () => {
  const base = seedText('street');
  const baseReport = parseReport(base);
  const summary = (r: Report) => ({
    quantities: r.quantities.map((q) => [q.range.start, q.range.end, q.value.toString(), q.unit]),
    headings: r.paragraphs.filter((p) => p.role === 'heading').map((p) => p.range.start),
    sections: r.sections.length,
  });

  it('same figures at the same offsets when punctuation is widened or spaces changed', () => {
    const wide: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', ' ': '\u00a0' };
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: base.length, maxLength: base.length }), (flips) => {
        let text = '';
        for (let i = 0; i < base.length; i++) {
          const c = base[i]!;
          text += flips[i] && wide[c] ? wide[c] : c;
        }
        expect(summary(parseReport(text))).toEqual(summary(baseReport));
      }),
      { numRuns: 20, seed: 44 },
    );
  });

  it('CRLF line ends and a BOM keep line numbers and values', () => {
    const crlf = '\ufeff' + base.replace(/\n/g, '\r\n');
    const r = parseReport(crlf);
    const idxA = new LineIndex(base);
    const idxB = new LineIndex(crlf);
    expect(r.quantities).toHaveLength(baseReport.quantities.length);
    r.quantities.forEach((q, i) => {
      const a = baseReport.quantities[i]!;
      expect(q.value.equals(a.value)).toBe(true);
      expect(crlf.slice(q.range.start, q.range.end)).toBe(base.slice(a.range.start, a.range.end));
      const pa = idxA.position(a.range.start);
      const pb = idxB.position(q.range.start);
      expect(pb.line).toBe(pa.line);
      // Only the BOM shifts columns, and only on line 1.
      expect(pb.column).toBe(pa.line === 1 ? pa.column + 1 : pa.column);
    });
  });
});
