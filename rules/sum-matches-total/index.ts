import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures, statedText } from '../../src/engine/rule-helpers.js';

/** Parts listed after 其中/分别/包括 must add up to (or, for a partial list, not exceed) their total. */
export const sumMatchesTotal = defineRule({
  meta: {
    id: 'sum-matches-total',
    type: 'problem',
    docs: {
      description: { zh: '分项之和应等于总数(“包括…等”列举的分项不得超过总数)', en: 'Parts of a breakdown add up to their total; a partial list cannot exceed it' },
      url: 'rules/sum-matches-total/README.md',
    },
    messages: {
      exceeds: { zh: '分项之和{sum}大于总数{total}:{expression}', en: 'The parts add up to {sum}, more than the total {total}: {expression}' },
      partExceeds: { zh: '部分{part}大于整体{whole}', en: 'The part {part} is larger than its whole {whole}' },
      conflict: {
        zh: '总数{total}为{qualifier}数量,分项中却列有“{opposite}”一项:分项与总数口径不一',
        en: 'The total {total} counts {qualifier} items, yet this part is labelled {opposite}: the parts and the total are not counted alike',
      },
      short: { zh: '分项之和{sum}小于总数{total}:{expression}', en: 'The parts add up to {sum}, less than the total {total}: {expression}' },
    },
    options: z.object({
      /**
       * Report exhaustive lists (其中) that fall short of their total. Off by default: 其中 often
       * lists only some categories, or categories along another dimension (女性律师、党员律师).
       */
      reportShort: z.boolean().default(false),
    }),
    defaultSeverity: 'error',
  },
  check(ctx) {
    // A part larger than its whole (积分入学133名 of 积分申请118名; 其中投诉类2116件 of 1904件).
    for (const claim of ctx.claimsOf('subset')) {
      if (claim.verdict !== 'fails') continue;
      const whole = claim.figures.find((f) => f.role === 'whole');
      const part = claim.figures.find((f) => f.role === 'part');
      ctx.report({
        messageId: 'partExceeds',
        data: { part: part?.text ?? '', whole: whole?.text ?? '' },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
      });
    }
    for (const claim of ctx.claimsOf('breakdown')) {
      if (claim.verdict === 'fails' && claim.conflict && !claim.failure) {
        const { qualifier, opposite, part } = claim.conflict;
        ctx.report({
          messageId: 'conflict',
          data: { total: statedText(claim), qualifier, opposite },
          // On the part that does not belong; the total is a related place.
          range: part,
          evidence: claim.evidence,
          related: [{ range: claim.range, message: ctx.locale === 'zh' ? `${qualifier}总数` : `the ${qualifier} total` }],
          // The sum holds; the labels disagree: worth a look, not a wrong figure.
          severity: 'warning',
        });
        continue;
      }
      if (claim.verdict !== 'fails' || !claim.failure) continue;
      // A list that names its 其他 category (or whose shares make 100%) is complete: short is wrong.
      if (claim.failure === 'short' && !ctx.options.reportShort && !claim.closed) continue;
      ctx.report({
        messageId: claim.failure,
        data: { sum: claim.evidence.computed ?? '', total: statedText(claim), expression: claim.evidence.expression ?? '' },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
        // Falling short may mean the list is incomplete: milder than parts that exceed the whole.
        ...(claim.failure === 'short' ? { severity: 'warning' as const } : {}),
      });
    }
  },
});
