import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'report-date';

const OPENING = '2022年，区政府坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设取得新成效。';

/** A district report on 2022, signed 某某区人民政府 and dated `date`. */
function report(date: string, opening = OPENING): string {
  return `某某区人民政府2022年法治政府建设年度报告
${opening}
一、2022年推进法治政府建设的主要举措和成效
全年审查重大行政决策事项18件，办理行政复议案件126件。
二、存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头学法，全年主持召开常务会议专题学法4次。
四、2023年度推进法治政府建设的主要安排
2023年，区政府将持续深化法治政府建设示范创建。
某某区人民政府
${date}`;
}

/** A district report on 2021 as scraped from the government web page, with its metadata table. */
function scraped(written: string, published: string): string {
  return `政府信息公开 规章库
索引号: 11440111007502337T/2022-00031 分类:
发布机构: 某某区人民政府 成文日期: ${written}
名称: 某某区人民政府2021年法治政府建设年度报告
文号: 发布日期: ${published}
【打印】 【字体:
某某区人民政府2021年法治政府建设年度报告
2021年，区政府坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设取得新成效。
一、2021年推进法治政府建设的主要举措和成效
全年审查重大行政决策事项16件，办理行政复议案件118件。
二、存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头学法，全年主持召开常务会议专题学法4次。
四、2022年度推进法治政府建设的主要安排
2022年，区政府将持续深化法治政府建设示范创建。
政策解读:一图读懂《某某区人民政府2021年法治政府建设年度报告》`;
}

describe('report-date', () => {
  it('accepts a report on 2022 dated in January 2023, and one dated on the deadline, 1 March', () => {
    expect(runRule(RULE, report('2023年1月10日'))).toEqual([]);
    // "by 1 March": the day itself is in time.
    expect(runRule(RULE, report('2023年3月1日'))).toEqual([]);
  });

  it('reports a date that does not exist (2月30日) as an error, and nothing more', () => {
    const text = report('2023年2月30日');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2023年2月30日']);
    expect(diags[0]!.messageId).toBe('invalid');
    expect(diags[0]!.severity).toBe('error');
    expect(diags[0]!.message).toBe('成文日期“2023年2月30日”不是真实存在的日期');
  });

  it('reports a zero-padded date at info, with the standard form', () => {
    const text = report('2023年01月05日');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2023年01月05日']);
    expect(diags[0]!.messageId).toBe('format');
    expect(diags[0]!.severity).toBe('info');
    expect(diags[0]!.message).toBe('成文日期“2023年01月05日”格式不规范,应写作“2023年1月5日”(年份写全,月、日不编虚位)');
  });

  it('reports a date written in Chinese numerals at info (GB/T 9704-2012 7.3.5: Arabic numerals)', () => {
    const text = report('二〇二三年一月十日');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['二〇二三年一月十日']);
    expect(diags[0]!.messageId).toBe('format');
    expect(diags[0]!.severity).toBe('info');
    expect(diags[0]!.message).toContain('2023年1月10日');
  });

  it('reports a report dated inside its own year at info', () => {
    const text = report('2022年12月20日');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2022年12月20日']);
    expect(diags[0]!.messageId).toBe('partialYear');
    expect(diags[0]!.severity).toBe('info');
    expect(diags[0]!.message).toBe('2022年度报告的成文日期为2022年12月20日,仍在报告年度内,只涵盖部分年度');
    expect(runRule(RULE, text, undefined, 'en')[0]!.message).toBe(
      'The report on 2022 is dated 2022年12月20日, inside that year, so it covers only part of it',
    );
  });

  it('raises a report dated inside its year to a warning when the body says 截至目前', () => {
    const text = report('2022年12月20日', '2022年，区政府全面推进依法行政。截至目前，全区共办理行政复议案件126件，办结率96.8%。');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2022年12月20日']);
    expect(diags[0]!.messageId).toBe('partialYearSoFar');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('2022年度报告的成文日期为2022年12月20日,正文写“截至目前”,所报数据并非全年数据');
  });

  it('reports a date before the reporting year at warning', () => {
    const text = report('2021年12月30日');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2021年12月30日']);
    expect(diags[0]!.messageId).toBe('beforeYear');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('成文日期2021年12月30日早于所报告的2022年度');
  });

  it('reports a report dated after 1 March of the next year at warning', () => {
    const text = report('2023年3月2日');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2023年3月2日']);
    expect(diags[0]!.messageId).toBe('late');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('成文日期2023年3月2日晚于报送期限(2023年3月1日前)');
  });

  it('names the deadline in plain English with the en locale', () => {
    const en = runRule(RULE, report('2023年3月2日'), undefined, 'en')[0]!.message;
    expect(en.startsWith('Dated 2023年3月2日, after the deadline (')).toBe(true);
    expect(en).toContain('1 March');
    expect(en).toContain('2023');
    // Not a Chinese 年 glued to English words.
    expect(en).not.toMatch(/年by/);
  });

  it('reads the page metadata of a scraped page: ISO dates are fine, publication on or after 1 April is late', () => {
    // 成文日期 2022-02-25 is in time for 2021 (by 1 March 2022); an ISO date in the page's own table
    // is the page's form, not the document's, so no format finding.
    expect(runRule(RULE, scraped('2022-02-25', '2022-03-31'))).toEqual([]);
    const text = scraped('2022-02-25', '2022-04-02');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2022-04-02']);
    expect(diags[0]!.messageId).toBe('latePublished');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toContain('发布日期2022-04-02');
    expect(diags[0]!.message).toContain('4月1日前');
    // "Before 1 April": 1 April itself is already late.
    expect(runRule(RULE, scraped('2022-02-25', '2022-04-01')).map((d) => d.messageId)).toEqual(['latePublished']);
  });

  it('finds in the seeds only the street report dated inside 2020 while saying 截至目前', () => {
    // Street: signed 2020年12月2日 twice (two bodies), on the year 2020; the body says 截至目前.
    const street = seedText('street');
    const diags = runRule(RULE, street);
    expect(flagged(street, diags)).toEqual(['2020年12月2日']);
    expect(diags[0]!.range.start).toBe(street.lastIndexOf('2020年12月2日 2020年12月2日'));
    expect(diags[0]!.messageId).toBe('partialYearSoFar');
    expect(diags[0]!.severity).toBe('warning');
    // District: 成文日期 2021-01-12 and 发布日期 2021-01-13, both in time for 2020.
    expect(runRule(RULE, seedText('district'))).toEqual([]);
  });
});

describe('report-date: page dates are not the date written', () => {
  /** A district report on 2022 as a web page gives it: a site header with the day's date, 发布时间, no signature. */
  const PAGE = `某某区人民政府 2019年12月3日星期二
无障碍 简体 繁体
某某区2022年度法治政府建设情况报告
来源:某某区人民政府办公室 发布时间:2023-03-28 09:18
某某区2022年度法治政府建设情况报告
2022年，某某区坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设取得新成效。
一、2022年推进法治政府建设的主要举措和成效
全年审查重大行政决策事项18件，办理行政复议案件126件。`;

  it('takes neither the site header\'s date nor 发布时间 for the date written', () => {
    // 2019年12月3日 is the page's clock (before the year 2022: no beforeYear); 2023-03-28 is the
    // publication date, after the report deadline of 1 March but before the publication deadline
    // of 1 April 2023 (no late, no latePublished).
    expect(runRule(RULE, PAGE)).toEqual([]);
  });

  it('checks the publication date on its own against the publication deadline', () => {
    // 发布时间 on 2023-04-06, after 1 April 2023: the finding says it is the publication date.
    const text = PAGE.replace('发布时间:2023-03-28', '发布时间:2023-04-06');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2023-04-06']);
    expect(diags[0]!.messageId).toBe('latePublished');
    expect(diags[0]!.message).toBe('发布日期2023-04-06晚于公开期限(2023年4月1日前)');
  });

  it('takes the date of a real signature at the end', () => {
    // Signed 2023年3月5日: after 1 March 2023, so late; the header date and 发布时间 play no part.
    const text = `${PAGE}\n某某区人民政府\n2023年3月5日`;
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2023年3月5日']);
    expect(diags[0]!.messageId).toBe('late');
  });

  it('does not take a page date set on the line after its label (发布时间: / 2026-03-04)', () => {
    // A flattened page table: labels and values on lines of their own. 2024-03-04 would be late for
    // the report (after 1 March 2024) if it were read as the date written.
    const text = `某某镇人民政府关于2023年法治政府建设情况的报告
发布时间:
2024-03-04
作者:
来源:
某某镇人民政府
2023年，某某镇深入学习贯彻习近平法治思想，全面推进依法行政，法治政府建设取得阶段性成效。
一、2023年法治政府建设主要工作及成效
全年开展专题学法10次，化解矛盾纠纷86宗。`;
    expect(runRule(RULE, text)).toEqual([]);
  });
});
