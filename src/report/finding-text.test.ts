import { describe, expect, it } from 'vitest';
import { checkedSeeds } from '../../test/helpers.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { CheckedDocument } from './document.js';
import { commentBody, excerpt, findingParts, findingRows, kindText } from './finding-text.js';


/** Both seeds read, checked together and mapped as `jiaohe check` does. */
const seedDocs = checkedSeeds;

const zh = await seedDocs('zh');
const en = await seedDocs('en');
const find = (docs: CheckedDocument[], rule: string, text: string): Diagnostic => {
  const doc = docs.find((d) => d.diagnostics.some((x) => x.ruleId === rule && d.text.slice(x.range.start, x.range.end) === text))!;
  return doc.diagnostics.find((x) => x.ruleId === rule && doc.text.slice(x.range.start, x.range.end) === text)!;
};

describe('findingParts on the seeds', () => {
  it('says the truncated 96.6% with its computation once, the rounded rate, and the fix', () => {
    const p = findingParts(find(zh, 'rate-matches-counts', '96.6%'), 'zh');
    expect(p.problem).toBe('办结率96.6%系截断所得:116/120 = 96.6667%,按四舍五入应为96.7%');
    // The rule's English note is left out of a Chinese report for people.
    expect(p.basis).toBe('116/120 = 96.6667%,应为96.7%');
    // The computed value and the base are in the expression already: not said twice.
    expect(p.basis.split('96.6667%')).toHaveLength(2);
    expect(p.basis).not.toContain('116批 / 120批');
    expect(p.suggestion).toBe('改为96.7%');
    expect(p.figures).toEqual(['分子: 116批 (30:267)', '分母: 120批 (30:195)']);
  });

  it('says it in English with --locale en', () => {
    const p = findingParts(find(en, 'rate-matches-counts', '96.6%'), 'en');
    expect(p.basis.startsWith('116/120 = 96.6667%, expected 96.7%; note: ')).toBe(true);
    expect(p.suggestion).toBe('write 96.7%');
    expect(p.figures).toEqual(['numerator: 116批 (30:267)', 'base: 120批 (30:195)']);
  });

  it('says a relation as what must hold, and words as what the report should have', () => {
    const zero = findingParts(find(zh, 'zero-claim-contradiction', '0'), 'zh');
    expect(zero.basis).toContain('应满足行政诉讼数量 = 0');
    expect(zero.basis).toContain('计算结果:8件, 1件, 2件, 1件');
    expect(zero.suggestion).toBeNull();
    expect(zero.figures).toEqual(['数量: 8件 (36:352)', '数量: 1件 (36:371)', '数量: 2件 (36:397)', '数量: 1件 (36:416)']);
    const causes = findingParts(find(zh, 'required-sections', '二、存在的问题'), 'zh');
    // The regulation the message cites is the finding's legal basis, last in 依据.
    expect(causes.basis).toBe('应有:原因;《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)第二十五条第(二)项');
    expect(causes.regulations).toEqual(['《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)第二十五条第(二)项']);
    expect(causes.figures).toEqual([]);
  });

  it('gives every finding of both seeds a problem, and a basis from its evidence', () => {
    const all = zh.flatMap((d) => d.diagnostics);
    expect(all).toHaveLength(7);
    for (const d of all) {
      const p = findingParts(d, 'zh');
      expect(p.problem).toBe(d.message);
      if (d.evidence.expression || d.evidence.expected || (d.evidence.note && !/[A-Za-z]{2,}/.test(d.evidence.note))) expect(p.basis).not.toBe('');
    }
  });
});

describe('findingParts on made-up findings', () => {
  const base = find(zh, 'rate-matches-counts', '96.6%');
  it('adds the replacement when the suggestion does not say it', () => {
    const d = { ...base, suggestion: { message: '按四舍五入改写', replacement: '96.7%' } };
    expect(findingParts(d, 'zh').suggestion).toBe('按四舍五入改写(替换为“96.7%”)');
    expect(findingParts(d, 'en').suggestion).toBe('按四舍五入改写 (replace with “96.7%”)');
  });

  it('names the base when the expression does not show its figures, and the computed value when there is no expression', () => {
    const d = { ...base, evidence: { figures: [], computed: '91.49%', base: '35批 / 42批' } };
    expect(findingParts(d, 'zh').basis).toBe('计算结果:91.49%,基数:35批 / 42批');
    expect(findingParts(d, 'en').basis).toBe('computed: 91.49%, on 35批 / 42批');
  });

  it('has an empty basis for empty evidence, and falls back on the evidence figures without related places', () => {
    const fig = { role: 'total', text: '1904件', value: '1904', interval: { lo: '1904', hi: '1904' }, range: { start: 0, end: 5 }, document: 'a.txt' };
    const d = { ...base, evidence: { figures: [fig, fig] }, related: [] };
    expect(findingParts(d, 'zh').basis).toBe('');
    expect(findingParts(d, 'zh').figures).toEqual(['1904件 (a.txt)']);
  });
});

describe('commentBody', () => {
  it('puts 问题, 依据, 建议 and the figures on their own lines', () => {
    const lines = commentBody(find(zh, 'rate-matches-counts', '96.6%'), 'zh').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('问题:办结率96.6%系截断所得:116/120 = 96.6667%,按四舍五入应为96.7%');
    expect(lines[1]!.startsWith('依据:116/120 = 96.6667%,应为96.7%')).toBe(true);
    expect(lines[2]).toBe('建议:改为96.7%');
    expect(lines[3]).toBe('相关数字:分子: 116批 (30:267)、分母: 120批 (30:195)');
  });

  it('leaves out the parts a finding has not got, and labels in English for en', () => {
    const lines = commentBody(find(en, 'report-date', '2020年12月2日'), 'en').split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(':')))).toEqual(['Problem', 'Basis']);
    expect(lines[1]).toBe('Basis: expected in 2021; note: the body says 截至目前');
  });
});

describe('excerpt', () => {
  it('marks exactly the range and cuts the line to 60 characters each side', () => {
    const line = `${'甲'.repeat(100)}办结率96.6%${'乙'.repeat(100)}`;
    const text = `上一行\n${line}\n下一行`;
    const start = text.indexOf('96.6%');
    const x = excerpt(text, start, start + 5);
    expect(x.marked).toBe('96.6%');
    expect(x.before).toBe(`…${'甲'.repeat(57)}办结率`);
    expect(x.after).toBe(`${'乙'.repeat(60)}…`);
  });

  it('stops at the line ends without an ellipsis, and keeps a multi-line range whole', () => {
    const text = '第一行\n前文目标后文\n第三行';
    const at = text.indexOf('目标');
    expect(excerpt(text, at, at + 2)).toEqual({ before: '前文', marked: '目标', after: '后文' });
    expect(excerpt(text, 1, 6)).toEqual({ before: '第', marked: '一行\n前文', after: '目标后文' });
  });

  it('never splits a surrogate pair', () => {
    const text = `𠀀${'甲'.repeat(59)}X${'乙'.repeat(59)}𠀀`;
    const at = text.indexOf('X');
    const x = excerpt(text, at, at + 1);
    expect(x.before).toBe(`𠀀${'甲'.repeat(59)}`);
    expect(x.after).toBe(`${'乙'.repeat(59)}𠀀`);
  });
});

describe('findingRows and kindText', () => {
  it('numbers the findings, places them as the format counts, and cuts 原文 from the file', () => {
    const street = zh.find((d) => d.path.endsWith('street.txt'))!;
    const rows = findingRows(street, 'zh');
    expect(rows.map((r) => [r.index, r.place, r.excerpt.marked])).toEqual([
      [1, '11:128', '达100%'],
      [2, '12:192', '0'],
      [3, '30:282', '96.6%'],
      [4, '59:1', '2020年12月2日'],
    ]);
    expect(findingRows({ ...street, format: 'docx' }, 'zh')[2]!.place).toBe('第30段');
    expect(findingRows({ ...street, format: 'docx' }, 'en')[2]!.place).toBe('paragraph 30');
    expect(kindText(street, 'zh')).toBe('法治政府建设年度报告(街道)');
    expect(kindText({ kind: { ...street.kind!, profile: null } }, 'en')).toBe('not recognised');
  });
});
