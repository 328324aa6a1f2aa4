import { z } from 'zod';
import { comparable, largest } from '../../src/cross/fact-helpers.js';
import { parentPlace, samePlace } from '../../src/cross/link.js';
import { defineCrossRule } from '../../src/cross/rule.js';

/** An additive count in a street's report is no larger than the same count in its district's. */
export const crossChildWithinParent = defineCrossRule({
  meta: {
    id: 'cross-child-within-parent',
    type: 'problem',
    docs: { description: { zh: '街道的可加总数据不应大于其所在区的同一数据', en: "A street's additive count is not larger than its district's" }, url: 'rules/cross-child-within-parent/README.md' },
    messages: {
      exceeds: { zh: '本报告{metric}为{child},大于上级{parent}报告的{parentValue}', en: 'This report counts {child} of {metric}, more than the {parentValue} of its parent {parent}' },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  checkCross(ctx) {
    for (const { child, parent } of ctx.links) {
      // Reports of different years, or a street that is not of the parent given, are not
      // compared figure by figure (cross-year-matches and cross-parent-matches say so).
      if (child.report.metadata.reportingYear?.year !== parent.report.metadata.reportingYear?.year) continue;
      if (!samePlace(child.report, parent.report) && parentPlace(child.report)) continue;
      for (const f of child.facts) {
        if (f.scope !== 'whole') continue;
        const metric = ctx.lexicon.metrics.find((m) => m.id === f.metric);
        if (!metric?.additive) continue;
        // The district's total is its largest whole figure of the metric: its other figures may
        // be a category, one street, a department or last year's, which bound nothing.
        const bound = largest(parent.facts.filter((g) => g.scope === 'whole' && !g.zero && comparable(f, g)));
        if (!bound) continue;
        const holds = f.interval.lo.lte(bound.interval.hi);
        const evidence = {
          figures: [
            { role: 'child', text: f.text, value: f.value, interval: { lo: f.interval.lo.toString(), hi: f.interval.hi.toString() }, range: f.range },
            { role: 'parent', text: bound.text, value: bound.value, interval: { lo: bound.interval.lo.toString(), hi: bound.interval.hi.toString() }, range: bound.range, document: parent.id },
          ],
          expression: `${f.value} ≤ ${bound.value}`,
          note: `${parent.id}`,
        };
        ctx.compare({ document: child.id, others: [parent.id], what: `${metric.zh}: ${f.text} ≤ ${bound.text}`, verdict: holds ? 'holds' : 'fails', evidence, range: f.range });
        if (!holds) {
          ctx.report({
            document: child.id,
            messageId: 'exceeds',
            data: { metric: metric.zh, child: f.text, parentValue: bound.text, parent: parent.id },
            range: f.range,
            evidence,
            related: [{ range: bound.range, message: `${metric.zh}: ${bound.text}`, document: parent.id }],
          });
        }
      }
    }
  },
});
