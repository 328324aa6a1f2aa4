import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { relatedFigures } from '../../src/engine/rule-helpers.js';

/**
 * The identities a document kind declares for its tables hold in every column: in a
 * 政府信息公开工作年度报告's table 三, 一 + 二 = (七)总计 + 四 ("本列数据的勾稽关系").
 */
export const tableIdentityHolds = defineRule({
  meta: {
    id: 'table-identity-holds',
    type: 'problem',
    docs: {
      description: {
        zh: '文书格式规定的表格勾稽关系(如第一项加第二项之和等于第三项加第四项之和)在每一列都应成立',
        en: 'The identities a document kind’s format declares for its tables hold in every column',
      },
      url: 'rules/table-identity-holds/README.md',
    },
    messages: {
      broken: {
        zh: '表格“{column}”列不符合勾稽关系“{name}”:{expression}',
        en: 'Column “{column}” breaks the identity “{name}”: {expression}',
      },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('tableIdentity')) {
      if (claim.verdict !== 'fails') continue;
      const en = ctx.locale === 'en';
      ctx.report({
        messageId: 'broken',
        // An identity the kind marks as only typical, not required by the format, is a warning.
        ...(claim.status === 'typical' ? { severity: 'warning' as const } : {}),
        data: {
          column: claim.column?.text ?? (en ? '(unnamed)' : '(未命名)'),
          name: en ? claim.name.en : claim.name.zh,
          expression: claim.evidence.expression ?? '',
        },
        range: claim.range,
        evidence: claim.evidence,
        related: relatedFigures(claim, ctx.locale),
      });
    }
  },
});
