import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures, statedText } from '../../src/engine/rule-helpers.js';

/** A change in a rate is written in 个百分点, not %. */
export const percentVsPoints = defineRule({
  meta: {
    id: 'percent-vs-points',
    type: 'suggestion',
    docs: {
      description: { zh: '比率的增减应以“个百分点”表述', en: 'A change in a rate is written in 个百分点 (percentage points)' },
      url: 'rules/percent-vs-points/README.md',
    },
    messages: {
      confirmed: { zh: '两个比率之差为{stated},应写作“{expected}”', en: 'The two rates differ by {stated}: write {expected}' },
      wrongDifference: { zh: '变化{stated}与两个比率之差不符:{computed}', en: 'The change {stated} is not the difference of the two rates: {computed}' },
      likely: { zh: '比率的变化通常以“个百分点”表述:{stated}可能应为“{expected}”', en: 'A change in a rate is usually written in 个百分点: {stated} may mean {expected}' },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('pointsChange')) {
      if (claim.written === 'points') {
        // 由92.3%提升至95.1%,提高3.8个百分点: the difference is 2.8.
        if (claim.verdict === 'fails') {
          ctx.report({
            messageId: 'wrongDifference',
            data: { stated: statedText(claim), computed: claim.evidence.computed ?? '' },
            range: claim.range,
            evidence: claim.evidence,
            related: relatedFigures(claim, ctx.locale),
          });
        }
        continue;
      }
      const expected = claim.evidence.expected ?? '';
      ctx.report({
        messageId: claim.confirmed ? 'confirmed' : 'likely',
        data: { stated: statedText(claim), expected },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
        suggestion: { message: ctx.locale === 'zh' ? `改为${expected}` : `write ${expected}`, replacement: expected },
        // Without two stated rates the writer may mean a relative change: only a hint.
        ...(claim.confirmed ? {} : { severity: 'info' as const }),
      });
    }
  },
});
