import type { Claim } from '../claims/schema.js';
import type { Locale } from './messages.js';
import type { ReportDescriptor } from './rule.js';

/** How each figure role reads in a related-location message. */
const ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  total: { zh: '总数', en: 'total' },
  part: { zh: '分项', en: 'part' },
  done: { zh: '已办结', en: 'done' },
  pending: { zh: '在办', en: 'pending' },
  numerator: { zh: '分子', en: 'numerator' },
  base: { zh: '分母', en: 'base' },
  whole: { zh: '整体', en: 'whole' },
  count: { zh: '数量', en: 'count' },
  'first statement': { zh: '前文表述', en: 'first statement' },
  restatement: { zh: '后文表述', en: 'restatement' },
  growth: { zh: '增幅', en: 'growth rate' },
  prior: { zh: '上年值', en: 'prior value' },
  from: { zh: '起始值', en: 'from' },
  to: { zh: '结束值', en: 'to' },
  rate: { zh: '比率', en: 'rate' },
  change: { zh: '变化', en: 'change' },
  left: { zh: '等式左边', en: 'left side' },
  'table cell': { zh: '表格单元格', en: 'table cell' },
  right: { zh: '等式右边', en: 'right side' },
};

/** Related locations for every figure a claim used, except the one the finding points at. */
export function relatedFigures(claim: Claim, locale: Locale): NonNullable<ReportDescriptor['related']> {
  return claim.figures
    .filter((f) => f.range.start !== claim.range.start || f.range.end !== claim.range.end)
    .map((f) => {
      const role = ROLE_NAMES[f.role]?.[locale] ?? f.role;
      return { range: f.range, message: `${role}: ${f.text}` };
    });
}

/** The text of the figure a claim judges. */
export function statedText(claim: Claim): string {
  const f = claim.figures.find((x) => x.range.start === claim.range.start && x.range.end === claim.range.end);
  return f ? f.text : '';
}
