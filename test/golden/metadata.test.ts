import { describe, expect, it } from 'vitest';
import { parseReport, ReportSchema, textOf } from '../../src/index.js';
import { seedReport } from '../helpers.js';

// Every expected value below was read off the seed texts by hand (see seeds/README.md).
describe('metadata of the street seed', () => {
  const r = seedReport('street');
  const m = r.metadata;

  it('has no title line (the copy starts at the first body paragraph)', () => {
    expect(m.title).toBeNull();
  });

  it('reads both issuing bodies and both dates of the side-by-side signature', () => {
    expect(m.issuers.map((i) => [i.text, i.source])).toEqual([
      ['中共广州市白云区石门街工作委员会', 'signature'],
      ['广州市白云区人民政府石门街道办事处', 'signature'],
    ]);
    expect(m.signatureDates.map((d) => [d.year, d.month, d.day, d.text])).toEqual([
      [2020, 12, 2, '2020年12月2日'],
      [2020, 12, 2, '2020年12月2日'],
    ]);
    expect(m.dateWritten?.source).toBe('signature');
    for (const i of m.issuers) expect(textOf(r, i.range)).toBe(i.text);
  });

  it('is a street report of 白云区, 广州市, on 2020', () => {
    expect(m.level).toBe('street');
    expect(m.places.map((p) => [p.kind, p.name])).toEqual([
      ['city', '广州市'],
      ['district', '白云区'],
      ['street', '石门街'],
    ]);
    // "现将我街2020年度党政主要负责人…情况汇报如下" in the opening paragraph.
    expect(m.reportingYear?.year).toBe(2020);
    expect(m.reportingYear?.source).toBe('body');
    expect(textOf(r, m.reportingYear!.range!)).toBe('2020');
    expect(m.datePublished).toBeNull();
    expect(m.indexNumber).toBeNull();
  });
});

describe('metadata of the district seed (a scraped web page)', () => {
  const r = seedReport('district');
  const m = r.metadata;

  it('takes the title from the title line, not the page header', () => {
    expect(m.title?.text).toBe('广州市白云区人民政府2020年法治政府建设年度报告');
    expect(m.title?.source).toBe('title');
  });

  it('reads the page metadata table', () => {
    expect(m.indexNumber?.text).toBe('11440111007502337T/2021-00021');
    expect([m.dateWritten?.year, m.dateWritten?.month, m.dateWritten?.day, m.dateWritten?.source]).toEqual([2021, 1, 12, 'chrome']);
    expect([m.datePublished?.year, m.datePublished?.month, m.datePublished?.day]).toEqual([2021, 1, 13]);
    expect(m.documentNumber).toBeNull(); // 文号 is empty on the page
    expect(m.issuers[0]).toMatchObject({ text: '广州市白云区人民政府', source: 'chrome' });
  });

  it('is a district report on 2020', () => {
    expect(m.level).toBe('district');
    expect(m.reportingYear?.year).toBe(2020);
    expect(m.places.map((p) => p.name)).toEqual(['广州市', '白云区']);
  });

  it('keeps the page chrome out of the body', () => {
    // The normalised view: the page's NBSPs and private-use icons read as spaces.
    const roles = r.paragraphs.map((p) => [r.normalized.slice(p.range.start, p.range.end).slice(0, 8), p.role]);
    expect(roles.slice(0, 11)).toEqual([
      ['无障碍     ', 'chrome'], // 无障碍, two NBSPs, a space, an icon, a space,
      ['政府信息公开 规', 'chrome'],
      ['广州市白云区人民', 'chrome'],
      ['索引号: 114', 'metadata'],
      ['发布机构: 广州', 'metadata'],
      ['名称: 广州市白', 'metadata'],
      ['文号: 发布日期', 'metadata'],
      ['主题词:', 'metadata'],
      ['【打印】 【字体', 'chrome'],
      ['广州市白云区人民', 'title'],
      ['发布日期:202', 'metadata'],
    ]);
    expect(roles[roles.length - 1]).toEqual(['政策解读:一图读', 'chrome']);
    // No figure is read from the chrome: the first quantity is 204件 in （一）4.
    expect(textOf(r, r.quantities[0]!.range)).toBe('204件');
  });
});

describe('a title, issuer and date block at the top', () => {
  it('is read as the title and signature, not as body', () => {
    const text = [
      '某某区司法局2022年法治政府建设年度报告',
      '某某区司法局',
      '2023年1月10日',
      '2022年,我局深入贯彻落实党中央、国务院关于法治政府建设的决策部署,现将有关情况报告如下。',
      '一、2022年推进法治政府建设的主要举措和成效',
    ].join('\n');
    const r = parseReport(text);
    expect(r.paragraphs.map((p) => p.role)).toEqual(['title', 'signature', 'signature', 'body', 'heading']);
    expect(r.metadata.issuers.map((i) => i.text)).toEqual(['某某区司法局']);
    expect(r.metadata.level).toBe('department');
    expect(r.metadata.reportingYear?.year).toBe(2022);
    expect(r.metadata.dateWritten?.text).toBe('2023年1月10日');
  });
});

describe('page dates are not the date written (成文日期)', () => {
  const BODY = '2022年,某某区坚持以习近平法治思想为指导,全面推进依法行政,法治政府建设取得新成效。\n一、2022年推进法治政府建设的主要举措和成效';

  it('reads a site header with the day\'s date as chrome, and 发布时间 as the publication date', () => {
    const text = ['某某区人民政府 2019年12月3日星期二', '无障碍 简体 繁体', '某某区2022年度法治政府建设情况报告', '来源:某某区人民政府办公室 发布时间:2023-03-28 09:18', BODY].join('\n');
    const r = parseReport(text);
    expect(r.paragraphs.slice(0, 4).map((p) => p.role)).toEqual(['chrome', 'chrome', 'title', 'metadata']);
    expect(r.metadata.dateWritten).toBeNull();
    expect(r.metadata.signatureDates).toEqual([]);
    expect([r.metadata.datePublished?.text, r.metadata.datePublished?.source]).toEqual(['2023-03-28', 'chrome']);
  });

  it('reads a label whose value is on the next line (发布时间: / 2026-03-04, 来源: / 某某镇人民政府)', () => {
    const text = ['某某镇人民政府关于2025年法治政府建设情况的报告', '发布时间:', '2026-03-04', '作者:', '来源:', '某某镇人民政府', BODY].join('\n');
    const r = parseReport(text);
    expect(r.paragraphs.slice(0, 6).map((p) => p.role)).toEqual(['title', 'metadata', 'metadata', 'metadata', 'metadata', 'metadata']);
    expect(r.metadata.dateWritten).toBeNull();
    expect(r.metadata.datePublished?.text).toBe('2026-03-04');
    expect(textOf(r, r.metadata.datePublished!.range)).toBe('2026-03-04');
  });

  it('reads a flattened list of labels with bullets (• 发布日期: / 2024-01-31)', () => {
    const text = ['• 信息索引号:', '1133/2024-139175', '• 发布机构:', '某某镇', '• 发布日期:', '2024-01-31', '某某镇2023年度法治政府建设工作报告', BODY].join('\n');
    const r = parseReport(text);
    expect(r.metadata.indexNumber?.text).toBe('1133/2024-139175');
    expect(r.metadata.issuers.map((i) => [i.text, i.source])).toContainEqual(['某某镇', 'chrome']);
    expect(r.metadata.datePublished?.text).toBe('2024-01-31');
    expect(r.metadata.dateWritten).toBeNull();
  });

  it('does not take a date line above the title, nor a page stamp under it, for the date written', () => {
    // 2025-03-20 over the page title, 2026-02-03 under it: both the page's.
    const above = parseReport(['2025-03-20', '某某区人民政府2025年法治政府建设工作年度报告', '日期:2026-02-03', BODY].join('\n'));
    expect(above.paragraphs[0]!.role).toBe('chrome');
    expect(above.metadata.dateWritten).toBeNull();
    expect(above.metadata.datePublished?.text).toBe('2026-02-03');
    const stamped = parseReport(['某某区人民政府2025年法治政府建设工作年度报告', '2026-02-03', BODY].join('\n'));
    expect(stamped.metadata.dateWritten).toBeNull();
    // Zero padding is a page's stamp too; the form a document dates itself in is taken.
    expect(parseReport(['某某区人民政府2025年法治政府建设工作年度报告', '2026年02月03日', BODY].join('\n')).metadata.dateWritten).toBeNull();
    expect(parseReport(['某某区人民政府2025年法治政府建设工作年度报告', '2026年2月3日', BODY].join('\n')).metadata.dateWritten?.text).toBe('2026年2月3日');
  });

  it('keeps the issuer of a line above the title, but not its date', () => {
    // The issuing body's name may head a document; a date up there is the page's.
    const r = parseReport(['某某区人民政府 2023年3月2日', '某某区2022年度法治政府建设情况报告', BODY].join('\n'));
    expect(r.metadata.issuers.map((i) => [i.text, i.source])).toEqual([['某某区人民政府', 'signature']]);
    expect(r.metadata.dateWritten).toBeNull();
  });

  it('takes the date of the signature at the end, whatever the page header says', () => {
    const text = ['某某区人民政府 2019年12月3日星期二', '某某区2022年度法治政府建设情况报告', '发布时间:2023-03-28', BODY, '某某区人民政府', '2023年1月10日'].join('\n');
    const r = parseReport(text);
    expect([r.metadata.dateWritten?.text, r.metadata.dateWritten?.source]).toEqual(['2023年1月10日', 'signature']);
    expect(r.metadata.signatureDates.map((d) => d.text)).toEqual(['2023年1月10日']);
    expect(r.metadata.datePublished?.text).toBe('2023-03-28');
  });
});

describe('the zod schema', () => {
  it.each(['street', 'district'] as const)('accepts the parsed %s seed', (name) => {
    const result = ReportSchema.safeParse(seedReport(name));
    expect(result.success ? [] : result.error.issues.slice(0, 3)).toEqual([]);
  });

  it('rejects a model with a broken range', () => {
    const bad = { ...seedReport('street'), sentences: [{ index: 0, range: { start: 5, end: 2 }, paragraph: 0 }] };
    expect(ReportSchema.safeParse(bad).success).toBe(false);
  });
});
