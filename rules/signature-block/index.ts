import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';

/** The character that marks a level's bodies: 街 for streets, 镇/乡 for towns. */
const LEVEL_CHAR: Record<string, string> = { street: '街', town: '镇', district: '区', county: '县' };

/** The issuing body and the date are given (at the end or in the page metadata); a street report is issued by its street office. */
export const signatureBlock = defineRule({
  meta: {
    id: 'signature-block',
    type: 'problem',
    docs: {
      description: { zh: '文末应有发文机关署名和成文日期;街道报告应由街道办事处署名', en: 'The issuing body and date are given; a street report names its street office' },
      url: 'rules/signature-block/README.md',
    },
    messages: {
      noIssuer: { zh: '未找到发文机关署名', en: 'No issuing body is named' },
      noDate: { zh: '未找到成文日期', en: 'No date written is given' },
      wrongIssuer: { zh: '{level}报告的署名“{issuers}”中没有{expected}', en: 'The {level} report is signed by {issuers}, with no {expected}' },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    // Only a recognised report kind is expected to be signed: a snippet or another kind of
    // text is not held to it.
    if (!ctx.profile) return;
    const report = ctx.document;
    const m = report.metadata;
    const end = { start: report.text.length, end: report.text.length };
    const issuers = m.issuers.filter((i) => i.source === 'signature' || i.source === 'chrome');
    if (issuers.length === 0) ctx.report({ messageId: 'noIssuer', range: end, evidence: { figures: [], note: 'no issuer line at the end, no 发布机构 in the page metadata' } });
    if (!m.dateWritten) ctx.report({ messageId: 'noDate', range: end, evidence: { figures: [], note: 'no date line at the end, no 成文日期 in the page metadata' } });
    const variant = ctx.profile?.variant;
    // Only names the report is signed with: a page's 发布机构 (澧浦镇, 区政府办) is the site's label
    // for who posted it, which says nothing about the signature.
    const signed = m.issuers.filter((i) => i.source === 'signature');
    if (variant && variant.issuer.length > 0 && signed.length > 0 && !signed.some((i) => variant.issuer.some((w) => i.text.includes(w)))) {
      const zhLevel: Record<string, string> = { street: '街道', town: '镇', district: '区', county: '县', city: '市' };
      ctx.report({
        messageId: 'wrongIssuer',
        data: {
          level: ctx.locale === 'zh' ? (zhLevel[ctx.profile!.level] ?? ctx.profile!.level) : ctx.profile!.level,
          issuers: signed.map((i) => i.text).join('、'),
          // Name the words of this level: 街道办事处 for a street, 镇人民政府 for a town.
          expected: (variant.issuer.filter((w) => w.includes(LEVEL_CHAR[ctx.profile!.level] ?? '')).slice(0, 2).join('/')) || variant.issuer[0]!,
        },
        range: signed[0]!.range,
        evidence: { figures: [], expected: variant.issuer.join(' / ') },
      });
    }
  },
});
