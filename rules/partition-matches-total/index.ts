import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures, statedText } from '../../src/engine/rule-helpers.js';

/** Done and pending counts must add up to their total (已结案 + 在办 = 总数). */
export const partitionMatchesTotal = defineRule({
  meta: {
    id: 'partition-matches-total',
    type: 'problem',
    docs: {
      description: { zh: '已办结数与在办数之和应等于总数', en: 'Done and pending counts add up to their total' },
      url: 'rules/partition-matches-total/README.md',
    },
    messages: {
      mismatch: { zh: '已办结与在办之和为{sum},与总数{total}不符:{expression}', en: 'Done and pending add up to {sum}, not the total {total}: {expression}' },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('partition')) {
      if (claim.verdict !== 'fails') continue;
      ctx.report({
        messageId: 'mismatch',
        data: { sum: claim.evidence.computed ?? '', total: claim.figures.find((f) => f.role === 'total')?.text ?? statedText(claim), expression: claim.evidence.expression ?? '' },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
      });
    }
  },
});
