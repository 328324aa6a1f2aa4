import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.js';
import type { Section } from '../model/structure.js';
import { parseReport } from './parse-report.js';

const lines = (...ls: string[]): string => ls.join('\n');
const slice = (report: Report, r: { start: number; end: number }): string => report.text.slice(r.start, r.end);

/** Every section, depth first. */
function flat(report: Report): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]): void => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(report.sections);
  return out;
}

describe('headings', () => {
  describe('the GB/T 9704 levels plus ①, one inside the other', () => {
    const report = parseReport(
      lines(
        '一、主要工作',
        '（一）加强组织领导',
        '1.完善工作制度',
        '（1）建立工作台账',
        '①明确责任分工',
        '全年召开专题会议12次，研究解决重点问题。',
      ),
    );
    const all = flat(report);

    it('finds five sections in a single chain', () => {
      expect(all).toHaveLength(5);
      expect(report.sections).toHaveLength(1);
      expect(all.map((s) => s.children.length)).toEqual([1, 1, 1, 1, 0]);
      expect(all.map((s) => s.parent)).toEqual([null, all[0]!.id, all[1]!.id, all[2]!.id, all[3]!.id]);
    });
    it('reads each marker kind and number', () => {
      expect(all.map((s) => s.marker.kind)).toEqual(['chinese-dun', 'chinese-paren', 'arabic-dot', 'arabic-paren', 'circled']);
      expect(all.map((s) => s.marker.number)).toEqual([1, 1, 1, 1, 1]);
      expect(all.map((s) => s.marker.text)).toEqual(['一、', '（一）', '1.', '（1）', '①']);
      for (const s of all) expect(slice(report, s.marker.range)).toBe(s.marker.text);
    });
    it('gives levels 1–5 and depths 1–5', () => {
      expect(all.map((s) => s.level)).toEqual([1, 2, 3, 4, 5]);
      expect(all.map((s) => s.depth)).toEqual([1, 2, 3, 4, 5]);
    });
    it('reads the heading texts without markers', () => {
      expect(all.map((s) => s.heading)).toEqual(['主要工作', '加强组织领导', '完善工作制度', '建立工作台账', '明确责任分工']);
      for (const s of all) expect(slice(report, s.headingRange)).toBe(s.heading);
    });
    it('marks heading lines as headings and the last line as body', () => {
      expect(report.paragraphs.map((p) => p.role)).toEqual(['heading', 'heading', 'heading', 'heading', 'heading', 'body']);
      expect(all.every((s) => !s.inlineBody)).toBe(true);
    });
    it('runs every section to the end of the text', () => {
      for (const s of all) expect(s.range.end).toBe(report.text.length);
      expect(report.paragraphs[5]!.section).toBe(all[4]!.id);
    });
  });

  it('reads 1、 as an arabic-dun marker at level 3', () => {
    const report = parseReport(lines('一、主要工作', '1、完善工作制度', '全年修订制度5项。'));
    const all = flat(report);
    expect(all.map((s) => [s.marker.kind, s.level, s.depth])).toEqual([
      ['chinese-dun', 1, 1],
      ['arabic-dun', 3, 2],
    ]);
    expect(all[1]!.marker.text).toBe('1、');
    expect(all[1]!.heading).toBe('完善工作制度');
  });

  it('numbers sibling headings in order', () => {
    const report = parseReport(lines('一、主要工作', '全年受理案件12件。', '二、存在问题', '执法不够规范。', '三、下一步计划', '加强学习。'));
    expect(report.sections.map((s) => [s.marker.number, s.heading])).toEqual([
      [1, '主要工作'],
      [2, '存在问题'],
      [3, '下一步计划'],
    ]);
  });

  it('reads (一)加强…。 as a heading with no body, without its closing 。', () => {
    const report = parseReport(lines('一、主要工作', '(一)加强组织领导。', '全街召开专题会议6次。'));
    const sec = flat(report)[1]!;
    expect(sec.marker.kind).toBe('chinese-paren');
    expect(sec.heading).toBe('加强组织领导');
    expect(sec.inlineBody).toBe(false);
    expect(report.paragraphs[1]!.role).toBe('heading');
  });

  it('splits 1、领导高度重视,带头学法。我街… into a heading and an inline body', () => {
    const text = lines('一、主要工作', '1、领导高度重视,带头学法。我街组织领导干部集中学法4次。');
    const report = parseReport(text);
    const sec = flat(report)[1]!;
    expect(sec.marker.kind).toBe('arabic-dun');
    expect(sec.heading).toBe('领导高度重视,带头学法');
    expect(slice(report, sec.headingRange)).toBe('领导高度重视,带头学法');
    expect(sec.inlineBody).toBe(true);
    const para = report.paragraphs[1]!;
    expect(para.role).toBe('body');
    expect(para.bodyStart).toBe(text.indexOf('我街'));
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['4次']);
  });

  it('records the 、 of （一）、 as trailing punctuation', () => {
    const report = parseReport(lines('一、主要工作', '（一）、加强组织领导', '全街召开专题会议6次。'));
    const sec = flat(report)[1]!;
    expect(sec.marker.kind).toBe('chinese-paren');
    expect(sec.marker.text).toBe('（一）');
    expect(slice(report, sec.marker.range)).toBe('（一）');
    expect(sec.marker.trailing).toBe('、');
    expect(sec.heading).toBe('加强组织领导');
  });

  it('leaves trailing empty for a well-formed marker', () => {
    const report = parseReport(lines('一、主要工作', '（一）加强组织领导'));
    expect(flat(report).map((s) => s.marker.trailing)).toEqual(['', '']);
  });

  it('records full, half and mixed brackets as written', () => {
    const report = parseReport(
      lines('（一）全角括号', '(二)半角括号', '(三）左半右全', '（四)左全右半', '（1）全角数字括号', '(2)半角数字括号'),
    );
    const all = flat(report);
    expect(all.map((s) => s.marker.number)).toEqual([1, 2, 3, 4, 1, 2]);
    expect(all.map((s) => s.marker.brackets)).toEqual(['full', 'half', 'mixed', 'mixed', 'full', 'half']);
    expect(all.map((s) => s.marker.text)).toEqual(['（一）', '(二)', '(三）', '（四)', '（1）', '(2)']);
  });

  it('gives unbracketed markers brackets “none”', () => {
    const report = parseReport(lines('一、主要工作', '1.完善制度', '①明确责任'));
    expect(flat(report).map((s) => s.marker.brackets)).toEqual(['none', 'none', 'none']);
  });

  it('does not read 1.5万人参加… at a line start as a heading', () => {
    const report = parseReport(lines('一、主要工作', '1.5万人参加志愿服务活动。'));
    expect(flat(report)).toHaveLength(1);
    expect(report.sections[0]!.children).toEqual([]);
    expect(report.paragraphs[1]!.role).toBe('body');
    const q = report.quantities[0]!;
    expect(slice(report, q.range)).toBe('1.5万人');
    expect(q.value.eq(15000)).toBe(true);
  });

  describe('a report whose headings start at （一）', () => {
    const report = parseReport(
      lines('（一）加强组织领导', '全街召开专题会议6次。', '1.完善工作制度', '（二）推进依法行政', '全面落实行政执法三项制度。'),
    );
    it('has the （一） sections at the top, at depth 1 and level 2', () => {
      expect(report.sections.map((s) => [s.heading, s.depth, s.level, s.parent])).toEqual([
        ['加强组织领导', 1, 2, null],
        ['推进依法行政', 1, 2, null],
      ]);
    });
    it('nests 1. under （一） at depth 2 and level 3', () => {
      const child = report.sections[0]!.children;
      expect(child.map((s) => [s.heading, s.depth, s.level, s.parent])).toEqual([['完善工作制度', 2, 3, report.sections[0]!.id]]);
    });
    it('ends the first section where the second begins', () => {
      const [first, second] = report.sections;
      expect(first!.range.end).toBeLessThanOrEqual(second!.range.start);
      expect(slice(report, { start: second!.range.start, end: second!.range.start + 3 })).toBe('（二）');
    });
  });
});

describe('enumerations in running text', () => {
  it('reads 一是…二是…三是 as a shi enumeration 1, 2, 3', () => {
    const report = parseReport('我街重点抓好三方面工作：一是加强学习，二是完善制度，三是强化监督。');
    expect(report.enumerations).toHaveLength(1);
    const e = report.enumerations[0]!;
    expect(e.style).toBe('shi');
    expect(e.items.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(e.items.map((i) => i.text)).toEqual(['一是', '二是', '三是']);
    for (const i of e.items) expect(slice(report, i.range)).toBe(i.text);
  });

  it('reads 第一，…第二，… as a di enumeration 1, 2', () => {
    const report = parseReport('全年工作特点如下：第一，制度更健全；第二，执法更规范。');
    expect(report.enumerations).toHaveLength(1);
    const e = report.enumerations[0]!;
    expect(e.style).toBe('di');
    expect(e.items.map((i) => i.number)).toEqual([1, 2]);
    expect(e.items.map((i) => i.text)).toEqual(['第一', '第二']);
  });

  it('reads (1)…(2) inside a line as a paren enumeration, not headings', () => {
    const report = parseReport('主要做法包括：(1)健全制度；(2)强化监督。');
    expect(report.sections).toEqual([]);
    expect(report.enumerations.map((e) => [e.style, e.items.map((i) => i.number)])).toEqual([['paren', [1, 2]]]);
  });
});

describe('a scraped web page', () => {
  const text = lines(
    '无障碍 长者助手 我的收藏',
    '索引号: 007482974/2021-00012 分类:',
    '发布机构: 广州市白云区人民政府 成文日期: 2021-01-12',
    '名称: 广州市白云区人民政府2020年法治政府建设年度报告',
    '发布日期: 2021-01-15',
    '【打印】 【字体：大 中 小】',
    '广州市白云区人民政府2020年法治政府建设年度报告',
    '2020年，在市委、市政府的坚强领导下，我区坚持以习近平新时代中国特色社会主义思想为指导，全面推进法治政府建设。',
    '一、主要工作',
    '全区共办理行政复议案件312件。',
  );
  const report = parseReport(text);
  const bodyStart = text.indexOf('2020年，在市委');

  it('sorts the prelude into chrome, metadata and title', () => {
    expect(report.paragraphs.map((p) => p.role)).toEqual([
      'chrome',
      'metadata',
      'metadata',
      'metadata',
      'metadata',
      'chrome',
      'title',
      'body',
      'heading',
      'body',
    ]);
  });

  it('reads the index number', () => {
    expect(report.metadata.indexNumber?.text).toBe('007482974/2021-00012');
    expect(slice(report, report.metadata.indexNumber!.range)).toBe('007482974/2021-00012');
  });

  it('reads 成文日期 as the date written', () => {
    expect(report.metadata.dateWritten).toMatchObject({ year: 2021, month: 1, day: 12, source: 'chrome', text: '2021-01-12' });
    expect(slice(report, report.metadata.dateWritten!.range)).toBe('2021-01-12');
  });

  it('reads 发布日期 as the date published', () => {
    expect(report.metadata.datePublished).toMatchObject({ year: 2021, month: 1, day: 15, source: 'chrome', text: '2021-01-15' });
  });

  it('reads the title, the reporting year and the district level', () => {
    expect(report.metadata.title).toMatchObject({ text: '广州市白云区人民政府2020年法治政府建设年度报告', source: 'title' });
    expect(report.metadata.reportingYear?.year).toBe(2020);
    expect(report.metadata.level).toBe('district');
    expect(report.metadata.issuers.map((i) => i.text)).toContain('广州市白云区人民政府');
  });

  it('takes no figures, dates or identifiers from the chrome', () => {
    for (const x of [...report.quantities, ...report.dates, ...report.identifiers]) {
      expect(x.range.start).toBeGreaterThanOrEqual(bodyStart);
    }
    expect(report.quantities.map((q) => slice(report, q.range))).toEqual(['312件']);
  });

  it('starts the outline at the first heading of the body', () => {
    expect(flat(report).map((s) => s.heading)).toEqual(['主要工作']);
  });
});

describe('labels whose value stands on the next line', () => {
  const body = '2022年,区政府全面推进依法行政,法治政府建设取得新成效,现将有关情况报告如下。';

  it('takes the next line as the value of an empty label, and marks it metadata', () => {
    const report = parseReport(lines('发布机构:', '某某区人民政府', '某某区2022年法治政府建设年度报告', body));
    expect(report.paragraphs.map((p) => p.role)).toEqual(['metadata', 'metadata', 'title', 'body']);
    expect(report.metadata.issuers.map((i) => [i.text, i.source])).toContainEqual(['某某区人民政府', 'chrome']);
  });

  it('does not take the title, a heading or a sentence as the value', () => {
    const title = parseReport(lines('来源:', '某某区2022年法治政府建设年度报告', body));
    expect(title.paragraphs.map((p) => p.role)).toEqual(['metadata', 'title', 'body']);
    const heading = parseReport(lines('作者:', '一、主要举措和成效', body));
    expect(heading.paragraphs[1]!.role).toBe('heading');
    const sentence = parseReport(lines('来源:', '区司法局供稿,仅供参考', body));
    expect(sentence.paragraphs[1]!.role).not.toBe('metadata');
  });

  it('takes only a date as the value of a date label', () => {
    const report = parseReport(lines('发布时间:', '某某区人民政府', '某某区2022年法治政府建设年度报告', body));
    expect(report.metadata.datePublished).toBeNull();
    expect(report.paragraphs[1]!.role).not.toBe('metadata');
  });
});

describe('a signature with two bodies and two dates side by side', () => {
  const text = lines(
    '一、主要工作',
    '2020年，我街全面推进法治政府建设，全年开展普法宣传活动36场。',
    '二、存在问题',
    '个别领域执法不够规范。',
    '中共广州市白云区石门街工作委员会 广州市白云区人民政府石门街道办事处',
    '2020年12月2日 2020年12月2日',
  );
  const report = parseReport(text);
  const signatureStart = text.indexOf('中共广州市');

  it('marks the last two lines as signature', () => {
    expect(report.paragraphs.slice(-2).map((p) => p.role)).toEqual(['signature', 'signature']);
  });

  it('reads two issuers', () => {
    expect(report.metadata.issuers.map((i) => [i.text, i.source])).toEqual([
      ['中共广州市白云区石门街工作委员会', 'signature'],
      ['广州市白云区人民政府石门街道办事处', 'signature'],
    ]);
    for (const i of report.metadata.issuers) expect(slice(report, i.range)).toBe(i.text);
  });

  it('reads the street level', () => {
    expect(report.metadata.level).toBe('street');
  });

  it('reads the places 广州市, 白云区 and 石门街(道)', () => {
    const places = report.metadata.places;
    expect(places.find((p) => p.kind === 'city')?.name).toBe('广州市');
    expect(places.find((p) => p.kind === 'district')?.name).toBe('白云区');
    expect(['石门街道', '石门街']).toContain(places.find((p) => p.kind === 'street')?.name);
    for (const p of places) expect(slice(report, p.range)).toBe(p.name);
  });

  it('reads two signature dates', () => {
    const dates = report.metadata.signatureDates;
    expect(dates.map((d) => [d.year, d.month, d.day, d.text])).toEqual([
      [2020, 12, 2, '2020年12月2日'],
      [2020, 12, 2, '2020年12月2日'],
    ]);
    expect(dates[0]!.range.start).toBeLessThan(dates[1]!.range.start);
    for (const d of dates) expect(slice(report, d.range)).toBe('2020年12月2日');
  });

  it('takes the date written from the signature', () => {
    expect(report.metadata.dateWritten).toMatchObject({ year: 2020, month: 12, day: 2, source: 'signature' });
  });

  it('keeps the signature out of the body and the outline', () => {
    for (const x of [...report.quantities, ...report.dates, ...report.identifiers]) {
      expect(x.range.start).toBeLessThan(signatureStart);
    }
    expect(report.sections.map((s) => s.heading)).toEqual(['主要工作', '存在问题']);
    expect(report.sections[1]!.range.end).toBeLessThanOrEqual(signatureStart);
  });
});

describe('the title line', () => {
  const text = lines(
    '广州市白云区人民政府2020年法治政府建设年度报告',
    '一、主要工作',
    '全区共办理行政复议案件312件。',
  );

  it('gives the title, the reporting year 2020 and the district level', () => {
    const report = parseReport(text);
    expect(report.paragraphs[0]!.role).toBe('title');
    expect(report.metadata.title).toMatchObject({ text: '广州市白云区人民政府2020年法治政府建设年度报告', source: 'title' });
    expect(report.metadata.reportingYear).toMatchObject({ year: 2020, source: 'title' });
    expect(slice(report, report.metadata.reportingYear!.range!)).toBe('2020');
    expect(report.metadata.level).toBe('district');
    expect(report.sections.map((s) => s.heading)).toEqual(['主要工作']);
  });

  it('lets the options { level, year } override what is detected', () => {
    const report = parseReport(text, { level: 'city', year: 2019 });
    expect(report.metadata.level).toBe('city');
    expect(report.metadata.reportingYear).toEqual({ year: 2019, range: null, source: 'option' });
  });
});

describe('empty input', () => {
  for (const [name, text] of [
    ['the empty string', ''],
    ['whitespace only', ' \n\t\u3000\r\n\u00a0 \r'],
  ] as const) {
    it(`gives an empty report with an empty-input note for ${name}`, () => {
      let report: Report | undefined;
      expect(() => {
        report = parseReport(text);
      }).not.toThrow();
      expect(report!.text).toBe(text);
      expect(report!.notes.map((n) => n.code)).toEqual(['empty-input']);
      expect(report!.paragraphs).toEqual([]);
      expect(report!.sections).toEqual([]);
      expect(report!.quantities).toEqual([]);
      expect(report!.dates).toEqual([]);
    });
  }

  it('still applies the options to an empty report', () => {
    const report = parseReport('', { level: 'street', year: 2020 });
    expect(report.metadata.level).toBe('street');
    expect(report.metadata.reportingYear?.year).toBe(2020);
  });
});

describe('sentences', () => {
  it('splits a paragraph with a bracket never closed, numbering on from the paragraphs before', () => {
    const report = parseReport(lines('一、主要工作', '全街召开专题会议6次。会议决定三项。', '全街成立小组(第一组。小组开展工作5次。'));
    const texts = report.sentences.map((s) => slice(report, s.range));
    expect(texts).toEqual(['一、主要工作', '全街召开专题会议6次。', '会议决定三项。', '全街成立小组(第一组。', '小组开展工作5次。']);
    expect(report.sentences.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    expect(report.paragraphs.map((p) => p.sentences)).toEqual([[0], [1, 2], [3, 4]]);
    expect(report.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 2]);
  });
});
