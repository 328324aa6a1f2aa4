import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { statedText } from '../../src/engine/rule-helpers.js';

/** Rates whose numerator is part of their base (办结率, 满意率 …) cannot pass 100%. */
export const rateWithinBounds = defineRule({
  meta: {
    id: 'rate-within-bounds',
    type: 'problem',
    docs: {
      description: { zh: '办结率、满意率等比率不得超过100%(上报率等对照指标的比率除外)', en: 'Subset rates (办结率, 满意率 …) cannot exceed 100%; quota rates (上报率) can' },
      url: 'rules/rate-within-bounds/README.md',
    },
    messages: {
      over: { zh: '{name}{stated}超过100%:其分子是分母的一部分,不可能超过100%', en: '{name} {stated} exceeds 100%: its numerator is part of its base' },
    },
    options: z.object({
      /** More rate names to treat as bounded by 100%. */
      bounded: z.array(z.string()).default([]),
    }),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('rate')) {
      const bounded = claim.bounded || ctx.options.bounded.includes(claim.name);
      if (!bounded) continue;
      const stated = claim.figures.find((f) => f.role === 'rate');
      // In decimals, as every comparison of figures: the interval's ends are exact decimal strings.
      if (!stated || !new Decimal(stated.interval.lo).gt(100)) continue;
      ctx.report({
        messageId: 'over',
        data: { name: claim.name, stated: statedText(claim) },
        range: claim.range,
        evidence: { figures: [stated], computed: `${stated.interval.lo}%`, expected: '≤ 100%' },
      });
    }
  },
});
