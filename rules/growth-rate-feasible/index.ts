import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures } from '../../src/engine/rule-helpers.js';

/** A growth rate on a whole-number count must come from some whole-number prior value. */
export const growthRateFeasible = defineRule({
  meta: {
    id: 'growth-rate-feasible',
    type: 'problem',
    docs: {
      description: { zh: '整数计数的同比增幅应能由某个整数上年值得出', en: 'A growth rate on a whole-number count comes from a whole-number prior value' },
      url: 'rules/growth-rate-feasible/README.md',
    },
    messages: {
      statedMismatch: {
        zh: '由{prior}到{count}的变化为{computed},与所写{rate}不符',
        en: 'From {prior} to {count} is a change of {computed}, not {rate}',
      },
      infeasible: {
        zh: '{count}{phrase}{rate}:没有整数的上年值能得出这一增幅(上年值须在{lo}至{hi}之间)',
        en: '{count} with a {direction} of {rate}: no whole-number prior value gives this rate (it would lie between {lo} and {hi})',
      },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('growth')) {
      if (claim.verdict !== 'fails') continue;
      const rate = claim.figures.find((f) => f.role === 'growth')?.text ?? '';
      const count = claim.figures.find((f) => f.role === 'count')?.text ?? '';
      const direction = claim.direction === 'up' ? (ctx.locale === 'zh' ? '增长' : 'rise') : ctx.locale === 'zh' ? '下降' : 'fall';
      if (claim.statedPrior) {
        ctx.report({
          messageId: 'statedMismatch',
          data: { prior: claim.statedPrior, count, rate, computed: claim.computedRate ?? '' },
          range: claim.range,
          evidence: claim.evidence,
          related: relatedFigures(claim, ctx.locale),
        });
        continue;
      }
      ctx.report({
        messageId: 'infeasible',
        data: { count, rate, direction, phrase: claim.phrase, lo: claim.priorRange?.lo ?? '', hi: claim.priorRange?.hi ?? '' },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
      });
    }
  },
});
