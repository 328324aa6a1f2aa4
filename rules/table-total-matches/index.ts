import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures, statedText } from '../../src/engine/rule-helpers.js';

/** A table's total cell (a 总计 column, a 合计 row) must equal the sum of the cells it totals. */
export const tableTotalMatches = defineRule({
  meta: {
    id: 'table-total-matches',
    type: 'problem',
    docs: {
      description: { zh: '表格中的总计、合计应等于其分项单元格之和', en: 'A table total (总计 column, 合计 row) equals the sum of the cells it totals' },
      url: 'rules/table-total-matches/README.md',
    },
    messages: {
      rowTotal: {
        zh: '表格“{label}”行的{name}{total}与同行分项之和{sum}不符:{expression}',
        en: 'In table row “{label}”, {name} {total} does not equal the sum of the row’s cells, {sum}: {expression}',
      },
      columnTotal: {
        zh: '表格“{label}”行的{total}与所合计各行之和{sum}不符:{expression}',
        en: 'In table row “{label}”, {total} does not equal the sum of the rows it totals, {sum}: {expression}',
      },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('tableTotal')) {
      if (claim.verdict !== 'fails') continue;
      const en = ctx.locale === 'en';
      ctx.report({
        messageId: claim.direction === 'row' ? 'rowTotal' : 'columnTotal',
        data: {
          label: claim.label?.text ?? (en ? '(no label)' : '(无标签)'),
          name: claim.totalName?.text ?? (en ? 'total' : '总计'),
          total: statedText(claim),
          sum: claim.evidence.computed ?? '',
          expression: claim.evidence.expression ?? '',
        },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
      });
    }
  },
});
