import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Running-text enumerations (一是…二是…, 第一…第二…, （1）…（2）…) count on without gaps. */
export const enumerationSequence = defineRule({
  meta: {
    id: 'enumeration-sequence',
    type: 'layout',
    docs: {
      description: { zh: '正文中的“一是、二是……”等列举序号应连续', en: 'Enumerations in running text (一是, 二是 …) are consecutive' },
      url: 'rules/enumeration-sequence/README.md',
    },
    messages: {
      gap: { zh: '列举序号不连续:“{previous}”之后是“{current}”', en: 'Enumeration skips: {current} follows {previous}' },
      repeat: { zh: '列举序号重复:“{current}”', en: 'Enumeration number repeated: {current}' },
      start: { zh: '列举应从“{first}”开始,而不是“{current}”', en: 'The enumeration should start at {first}, not {current}' },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    for (const run of ctx.document.enumerations) {
      const chinese = run.items.some((it) => /[一二三四五六七八九十]/.test(it.text));
      const first = run.style === 'shi' ? '一是' : run.style === 'di' ? '第一' : chinese ? '（一）' : '（1）';
      const head = run.items[0];
      if (head && head.number !== 1) {
        ctx.report({ messageId: 'start', data: { first, current: head.text }, range: head.range, evidence: { figures: [], expected: first } });
      }
      for (let i = 1; i < run.items.length; i++) {
        const prev = run.items[i - 1]!;
        const cur = run.items[i]!;
        const data = { previous: prev.text, current: cur.text };
        const next = chinese ? (NUMERALS[prev.number + 1] ?? String(prev.number + 1)) : String(prev.number + 1);
        const expected = run.style === 'paren' ? `（${next}）` : `${run.style === 'di' ? '第' : ''}${NUMERALS[prev.number + 1] ?? prev.number + 1}${run.style === 'shi' ? '是' : ''}`;
        if (cur.number === prev.number) ctx.report({ messageId: 'repeat', data, range: cur.range, evidence: { figures: [], expected } });
        else if (cur.number !== prev.number + 1) ctx.report({ messageId: 'gap', data, range: cur.range, evidence: { figures: [], expected } });
      }
    }
  },
});
