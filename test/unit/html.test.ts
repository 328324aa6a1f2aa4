import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/builtin.js';
import { extractHtml, loadHtml } from '../../src/io/html.js';
import { PageMetadataSchema } from '../../src/io/source.js';
import { parseReport } from '../../src/parse/parse-report.js';
import { projectPath } from '../helpers.js';

const seed = readFileSync(projectPath('seeds/2020-baiyun-district.txt'), 'utf8');
const seedLines = seed.split('\n');
/** The report as the page's content area holds it: from its title line to the end. */
const titleLine = seedLines.findIndex((l) => l.startsWith('广州市白云区人民政府2020年法治政府建设年度报告'));
const bodyLines = seedLines.slice(titleLine).filter((l) => l.trim().length > 0);

const escapeHtml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Seed text as page source: escaped, with some entities. */
function escapeLine(line: string, i: number): string {
  const s = escapeHtml(line).replaceAll('\u00a0', '&nbsp;');
  return i % 3 === 0 ? s.replaceAll('“', '&ldquo;').replaceAll('”', '&rdquo;') : s;
}

/** One paragraph of page source holding `source`, with some indentation. */
function wrapP(source: string, i: number): string {
  if (i % 2 === 0) return `      <p style="text-indent: 2em">\n        ${source}\n      </p>`;
  return `<p>${source}</p>`;
}

/** One seed line as page source: escaped, with some entities and some indentation. */
const paragraph = (line: string, i: number): string => wrapP(escapeLine(line, i), i);

/** East Asian wide as the tests see it: CJK ideographs, CJK punctuation, full-width forms. */
const wide = (c: string | undefined): boolean => c !== undefined && /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/.test(c);

/** How source line breaks are written: Word's CRLF, CMS indentation, blanks around the break. */
const WRAPS = ['\n', '\r\n', '\n          ', ' \n\t'];

/** Where a hard-wrapping editor breaks `line`: every `width` units, or (`cjkOnly`) at the next place between two wide characters. */
function wrapCuts(line: string, width: number, cjkOnly: boolean): number[] {
  const cuts: number[] = [];
  let last = 0;
  for (let i = 1; i < line.length; i++) {
    if (i - last >= width && (!cjkOnly || (wide(line[i - 1]) && wide(line[i])))) {
      cuts.push(i);
      last = i;
    }
  }
  return cuts;
}

/** `line` hard-wrapped at `cuts`, the pieces joined by one of `WRAPS`. */
function wrapLine(line: string, cuts: number[], i: number, piece: (s: string) => string = (s) => s): string {
  const pieces = [0, ...cuts].map((at, k) => piece(line.slice(at, cuts[k] ?? line.length)));
  return pieces.join(WRAPS[i % WRAPS.length]);
}

/** What a browser shows for plain text `src` (CSS Text 3): white space runs fold to one space, and a run with a line break between two wide characters disappears. */
const browserText = (src: string): string =>
  src.replace(/[ \t\r\n]+/g, (run: string, at: number, all: string) => (/[\r\n]/.test(run) && wide(all[at - 1]) && wide(all[at + run.length]) ? '' : ' ')).trim();

interface PageOptions {
  /** Page source of body line `i` of the seed. */
  paragraph?: (line: string, i: number) => string;
  /** Wrap the body in an ASP.NET `<form>`. */
  form?: boolean;
  /** Markup after the report's content area. */
  after?: string;
}

function govPage(options: PageOptions = {}): string {
  const para = options.paragraph ?? paragraph;
  const formStart = options.form
    ? '<form method="post" action="./x.aspx" id="form1">\n<div class="aspNetHidden">\n<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk" />\n</div>\n'
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge">
  <title>广州市白云区人民政府2020年法治政府建设年度报告-广州市白云区人民政府门户网站</title>
  <meta name="ArticleTitle" content="广州市白云区人民政府2020年法治政府建设年度报告">
  <meta name="PubDate" content="2021-01-13 10:21">
  <meta name="ContentSource" content="广州市白云区司法局">
  <link rel="stylesheet" href="/css/main.css">
  <style>body { font-family: SimSun } .nav a { color: #c00 } /* 样式里的文字 */</style>
  <script>var tracker = "<p>脚本里的文字</p>"; if (a < b && b > c) { tracker = '&amp;'; }</script>
</head>
<body>
${formStart}  <div class="topbar"><a href="#">无障碍</a> <a href="#">长者助手</a> <a href="#">我的收藏</a></div>
  <header class="site-header"><h1>广州市白云区人民政府门户网站</h1></header>
  <nav class="main-nav">
    <ul><li><a href="/">网站首页</a></li><li><a href="/zwgk">政务公开菜单</a></li><li><a href="/hdjl">互动交流</a></li></ul>
  </nav>
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a></div>
  <div class="xxgk-title">广州市白云区人民政府信息公开</div>
  <table class="xxgk-table" border="1">
    <tbody>
      <tr><td>索引号：</td><td>11440111007502337T/2021-00021</td><td>分类：</td><td></td></tr>
      <tr><td>发布机构:</td><td>广州市白云区人民政府</td><td>成文日期:</td><td>2021-01-12</td></tr>
      <tr><td>名称：</td><td colspan="3">广州市白云区人民政府2020年法治政府建设年度报告</td></tr>
      <tr><td>文号：</td><td></td><td>发布日期：</td><td>2021-01-13</td></tr>
      <tr><td>主题词：</td><td colspan="3"></td></tr>
    </tbody>
  </table>
  <div class="toolbar">【<a href="javascript:window.print()">打印</a>】 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
  <div class="article">
    <div id="zoom" class="TRS_Editor">
${bodyLines.map(para).join('\n')}
    </div>
  </div>
${options.after ?? ''}
  <footer><div class="footer-inner">主办单位：广州市白云区人民政府办公室　版权所有　网站标识码4401110001</div></footer>
  <script>document.write('<div>写入的文字</div>');</script>
  <script src="/js/stat.js"></script>
${options.form ? '</form>\n' : ''}</body>
</html>
`;
}

/** Collapses ASCII blanks and trims, to compare lines. */
const squash = (s: string): string => s.replaceAll('\t', ' ').split(' ').filter((w) => w.length > 0).join(' ').trim();

describe('extractHtml on a government page', () => {
  const html = govPage();
  const { text, map, page } = extractHtml(html);
  const lines = text.split('\n');

  it('maps every unit of the text', () => {
    expect(map.length).toBe(text.length);
  });

  it('drops navigation, scripts, styles, header and footer', () => {
    for (const chrome of ['无障碍', '长者助手', '网站首页', '政务公开菜单', '当前位置', '脚本里的文字', 'font-family', '样式里的文字', 'tracker', '版权所有', '写入的文字', '门户网站', '打印', 'window.print']) {
      expect(text, chrome).not.toContain(chrome);
    }
  });

  it('keeps the info table, one row a line, cells joined by a space', () => {
    expect(lines).toContain('索引号： 11440111007502337T/2021-00021 分类：');
    expect(lines).toContain('发布机构: 广州市白云区人民政府 成文日期: 2021-01-12');
    expect(lines).toContain('文号： 发布日期： 2021-01-13');
  });

  it('puts each paragraph of the report on its own line, in order', () => {
    const shown = lines.map(squash).filter((l) => l.length > 0);
    const first = shown.indexOf(squash(bodyLines[0]!));
    expect(first).toBeGreaterThan(0);
    expect(shown.slice(first, first + bodyLines.length)).toEqual(bodyLines.map(squash));
    // No line starts or ends with an ASCII blank, and at most one empty line in a row.
    for (const l of lines) expect(l).toBe(l.replace(/^[ \t]+/, '').replace(/[ \t]+$/, ''));
    expect(text).not.toContain('\n\n\n');
    expect(text.startsWith('\n') || text.endsWith('\n')).toBe(false);
  });

  it('reads the page metadata from the info table', () => {
    expect(page).toEqual({
      title: '广州市白云区人民政府2020年法治政府建设年度报告',
      publisher: '广州市白云区人民政府',
      dateWritten: '2021-01-12',
      datePublished: '2021-01-13',
      indexNumber: '11440111007502337T/2021-00021',
    });
    expect(PageMetadataSchema.parse(page)).toEqual(page);
  });

  it('gives the parser the same chrome fields as the seed text', () => {
    const fromHtml = parseReport(text).metadata;
    const fromSeed = parseReport(seed).metadata;
    expect(fromHtml.dateWritten?.text).toBe('2021-01-12');
    expect(fromHtml.dateWritten?.source).toBe(fromSeed.dateWritten?.source);
    expect(fromHtml.dateWritten?.text).toBe(fromSeed.dateWritten?.text);
    expect(fromHtml.datePublished?.text).toBe(fromSeed.datePublished?.text);
    expect(fromHtml.title?.text).toBe(fromSeed.title?.text);
    expect(fromHtml.reportingYear?.year).toBe(2020);
  });

  it('maps every figure the parser finds back to its place in the HTML', () => {
    const report = parseReport(text);
    expect(report.quantities.length).toBeGreaterThan(20);
    expect(report.quantities.length).toBe(parseReport(seed).quantities.length);
    const source = loadHtml('baiyun.html', html, 'utf-8');
    expect(source.format).toBe('html');
    expect(source.sourceText).toBe(html);
    expect(source.page).toEqual(page);
    const htmlLines = html.split('\n');
    for (const q of report.quantities) {
      const figure = text.slice(q.range.start, q.range.end);
      const a = map.toSource(q.range.start, 'start');
      const b = map.toSource(q.range.end, 'end');
      expect(html.slice(a, b), figure).toBe(figure);
      const at = source.locate(q.range.start, 'start');
      expect(at.offset).toBe(a);
      expect(htmlLines[at.line - 1]!.slice(at.column - 1).startsWith(figure), figure).toBe(true);
      const end = source.locate(q.range.end, 'end');
      expect(htmlLines[end.line - 1]!.slice(0, end.column - 1).endsWith(figure), figure).toBe(true);
    }
  });
});

/** Checks that every figure the parser finds in `text` maps back to the same characters of `html` (white space folded when `folded`). */
function expectFiguresMapped(html: string, text: string, map: ReturnType<typeof extractHtml>['map'], folded = false): number {
  const report = parseReport(text);
  for (const q of report.quantities) {
    const figure = text.slice(q.range.start, q.range.end);
    const shown = html.slice(map.toSource(q.range.start, 'start'), map.toSource(q.range.end, 'end'));
    expect(folded ? shown.replace(/[ \t\r\n]+/g, ' ') : shown, figure).toBe(figure);
  }
  return report.quantities.length;
}

describe('an ASP.NET page wrapped in <form>', () => {
  it('yields the same text and metadata as without the form', () => {
    const plain = extractHtml(govPage());
    const html = govPage({ form: true });
    expect(html).toContain('<form method="post" action="./x.aspx" id="form1">');
    const { text, map, page } = extractHtml(html);
    expect(text).toBe(plain.text);
    expect(page).toEqual(plain.page);
    expect(expectFiguresMapped(html, text, map)).toBe(parseReport(seed).quantities.length);
  });

  it('still drops the form controls, and ignores a nested form', () => {
    const html = '<form id="form1"><p>正文</p><input type="hidden" value="值"><select><option>选项</option></select><textarea>文本</textarea><button>提交</button><datalist><option>列表</option></datalist><form><p>嵌套</p></form></form>';
    expect(extractHtml(html).text).toBe('正文\n\n嵌套');
  });
});

describe('source lines wrapped inside Chinese text (segment breaks)', () => {
  it('joins a line break between two wide characters, keeps a space otherwise', () => {
    const cases: Array<[string, string]> = [
      ['<p>行政\n诉讼数量均为0</p>', '行政诉讼数量均为0'],
      ['<p>行政  \r\n\t 诉讼</p>', '行政诉讼'],
      ['<p>行政，\n诉讼。\n（一）\n、】\r【</p>', '行政，诉讼。（一）、】【'],
      ['<p>にほん\nご</p>', 'にほんご'],
      ['<p>\u{20000}\n\u{20001}</p>', '\u{20000}\u{20001}'],
      ['<p>零宽\u200b\nab</p>', '零宽\u200bab'],
      // No line break in the run: a space, as browsers show it.
      ['<p>行政 诉讼</p>', '行政 诉讼'],
      ['<p>行政\t诉讼</p>', '行政 诉讼'],
      // A neighbour that is not wide: ASCII, digits, NBSP, ambiguous-width quotes, Hangul.
      ['<p>共2\n件</p>', '共2 件'],
      ['<p>共\n2件</p>', '共 2件'],
      ['<p>2020年,\n区政府</p>', '2020年, 区政府'],
      ['<p>“行政”\n诉讼</p>', '“行政” 诉讼'],
      ['<p>行政&nbsp;\n诉讼</p>', '行政\u00a0 诉讼'],
      ['<p>한국\n어</p>', '한국 어'],
      // <pre> keeps its line breaks.
      ['<pre>行政\n诉讼</pre>', '行政\n诉讼'],
    ];
    for (const [html, text] of cases) expect(extractHtml(html).text, JSON.stringify(html)).toBe(text);
  });

  it('decides across tags and entities, when the next character arrives', () => {
    const cases: Array<[string, string]> = [
      ['<p>行政\n<span>诉讼</span></p>', '行政诉讼'],
      ['<p><b>行政</b>\n<i>诉讼</i></p>', '行政诉讼'],
      ['<p>行政<b>\n</b> <i> </i>诉讼</p>', '行政诉讼'],
      ['<p>行政 <!-- 注释 -->\n诉讼</p>', '行政诉讼'],
      ['<p>行政&#10;诉讼</p>', '行政诉讼'],
      ['<p>行政 &#32;\n&#x8BC9;讼</p>', '行政诉讼'],
      ['<p>&#x884C;&#x653F;\n&#x8BC9;&#x8BBC;</p>', '行政诉讼'],
      ['<p>行政\n&ldquo;诉讼&rdquo;</p>', '行政 “诉讼”'],
      // Without a line break, white space split by tags stays one space.
      ['<p>行政 <span> 诉讼</span></p>', '行政 诉讼'],
      // A block edge or <br> between them: a line break, as before.
      ['<div>行政\n<div>诉讼</div></div>', '行政\n诉讼'],
      ['<p>行政\n<br>\n诉讼</p>', '行政\n诉讼'],
      // Table cells stay apart; an image is a neighbour that is not wide.
      ['<table><tr><td>行政\n</td><td>\n诉讼</td></tr></table>', '行政 诉讼'],
      ['<p>行政\n<img src="a.png">诉讼</p>', '行政 诉讼'],
      ['<p>行政<img src="a.png">\n诉讼</p>', '行政 诉讼'],
    ];
    for (const [html, text] of cases) expect(extractHtml(html).text, JSON.stringify(html)).toBe(text);
  });

  it('maps the characters after a removed break to their place in the HTML', () => {
    const html = '<p>行政\r\n   <b>诉讼</b>数量\n均为0</p>';
    const { text, map } = extractHtml(html);
    expect(text).toBe('行政诉讼数量均为0');
    expect(map.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) expect(html.slice(map.toSource(i, 'start'), map.toSource(i + 1, 'end'))).toBe(text[i]);
  });

  it('reads the seed page hard-wrapped every 37 characters between Chinese characters as if unwrapped', () => {
    const plain = extractHtml(govPage());
    let wraps = 0;
    const html = govPage({
      paragraph: (line, i) => {
        const cuts = wrapCuts(line, 37, true);
        wraps += cuts.length;
        return wrapP(wrapLine(line, cuts, i, (piece) => escapeLine(piece, i)), i);
      },
    });
    expect(wraps).toBeGreaterThan(100);
    const { text, map, page } = extractHtml(html);
    expect(text).toBe(plain.text);
    expect(page).toEqual(plain.page);
    expect(expectFiguresMapped(html, text, map)).toBe(parseReport(seed).quantities.length);
  });

  it('reads the seed page hard-wrapped at arbitrary places as a browser shows it', () => {
    let beside = 0; // wraps between a digit and a Chinese character, where a space stays
    const html = govPage({
      paragraph: (line, i) => {
        const cuts = wrapCuts(line, 37, false);
        beside += cuts.filter((at) => /[0-9]/.test(line[at - 1]!) !== /[0-9]/.test(line[at]!) && (wide(line[at - 1]) || wide(line[at]))).length;
        return wrapP(wrapLine(line, cuts, i, (piece) => escapeLine(piece, i)), i);
      },
    });
    expect(beside).toBeGreaterThan(0);
    const { text, map } = extractHtml(html);
    const shown = text.split('\n').filter((l) => l.trim().length > 0);
    const first = shown.indexOf(squash(bodyLines[0]!));
    expect(first).toBeGreaterThan(0);
    expect(shown.slice(first, first + bodyLines.length)).toEqual(bodyLines.map((l, i) => browserText(wrapLine(l, wrapCuts(l, 37, false), i))));
    expect(expectFiguresMapped(html, text, map, true)).toBeGreaterThan(20);
  });
});

describe('lists of links (link density)', () => {
  const related = '<ul><li><a href="/a/1.html">一、关于印发《白云区2021年法治政府建设工作要点》的通知</a></li><li><a href="/a/3.html">三、关于2020年度行政复议情况的说明</a></li></ul>';

  it('drops a related-items list without furniture class names, and its numbered titles with it', () => {
    const plain = extractHtml(govPage());
    const findings = (text: string): string[] => checkReport(text).diagnostics.map((d) => `${d.ruleId}@${d.range.start}`);
    // As report text, the list's titles are headings numbered out of sequence.
    expect(findings(`${plain.text}\n${'一、关于印发《白云区2021年法治政府建设工作要点》的通知\n三、关于2020年度行政复议情况的说明'}`)).not.toEqual(findings(plain.text));
    for (const after of [`<div class="box mt20">${related}</div>`, `<div class="xgxx"><h3>相关信息</h3>${related}</div>`, `<div class="list">\n  ${related}\n</div>`]) {
      const html = govPage({ after });
      const { text, map } = extractHtml(html);
      expect(text, after).toBe(plain.text);
      expect(map.length).toBe(text.length);
      expect(findings(text)).toEqual(findings(plain.text));
    }
  });

  it('takes back all a list produced, with the line breaks around it', () => {
    const html = `<p>甲</p>${related}<p>乙</p>`;
    const { text, map } = extractHtml(html);
    expect(text).toBe('甲\n\n乙');
    expect(map.length).toBe(4);
    expect(html.slice(map.toSource(1, 'start'), map.toSource(2, 'end'))).toBe('</p>');
    expect(html.slice(map.toSource(2, 'start'), map.toSource(3, 'end'))).toBe('</p>');
    expect(html.slice(map.toSource(3, 'start'), map.toSource(4, 'end'))).toBe('乙');
    expect(extractHtml(`甲${related}乙`).text).toBe('甲\n乙');
    expect(extractHtml(related).text).toBe('');
  });

  it('treats links joined by separators as a list', () => {
    expect(extractHtml('<div>甲</div><div><a href="/">首页</a> | <a href="/zwgk">政务公开</a> &gt; <a>年度报告</a></div><div>乙</div>').text).toBe('甲\n乙');
    expect(extractHtml('<div>甲</div><div>【<a>打印</a>】&nbsp;【<a>关闭</a>】 · <a>大</a>/<a>中</a>/<a>小</a></div>乙').text).toBe('甲\n乙');
    expect(extractHtml('<p>甲</p><p><a>上一篇</a>：<a>下一篇</a></p><p>乙</p>').text).toBe('甲\n\n乙');
  });

  it('counts the links of inner elements in the enclosing one', () => {
    // Each list holds one link; the box holding both is a list of links.
    expect(extractHtml('<p>甲</p><div class="box"><ul><li><a>一、关于甲</a></li></ul><ul><li><a>二、关于乙</a></li></ul></div><p>乙</p>').text).toBe('甲\n\n乙');
    expect(extractHtml('<table><tr><td><a>首页</a></td><td><a>机构</a></td></tr></table><p>乙</p>').text).toBe('乙');
    // A heading in the box is other text: the box stays, the list in it goes.
    expect(extractHtml(`<div><h3>相关信息</h3>${related}</div>`).text).toBe('相关信息');
  });

  it('keeps report text that holds links', () => {
    const kept = [
      '<p>详见<a href="/f1.doc">附件1</a>和<a href="/f2.doc">附件2</a>。</p>',
      '<p><a href="/f1.doc">附件1</a></p>',
      '<ul><li><a>甲</a> 2021-01-12</li><li><a>乙</a> 2021-01-13</li></ul>',
      '<div><p>正文</p><p><a>附件1</a></p><p><a>附件2</a></p></div>',
      '<a><div>卡片一</div><div>卡片二</div></a>',
    ];
    for (const html of kept) expect(extractHtml(html).text.length, html).toBeGreaterThan(0);
    expect(extractHtml(kept[0]!).text).toBe('详见附件1和附件2。');
    expect(extractHtml(kept[3]!).text).toBe('正文\n\n附件1\n\n附件2');
  });

  it('keeps the cells around a dropped cell apart', () => {
    expect(extractHtml('<table><tr><td>行政\n</td><td><a>一</a><a>二</a></td><td>\n诉讼</td></tr></table>').text).toBe('行政 诉讼');
    // The pending space before a dropped block goes with it (the <div> closes the <p>).
    expect(extractHtml('<p>行政<a>一</a>\n<div><a>一</a><a>二</a></div>诉讼</p>').text).toBe('行政一\n\n诉讼');
    expect(extractHtml('<div>行政<a>一</a>\n<div><a>一</a><a>二</a></div>诉讼</div>').text).toBe('行政一\n诉讼');
  });
});

describe('entities', () => {
  it('map each decoded character to the whole entity', () => {
    const html = '<p>a&nbsp;b&amp;c&#20013;d&lt;e&#x1F600;f</p>';
    const { text, map } = extractHtml(html);
    expect(text).toBe('a\u00a0b&c中d<e\u{1F600}f');
    const span = (i: number): string => html.slice(map.toSource(i, 'start'), map.toSource(i + 1, 'end'));
    expect(span(1)).toBe('&nbsp;');
    expect(span(3)).toBe('&amp;');
    expect(span(5)).toBe('&#20013;');
    expect(span(7)).toBe('&lt;');
    expect(html.slice(map.toSource(9, 'start'), map.toSource(11, 'end'))).toBe('&#x1F600;');
    expect(span(0)).toBe('a');
    expect(span(11)).toBe('f');
  });

  it('keeps NBSP and U+3000, and folds white space given as entities', () => {
    expect(extractHtml('<p>&nbsp;&nbsp;正文\u3000末</p>').text).toBe('\u00a0\u00a0正文\u3000末');
    expect(extractHtml('<p>a&#32;&#10; b</p>').text).toBe('a b');
  });
});

describe('what is dropped', () => {
  it('drops hidden elements and page furniture', () => {
    const html = [
      '<div hidden>隐藏一</div>',
      '<div style="color:red; display : none">隐藏二</div>',
      '<span style="visibility:hidden">隐藏三</span>',
      '<div aria-hidden="true">隐藏四</div>',
      '<div role="navigation">导航一</div>',
      '<ul class="breadcrumb"><li>导航二</li></ul>',
      '<div class="nav-bar">导航三</div>',
      '<div id="sideBar" class="x">导航四</div>',
      '<div class="bdsharebuttonbox">分享五</div>',
      '<form><input value="搜索"><button>搜索六</button><select><option>选项七</option></select></form>',
      '<svg><text>图八</text><title>图题</title></svg>',
      '<iframe src="x">框九</iframe><noscript>请启用脚本</noscript><template><p>模板十</p></template>',
      '<div id="content"><p>正文一</p></div>',
      '<div class="TRS_Editor"><p>正文二</p></div>',
      '<div class="UCAP-CONTENT pages_content"><p>正文三</p></div>',
      '<article><header><h1>正文标题</h1></header><p>正文四</p><footer>正文落款</footer></article>',
      '<div class="navigation-free article-links">不,这是导航</div>',
      '<div class="menuitem">正文五</div>',
    ].join('\n');
    const { text } = extractHtml(html);
    expect(text.split('\n').filter((l) => l.length > 0)).toEqual(['正文一', '正文二', '正文三', '正文标题', '正文四', '正文落款', '正文五']);
  });

  it('drops furniture by the class and id names of Chinese government sites', () => {
    const furniture = [
      '<div class="xgxx"><h3>相关信息</h3></div>',
      '<div class="xglj_box">相关链接</div>',
      '<div class="related-articles">相关文章</div>',
      '<div class="relate">相关</div>',
      '<div class="relevant">相关</div>',
      '<div class="position">当前位置：首页</div>',
      '<div class="location">当前位置：首页</div>',
      '<div id="dqwz">当前位置：首页</div>',
      '<span class="print">打印本页</span>',
      '<span id="dayin">打印</span>',
      '<a class="close">关闭窗口</a>',
      '<div class="fontsize">字号：大 中 小</div>',
      '<div class="zihao">字号</div>',
      '<span class="font">字体</span>',
      '<div class="share-box">分享到</div>',
      '<div class="wzdh">网站导航</div>',
    ];
    expect(extractHtml(`${furniture.join('\n')}<p>正文</p>`).text).toBe('正文');
  });

  it('keeps content containers whose names share a word with furniture', () => {
    const content = [
      '<div class="content">一</div>',
      '<div class="article">二</div>',
      '<div id="zoom">三</div>',
      '<div class="TRS_Editor">四</div>',
      '<div class="UCAP-CONTENT">五</div>',
      '<div class="pages_content">六</div>',
      '<div class="xxgk_content">七</div>',
      '<div id="print_content">八</div>',
      '<div class="share-article">九</div>',
      '<div class="position-relative">十</div>',
      '<p class="font-weight-bold">十一</p>',
      '<div class="d-print-block">十二</div>',
      '<div class="print:block">十三</div>',
      '<div id="printContent" class="fontzoom">十四</div>',
    ];
    expect(extractHtml(content.join('\n')).text.split('\n').filter((l) => l.length > 0)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四']);
  });

  it('does not let a hidden block break the line it stands in', () => {
    expect(extractHtml('<div>甲<span hidden>乙</span>丙<div style="display:none">丁</div>戊</div>').text).toBe('甲丙戊');
    expect(extractHtml('甲<nav>乙</nav>丙').text).toBe('甲\n丙');
  });

  it('keeps the element stack right around void and unclosed elements', () => {
    expect(extractHtml('<div class="nav"><img src="a.png"><br><input>导航<hr></div><p>正文</p>').text).toBe('正文');
    expect(extractHtml('<ul class="menu"><li>一<li>二</ul>正文').text).toBe('正文');
    // <p> closes an open <p>, and a <div> closes it too (an empty line after each paragraph).
    expect(extractHtml('<p>一<p>二<div class="share">分享</span></div>三').text).toBe('一\n\n二\n\n三');
    expect(extractHtml('<head><title>题</title><div>头里的正文</div>').text).toBe('头里的正文');
  });
});

describe('lines and white space', () => {
  it('breaks lines at <br> and block boundaries', () => {
    expect(extractHtml('一<br>二<br/><br>三<br><br><br><br>四').text).toBe('一\n二\n\n三\n\n四');
    expect(extractHtml('<div>一</div><div>二</div>三<h2>四</h2><ul><li>五</li><li>六</li></ul>').text).toBe('一\n二\n三\n四\n五\n六');
    expect(extractHtml('<p>一</p><p>二</p>').text).toBe('一\n\n二');
    expect(extractHtml('<section>一<blockquote>二</blockquote>三</section>').text).toBe('一\n二\n三');
  });

  it('maps an inserted line break to the tag that caused it', () => {
    const html = '<div>一</div><div>二</div>三<br>四';
    const { text, map } = extractHtml(html);
    expect(text).toBe('一\n二\n三\n四');
    const span = (i: number): string => html.slice(map.toSource(i, 'start'), map.toSource(i + 1, 'end'));
    expect(span(1)).toBe('</div>');
    expect(span(3)).toBe('</div>');
    expect(span(5)).toBe('<br>');
  });

  it('joins the cells of a row with one space', () => {
    const html = '<table><tr><td>发布机构:</td><td>广州市白云区人民政府</td><td>成文日期:</td><td>2021-01-12</td></tr><tr><th> 甲 </th><td></td><td>乙</td></tr></table>';
    const { text, page } = extractHtml(html);
    expect(text).toBe('发布机构: 广州市白云区人民政府 成文日期: 2021-01-12\n甲 乙');
    expect(page).toEqual({ publisher: '广州市白云区人民政府', dateWritten: '2021-01-12' });
    expect(parseReport(text).metadata.issuers.map((i) => i.text)).toContain('广州市白云区人民政府');
  });

  it('folds white space runs, drops blanks at line edges, keeps <pre>', () => {
    const html = '<p>\n   一  \t 二 <b> 三 </b> 四\n</p>\n\n<pre>\n  甲  乙\n\n\n\n    丙\n</pre><div>  </div>';
    const { text, map } = extractHtml(html);
    expect(text).toBe('一 二 三 四\n\n  甲  乙\n\n    丙');
    // The space between 一 and 二 maps to the whole run.
    expect(html.slice(map.toSource(1, 'start'), map.toSource(2, 'end'))).toBe('  \t ');
  });

  it('reads metadata from meta tags and <title> when the page shows none', () => {
    const html = '<html><head><TITLE>  标题\n 一 </TITLE><META NAME="articletitle" CONTENT="文章标题"><meta name="PubDate" content="2021-01-13"><meta name="ContentSource" content="某区司法局"></head><body><p>正文</p></body></html>';
    expect(extractHtml(html).page).toEqual({ title: '文章标题', datePublished: '2021-01-13', publisher: '某区司法局' });
    expect(extractHtml('<title>  标题\n 一 </title><p>正文</p>').page).toEqual({ title: '标题 一' });
    expect(extractHtml('<p>正文</p>').page).toBeNull();
    expect(extractHtml('<p>文号: 发文字号：白府〔2021〕1号</p>').page).toEqual({ documentNumber: '白府〔2021〕1号' });
  });
});

describe('robustness', () => {
  it('handles 100,000 nested divs without recursion', () => {
    const n = 100_000;
    const t = performance.now();
    expect(extractHtml(`${'<div>'.repeat(n)}正文${'</div>'.repeat(n)}`).text).toBe('正文');
    expect(extractHtml(`${'<div>'.repeat(n)}正文`).text).toBe('正文');
    expect(extractHtml(`${'<span>'.repeat(n)}正文${'</b></p>'.repeat(n)}`).text).toBe('正文');
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('reads a 2 MB page quickly', () => {
    const block = '<div class="item"><p>2020年,办理各级人大代表建议204件、政协提案156件,&ldquo;满意率&rdquo;达100%。</p><table><tr><td>甲</td><td>1</td></tr></table></div>\n';
    const html = `<html><body>${block.repeat(Math.ceil(2_000_000 / block.length))}</body></html>`;
    expect(html.length).toBeGreaterThan(2_000_000);
    const t = performance.now();
    const { text, map } = extractHtml(html);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(map.length).toBe(text.length);
    expect(text).toContain('“满意率”达100%');
  });

  it('stops at an unclosed <script> at the end', () => {
    const t = performance.now();
    expect(extractHtml(`<p>正文</p><script>var s = "${'x<'.repeat(500_000)}`).text).toBe('正文');
    expect(extractHtml('<p>正文</p><!-- 未闭合的注释 <p>').text).toBe('正文');
    expect(extractHtml('<p>正文</p><div class="x').text).toBe('正文');
    expect(extractHtml('<p>正文</p><b/').text).toBe('正文');
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('gives empty text for empty or blank HTML', () => {
    for (const html of ['', '   \n ', '<html><head></head><body></body></html>', '<!DOCTYPE html>']) {
      const { text, map, page } = extractHtml(html);
      expect(text).toBe('');
      expect(map.length).toBe(0);
      expect(page).toBeNull();
    }
    expect(loadHtml('empty.html', '', null).locate(0, 'start')).toEqual({ offset: 0, line: 1, column: 1 });
  });
});

describe('the offset map (property)', () => {
  const pieces = [
    '<p>', '</p>', '<br>', '<div>', '</div>', '<td>', '</td>', '<tr>', '<pre>', '</pre>', '<b>', '</b>',
    '<script>', '</script>', '<nav>', '</nav>', '<div hidden>', '<!--', '-->', '<![CDATA[', ']]>', '<math>',
    '<a>', '</a>', '<ul>', '<li>', '</ul>', '<form>', '</form>', '<img>', ' | ', '、', '\u200b',
    '&nbsp;', '&amp;', '&lt', '&#20013;', '&#x1F600;', '&#10;', '&bogus;', '&', '<', '>', '"', '=',
    ' ', '  ', '\n', '\r\n', '\t', '\u3000', 'a', 'Z', '1', '中', '国', '。', '2021年',
  ];
  const html = fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces),
        fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: 60 },
    )
    .map((a) => a.join(''));

  it('maps every offset inside the HTML, in order', () => {
    fc.assert(
      fc.property(html, (h) => {
        const { text, map } = extractHtml(h);
        expect(map.length).toBe(text.length);
        let prev = 0;
        for (let i = 0; i < text.length; i++) {
          const s = map.toSource(i, 'start');
          const e = map.toSource(i + 1, 'end');
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(h.length);
          expect(s).toBeGreaterThanOrEqual(prev);
          expect(s).toBeLessThanOrEqual(e);
          // A unit mapped to one source unit is that unit (white space aside).
          const c = text[i]!;
          if (e - s === 1 && c !== ' ' && c !== '\n') expect(h[s]).toBe(c);
          prev = s;
        }
        // Dropped lists of links leave the lines as tidy as anything else.
        expect(text.startsWith('\n')).toBe(false);
        expect(text).not.toMatch(/[ \t\r\n]$/);
        expect(text).not.toContain('\n\n\n');
      }),
      { numRuns: 500 },
    );
  });
});
