import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures } from '../../src/engine/rule-helpers.js';

/** The same figure stated twice must agree at the precision of each statement. */
export const restatementConsistent = defineRule({
  meta: {
    id: 'restatement-consistent',
    type: 'problem',
    docs: {
      description: { zh: '同一数据在不同段落中的表述应一致', en: 'The same figure stated in two places agrees' },
      url: 'rules/restatement-consistent/README.md',
    },
    messages: {
      mismatch: { zh: '{metric}前后表述不一致:此处为{second},前文为{first}', en: '{metric} is stated as {second} here but {first} earlier' },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('restatement')) {
      if (claim.verdict !== 'fails') continue;
      const [second, first] = claim.figures;
      ctx.report({
        messageId: 'mismatch',
        data: { metric: claim.metric, first: first?.text ?? '', second: second?.text ?? '' },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
      });
    }
  },
});
