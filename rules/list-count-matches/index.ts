import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { statedText } from '../../src/engine/rule-helpers.js';

/** A counted list (《A》、《B》等专题培训2次) cannot name more items than its count. */
export const listCountMatches = defineRule({
  meta: {
    id: 'list-count-matches',
    type: 'problem',
    docs: {
      description: { zh: '列举的项目数应与所写数量相符', en: 'The items of a counted list match its count' },
      url: 'rules/list-count-matches/README.md',
    },
    messages: {
      tooMany: { zh: '列举了{items}项,但写明{count}', en: '{items} items are listed but the count is {count}' },
      fewer: { zh: '列举了{items}项,少于所写的{count},且未写“等”', en: 'Only {items} items are listed for {count}, without 等' },
    },
    options: z.object({
      /** Also report lists naming fewer items than their count without 等 (each may have run twice). */
      reportFewer: z.boolean().default(false),
    }),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('countedList')) {
      const tooMany = claim.verdict === 'fails';
      const fewer = claim.verdict === 'unverifiable' && ctx.options.reportFewer;
      if (!tooMany && !fewer) continue;
      ctx.report({
        messageId: tooMany ? 'tooMany' : 'fewer',
        data: { items: claim.items.length, count: statedText(claim) },
        range: claim.range,
        evidence: claim.evidence,
        related: claim.items.map((it, i) => ({ range: it.range, message: `${i + 1}: ${it.text}` })),
        ...(fewer ? { severity: 'info' as const } : {}),
      });
    }
  },
});
