/**
 * Edge cases found by reading real reports and in review. Each expectation is worked out by
 * hand from docs/model.md.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse-report.js';
import type { Report } from '../../model/report.js';
import { foldTraditional } from '../../text/traditional.js';

const texts = (r: Report, xs: Array<{ range: { start: number; end: number } }>): string[] =>
  xs.map((x) => r.text.slice(x.range.start, x.range.end));

describe('ranges whose ends have different magnitudes', () => {
  it('3000-1万元 runs from 3000 to 10000 yuan', () => {
    const r = parseReport('对违法行为处3000-1万元罚款。');
    expect(texts(r, r.quantities)).toEqual(['3000-1万元']);
    const q = r.quantities[0]!;
    expect(q.value.toString()).toBe('3000');
    expect(q.to!.value.toString()).toBe('10000');
    // [3000 − 0.5, 1万 + 0.5万]: the lower end's own step is 1, the upper end's is 1万.
    expect([q.interval.lo.toString(), q.interval.hi.toString()]).toEqual(['2999.5', '15000']);
  });

  it('1至2万元 lends the 万 to the lower end', () => {
    const q = parseReport('补助标准为1至2万元。').quantities[0]!;
    expect([q.value.toString(), q.to!.value.toString(), q.magnitude]).toEqual(['10000', '20000', '万']);
  });

  it('500～1万元 and 8000至1.2万人 keep the lower end as written', () => {
    const a = parseReport('补贴标准为500～1万元。').quantities[0]!;
    expect([a.value.toString(), a.to!.value.toString()]).toEqual(['500', '10000']);
    const b = parseReport('规模为8000至1.2万人。').quantities[0]!;
    expect([b.value.toString(), b.to!.value.toString()]).toEqual(['8000', '12000']);
    expect(b.interval.lo.lte(b.value) && b.interval.hi.gte(b.to!.value)).toBe(true);
  });
});

describe('years, document numbers, codes and times are not counted', () => {
  it.each([
    ['编制2019-2021年规划。', '2019-2021年'],
    ['(2021-2025年)', '2021-2025年'],
    ['完成2019—2021年行动计划。', '2019—2021年'],
  ])('%s has the year range %s', (text, range) => {
    const r = parseReport(text);
    expect(r.quantities).toEqual([]);
    const d = r.dates.find((x) => x.kind === 'yearRange')!;
    expect(r.text.slice(d.range.start, d.range.end)).toBe(range);
  });

  it.each([
    '印发《实施方案》(云府办〔2020〕15号)。',
    '按照GB/T 9704-2012执行。',
    '咨询电话020-86123456。',
    '工作时间8:30-17:30。',
    '提供7×24小时服务。',
    '约占2/3。',
    '开通12345政务服务便民热线。',
    '拨打110报警电话。',
    '12348公共法律服务热线全天候接听。',
  ])('%s has no quantity', (text) => {
    expect(texts(parseReport(text), parseReport(text).quantities)).toEqual([]);
  });

  it('but 119人, 110件, 110万元 and 120余人 are counts', () => {
    const r = parseReport('参训119人,办理110件,投入110万元,服务120余人。');
    expect(texts(r, r.quantities)).toEqual(['119人', '110件', '110万元', '120余人']);
  });
});

describe('numbers at a line start that are not headings', () => {
  it.each(['三、四季度,我镇开展专项整治。', '一、二审案件共8件。', '3、4月份,我街开展排查。', '1、2号楼完成改造。'])('%s', (line) => {
    const r = parseReport(`一、主要成效\n${line}`);
    expect(r.sections).toHaveLength(1);
    expect(r.sections[0]!.children).toEqual([]);
  });

  it('一、2020年度主要工作成效 is still a heading', () => {
    expect(parseReport('一、2020年度主要工作成效\n正文。').sections[0]!.heading).toBe('2020年度主要工作成效');
  });
});

describe('page chrome and signatures', () => {
  it('keeps the signature when page links follow it', () => {
    const r = parseReport(['一、主要举措', '我街受理案件12件。', '广州市白云区人民政府石门街道办事处', '2021年1月12日', '打印 关闭', '分享:', '文章来源:某某区司法局'].join('\n'));
    expect(r.metadata.issuers.map((i) => i.text)).toEqual(['广州市白云区人民政府石门街道办事处']);
    expect(r.metadata.level).toBe('street');
    expect(r.metadata.dateWritten?.text).toBe('2021年1月12日');
    expect(r.paragraphs.slice(-3).map((p) => p.role)).toEqual(['chrome', 'chrome', 'chrome']);
  });

  it('reads a date written with ○ for 〇', () => {
    const r = parseReport(['一、主要举措', '我街受理案件12件。', '某某镇人民政府', '二○二一年一月十二日'].join('\n'));
    expect([r.metadata.dateWritten?.year, r.metadata.dateWritten?.month, r.metadata.dateWritten?.day]).toEqual([2021, 1, 12]);
    expect(r.metadata.level).toBe('town');
  });

  it('folds the em dash of 1—10月 and 15%—30%', () => {
    const r = parseReport('1—10月完成率15%—30%。');
    expect(r.dates.map((d) => d.kind)).toEqual(['monthRange']);
    expect(texts(r, r.quantities)).toEqual(['15%—30%']);
  });
});

describe('words around Chinese numerals', () => {
  it('近三年来 and 近5年 are periods, not figures', () => {
    const r = parseReport('近三年来,近5年内新增项目。');
    expect(r.quantities).toEqual([]);
    expect(r.dates.map((d) => d.kind)).toEqual(['period', 'period']);
  });

  it('百余件, 千余件, 万余人 and 近百件 count one 百/千/万', () => {
    const r = parseReport('办理百余件,培训千余人次,服务万余人,化解近百件。');
    expect(r.quantities.map((q) => [r.text.slice(q.range.start, q.range.end), q.value.toString(), q.interval.lo.toString(), q.interval.hi.toString()])).toEqual([
      ['百余件', '100', '100', '200'],
      ['千余人次', '1000', '1000', '2000'],
      ['万余人', '10000', '10000', '20000'],
      ['近百件', '100', '0', '100'],
    ]);
  });

  it('几十人, 十几人 and 三个代表 are not figures', () => {
    expect(parseReport('几十人参加,十几人发言,践行三个代表重要思想。').quantities).toEqual([]);
  });

  it('败诉一件 and 发生一起 count one case; 一个平台 and 无一例 do not', () => {
    const r = parseReport('败诉一件,发生一起行政诉讼案件,打造一个平台,无一例确诊。');
    expect(texts(r, r.quantities)).toEqual(['一件', '一起']);
  });

  it('二十件 is exactly 20, like 20件', () => {
    const [a, b] = parseReport('办结二十件,受理20件。').quantities;
    expect([a!.interval.lo.toString(), a!.interval.hi.toString()]).toEqual(['19.5', '20.5']);
    expect([b!.interval.lo.toString(), b!.interval.hi.toString()]).toEqual(['19.5', '20.5']);
  });

  it('a space between number and unit keeps the unit: 全年办结案件 12 件', () => {
    const q = parseReport('全年办结案件 12 件。').quantities[0]!;
    expect(q.unit).toBe('件');
  });
});

describe('headings that end at a colon', () => {
  it('（一）加强组织领导:区委成立领导小组 has an inline body', () => {
    const r = parseReport('（一）加强组织领导:区委成立领导小组,召开会议5次。');
    expect(r.sections[0]!.heading).toBe('加强组织领导');
    expect(r.sections[0]!.inlineBody).toBe(true);
    expect(texts(r, r.quantities)).toEqual(['5次']);
  });
});

describe('metadata fallbacks', () => {
  it('takes the level from the places of a title with no issuer', () => {
    const r = parseReport('广州市白云区2020年法治政府建设年度报告\n一、主要举措\n我区开展工作。');
    expect(r.metadata.level).toBe('district');
  });

  it('does not take 现将…报告如下 for a title', () => {
    const r = parseReport('石门街道2020年法治政府建设工作总结\n现将2020年度工作情况报告如下\n一、主要举措');
    expect(r.metadata.title?.text).toBe('石门街道2020年法治政府建设工作总结');
  });

  it('counts U+2028 as a line break in positions as in paragraphs', () => {
    const r = parseReport('一、主要成效\u2028全年办结案件12件。');
    const q = r.quantities[0]!;
    const idx = r.text.indexOf('12件');
    expect(q.range.start).toBe(idx);
    expect(r.paragraphs).toHaveLength(2);
  });
});

describe('a stray blank inside a number is left unread', () => {
  // 1 5起 on a real page means 15, but no rule tells it from two figures or a list of digits
  // (第1 5个, 0 0 0 0), so the scanner does not join the digits: no figure of 15 is made up.
  it('1 5起 is not read as 15', () => {
    const r = parseReport('共参加应诉案件1 5起。');
    expect(r.quantities.map((q) => q.value.toString())).not.toContain('15');
    expect(r.quantities.map((q) => q.value.toString())).toEqual(['1', '5']);
  });

  it('第1 5个 is the ordinal 第1 and 5个, never 15', () => {
    const r = parseReport('第1 5个试点。');
    expect(r.identifiers.map((x) => [x.kind, x.text])).toEqual([['ordinal', '第1']]);
    expect(r.quantities.map((q) => texts(r, [q])[0])).toEqual(['5个']);
  });

  it('a table row of single digits stays single digits', () => {
    const r = parseReport('结转下年度继续办理 0 0 0 1 0 0 0');
    expect(r.quantities.map((q) => q.value.toString())).toEqual(['0', '0', '0', '1', '0', '0', '0']);
  });
});

describe('a blank between a figure and its 万 agrees with the parts around it', () => {
  it('办结150.25 万件 and 在办29.75万件 add up to 180.00万件', () => {
    const r = parseReport('全市共受理群众诉求180.00万件,办结150.25 万件,正在办理中29.75万件。');
    expect(texts(r, r.quantities)).toEqual(['180.00万件', '150.25 万件', '29.75万件']);
    const [total, done, open] = r.quantities;
    const sum = done!.value.plus(open!.value);
    // 1502500 + 297500 = 1800000, within 180.00万's [1799950, 1800050]
    expect(sum.gte(total!.interval.lo) && sum.lte(total!.interval.hi)).toBe(true);
  });
});

describe('foldTraditional', () => {
  it('folds traditional characters one for one, keeping every offset', () => {
    const text = '辦理12.5萬件,兩個項目,約3萬人,第二十條';
    const folded = foldTraditional(text);
    expect(folded).toBe('办理12.5万件,两个项目,约3万人,第二十条');
    expect(folded.length).toBe(text.length);
  });

  it('returns simplified text as it is, and folds 參 to 参 (参加), never to the formal numeral 叁', () => {
    const text = '今年受理12件,参加培训3次。';
    expect(foldTraditional(text)).toBe(text);
    expect(foldTraditional('今年受理12件,參加培训3次。')).toBe(text);
  });
});
