/**
 * Figures, dates and identifiers found by the scanner, driven through `parseReport` on short
 * sentences. Every expected value and interval below was worked out by hand from the table in
 * docs/model.md ("The interval"), never copied from the program's output:
 *
 * - exact (no qualifier, 达, 达到): [v − step/2, v + step/2], step = place of the last digit
 *   written (Arabic) or of the last non-zero digit (Chinese numerals);
 * - approximate: [v − s, v + s]; nearly: [v − s, v]; orMore: [v, v + s], where s is the place of
 *   the last non-zero digit; under and atMost: [0, v]; over and atLeast: [v, ∞).
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { DateMention } from '../../model/date.js';
import type { IdentifierKind, QualifierKind, Quantity, UnitFamily } from '../../model/quantity.js';
import type { Report } from '../../model/report.js';
import { parseReport } from '../parse-report.js';
import { foldTraditional } from '../../text/traditional.js';

interface ExpectedQuantity {
  /** The whole figure as written. */
  text: string;
  /** The numeral alone. */
  number: string;
  value: string;
  unit: string | null;
  family: UnitFamily;
  magnitude: string | null;
  kind: QualifierKind;
  qualifiers: string[];
  lo: string;
  hi: string;
  numeral?: 'arabic' | 'chinese';
}

const slice = (report: Report, r: { start: number; end: number }): string => report.text.slice(r.start, r.end);

/** Asserts every field of one quantity against the hand-worked expectation. */
function expectQuantity(report: Report, q: Quantity, e: ExpectedQuantity): void {
  expect(slice(report, q.range)).toBe(e.text);
  expect(slice(report, q.numberRange)).toBe(e.number);
  expect(q.value.eq(new Decimal(e.value)), `value ${q.value.toString()} should equal ${e.value}`).toBe(true);
  expect(q.unit).toBe(e.unit);
  expect(q.unitFamily).toBe(e.family);
  expect(q.magnitude).toBe(e.magnitude);
  expect(q.qualifierKind).toBe(e.kind);
  expect(q.qualifiers.map((x) => x.word)).toEqual(e.qualifiers);
  // The word is the simplified form of what its range covers (約 is recorded as 约).
  for (const x of q.qualifiers) expect(foldTraditional(slice(report, x.range))).toBe(x.word);
  expect(q.interval.lo.toString()).toBe(e.lo);
  expect(q.interval.hi.toString()).toBe(e.hi);
  expect(q.interval.lo.lte(q.value) && q.interval.hi.gte(q.value), 'the interval contains the value').toBe(true);
  if (e.numeral) expect(q.numeral).toBe(e.numeral);
}

/** Parses a sentence and checks that it holds exactly the one expected quantity. */
function checkSingle(sentence: string, e: ExpectedQuantity): void {
  const report = parseReport(sentence);
  expect(report.quantities.map((q) => slice(report, q.range))).toEqual([e.text]);
  expectQuantity(report, report.quantities[0]!, e);
}

/** Shorthand for the common exact Arabic count with no magnitude. */
function count(text: string, number: string, unit: string, lo: string, hi: string): ExpectedQuantity {
  return { text, number, value: number, unit, family: 'count', magnitude: null, kind: 'exact', qualifiers: [], lo, hi, numeral: 'arabic' };
}

describe('measure words and units', () => {
  const cases: Array<[string, ExpectedQuantity]> = [
    ['今年共受理行政复议案件12件。', count('12件', '12', '件', '11.5', '12.5')],
    ['全年办理土地征收案件37宗。', count('37宗', '37', '宗', '36.5', '37.5')],
    ['分3批组织干部参加培训。', count('3批', '3', '批', '2.5', '3.5')],
    ['开展联合执法检查45次。', count('45次', '45', '次', '44.5', '45.5')],
    ['举办法治讲座8场。', count('8场', '8', '场', '7.5', '8.5')],
    ['参训干部126人。', count('126人', '126', '人', '125.5', '126.5')],
    ['累计培训1520人次。', count('1520人次', '1520', '人次', '1519.5', '1520.5')],
    ['新招录执法人员24名。', count('24名', '24', '名', '23.5', '24.5')],
    ['检查企业63家。', count('63家', '63', '家', '62.5', '63.5')],
    ['走访困难群众215户。', count('215户', '215', '户', '214.5', '215.5')],
    ['设立法律服务点10个。', count('10个', '10', '个', '9.5', '10.5')],
    ['完成重点改革任务18项。', count('18项', '18', '项', '17.5', '18.5')],
    ['收集意见建议56条。', count('56条', '56', '条', '55.5', '56.5')],
    // Arabic digits show every place: the zeros of 3200 are written, so step = 1.
    ['发放宣传资料3200份。', count('3200份', '3200', '份', '3199.5', '3200.5')],
    ['赠送法律书籍500本。', count('500本', '500', '本', '499.5', '500.5')],
    ['张贴宣传海报260张。', count('260张', '260', '张', '259.5', '260.5')],
    ['配备执法记录仪15套。', count('15套', '15', '套', '14.5', '15.5')],
    ['组建志愿服务队伍6支。', count('6支', '6', '支', '5.5', '6.5')],
    ['整治出租屋42间。', count('42间', '42', '间', '41.5', '42.5')],
    ['排查安全隐患97处。', count('97处', '97', '处', '96.5', '97.5')],
    [
      '发放困难补贴8600元。',
      { ...count('8600元', '8600', '元', '8599.5', '8600.5'), family: 'currency' },
    ],
    [
      '投入专项资金35万元。',
      // step = 1万 = 10000 → [350000 − 5000, 350000 + 5000]
      { text: '35万元', number: '35', value: '350000', unit: '元', family: 'currency', magnitude: '万', kind: 'exact', qualifiers: [], lo: '345000', hi: '355000' },
    ],
    [
      '完成固定资产投资13.82亿元。',
      // step = 0.01亿 = 1000000 → ± 500000
      { text: '13.82亿元', number: '13.82', value: '1382000000', unit: '元', family: 'currency', magnitude: '亿', kind: 'exact', qualifiers: [], lo: '1381500000', hi: '1382500000' },
    ],
    [
      '拆除违法建设2300平方米。',
      { ...count('2300平方米', '2300', '平方米', '2299.5', '2300.5'), family: 'area' },
    ],
    [
      '累计拆除违法建设57.91万平方米。',
      // step = 0.01万 = 100 → ± 50
      { text: '57.91万平方米', number: '57.91', value: '579100', unit: '平方米', family: 'area', magnitude: '万', kind: 'exact', qualifiers: [], lo: '579050', hi: '579150' },
    ],
    ['清理撂荒耕地120亩。', { ...count('120亩', '120', '亩', '119.5', '120.5'), family: 'area' }],
    [
      '整治河涌12.5公里。',
      { text: '12.5公里', number: '12.5', value: '12.5', unit: '公里', family: 'length', magnitude: null, kind: 'exact', qualifiers: [], lo: '12.45', hi: '12.55' },
    ],
    ['查获毒品35克。', { ...count('35克', '35', '克', '34.5', '35.5'), family: 'weight' }],
    ['清运建筑垃圾1800吨。', { ...count('1800吨', '1800', '吨', '1799.5', '1800.5'), family: 'weight' }],
  ];
  for (const [sentence, e] of cases) {
    it(`reads ${e.text} (${e.unit}) in “${sentence}”`, () => checkSingle(sentence, e));
  }
});

describe('magnitudes are applied exactly', () => {
  it('57.91万平方米 is exactly 579100 square metres', () => {
    const report = parseReport('累计拆除违法建设57.91万平方米。');
    expect(report.quantities[0]!.value.equals(new Decimal(579100))).toBe(true);
  });

  it('13.82亿元 is exactly 1382000000 yuan', () => {
    const report = parseReport('完成固定资产投资13.82亿元。');
    expect(report.quantities[0]!.value.equals(new Decimal('1382000000'))).toBe(true);
  });

  it('4.35亿 with no unit is exactly 435000000 (not 434999999.99…)', () => {
    checkSingle('全区税收收入4.35亿。', {
      text: '4.35亿', number: '4.35', value: '435000000', unit: null, family: 'none', magnitude: '亿',
      kind: 'exact', qualifiers: [], lo: '434500000', hi: '435500000',
    });
  });

  it('2万人 has step 10000', () => {
    checkSingle('服务群众2万人。', {
      text: '2万人', number: '2', value: '20000', unit: '人', family: 'count', magnitude: '万',
      kind: 'exact', qualifiers: [], lo: '15000', hi: '25000',
    });
  });

  it('1.2万 counts as an Arabic numeral with a magnitude', () => {
    checkSingle('新增就业1.2万人。', {
      text: '1.2万人', number: '1.2', value: '12000', unit: '人', family: 'count', magnitude: '万',
      kind: 'exact', qualifiers: [], lo: '11500', hi: '12500', numeral: 'arabic',
    });
  });
});

describe('qualifiers', () => {
  const cases: Array<[string, ExpectedQuantity]> = [
    // approximate: s = place of the last non-zero digit
    ['全年服务群众约4万人次。', { text: '约4万人次', number: '4', value: '40000', unit: '人次', family: 'count', magnitude: '万', kind: 'approximate', qualifiers: ['约'], lo: '30000', hi: '50000' }],
    ['覆盖居民约2.5万人。', { text: '约2.5万人', number: '2.5', value: '25000', unit: '人', family: 'count', magnitude: '万', kind: 'approximate', qualifiers: ['约'], lo: '24000', hi: '26000' }],
    ['参与活动的居民大约200人。', { text: '大约200人', number: '200', value: '200', unit: '人', family: 'count', magnitude: null, kind: 'approximate', qualifiers: ['大约'], lo: '100', hi: '300' }],
    ['每月受理咨询300件左右。', { text: '300件左右', number: '300', value: '300', unit: '件', family: 'count', magnitude: null, kind: 'approximate', qualifiers: ['左右'], lo: '200', hi: '400' }],
    // nearly: [v − s, v]
    ['接待来访群众近3000人。', { text: '近3000人', number: '3000', value: '3000', unit: '人', family: 'count', magnitude: null, kind: 'nearly', qualifiers: ['近'], lo: '2000', hi: '3000' }],
    ['争取上级资金近1亿元。', { text: '近1亿元', number: '1', value: '100000000', unit: '元', family: 'currency', magnitude: '亿', kind: 'nearly', qualifiers: ['近'], lo: '0', hi: '100000000' }],
    ['共有将近600人参加。', { text: '将近600人', number: '600', value: '600', unit: '人', family: 'count', magnitude: null, kind: 'nearly', qualifiers: ['将近'], lo: '500', hi: '600' }],
    ['群众满意度接近90%。', { text: '接近90%', number: '90', value: '90', unit: '%', family: 'percent', magnitude: null, kind: 'nearly', qualifiers: ['接近'], lo: '80', hi: '90' }],
    // under: [0, v]
    ['全年投诉量不足10件。', { text: '不足10件', number: '10', value: '10', unit: '件', family: 'count', magnitude: null, kind: 'under', qualifiers: ['不足'], lo: '0', hi: '10' }],
    ['差错率不到5%。', { text: '不到5%', number: '5', value: '5', unit: '%', family: 'percent', magnitude: null, kind: 'under', qualifiers: ['不到'], lo: '0', hi: '5' }],
    ['办理时限少于3天。', { text: '少于3天', number: '3', value: '3', unit: '天', family: 'duration', magnitude: null, kind: 'under', qualifiers: ['少于'], lo: '0', hi: '3' }],
    ['投诉率低于1%。', { text: '低于1%', number: '1', value: '1', unit: '%', family: 'percent', magnitude: null, kind: 'under', qualifiers: ['低于'], lo: '0', hi: '1' }],
    // over: [v, ∞)
    ['受益群众超5000人。', { text: '超5000人', number: '5000', value: '5000', unit: '人', family: 'count', magnitude: null, kind: 'over', qualifiers: ['超'], lo: '5000', hi: 'Infinity' }],
    ['行政许可事项网上办理率超过95%。', { text: '超过95%', number: '95', value: '95', unit: '%', family: 'percent', magnitude: null, kind: 'over', qualifiers: ['超过'], lo: '95', hi: 'Infinity' }],
    ['惠及居民逾2万户。', { text: '逾2万户', number: '2', value: '20000', unit: '户', family: 'count', magnitude: '万', kind: 'over', qualifiers: ['逾'], lo: '20000', hi: 'Infinity' }],
    ['参与企业多于20家。', { text: '多于20家', number: '20', value: '20', unit: '家', family: 'count', magnitude: null, kind: 'over', qualifiers: ['多于'], lo: '20', hi: 'Infinity' }],
    ['群众满意率高于80%。', { text: '高于80%', number: '80', value: '80', unit: '%', family: 'percent', magnitude: null, kind: 'over', qualifiers: ['高于'], lo: '80', hi: 'Infinity' }],
    // orMore: [v, v + s]
    ['开展普法宣传活动200余次。', { text: '200余次', number: '200', value: '200', unit: '次', family: 'count', magnitude: null, kind: 'orMore', qualifiers: ['余'], lo: '200', hi: '300' }],
    ['发放普法读本1万余本。', { text: '1万余本', number: '1', value: '10000', unit: '本', family: 'count', magnitude: '万', kind: 'orMore', qualifiers: ['余'], lo: '10000', hi: '20000' }],
    ['培训基层干部100多人。', { text: '100多人', number: '100', value: '100', unit: '人', family: 'count', magnitude: null, kind: 'orMore', qualifiers: ['多'], lo: '100', hi: '200' }],
    // atLeast: [v, ∞)
    ['群众知晓率在30%以上。', { text: '30%以上', number: '30', value: '30', unit: '%', family: 'percent', magnitude: null, kind: 'atLeast', qualifiers: ['以上'], lo: '30', hi: 'Infinity' }],
    ['每年组织法治培训不低于4次。', { text: '不低于4次', number: '4', value: '4', unit: '次', family: 'count', magnitude: null, kind: 'atLeast', qualifiers: ['不低于'], lo: '4', hi: 'Infinity' }],
    ['每季度召开会议不少于2次。', { text: '不少于2次', number: '2', value: '2', unit: '次', family: 'count', magnitude: null, kind: 'atLeast', qualifiers: ['不少于'], lo: '2', hi: 'Infinity' }],
    // atMost: [0, v]
    ['单次培训规模控制在50人以下。', { text: '50人以下', number: '50', value: '50', unit: '人', family: 'count', magnitude: null, kind: 'atMost', qualifiers: ['以下'], lo: '0', hi: '50' }],
    ['在3个工作日以内办结。', { text: '3个工作日以内', number: '3', value: '3', unit: '个工作日', family: 'duration', magnitude: null, kind: 'atMost', qualifiers: ['以内'], lo: '0', hi: '3' }],
    ['办理期限不超过15个工作日。', { text: '不超过15个工作日', number: '15', value: '15', unit: '个工作日', family: 'duration', magnitude: null, kind: 'atMost', qualifiers: ['不超过'], lo: '0', hi: '15' }],
    ['错案率不高于2%。', { text: '不高于2%', number: '2', value: '2', unit: '%', family: 'percent', magnitude: null, kind: 'atMost', qualifiers: ['不高于'], lo: '0', hi: '2' }],
    // 达 and 达到 are recorded but neutral: the figure stays exact.
    ['行政复议纠错率达12.5%。', { text: '达12.5%', number: '12.5', value: '12.5', unit: '%', family: 'percent', magnitude: null, kind: 'exact', qualifiers: ['达'], lo: '12.45', hi: '12.55' }],
    ['按期办结率达到98%。', { text: '达到98%', number: '98', value: '98', unit: '%', family: 'percent', magnitude: null, kind: 'exact', qualifiers: ['达到'], lo: '97.5', hi: '98.5' }],
  ];
  for (const [sentence, e] of cases) {
    it(`${e.qualifiers.join('+')} → ${e.kind}: ${e.text} in “${sentence}”`, () => checkSingle(sentence, e));
  }

  it('does not read the 约 of 签约 as a qualifier', () => {
    checkSingle('签约5个项目。', count('5个', '5', '个', '4.5', '5.5'));
  });

  it('does not read the 近 of 最近 as a qualifier', () => {
    checkSingle('最近8次检查全部合格。', count('8次', '8', '次', '7.5', '8.5'));
  });

  it('does not read the 达 of 下达 as a qualifier', () => {
    checkSingle('下达专项资金300万元。', {
      text: '300万元', number: '300', value: '3000000', unit: '元', family: 'currency', magnitude: '万',
      kind: 'exact', qualifiers: [], lo: '2995000', hi: '3005000',
    });
  });
});

describe('percentages and percentage points', () => {
  it('reads 83.3% with step 0.1', () => {
    checkSingle('群众满意率为83.3%。', {
      text: '83.3%', number: '83.3', value: '83.3', unit: '%', family: 'percent', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '83.25', hi: '83.35',
    });
  });

  it('reads 100% with step 1', () => {
    checkSingle('案件按期办结率100%。', {
      text: '100%', number: '100', value: '100', unit: '%', family: 'percent', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '99.5', hi: '100.5',
    });
  });

  it('reads 2.7 % with a space before the percent sign', () => {
    checkSingle('同比增长2.7 %。', {
      text: '2.7 %', number: '2.7', value: '2.7', unit: '%', family: 'percent', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '2.65', hi: '2.75',
    });
  });

  it('reads 1.5个百分点 as points, not as 1.5个', () => {
    checkSingle('同比提高1.5个百分点。', {
      text: '1.5个百分点', number: '1.5', value: '1.5', unit: '个百分点', family: 'points', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '1.45', hi: '1.55',
    });
  });

  it('reads 百分之九十五 as 95%', () => {
    checkSingle('群众满意率为百分之九十五。', {
      text: '百分之九十五', number: '九十五', value: '95', unit: '%', family: 'percent', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '94.5', hi: '95.5', numeral: 'chinese',
    });
  });

  it('reads 百分之95.5 as 95.5%', () => {
    checkSingle('群众满意率为百分之95.5。', {
      text: '百分之95.5', number: '95.5', value: '95.5', unit: '%', family: 'percent', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '95.45', hi: '95.55',
    });
  });
});

describe('ranges', () => {
  it('reads 15%～30% (full-width tilde) as one figure from 15 to 30', () => {
    const report = parseReport('整改完成率提升15%～30%。');
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['15%～30%']);
    const q = report.quantities[0]!;
    expectQuantity(report, q, {
      text: '15%～30%', number: '15', value: '15', unit: '%', family: 'percent', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '14.5', hi: '30.5',
    });
    expect(q.to).not.toBeNull();
    expect(q.to!.value.eq(30)).toBe(true);
    expect(slice(report, q.to!.numberRange)).toBe('30');
    expect(q.to!.interval.lo.toString()).toBe('29.5');
    expect(q.to!.interval.hi.toString()).toBe('30.5');
  });

  it('reads 3至5人 as one figure from 3 to 5 people', () => {
    const report = parseReport('每个网格配备3至5人。');
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['3至5人']);
    const q = report.quantities[0]!;
    expectQuantity(report, q, count('3至5人', '3', '人', '2.5', '5.5'));
    expect(q.to!.value.eq(5)).toBe(true);
    expect(slice(report, q.to!.numberRange)).toBe('5');
    expect(q.to!.interval.lo.toString()).toBe('4.5');
    expect(q.to!.interval.hi.toString()).toBe('5.5');
  });

  it('gives the lower end of 1至2万元 the upper end’s magnitude', () => {
    const report = parseReport('每户补助1至2万元。');
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['1至2万元']);
    const q = report.quantities[0]!;
    expectQuantity(report, q, {
      text: '1至2万元', number: '1', value: '10000', unit: '元', family: 'currency', magnitude: '万',
      kind: 'exact', qualifiers: [], lo: '5000', hi: '25000',
    });
    expect(q.to!.value.eq(20000)).toBe(true);
  });

  it('reads 15～30% (unit written once, on the upper end) as a percent range', () => {
    const report = parseReport('整改完成率提升15～30%。');
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['15～30%']);
    const q = report.quantities[0]!;
    expectQuantity(report, q, {
      text: '15～30%', number: '15', value: '15', unit: '%', family: 'percent', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '14.5', hi: '30.5',
    });
    expect(q.to!.value.eq(30)).toBe(true);
  });

  it('reads 三至五名 (Chinese numerals) as one figure from 3 to 5', () => {
    const report = parseReport('每组配备三至五名工作人员。');
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['三至五名']);
    const q = report.quantities[0]!;
    expectQuantity(report, q, {
      text: '三至五名', number: '三', value: '3', unit: '名', family: 'count', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '2.5', hi: '5.5', numeral: 'chinese',
    });
    expect(q.to!.value.eq(5)).toBe(true);
  });

  it('a figure that is not a range has no upper end', () => {
    const report = parseReport('参训干部126人。');
    expect(report.quantities[0]!.to).toBeNull();
  });
});

describe('Chinese numerals with a measure word', () => {
  const cases: Array<[string, ExpectedQuantity]> = [
    // Chinese numerals show their last non-zero digit: 十二 → step 1.
    ['建成十二个法治示范点。', { text: '十二个', number: '十二', value: '12', unit: '个', family: 'count', magnitude: null, kind: 'exact', qualifiers: [], lo: '11.5', hi: '12.5', numeral: 'chinese' }],
    // Chinese numerals write every place, like Arabic digits: 两千 is exactly 2000 → step 1.
    ['动员两千人参与志愿服务。', { text: '两千人', number: '两千', value: '2000', unit: '人', family: 'count', magnitude: null, kind: 'exact', qualifiers: [], lo: '1999.5', hi: '2000.5', numeral: 'chinese' }],
    // 一万二千 → step 1 as well: [12000 − 0.5, 12000 + 0.5].
    ['奖励一万二千元。', { text: '一万二千元', number: '一万二千', value: '12000', unit: '元', family: 'currency', magnitude: null, kind: 'exact', qualifiers: [], lo: '11999.5', hi: '12000.5', numeral: 'chinese' }],
    // 一百余 → orMore with s = 100.
    ['慰问困难群众一百余人。', { text: '一百余人', number: '一百', value: '100', unit: '人', family: 'count', magnitude: null, kind: 'orMore', qualifiers: ['余'], lo: '100', hi: '200', numeral: 'chinese' }],
  ];
  for (const [sentence, e] of cases) {
    it(`reads ${e.text} in “${sentence}”`, () => checkSingle(sentence, e));
  }
});

describe('full-width digits and punctuation', () => {
  it('reads １２３件 as 123, with ranges into the original full-width text', () => {
    checkSingle('今年共受理投诉１２３件。', { ...count('１２３件', '１２３', '件', '122.5', '123.5'), value: '123' });
  });

  it('reads ９８．５％ as 98.5%', () => {
    checkSingle('按期办结率９８．５％。', {
      text: '９８．５％', number: '９８．５', value: '98.5', unit: '%', family: 'percent', magnitude: null,
      kind: 'exact', qualifiers: [], lo: '98.45', hi: '98.55',
    });
  });

  it('gives the same values and offsets as the half-width twin', () => {
    const full = parseReport('（一）依法受理。全年受理投诉１２３件，办结率９８．５％。');
    const half = parseReport('(一)依法受理。全年受理投诉123件,办结率98.5%。');
    expect(full.quantities.map((q) => q.range)).toEqual(half.quantities.map((q) => q.range));
    expect(full.quantities.map((q) => q.value.toString())).toEqual(['123', '98.5']);
    expect(half.quantities.map((q) => q.value.toString())).toEqual(['123', '98.5']);
    expect(full.quantities.map((q) => slice(full, q.range))).toEqual(['１２３件', '９８．５％']);
  });

  it('does not count the heading marker （一）', () => {
    const report = parseReport('（一）全年受理投诉１２３件。');
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['１２３件']);
  });
});

describe('several figures in one sentence', () => {
  it('keeps them in order with their index, paragraph and sentence', () => {
    const report = parseReport('受理案件1904件，办结1742件，办结率91.5%。全年无超期案件。');
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['1904件', '1742件', '91.5%']);
    expect(report.quantities.map((q) => q.index)).toEqual([0, 1, 2]);
    expect(report.quantities.map((q) => q.paragraph)).toEqual([0, 0, 0]);
    expect(report.quantities.map((q) => q.sentence)).toEqual([0, 0, 0]);
  });
});

describe('dates and periods are not quantities', () => {
  interface ExpectedDate {
    text: string;
    kind: DateMention['kind'];
    year?: number;
    month?: number;
    day?: number;
    toMonth?: number;
    quarter?: number;
    fiscal?: boolean;
    form?: DateMention['form'];
  }
  const cases: Array<[string, ExpectedDate]> = [
    ['2020年，我街扎实推进法治政府建设。', { text: '2020年', kind: 'year', year: 2020, fiscal: false, form: 'arabic' }],
    ['编制2021年度法治建设工作计划。', { text: '2021年度', kind: 'year', year: 2021, fiscal: true }],
    ['会议于2020年12月2日召开。', { text: '2020年12月2日', kind: 'date', year: 2020, month: 12, day: 2 }],
    // docs/model.md and model/date.ts list 12月底 as a part of the year (yearPart).
    ['各项整改任务于12月底前完成。', { text: '12月底', kind: 'yearPart', month: 12 }],
    ['2020年底前完成清理。', { text: '2020年底', kind: 'yearPart', year: 2020 }],
    ['2021年1月，新制度正式施行。', { text: '2021年1月', kind: 'yearMonth', year: 2021, month: 1 }],
    ['10月，开展专项执法检查。', { text: '10月', kind: 'month', month: 10 }],
    ['今年1-10月，受理各类案件。', { text: '1-10月', kind: 'monthRange', month: 1, toMonth: 10 }],
    ['二〇二〇年，我街持续深化改革。', { text: '二〇二〇年', kind: 'year', year: 2020, form: 'chinese' }],
    ['计划于三季度完成验收。', { text: '三季度', kind: 'quarter', quarter: 3 }],
    ['前三季度，全区税收稳步增长。', { text: '前三季度', kind: 'quarter', quarter: 3 }],
    ['该方案于2021-01-12印发。', { text: '2021-01-12', kind: 'date', year: 2021, month: 1, day: 12, form: 'iso' }],
  ];
  for (const [sentence, e] of cases) {
    it(`reads ${e.text} as a ${e.kind}, not a quantity`, () => {
      const report = parseReport(sentence);
      expect(report.quantities.map((q) => slice(report, q.range))).toEqual([]);
      const date = report.dates.find((d) => slice(report, d.range) === e.text);
      expect(date, `a date mention ${e.text} among ${report.dates.map((d) => slice(report, d.range)).join(' | ')}`).toBeDefined();
      const { text: _text, ...fields } = e;
      expect(date).toMatchObject(fields);
    });
  }
});

describe('identifiers are not quantities', () => {
  /** [sentence, the numeral to locate, the identifier kind or null when the model leaves it open] */
  const cases: Array<[string, string, IdentifierKind | null]> = [
    ['开通12345热线受理群众诉求。', '12345', 'code'],
    ['地铁8号线建成通车。', '8', 'code'],
    ['地铁13号线顺利开通。', '13', 'code'],
    ['地铁十三号线顺利开通。', '十三', 'code'],
    ['打造“451”科创产业园。', '451', 'quoted'],
    ['办好“10+2”件民生实事。', '10', 'formula'],
    ['在全市考核中排名第7名。', '7', 'ordinal'],
    ['推进5G网络建设。', '5', 'code'],
    ['推广4K超高清视频。', '4', 'code'],
    ['构建“1+N”制度体系。', '1', 'formula'],
    ['推出政务服务3.0版。', '3.0', 'version'],
    ['深入学习贯彻党的十九届五中全会精神。', '十九', 'session'],
    ['隆重纪念改革开放40周年。', '40', null],
    ['严格落实中央八项规定精神。', '八', 'setPhrase'],
    ['深化“三项制度”改革。', '三', null],
    ['全面推行三项制度。', '三', 'setPhrase'],
    ['开展“五个一”活动。', '五', 'quoted'],
    ['提供“24小时在线”服务。', '24', 'quoted'],
    ['启动第二期工程建设。', '二', 'ordinal'],
    ['落实第一责任人职责。', '一', 'ordinal'],
    ['印发《白云区2020年法治政府建设工作要点》。', '2020', 'title'],
  ];
  for (const [sentence, numeral, kind] of cases) {
    it(`records ${numeral} in “${sentence}” as ${kind ?? 'an identifier'}`, () => {
      const report = parseReport(sentence);
      expect(report.quantities.map((q) => slice(report, q.range))).toEqual([]);
      const at = sentence.indexOf(numeral);
      const id = report.identifiers.find((x) => x.range.start <= at && at + numeral.length <= x.range.end);
      expect(id, `an identifier covering ${numeral}`).toBeDefined();
      expect(id!.text).toBe(slice(report, id!.range));
      if (kind) expect(id!.kind).toBe(kind);
    });
  }

  it('records both figures of 十九届五中全会 as sessions', () => {
    const report = parseReport('深入学习贯彻党的十九届五中全会精神。');
    expect(report.quantities).toEqual([]);
    const wu = '深入学习贯彻党的十九届'.length;
    expect(report.identifiers.some((x) => x.range.start <= wu && wu < x.range.end && x.kind === 'session')).toBe(true);
  });

  it('does not count the second figure of “10+2”', () => {
    const report = parseReport('办好“10+2”件民生实事。');
    expect(report.quantities).toEqual([]);
  });

  it('does not read 2020年 inside a book title as a date', () => {
    const report = parseReport('印发《白云区2020年法治政府建设工作要点》。');
    expect(report.dates).toEqual([]);
  });
});

describe('markers and words that are not counts', () => {
  it('does not count inline enumeration markers (1)…(2)', () => {
    const report = parseReport('主要做法包括：(1)健全制度；(2)强化监督。');
    expect(report.quantities).toEqual([]);
  });

  it('does not count full-width inline markers （1）…（2）', () => {
    const report = parseReport('主要做法包括：（1）健全制度；（2）强化监督。');
    expect(report.quantities).toEqual([]);
  });

  it('does not count the indefinite 一个', () => {
    expect(parseReport('打造一个综合服务平台。').quantities).toEqual([]);
  });

  it('does not count 无一例 (a negation idiom)', () => {
    expect(parseReport('辖区无一例确诊病例。').quantities).toEqual([]);
  });

  it('does not count numerals that are part of words (统一, 三清三拆, 一河两岸, 三大体系, 一些)', () => {
    expect(parseReport('统一开展三清三拆行动，推动一河两岸建设，构建三大体系，解决一些问题。').quantities).toEqual([]);
  });

  it('counts 一百余人 but not the bare 一 of 一个', () => {
    const report = parseReport('打造一个平台，服务一百余人。');
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['一百余人']);
  });
});

describe('blanks before 万/亿 and before the unit (pages copied from Word or PDF)', () => {
  // The intervals are those of the same figure written without the blank: the blank changes
  // nothing but the range, which spans it.
  const cases: Array<[string, ExpectedQuantity]> = [
    // 150.25万: step = 0.01万 = 100 → [1502500 − 50, 1502500 + 50]
    ['今年办结群众诉求150.25 万件。', { text: '150.25 万件', number: '150.25', value: '1502500', unit: '件', family: 'count', magnitude: '万', kind: 'exact', qualifiers: [], lo: '1502450', hi: '1502550' }],
    // a no-break space, as HTML pages have it
    ['今年办结群众诉求150.25\u00a0万件。', { text: '150.25\u00a0万件', number: '150.25', value: '1502500', unit: '件', family: 'count', magnitude: '万', kind: 'exact', qualifiers: [], lo: '1502450', hi: '1502550' }],
    // 1.2亿: step = 0.1亿 = 10^7 → ± 5×10^6; a full-width space before 亿
    ['全年投入资金1.2\u3000亿元。', { text: '1.2\u3000亿元', number: '1.2', value: '120000000', unit: '元', family: 'currency', magnitude: '亿', kind: 'exact', qualifiers: [], lo: '115000000', hi: '125000000' }],
    // blanks on both sides of 亿
    ['全年投入资金1.2 亿 元。', { text: '1.2 亿 元', number: '1.2', value: '120000000', unit: '元', family: 'currency', magnitude: '亿', kind: 'exact', qualifiers: [], lo: '115000000', hi: '125000000' }],
    // a thin space before 万: 2万, step 1万 → [15000, 25000]
    ['服务群众2\u2009万人次。', { text: '2\u2009万人次', number: '2', value: '20000', unit: '人次', family: 'count', magnitude: '万', kind: 'exact', qualifiers: [], lo: '15000', hi: '25000' }],
    ['环比上升15.6 %。', { text: '15.6 %', number: '15.6', value: '15.6', unit: '%', family: 'percent', magnitude: null, kind: 'exact', qualifiers: [], lo: '15.55', hi: '15.65' }],
    ['其中有效来信3942 件。', count('3942 件', '3942', '件', '3941.5', '3942.5')],
    // 约 with a blank after it: approximate, s = 1万 → [20000, 40000]
    ['覆盖群众约 3 万人。', { text: '约 3 万人', number: '3', value: '30000', unit: '人', family: 'count', magnitude: '万', kind: 'approximate', qualifiers: ['约'], lo: '20000', hi: '40000' }],
    // 万余 after a blank: orMore, s = 1万 → [10000, 20000]
    ['发放资料1 万余份。', { text: '1 万余份', number: '1', value: '10000', unit: '份', family: 'count', magnitude: '万', kind: 'orMore', qualifiers: ['余'], lo: '10000', hi: '20000' }],
    // a duration is a unit like any other across a blank (the date reader has 2023 年)
    ['办理时限压缩至 5 个工作日。', { ...count('5 个工作日', '5', '个工作日', '4.5', '5.5'), family: 'duration' }],
  ];
  for (const [sentence, e] of cases) {
    it(`reads ${JSON.stringify(e.text)} as one figure`, () => checkSingle(sentence, e));
  }

  it('reads a done and an open count in 万 with and without a blank, so they add up to the total', () => {
    const r = parseReport('共受理诉求180.00万件,办结150.25 万件,正在办理中29.75万件。');
    expect(r.quantities.map((q) => slice(r, q.range))).toEqual(['180.00万件', '150.25 万件', '29.75万件']);
    expect(r.quantities.map((q) => q.value.toString())).toEqual(['1800000', '1502500', '297500']);
    // 1502500 + 297500 = 1800000, inside 180.00万's [1799950, 1800050].
    const [total, done, open] = r.quantities;
    expect(done!.value.plus(open!.value).toString()).toBe('1800000');
    expect([total!.interval.lo.toString(), total!.interval.hi.toString()]).toEqual(['1799950', '1800050']);
  });

  it('keeps the place of the last digit shown: 150.25 万 has step 100, 180.00万 step 100, 60.61万 step 100', () => {
    const r = parseReport('办结150.25 万件,受理180.00万件,转办60.61万件。');
    expect(r.quantities.map((q) => q.step.toString())).toEqual(['100', '100', '100']);
    expect(r.quantities.map((q) => [q.interval.lo.toString(), q.interval.hi.toString()])).toEqual([
      ['1502450', '1502550'],
      ['1799950', '1800050'],
      ['606050', '606150'],
    ]);
  });

  it('does not glue a number to a word that only begins with a unit character: 12 处理', () => {
    const r = parseReport('当日受理 12 处理完毕 10 件。');
    expect(r.quantities.map((q) => [slice(r, q.range), q.unit])).toEqual([
      ['12', null],
      ['10 件', '件'],
    ]);
  });

  it('does not reach over three blanks', () => {
    const r = parseReport('办结150.25   万件。');
    expect(r.quantities.map((q) => [slice(r, q.range), q.magnitude])).toEqual([['150.25', null]]);
  });
});

describe('dates with blanks are dates, not figures', () => {
  it.each([
    ['2023 年,全区推进法治建设。', '2023 年', { kind: 'year', year: 2023 }],
    ['截至2023 年 12 月 31 日,累计受理。', '2023 年 12 月 31 日', { kind: 'date', year: 2023, month: 12, day: 31 }],
    ['2022\u00a0年度工作报告。', '2022\u00a0年度', { kind: 'year', year: 2022, fiscal: true }],
    ['于2023年 6 月完成。', '2023年 6 月', { kind: 'yearMonth', year: 2023, month: 6 }],
    ['12 月底前完成。', '12 月底', { kind: 'yearPart', month: 12 }],
    ['编制2021-2025 年规划。', '2021-2025 年', { kind: 'yearRange', year: 2021, toYear: 2025 }],
  ] as const)('%s', (sentence, text, fields) => {
    const r = parseReport(sentence);
    expect(r.quantities.map((q) => slice(r, q.range))).toEqual([]);
    const d = r.dates.find((x) => slice(r, x.range) === text);
    expect(d, r.dates.map((x) => slice(r, x.range)).join(' | ')).toBeDefined();
    expect(d).toMatchObject(fields);
  });

  it('a year with a blank keeps the count after it: 2023 年受理 5 件', () => {
    const r = parseReport('2023 年受理 5 件。');
    expect(r.quantities.map((q) => [slice(r, q.range), q.value.toString()])).toEqual([['5 件', '5']]);
    expect(r.dates.map((d) => slice(r, d.range))).toEqual(['2023 年']);
  });
});

describe('ranks are identifiers, not counts', () => {
  /** [sentence, the exact rank text] */
  const cases: Array<[string, string]> = [
    ['我镇在全市考评中排名前五名。', '前五名'],
    ['办件量位于前三的单位:甲局、乙局、丙局。', '前三'],
    ['诉求量前10位的分别是:供水、供电。', '前10位'],
    ['综合评分排名前五。', '前五'],
    ['在全区验收中包揽前两名。', '前两名'],
    ['进入全省前十强。', '前十强'],
    ['考评前三的部门为甲局、乙局、丙局。', '前三'],
    // a measure word after the numeral stays outside the rank
    ['诉求量前5家企业均已回访。', '前5'],
    // blanks after 前, as in text copied from PDF
    ['排名前 8 名。', '前 8 名'],
  ];
  for (const [sentence, rank] of cases) {
    it(`${rank} in “${sentence}”`, () => {
      const r = parseReport(sentence);
      expect(r.quantities.map((q) => slice(r, q.range))).toEqual([]);
      const ranks = r.identifiers.filter((x) => x.kind === 'rank');
      expect(ranks.map((x) => x.text)).toEqual([rank]);
      expect(slice(r, ranks[0]!.range)).toBe(rank);
      expect(ranks[0]!.range.start).toBe(sentence.indexOf(rank));
    });
  }

  it('a placing (第一, 位居第二, 第7名) is an ordinal, not a rank and not a count', () => {
    const r = parseReport('多年位居第二,今年获得第一,个人赛第7名。');
    expect(r.quantities).toEqual([]);
    expect(r.identifiers.filter((x) => x.kind === 'ordinal').map((x) => x.text)).toEqual(['第二', '第一', '第7名']);
  });

  it.each([
    // 前 is part of another word: the figure after it counts
    ['目前5名干部在岗。', '5名', '5'],
    ['此前两名当事人已撤诉。', '两名', '2'],
    ['截至目前 3 家企业完成整改。', '3 家', '3'],
    // periods after 前: durations, not ranks
    ['前三年累计投入。', '三年', '3'],
    ['前10个月受理咨询。', '10个月', '10'],
    ['提前3天完成。', '3天', '3'],
  ] as const)('%s keeps %s as a figure', (sentence, text, value) => {
    const r = parseReport(sentence);
    expect(r.identifiers.filter((x) => x.kind === 'rank')).toEqual([]);
    expect(r.quantities.map((q) => [slice(r, q.range), q.value.toString()])).toEqual([[text, value]]);
  });

  it('前三季度 and 前3季度 are quarters, 前一轮 is the previous round', () => {
    const r = parseReport('前三季度全面完成;前3季度累计办结;前一轮督察反馈。');
    expect(r.identifiers.filter((x) => x.kind === 'rank')).toEqual([]);
    expect(r.dates.filter((d) => d.kind === 'quarter').map((d) => [slice(r, d.range), d.quarter])).toEqual([
      ['前三季度', 3],
      ['3季度', 3],
    ]);
  });
});

describe('ordinals and template gaps', () => {
  it.each([
    ['第28周工作通报。', '第28周'],
    ['法治简报第5期。', '第5期'],
    ['法治简报总第74期。', '第74期'],
    ['法治简报第 6 期。', '第 6 期'],
  ] as const)('%s has the ordinal %s and no quantity', (sentence, ordinal) => {
    const r = parseReport(sentence);
    expect(r.quantities).toEqual([]);
    expect(r.identifiers.map((x) => [x.kind, x.text])).toEqual([['ordinal', ordinal]]);
  });

  it('第3季度 is the third quarter, like 第三季度', () => {
    const r = parseReport('第3季度受理咨询。第三季度开展培训。');
    expect(r.quantities).toEqual([]);
    expect(r.dates.map((d) => [slice(r, d.range), d.kind, d.quarter])).toEqual([
      ['第3季度', 'quarter', 3],
      ['第三季度', 'quarter', 3],
    ]);
  });

  it.each(['本月共件。', '本月共 件。', '本月受理共件,办结件,办结率%。', '满意率 %,回访 件。'])(
    'a blank left for a figure is no figure: %s',
    (sentence) => {
      const r = parseReport(sentence);
      expect(r.quantities).toEqual([]);
      expect(r.identifiers).toEqual([]);
    },
  );
});

describe('traditional characters read as simplified ones, at the same offsets', () => {
  const cases: Array<[string, ExpectedQuantity]> = [
    // 12.5萬: step = 0.1萬 = 1000 → ± 500
    ['全年辦理12.5萬件。', { text: '12.5萬件', number: '12.5', value: '125000', unit: '件', family: 'count', magnitude: '万', kind: 'exact', qualifiers: [], lo: '124500', hi: '125500' }],
    ['投入3.6億元。', { text: '3.6億元', number: '3.6', value: '360000000', unit: '元', family: 'currency', magnitude: '亿', kind: 'exact', qualifiers: [], lo: '355000000', hi: '365000000' }],
    // 兩個: two, written out in full, step 1 (like 两个)
    ['設立兩個服務站。', { text: '兩個', number: '兩', value: '2', unit: '个', family: 'count', magnitude: null, kind: 'exact', qualifiers: [], lo: '1.5', hi: '2.5', numeral: 'chinese' }],
    ['完成三項改革。', { text: '三項', number: '三', value: '3', unit: '项', family: 'count', magnitude: null, kind: 'exact', qualifiers: [], lo: '2.5', hi: '3.5', numeral: 'chinese' }],
    ['收集意見56條。', count('56條', '56', '条', '55.5', '56.5')],
    ['辦結宗數12宗。', count('12宗', '12', '宗', '11.5', '12.5')],
    // 約 → approximate, s = 1萬 → [20000, 40000]
    ['服務約3萬人。', { text: '約3萬人', number: '3', value: '30000', unit: '人', family: 'count', magnitude: '万', kind: 'approximate', qualifiers: ['约'], lo: '20000', hi: '40000' }],
    // 萬餘 → orMore, s = 1萬 → [10000, 20000]
    ['發放1萬餘份。', { text: '1萬餘份', number: '1', value: '10000', unit: '份', family: 'count', magnitude: '万', kind: 'orMore', qualifiers: ['余'], lo: '10000', hi: '20000' }],
    ['滿意率達百分之九十五。', { text: '達百分之九十五', number: '九十五', value: '95', unit: '%', family: 'percent', magnitude: null, kind: 'exact', qualifiers: ['达'], lo: '94.5', hi: '95.5', numeral: 'chinese' }],
    ['同比提高1.5個百分點。', { text: '1.5個百分點', number: '1.5', value: '1.5', unit: '个百分点', family: 'points', magnitude: null, kind: 'exact', qualifiers: [], lo: '1.45', hi: '1.55' }],
    // 十萬 written out in Chinese numerals: every place shown, step 1
    ['獎勵十萬元。', { text: '十萬元', number: '十萬', value: '100000', unit: '元', family: 'currency', magnitude: null, kind: 'exact', qualifiers: [], lo: '99999.5', hi: '100000.5', numeral: 'chinese' }],
  ];
  for (const [sentence, e] of cases) {
    it(`reads ${e.text} in “${sentence}”`, () => checkSingle(sentence, e));
  }

  it('八項規定 is a set phrase and 第二十條 an ordinal, as in simplified text', () => {
    const r = parseReport('落實中央八項規定精神,依據第二十條辦理。');
    expect(r.quantities).toEqual([]);
    expect(r.identifiers.map((x) => [x.kind, x.text])).toEqual([
      ['setPhrase', '八項規定'],
      ['ordinal', '第二十條'],
    ]);
  });

  it('keeps identifiers in the caller’s characters', () => {
    const r = parseReport('排名前兩名。');
    expect(r.identifiers.map((x) => [x.kind, x.text])).toEqual([['rank', '前兩名']]);
  });
});
