import { z } from 'zod';
import { defineCrossRule } from '../../src/cross/rule.js';

/** A street's report and its district's cover the same year. */
export const crossYearMatches = defineCrossRule({
  meta: {
    id: 'cross-year-matches',
    type: 'problem',
    docs: { description: { zh: '街道报告与区报告应为同一年度', en: 'Linked reports cover the same year' }, url: 'rules/cross-year-matches/README.md' },
    messages: {
      mismatch: { zh: '本报告为{childYear}年度,而上级{parent}的报告为{parentYear}年度', en: 'This report is on {childYear}, but its parent {parent} reports on {parentYear}' },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  checkCross(ctx) {
    for (const { child, parent } of ctx.links) {
      const a = child.report.metadata.reportingYear;
      const b = parent.report.metadata.reportingYear;
      if (!a || !b) {
        ctx.compare({ document: child.id, others: [parent.id], what: 'reporting year', verdict: 'unverifiable', evidence: { figures: [], note: 'a reporting year is missing' }, range: { start: 0, end: 0 } });
        continue;
      }
      const holds = a.year === b.year;
      const range = a.range ?? { start: 0, end: 0 };
      ctx.compare({ document: child.id, others: [parent.id], what: 'reporting year', verdict: holds ? 'holds' : 'fails', evidence: { figures: [], computed: String(a.year), expected: String(b.year) }, range });
      if (!holds) {
        ctx.report({
          document: child.id,
          messageId: 'mismatch',
          data: { childYear: a.year, parentYear: b.year, parent: parent.id },
          range,
          evidence: { figures: [], computed: String(a.year), expected: String(b.year) },
          ...(b.range ? { related: [{ range: b.range, message: `${b.year}`, document: parent.id }] } : {}),
        });
      }
    }
  },
});
