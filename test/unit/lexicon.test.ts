import { describe, expect, it } from 'vitest';
import { builtinLexicon, checkReports, extendLexicon, LexiconSchema } from '../../src/index.js';

const district = ['某某区人民政府2022年法治政府建设年度报告', '一、主要举措和成效', '全区共调处人民调解案件300件。', '某某区人民政府', '2023年1月10日'].join('\n');
const street = ['某某区人民政府甲乙街道办事处2022年法治政府建设年度报告', '一、主要举措和成效', '我街调处人民调解案件350件。', '某某区人民政府甲乙街道办事处', '2023年1月5日'].join('\n');

describe('the lexicon', () => {
  it('is valid data', () => {
    expect(LexiconSchema.safeParse(builtinLexicon).success).toBe(true);
    // Every parent named exists.
    const ids = new Set(builtinLexicon.metrics.map((m) => m.id));
    for (const m of builtinLexicon.metrics) if (m.parent) expect(ids.has(m.parent)).toBe(true);
  });

  it('can be extended with a metric of the user’s, which the cross checks then compare', () => {
    const inputs = [
      { id: 'district', text: district },
      { id: 'street', text: street },
    ];
    // 人民调解案件 is not in the built-in lexicon: nothing is compared.
    expect(checkReports(inputs).comparisons.filter((c) => c.ruleId === 'cross-child-within-parent')).toEqual([]);
    const lexicon = extendLexicon(builtinLexicon, {
      metrics: [{ id: 'mediation-cases', zh: '人民调解案件', terms: ['人民调解案件'], unitFamily: 'count', additive: true, units: ['件'] }],
    });
    const r = checkReports(inputs, {}, { lexicon });
    // 350件 in one street, 300件 in the whole district: impossible.
    const finding = r.documents[1]!.result.diagnostics.find((d) => d.ruleId === 'cross-child-within-parent');
    expect(finding?.message).toBe('本报告人民调解案件为350件,大于上级district报告的300件');
  });

  it('rejects a malformed extension, naming the field', () => {
    expect(() => extendLexicon(builtinLexicon, { metrics: [{ id: 'Bad Id', zh: 'x', terms: [], unitFamily: 'count', additive: true }] })).toThrow(/metrics/);
  });
});

describe('category synonyms across places', () => {
  it('compares a street’s 投诉类 and 举报类 with a district’s merged 投诉举报类, and 感谢类 with 表扬类', () => {
    const d = ['某某区人民政府2022年法治政府建设年度报告', '一、主要举措和成效', '全区12345热线受理事项10000件,其中投诉举报类3000件、表扬类50件。', '某某区人民政府', '2023年1月10日'].join('\n');
    const s = ['某某区人民政府甲乙街道办事处2022年法治政府建设年度报告', '一、主要举措和成效', '我街受理12345热线事项900件,其中咨询类100件、投诉类3100件、感谢类60件。', '某某区人民政府甲乙街道办事处', '2023年1月5日'].join('\n');
    const r = checkReports([
      { id: 'district', text: d },
      { id: 'street', text: s },
    ]);
    // 投诉类3100件 > the district's 投诉举报类3000件, and 感谢类60件 > 表扬类50件: two findings, found
    // only through the synonyms of rules/lexicon/metrics.json.
    const findings = r.documents[1]!.result.diagnostics.filter((x) => x.ruleId === 'cross-child-within-parent').map((x) => x.message);
    expect(findings).toEqual(['本报告投诉举报类事项为3100件,大于上级district报告的3000件', '本报告表扬感谢类事项为60件,大于上级district报告的50件']);
  });
});
