import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { statedText } from '../../src/engine/rule-helpers.js';

/**
 * A counted list agrees with its count: a count of kinds (三项制度, 三大体系, 3个阶段, 前三) names
 * as many items as it says, and a count of sessions (培训2次) is not smaller than the events listed.
 */
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
      tooFew: { zh: '列举了{items}项,少于所写的{count}', en: 'Only {items} items are listed for {count}' },
      fewer: { zh: '列举了{items}项,少于所写的{count},且未写“等”', en: 'Only {items} items are listed for {count}, without 等' },
    },
    options: z.object({
      /** Also report lists of sessions naming fewer titles than their count without 等 (each may have run twice). */
      reportFewer: z.boolean().default(false),
    }),
    defaultSeverity: 'error',
  },
  check(ctx) {
    for (const claim of ctx.claimsOf('countedList')) {
      const count = claim.figures[0];
      if (!count) continue;
      const items = new Decimal(claim.items.length);
      const fails = claim.verdict === 'fails';
      // A count of sessions holds with fewer titles (one may have run twice); the option asks about them.
      const fewer = !fails && ctx.options.reportFewer && claim.verdict === 'holds' && !claim.open && claim.items.length >= 2 && items.lt(count.interval.lo);
      if (!fails && !fewer) continue;
      const messageId = fewer ? 'fewer' : items.gt(count.interval.hi) ? 'tooMany' : 'tooFew';
      ctx.report({
        messageId,
        data: { items: claim.items.length, count: statedText(claim) },
        range: claim.range,
        evidence: claim.evidence,
        related: claim.items.map((it, i) => ({ range: it.range, message: `${i + 1}: ${it.text}` })),
        ...(fewer ? { severity: 'info' as const } : {}),
      });
    }
  },
});
