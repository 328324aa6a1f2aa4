import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { parentPlace, samePlace } from '../../src/cross/link.js';
import { defineCrossRule } from '../../src/cross/rule.js';
import type { MetricFact } from '../../src/cross/facts.js';
import { comparable, smallest, townCount } from '../../src/cross/fact-helpers.js';

/** Summed over all of a district's streets given, an additive count does not pass the district's. */
export const crossChildrenSumWithinParent = defineCrossRule({
  meta: {
    id: 'cross-children-sum-within-parent',
    type: 'problem',
    docs: { description: { zh: '各街道可加总数据之和不应大于区的同一数据', en: "The sum over a district's streets does not pass the district's count" }, url: 'rules/cross-children-sum-within-parent/README.md' },
    messages: {
      exceeds: { zh: '{n}个下级报告的{metric}合计{sum},大于本报告的{parentValue}', en: 'The {n} reports below sum to {sum} of {metric}, more than the {parentValue} here' },
      incomplete: { zh: '本报告称有{total}个镇街,只给出了其中{n}个的报告', en: 'This report names {total} towns and streets; only {n} of their reports are given' },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  checkCross(ctx) {
    for (const { parent, children: all } of ctx.families) {
      const year = parent.report.metadata.reportingYear?.year;
      const children = all.filter((c) => c.report.metadata.reportingYear?.year === year && (samePlace(c.report, parent.report) || !parentPlace(c.report)));
      // One bound per metric: the district's largest whole figure (its total, not a category,
      // one street, a department or last year's).
      const bounds = new Map<string, MetricFact>();
      for (const g of parent.facts) {
        if (g.scope !== 'whole' || g.zero) continue;
        const key = `${g.metric}|${g.action}|${g.unit}|${g.tier}`;
        const best = bounds.get(key);
        if (!best || g.interval.lo.gt(best.interval.lo)) bounds.set(key, g);
      }
      for (const g of bounds.values()) {
        const metric = ctx.lexicon.metrics.find((m) => m.id === g.metric);
        if (!metric?.additive) continue;
        // One figure per child: its smallest whole-body count of the same thing, so that a
        // quoted or cumulative figure does not inflate the sum.
        const parts = children
          .map((c) => ({ child: c, fact: smallest(c.facts.filter((f) => f.scope === 'whole' && comparable(f, g))) }))
          .filter((x): x is { child: typeof x.child; fact: NonNullable<typeof x.fact> } => x.fact !== undefined);
        if (parts.length === 0) continue;
        const sum = parts.reduce((acc, p) => acc.plus(p.fact.interval.lo), new Decimal(0));
        const holds = sum.lte(g.interval.hi);
        const evidence = {
          figures: parts.map((p) => ({ role: `part (${p.child.id})`, text: p.fact.text, value: p.fact.value, interval: { lo: p.fact.interval.lo.toString(), hi: p.fact.interval.hi.toString() }, range: p.fact.range, document: p.child.id })),
          expression: `${parts.map((p) => p.fact.value).join('+')} = ${sum} ≤ ${g.value}`,
        };
        ctx.compare({ document: parent.id, others: parts.map((p) => p.child.id), what: `${metric.zh}: Σ ≤ ${g.text}`, verdict: holds ? 'holds' : 'fails', evidence, range: g.range });
        if (!holds) {
          ctx.report({
            document: parent.id,
            messageId: 'exceeds',
            data: { n: parts.length, metric: metric.zh, sum: sum.toString(), parentValue: g.text },
            range: g.range,
            evidence,
            related: parts.map((p) => ({ range: p.fact.range, message: `${p.child.id}: ${p.fact.text}`, document: p.child.id })),
          });
        }
      }
      // When the district says how many 镇街 it has, say how many reports are missing.
      const count = townCount(parent);
      if (count && count.interval.lo.gt(children.length)) {
        ctx.report({
          document: parent.id,
          messageId: 'incomplete',
          data: { total: count.value, n: children.length },
          range: count.range,
          evidence: { figures: [], computed: String(children.length), expected: count.value },
          severity: 'info',
        });
      }
    }
  },
});
