import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures } from '../../src/engine/rule-helpers.js';

/** Something stated as zero (行政诉讼数量为0) must not be counted above zero elsewhere (8件一审案件败诉). */
export const zeroClaimContradiction = defineRule({
  meta: {
    id: 'zero-claim-contradiction',
    type: 'problem',
    docs: {
      description: { zh: '称为零的事项不应在别处出现非零数量', en: 'Something stated as zero is not counted above zero elsewhere' },
      url: 'rules/zero-claim-contradiction/README.md',
    },
    messages: {
      contradicted: { zh: '称{subject}为0,但另有{counts}', en: '{subject} is stated as zero, but elsewhere the report counts {counts}' },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('zeroClaim')) {
      if (claim.verdict !== 'fails') continue;
      ctx.report({
        messageId: 'contradicted',
        data: { subject: claim.subject, counts: claim.figures.map((f) => f.text).join(ctx.locale === 'zh' ? '、' : ', ') },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
      });
    }
  },
});
