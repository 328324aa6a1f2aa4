import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures, statedText } from '../../src/engine/rule-helpers.js';

/** A stated rate must match the counts it is computed from, at its shown precision. */
export const rateMatchesCounts = defineRule({
  meta: {
    id: 'rate-matches-counts',
    type: 'problem',
    docs: {
      description: { zh: '比率应与其计算所依据的数量相符', en: 'A stated rate matches the counts it is computed from' },
      url: 'rules/rate-matches-counts/README.md',
    },
    messages: {
      mismatch: { zh: '{name}{stated}与数据不符:{expression},应为{expected}', en: '{name} {stated} does not match the counts: {expression}, expected {expected}' },
      overstated: {
        zh: '{name}{stated}高于按总数计算的结果:{expression};若以应办结数为基数,应写明该数',
        en: '{name} {stated} is above what the total gives: {expression}; if it is computed on the items due, state their number',
      },
      ambiguous: {
        zh: '{name}{stated}按文中所称基数计算不符({expression}),仅以{base}为基数时相符;请写明计算基数',
        en: '{name} {stated} does not match the base the text names ({expression}); it fits only on {base}: state the base',
      },
      truncated: {
        zh: '{name}{stated}系截断所得:{expression},按四舍五入应为{expected}',
        en: '{name} {stated} was truncated: {expression} rounds to {expected}',
      },
    },
    options: z.object({
      /** Report rates that match only when truncated (116/120 written 96.6%). */
      reportTruncation: z.boolean().default(true),
    }),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('rate')) {
      if (claim.ambiguous) {
        const fit = claim.figures.find((f) => f.role === 'base that fits');
        ctx.report({
          messageId: 'ambiguous',
          data: { name: claim.name, stated: statedText(claim), expression: claim.evidence.expression ?? '', base: fit?.text ?? claim.evidence.base ?? '' },
          range: claim.range,
          evidence: claim.evidence,
          related: relatedFigures(claim, ctx.locale),
          // Not wrong, only unstated: the writer is asked to name the base.
          severity: 'info',
        });
        continue;
      }
      if (claim.verdict !== 'fails') continue;
      if (claim.truncated && !ctx.options.reportTruncation) continue;
      const expected = claim.suggestion ?? claim.evidence.expected ?? '';
      ctx.report({
        messageId: claim.truncated ? 'truncated' : claim.baseKind === 'total' && claim.overstated ? 'overstated' : 'mismatch',
        data: { name: claim.name, stated: statedText(claim), expression: claim.evidence.expression ?? '', expected },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
        ...(claim.suggestion
          ? { suggestion: { message: ctx.locale === 'zh' ? `改为${claim.suggestion}` : `write ${claim.suggestion}`, replacement: claim.suggestion } }
          : {}),
        // Truncation is a rounding slip, not a wrong figure (DOMAIN.md: a milder finding). A rate
        // above what the total received gives may be computed on the items due (应办结), which the
        // report does not state: a warning, not an error.
        ...(claim.truncated || (claim.baseKind === 'total' && claim.overstated) ? { severity: 'warning' as const } : {}),
      });
    }
  },
});
