import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CROSS_RULES } from '../../rules/index.js';
import { checkReports, type CheckReportsResult } from '../../src/index.js';
import type { Range } from '../../src/model/range.js';
import {
  familyArbitrary,
  familyMutationArbitrary,
  type FamilyMutation,
  type FamilyMutationName,
  type GeneratedFamily,
} from '../../src/testing/family.js';

/**
 * Every cross-document rule against generated families (a district and 1–4 of its streets):
 * silent on families consistent by construction, and after each mutation that breaks one thing,
 * exactly the finding it must give, in the right document at the right place. `checkReports` on
 * a family costs a few milliseconds, so the default is smaller than for single reports;
 * JIAOHE_PROP_RUNS scales every property.
 */
const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 200);

const CROSS_IDS = new Set(BUILTIN_CROSS_RULES.map((r) => r.meta.id));
/**
 * Cross rules whose properties live elsewhere: generated families are 法治政府 reports of one
 * year, and cross-year-carryover compares two years of a 政府信息公开 report
 * (test/property/xxgk.property.test.ts).
 */
const ELSEWHERE = new Set(['cross-year-carryover']);

interface Finding {
  ruleId: string;
  messageId: string;
  document: string;
  range: Range;
  text: string;
}

/** What each cross rule is checked with: the mutations that must make it speak, and its comparisons on a consistent family. */
const PROPERTIES: Record<string, { seed: number; mutations: FamilyMutationName[]; comparisons: (f: GeneratedFamily) => number }> = {
  // One comparison of years per street.
  'cross-year-matches': { seed: 101, mutations: ['wrongYear'], comparisons: (f) => f.streets.length },
  // One comparison of districts per street.
  'cross-parent-matches': { seed: 102, mutations: ['foreignParent'], comparisons: (f) => f.streets.length },
  // Every figure a street states of itself, against the district's: the decoys (a quoted 全区 total, last year's counts) are not compared.
  'cross-child-within-parent': { seed: 103, mutations: ['raiseChild'], comparisons: (f) => f.streets.reduce((n, s) => n + s.figures.length, 0) },
  // One sum per metric that at least one street states.
  'cross-children-sum-within-parent': {
    seed: 104,
    mutations: ['overflowSum'],
    comparisons: (f) => f.parent.figures.filter((g) => f.streets.some((s) => s.figures.some((x) => x.metric === g.metric))).length,
  },
  // Per street citing the platform: its wording, and its version when it gives one; per street citing the number of 镇街: that count.
  'cross-shared-facts-agree': {
    seed: 105,
    mutations: ['otherVersion'],
    comparisons: (f) => f.streets.reduce((n, s) => n + (s.platform ? 1 + (s.platform.version ? 1 : 0) : 0) + (s.townCount ? 1 : 0), 0),
  },
};

/** Every cross-rule finding, in a stable order. */
function crossFindings(r: CheckReportsResult): Finding[] {
  return r.documents
    .flatMap(({ id, result }) =>
      result.diagnostics
        .filter((d) => CROSS_IDS.has(d.ruleId))
        .map((d) => ({ ruleId: d.ruleId, messageId: d.messageId, document: id, range: { start: d.range.start, end: d.range.end }, text: result.report.text.slice(d.range.start, d.range.end) })),
    )
    .sort(byPlace);
}

function byPlace(a: Finding, b: Finding): number {
  return a.document.localeCompare(b.document) || a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId);
}

/** A family in one line, for fast-check's counterexample. */
function summary(f: GeneratedFamily): string {
  const figures = (r: GeneratedFamily['parent']) => r.figures.map((x) => x.text).join(' ');
  return `family(${f.city}${f.district} ${f.year}: ${[f.parent, ...f.streets].map((r) => `${r.id} [${figures(r)}]`).join(', ')})`;
}

/** The same arbitrary, its values shown in one line in counterexamples. */
function shown<T extends object>(arb: fc.Arbitrary<T>, show: (t: T) => string): fc.Arbitrary<T> {
  return arb.map((t) => Object.assign(t, { [fc.toStringMethod]: () => show(t) }));
}

/** Runs `body`; when it fails, the error carries every report's text, so the counterexample can be read. */
function explained(reports: ReadonlyArray<{ id: string; text: string }>, parents: Record<string, string> | undefined, body: () => void): void {
  try {
    body();
  } catch (error) {
    const texts = reports.map((r) => `──── ${r.id}${parents?.[r.id] ? ` (parent given: ${parents[r.id]})` : ''}\n${r.text}`).join('\n');
    if (error instanceof Error) error.message += `\n\nThe reports:\n${texts}`;
    throw error;
  }
}

/** Findings other cross rules rightly give after a mutation, besides the expected one. */
function impliedBy(family: GeneratedFamily, m: FamilyMutation): Finding[] {
  switch (m.name) {
    case 'raiseChild': {
      // A street above the district puts the streets' sum above it too.
      const street = family.streets.find((s) => s.id === m.expected.document)!;
      const figure = street.figures.filter((f) => f.sentence.start <= m.expected.range.start).at(-1)!;
      const bound = family.parent.figures.find((g) => g.metric === figure.metric)!;
      return [{ ruleId: 'cross-children-sum-within-parent', messageId: 'exceeds', document: family.parent.id, range: bound.range, text: bound.text }];
    }
    case 'wrongYear': {
      // A street of another year is not among the district's reports of its year: one of the 镇街 named is missing.
      const count = family.parent.townCount;
      return count ? [{ ruleId: 'cross-children-sum-within-parent', messageId: 'incomplete', document: family.parent.id, range: count.range, text: count.text }] : [];
    }
    default:
      return [];
  }
}

const families = shown(familyArbitrary(), summary);

describe.each(Object.entries(PROPERTIES))('%s', (ruleId, property) => {
  it('reports nothing on consistent families, and compares every pair it should (all hold)', () => {
    fc.assert(
      fc.property(families, (family) => {
        explained(family.reports, undefined, () => {
          const r = checkReports(family.reports);
          expect(r.unplaced).toEqual([]);
          expect(r.links).toHaveLength(family.streets.length);
          expect(crossFindings(r).filter((f) => f.ruleId === ruleId)).toEqual([]);
          const compared = r.comparisons.filter((c) => c.ruleId === ruleId);
          expect(compared.filter((c) => c.verdict !== 'holds').map((c) => [c.document, c.what, c.verdict])).toEqual([]);
          expect(compared).toHaveLength(property.comparisons(family));
        });
      }),
      { numRuns: RUNS, seed: property.seed },
    );
  });

  it.each(property.mutations)('after %s: exactly one finding of the rule, in the expected document at the expected range', (name) => {
    const arb = shown(familyMutationArbitrary(name), ({ family, mutation }) => `${mutation.name} of ${summary(family)} → ${JSON.stringify(mutation.expected)}`);
    fc.assert(
      fc.property(arb, ({ family, mutation }) => {
        explained(mutation.reports, mutation.parents, () => {
          const r = checkReports(mutation.reports, {}, mutation.parents ? { parents: mutation.parents } : {});
          const all = crossFindings(r);
          const e = mutation.expected;
          expect(e.ruleId).toBe(ruleId);
          // The planted text is where the expected range says.
          expect(mutation.reports.find((x) => x.id === e.document)!.text.slice(e.range.start, e.range.end)).toBe(e.text);
          expect(all.filter((f) => f.ruleId === ruleId)).toEqual([e]);
          // Nothing else, but what the break rightly implies for other rules.
          expect(all).toEqual([e, ...impliedBy(family, mutation)].sort(byPlace));
        });
      }),
      { numRuns: RUNS, seed: property.seed + 1000 },
    );
  });
});

describe('all cross rules together', () => {
  it('report nothing at all on consistent families', () => {
    fc.assert(
      fc.property(families, (family) => {
        explained(family.reports, undefined, () => {
          expect(crossFindings(checkReports(family.reports))).toEqual([]);
        });
      }),
      { numRuns: RUNS, seed: 100 },
    );
  });

  it('every built-in cross rule has a property, with at least one mutation', () => {
    expect(Object.keys(PROPERTIES).sort()).toEqual([...CROSS_IDS].filter((id) => !ELSEWHERE.has(id)).sort());
    for (const p of Object.values(PROPERTIES)) expect(p.mutations.length).toBeGreaterThan(0);
  });
});
