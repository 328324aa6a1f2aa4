/**
 * The generators of `jiaohe/testing` keep their promises: generated reports are consistent (no
 * rule finds anything), every planted claim is read where it was planted and holds, headings
 * parse at the levels planted, and the four required parts are found.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport, flattenSections, parseReport } from '../../src/index.js';
import { claimArbitrary, headingsArbitrary, reportArbitrary, type PlantedClaim } from '../../src/testing/index.js';

const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 200);
const params = { numRuns: RUNS, seed: 2021 };

/** The claim kind the engine gives each planted kind (a bounded rate is a rate with no counts). */
const ENGINE_KIND: Record<PlantedClaim['kind'], string> = {
  breakdown: 'breakdown',
  partition: 'partition',
  rate: 'rate',
  countedList: 'countedList',
  growth: 'growth',
  points: 'pointsChange',
  boundedRate: 'rate',
  zero: 'zeroClaim',
  amounts: 'breakdown',
};

describe('reportArbitrary', () => {
  it('gives reports in which no built-in rule finds anything', () => {
    fc.assert(
      fc.property(reportArbitrary(), (r) => {
        const found = checkReport(r.text).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}/${d.messageId} ${d.message}`);
        expect(found, r.text).toEqual([]);
      }),
      params,
    );
  });

  it('plants claims the engine reads at the planted places, and none fails', () => {
    fc.assert(
      fc.property(reportArbitrary(), (r) => {
        const { claims } = checkReport(r.text);
        for (const p of r.claims) {
          const hit = claims.find((c) => c.kind === ENGINE_KIND[p.kind] && c.range.start >= p.sentence.start && c.range.end <= p.sentence.end);
          expect(hit, `${p.kind} in ${r.text.slice(p.sentence.start, p.sentence.end)}`).toBeDefined();
          expect(hit!.verdict).not.toBe('fails');
        }
      }),
      params,
    );
  });

  it('records headings, figures and the signature at their ranges', () => {
    fc.assert(
      fc.property(reportArbitrary(), (r) => {
        const report = parseReport(r.text);
        const sections = flattenSections(report);
        for (const h of r.headings) {
          expect(r.text.slice(h.markerRange.start, h.markerRange.end)).toBe(h.marker);
          const s = sections.find((x) => x.range.start === h.range.start);
          expect(s?.marker.text, h.title).toBe(h.marker);
        }
        for (const p of r.claims) {
          const figures = Object.values(p).filter((v): v is { text: string; range: { start: number; end: number } } => typeof v === 'object' && v !== null && 'text' in v && 'range' in v);
          for (const f of figures) expect(r.text.slice(f.range.start, f.range.end)).toBe(f.text);
        }
        expect(r.text.slice(r.signature.date.start, r.signature.date.end)).toBe(r.signature.dateText);
        expect(r.text.slice(r.planYear.range.start, r.planYear.range.end)).toBe(r.planYear.text);
        expect(report.metadata.level).toBe(r.level);
        expect(report.metadata.reportingYear?.year).toBe(r.year);
      }),
      params,
    );
  });
});

describe('claimArbitrary and headingsArbitrary', () => {
  it.each(['breakdown', 'partition', 'rate', 'countedList', 'growth', 'points', 'boundedRate', 'zero', 'amounts'] as const)('a %s sentence is read and holds', (kind) => {
    fc.assert(
      fc.property(claimArbitrary(kind), ({ text, claim }) => {
        // One sentence is no known report kind; its document-kind note is not what is tested here.
        const { claims, diagnostics } = checkReport(text, { rules: { 'document-kind': 'off' } });
        const hit = claims.find((c) => c.kind === ENGINE_KIND[claim.kind]);
        expect(hit, text).toBeDefined();
        expect(hit!.verdict, text).not.toBe('fails');
        expect(diagnostics, text).toEqual([]);
      }),
      params,
    );
  });

  it.each([1, 2, 3, 4] as const)('headings at level %i parse as consecutive sections', (level) => {
    fc.assert(
      fc.property(headingsArbitrary(level), ({ text, markers }) => {
        const sections = flattenSections(parseReport(text));
        expect(sections.map((s) => s.marker.text)).toEqual(markers);
      }),
      params,
    );
  });
});
