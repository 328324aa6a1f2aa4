import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures, statedText } from '../../src/engine/rule-helpers.js';

/** A figure in the text that restates a table row equals that row's value in the table. */
export const tableRestatementMatches = defineRule({
  meta: {
    id: 'table-restatement-matches',
    type: 'problem',
    docs: {
      description: { zh: '正文中复述表格的数字应与表格一致', en: 'A figure in the text that restates a table row equals the table' },
      url: 'rules/table-restatement-matches/README.md',
    },
    messages: {
      differs: {
        zh: '正文“{words}”{stated}与表格“{rows}”的{value}不一致',
        en: 'The text’s “{words}” {stated} differs from the table’s “{rows}”, {value}',
      },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('tableRestatement')) {
      if (claim.verdict !== 'fails') continue;
      ctx.report({
        messageId: 'differs',
        // One row: its value; several (本年新收 + 上年结转): their sum as the table adds it.
        data: {
          words: claim.words,
          stated: statedText(claim),
          rows: claim.rows.join(ctx.locale === 'en' ? ' + ' : '”“'),
          value: claim.rows.length > 1 ? (claim.evidence.expression ?? '') : (claim.evidence.expected ?? ''),
        },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
      });
    }
  },
});
