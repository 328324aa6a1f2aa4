import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse/parse-report.js';
import { extractClaims } from './index.js';
import type { ClaimOf } from './schema.js';

/** The table claims of a text, as `kind verdict «stated» [label]`. */
function tableClaims(text: string): Array<ClaimOf<'tableTotal'> | ClaimOf<'tableShare'>> {
  return extractClaims(parseReport(text)).claims.filter(
    (c): c is ClaimOf<'tableTotal'> | ClaimOf<'tableShare'> => c.kind === 'tableTotal' || c.kind === 'tableShare',
  );
}

const brief = (text: string) => (c: ClaimOf<'tableTotal'> | ClaimOf<'tableShare'>): string =>
  `${c.kind} ${c.verdict} «${text.slice(c.range.start, c.range.end)}» [${c.label?.text ?? ''}]`;

describe('table total claims', () => {
  it('judges a 总计 column and says where the total was taken to be', () => {
    const text = ['申请人 | 自然人 | 法人 | 总计 |', '新收 | 5 | 2 | 7 |', '结转 | 1 | | 1 |', '办结 | 0 | | 0 |'].join('\n');
    const claims = tableClaims(text);
    expect(claims.map(brief(text))).toEqual([
      // 5+2 = 7.
      'tableTotal holds «7» [新收]',
      // 1 + (blank): not assessable, even though 1 = 1.
      'tableTotal unverifiable «1» [结转]',
      // 0 + (blank) with a total of 0: the blank can only be 0.
      'tableTotal holds «0» [办结]',
    ]);
    const [held, blank] = claims as Array<ClaimOf<'tableTotal'>>;
    expect([held!.direction, held!.layout, held!.totalName?.text, held!.blanks]).toEqual(['row', 'known', '总计', 0]);
    expect(held!.figures.map((f) => [f.role, f.text])).toEqual([['total', '7'], ['part', '5'], ['part', '2']]);
    expect([blank!.blanks, blank!.reason]).toEqual([1, '1 member cell(s) are blank or not stated, so the sum cannot be assessed']);
  });

  it('sums a 合计 row over the leaf rows below its parent label, sub-rows included', () => {
    const text = [
      '项目 | 件数 |',
      '三、办理结果 | (一)予以公开 | 6 |',
      '| (二)不予公开 | 1.属于国家秘密 | 2 |',
      '| | 2.属于内部事务 | 1 |',
      '| (三)其他处理 | 4 |',
      '| (四)总计 | 13 |',
      '四、结转下年度 | 5 |',
    ].join('\n');
    const claims = tableClaims(text);
    // (四)总计 sits under 三、: its members are (一) 6, 1. 2, 2. 1, (三) 4 = 13; 四、 is not under 三、.
    expect(claims.map(brief(text))).toEqual(['tableTotal holds «13» [(四)总计]']);
    expect(claims[0]!.evidence.expression).toBe('6+2+1+4 = 13');
    const wrong = text.replace('| (四)总计 | 13 |', '| (四)总计 | 14 |');
    const failed = tableClaims(wrong)[0] as ClaimOf<'tableTotal'>;
    expect([failed.verdict, failed.direction, failed.failure]).toEqual(['fails', 'column', 'short']);
  });

  it('holds when only one of the two possible layouts fits, and stays unverifiable when neither does', () => {
    const cells = (rows: string[][]): string =>
      ['类别 |', '合计 |', '来源 |', '电话 |', '网络 |', ...rows.flatMap(([label, ...v]) => [`${label} |`, ...v.map((x) => `${x} |`)])].join('\n');
    const text = cells([['甲类', '0', '0', '0'], ['乙类', '7', '4', '3'], ['丙类', '9', '4', '3']]);
    const claims = tableClaims(text) as Array<ClaimOf<'tableTotal'>>;
    // 乙类 7 = 4+3 fits "total first" only; that settles the layout for 丙类, 9 ≠ 4+3.
    expect(claims.map((c) => `${c.verdict} ${c.layout}`)).toEqual(['holds known', 'holds known', 'fails known']);
    const open = tableClaims(cells([['甲类', '0', '0', '0'], ['丙类', '9', '4', '3']])) as Array<ClaimOf<'tableTotal'>>;
    expect(open.map((c) => c.verdict)).toEqual(['holds', 'unverifiable']);
    expect(open[1]!.reason).toBe('no layout fits, but the header does not say which column is the total');
  });
});

describe('table share claims', () => {
  it('names the base that fitted: the column total, or the sum of the count column', () => {
    const withTotal = ['单位 | 件数 | 占比 |', '甲 | 3 | 37.5% |', '乙 | 5 | 62.5% |', '合计 | 8 | 100% |'].join('\n');
    expect((tableClaims(withTotal).filter((c) => c.kind === 'tableShare') as Array<ClaimOf<'tableShare'>>).map((c) => [c.verdict, c.baseKind])).toEqual([
      ['holds', 'columnTotal'],
      ['holds', 'columnTotal'],
    ]);
    // No total row: the shares add up to 100%, so the count column's sum (3+5 = 8) is the base.
    const noTotal = ['单位 | 件数 | 占比 |', '甲 | 3 | 37.5% |', '乙 | 5 | 62.5% |'].join('\n');
    expect((tableClaims(noTotal) as Array<ClaimOf<'tableShare'>>).map((c) => [c.verdict, c.baseKind])).toEqual([
      ['holds', 'columnSum'],
      ['holds', 'columnSum'],
    ]);
    // 3/8 = 37.5% but 40% is written; the sum-of-column base is not named by the table: unverifiable.
    const off = noTotal.replace('37.5%', '40%').replace('62.5%', '60%');
    expect((tableClaims(off) as Array<ClaimOf<'tableShare'>>).map((c) => c.verdict)).toEqual(['unverifiable', 'unverifiable']);
  });
});
