import { z } from 'zod';
import { cityOf, parentPlace, samePlace } from '../../src/cross/link.js';
import { defineCrossRule } from '../../src/cross/rule.js';

/** A street's issuer belongs to the district given as its parent. */
export const crossParentMatches = defineCrossRule({
  meta: {
    id: 'cross-parent-matches',
    type: 'problem',
    docs: { description: { zh: '街道的发文机关应隶属于所给的上级区', en: "The street's issuer belongs to the district given as its parent" }, url: 'rules/cross-parent-matches/README.md' },
    messages: {
      mismatch: { zh: '本报告的发文机关属于{childDistrict},而所给上级报告属于{parentDistrict}', en: 'This report is issued in {childDistrict}, but its given parent is of {parentDistrict}' },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  checkCross(ctx) {
    for (const { link, child, parent } of ctx.links) {
      const a = parentPlace(child.report);
      const b = parentPlace(parent.report);
      if (!a || !b) {
        ctx.compare({ document: child.id, others: [parent.id], what: 'district', verdict: 'unverifiable', evidence: { figures: [], note: 'a district name is missing' }, range: { start: 0, end: 0 } });
        continue;
      }
      const holds = samePlace(child.report, parent.report);
      const childName = `${cityOf(child.report)?.name ?? ''}${a.name}`;
      const parentName = `${cityOf(parent.report)?.name ?? ''}${b.name}`;
      ctx.compare({ document: child.id, others: [parent.id], what: 'district', verdict: holds ? 'holds' : 'fails', evidence: { figures: [], computed: childName, expected: parentName, note: link.reason }, range: a.range });
      if (!holds) {
        ctx.report({
          document: child.id,
          messageId: 'mismatch',
          data: { childDistrict: childName, parentDistrict: parentName },
          range: a.range,
          evidence: { figures: [], computed: childName, expected: parentName },
          related: [{ range: b.range, message: b.name, document: parent.id }],
        });
      }
    }
  },
});
