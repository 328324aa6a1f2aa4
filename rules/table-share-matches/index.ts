import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures, statedText } from '../../src/engine/rule-helpers.js';

/** A share cell (`84.97%`) must be its count cell over the base the table names, at its shown precision. */
export const tableShareMatches = defineRule({
  meta: {
    id: 'table-share-matches',
    type: 'problem',
    docs: {
      description: { zh: '表格中的占比应等于同行数量除以表格给出的合计', en: 'A table share equals its count over the total the table gives' },
      url: 'rules/table-share-matches/README.md',
    },
    messages: {
      mismatch: {
        zh: '表格“{label}”行的占比{stated}与数据不符:{expression},应为{expected}',
        en: 'In table row “{label}”, the share {stated} does not match: {expression}, expected {expected}',
      },
      truncated: {
        zh: '表格“{label}”行的占比{stated}系截断所得:{expression},按四舍五入应为{expected}',
        en: 'In table row “{label}”, the share {stated} was truncated: {expression} rounds to {expected}',
      },
    },
    options: z.object({
      /** Report shares that match only when truncated (2/3 written 66.66%). */
      reportTruncation: z.boolean().default(true),
    }),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('tableShare')) {
      if (claim.verdict !== 'fails') continue;
      if (claim.truncated && !ctx.options.reportTruncation) continue;
      const expected = claim.suggestion ?? claim.evidence.expected ?? '';
      ctx.report({
        messageId: claim.truncated ? 'truncated' : 'mismatch',
        data: {
          label: claim.label?.text ?? (ctx.locale === 'en' ? '(no label)' : '(无标签)'),
          stated: statedText(claim),
          expression: claim.evidence.expression ?? '',
          expected,
        },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
        ...(claim.suggestion
          ? { suggestion: { message: ctx.locale === 'zh' ? `改为${claim.suggestion}` : `write ${claim.suggestion}`, replacement: claim.suggestion } }
          : {}),
        // Truncation is a rounding slip, not a wrong figure: a warning, as for rates in prose.
        ...(claim.truncated ? { severity: 'warning' as const } : {}),
      });
    }
  },
});
