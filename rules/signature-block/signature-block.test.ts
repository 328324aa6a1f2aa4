import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/index.js';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'signature-block';

const BODY = `一、2022年推进法治政府建设的主要举措和成效
全年审查重大事项决策12件，化解矛盾纠纷213宗。
二、存在的不足和原因
部分社区法治阵地建设滞后，原因是经费投入不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责同志带头学法，全年主持召开专题学法会议4次。
四、2023年度推进法治政府建设的主要安排
2023年，将继续深化基层依法治理，推进法治社区创建。`;

/** A report with the given title line and signature lines (empty: no signature). */
function report(title: string, signature: string): string {
  return `${title}
2022年，坚持以习近平法治思想为指导，扎实推进依法行政。现将有关情况报告如下：
${BODY}${signature ? `\n${signature}` : ''}`;
}

/** Runs the rule alone through checkReport with a caller-given level. */
function atLevel(text: string, level: 'street' | 'district' | 'town', locale: 'zh' | 'en' = 'zh') {
  return checkReport(text, { level, locale }).diagnostics.filter((d) => d.ruleId === RULE);
}

describe('signature-block', () => {
  it('accepts a district report signed with the issuer and the date', () => {
    expect(runRule(RULE, report('某某区人民政府2022年法治政府建设年度报告', '某某区人民政府\n2023年1月10日'))).toEqual([]);
  });

  it('reports a report with no signature at all: no issuer and no date, at its end', () => {
    // The title's 某某区人民政府 names who wrote it, but the signature (发文机关署名) is a separate element.
    const text = report('某某区人民政府2022年法治政府建设年度报告', '');
    const diags = runRule(RULE, text);
    expect(diags.map((d) => d.messageId)).toEqual(['noIssuer', 'noDate']);
    expect(flagged(text, diags)).toEqual(['', '']);
    expect(diags.map((d) => d.range.start)).toEqual([text.length, text.length]);
    expect(diags.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(diags.map((d) => d.message)).toEqual(['未找到发文机关署名', '未找到成文日期']);
    expect(runRule(RULE, text, undefined, 'en').map((d) => d.message)).toEqual(['No issuing body is named', 'No date written is given']);
  });

  it('reports a missing date when only the issuer signs', () => {
    const text = report('某某区人民政府2022年法治政府建设年度报告', '某某区人民政府');
    const diags = runRule(RULE, text);
    expect(diags.map((d) => d.messageId)).toEqual(['noDate']);
    expect(diags[0]!.range).toEqual({ start: text.length, end: text.length });
  });

  it('reports a street report (level street) signed only by the district government', () => {
    const text = report('某某街道2022年法治政府建设工作情况报告', '某某区人民政府\n2023年1月5日');
    const diags = atLevel(text, 'street');
    expect(flagged(text, diags)).toEqual(['某某区人民政府']);
    expect(diags[0]!.messageId).toBe('wrongIssuer');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('街道报告的署名“某某区人民政府”中没有街道办事处/街办事处');
    expect(atLevel(text, 'street', 'en')[0]!.message).toBe('The street report is signed by 某某区人民政府, with no 街道办事处/街办事处');
  });

  it('knows a street report by the street office in its title when the caller gives no level', () => {
    const text = report('某某区某某街道办事处2022年法治政府建设年度报告', '某某区人民政府\n2023年1月5日');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['某某区人民政府']);
    expect(diags[0]!.messageId).toBe('wrongIssuer');
  });

  it('accepts a street report signed by its working committee and street office, and a town by its government', () => {
    const street = report(
      '某某街道2022年法治政府建设工作情况报告',
      '中共某某区某某街工作委员会 某某区人民政府某某街道办事处\n2023年1月5日 2023年1月5日',
    );
    expect(atLevel(street, 'street')).toEqual([]);
    const town = report('某某镇2022年法治政府建设年度报告', '某某镇人民政府\n2023年1月8日');
    expect(atLevel(town, 'town')).toEqual([]);
  });

  it('looks past page furniture after the signature', () => {
    const text = report('某某区人民政府2022年法治政府建设年度报告', '某某区人民政府\n2023年1月10日\n【打印】 【关闭】');
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('finds the signature above a closing note (附注, GB/T 9704-2012 7.3.6) such as （此件公开发布）', () => {
    // 附注 sits below the date, so the signature is no longer the very last line.
    const text = report('某某区人民政府2022年法治政府建设年度报告', '某某区人民政府\n2023年1月10日\n（此件公开发布）');
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('counts the page metadata (发布机构, 成文日期) as the signature of a scraped page', () => {
    // The district seed has no signature lines at its end; its page table gives
    // 发布机构: 广州市白云区人民政府 and 成文日期: 2021-01-12.
    expect(runRule(RULE, seedText('district'))).toEqual([]);
  });

  it('does not hold a page\'s 发布机构 to the name a town report must be signed with', () => {
    // A scraped town report with no signature lines: the page table's 发布机构 is the short name the
    // site uses (某某镇), and its 成文日期 the date. Both stand in for the signature; the short name
    // is no wrong issuer.
    const text = `索引号: 1133/2024-001 发布机构: 某某镇 成文日期: 2024-01-20
某某镇2023年度法治政府建设工作报告
2023年，镇政府坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设取得新成效。`;
    expect(atLevel(text, 'town')).toEqual([]);
    // Signed at the end by the district alone, the same report is still reported.
    const signed = `${text}\n某某区人民政府\n2024年1月20日`;
    expect(flagged(signed, atLevel(signed, 'town'))).toEqual(['某某区人民政府']);
  });

  it('finds nothing in the street seed, signed by its working committee and street office', () => {
    // 中共广州市白云区石门街工作委员会 广州市白云区人民政府石门街道办事处 / 2020年12月2日 2020年12月2日.
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });
});

describe('signature-block without a document profile', () => {
  it('says nothing about a snippet that is no recognisable report', () => {
    // No title, no 法治政府建设 cue: no profile, so nothing is expected to be signed.
    expect(runRule('signature-block', '共受理案件10件,其中A类3件、B类7件。')).toEqual([]);
  });
});
