/**
 * The must-show of the input formats: the seeds saved as UTF-8, GBK and UTF-16 text, the
 * district seed as a government web page and both seeds as .docx files, each checked by the
 * built CLI as a user would, give the same findings at the same logical places.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckOutputSchema, LineIndex, type CheckOutput, type Diagnostic } from '../../src/index.js';
import { projectPath, seedText } from '../helpers.js';
import { runCli } from './run-cli.js';

const STREET = '2020-baiyun-shimen-street';
const DISTRICT = '2020-baiyun-district';

/** Runs `check --format json` on files and parses the output with the exported schema. */
function checkJson(files: string[], cwd: string): CheckOutput {
  const r = runCli(['check', ...files, '--format', 'json', '--locale', 'en'], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  return CheckOutputSchema.parse(JSON.parse(r.stdout));
}

/** What must not change between formats: the finding itself, not the file it was read from. */
function essence(d: Diagnostic): Record<string, unknown> {
  return { ruleId: d.ruleId, messageId: d.messageId, severity: d.severity, message: d.message, sectionPath: d.sectionPath, evidence: d.evidence.expression ?? d.evidence.note ?? null };
}

const docOf = (out: CheckOutput, name: string) => {
  const doc = out.documents.find((d) => d.path.endsWith(name));
  if (!doc) throw new Error(`no document ${name} in ${out.documents.map((d) => d.path).join(', ')}`);
  return doc;
};

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A saved government page around the district seed: head, scripts, navigation, info table, body, footer. */
function districtPage(): string {
  const lines = seedText('district').split('\n');
  // Lines 1–13 of the seed are the page chrome a copy from the browser picked up; the page has them as markup.
  const bodyStart = lines.findIndex((l) => l.startsWith('广州市白云区人民政府2020年法治政府建设年度报告'));
  const body = lines.slice(bodyStart);
  const paragraphs = body
    // One paragraph is written the way editors often leave it: indented, broken over source lines.
    .map((l, i) => (l.trim() === '' ? '' : i === 3 ? `<p style="text-indent:2em">\n      ${escapeHtml(l.trim())}\n    </p>` : `<p>${escapeHtml(l)}</p>`))
    .filter(Boolean)
    .join('\n    ');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>广州市白云区人民政府2020年法治政府建设年度报告-广州市白云区人民政府门户网站</title>
  <meta name="ArticleTitle" content="广州市白云区人民政府2020年法治政府建设年度报告">
  <meta name="PubDate" content="2021-01-13 09:30">
  <meta name="ContentSource" content="广州市白云区人民政府">
  <style>body { font-family: "Microsoft YaHei"; } .nav li { display: inline; }</style>
  <script>var _hmt = _hmt || []; document.write("<div>统计 12345 次</div>");</script>
</head>
<body>
  <div class="topbar"><a href="#">无障碍</a> <a href="#">长者助手</a> <a href="#">我的收藏</a></div>
  <nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政府信息公开</a></li><li><a href="/gzk">规章库</a></li></ul></nav>
  <div class="breadcrumb">当前位置:首页 &gt; 政府信息公开 &gt; 法治政府建设年度报告</div>
  <table class="xxgk-info">
    <tr><td>索引号:</td><td>11440111007502337T/2021-00021</td><td>分类:</td><td></td></tr>
    <tr><td>发布机构:</td><td>广州市白云区人民政府</td><td>成文日期:</td><td>2021-01-12</td></tr>
    <tr><td>名称:</td><td colspan="3">广州市白云区人民政府2020年法治政府建设年度报告</td></tr>
    <tr><td>文号:</td><td></td><td>发布日期:</td><td>2021-01-13</td></tr>
  </table>
  <div id="zoom" class="TRS_Editor">
    ${paragraphs}
  </div>
  <div class="share">分享到:微信 微博</div>
  <footer><p>主办:广州市白云区人民政府办公室 备案号:粤ICP备05007286号 网站标识码:4401110001</p></footer>
  <script src="/js/stat.js"></script>
  <script>(function(){ var n = 100 < 200 && "</p>"; })();</script>
</body>
</html>
`;
}

async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ text: line })) }] });
  return Packer.toBuffer(doc);
}

describe('the same findings from every input format (built CLI)', () => {
  let dir: string;
  let utf8: CheckOutput;

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jiaohe-formats-'));
    const street = seedText('street');
    const district = seedText('district');
    writeFileSync(join(dir, `${STREET}.gbk.txt`), iconv.encode(street, 'gbk'));
    writeFileSync(join(dir, `${DISTRICT}.gbk.txt`), iconv.encode(district, 'gbk'));
    writeFileSync(join(dir, `${STREET}.utf16.txt`), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(street, 'utf16le')]));
    writeFileSync(join(dir, `${DISTRICT}.utf16.txt`), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(district, 'utf16le').swap16()]));
    writeFileSync(join(dir, `${DISTRICT}.html`), districtPage());
    writeFileSync(join(dir, `${STREET}.docx`), await docxOf(street));
    writeFileSync(join(dir, `${DISTRICT}.docx`), await docxOf(district));
    utf8 = checkJson([`seeds/${STREET}.txt`, `seeds/${DISTRICT}.txt`], projectPath(''));
  });

  it('finds on the UTF-8 seeds what the golden tests expect', () => {
    const street = docOf(utf8, `${STREET}.txt`).diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.severity}`);
    expect(street).toEqual(
      expect.arrayContaining(['11 rate-matches-counts warning', '12 zero-claim-contradiction error', '30 rate-matches-counts warning', '59 report-date warning']),
    );
    const district = docOf(utf8, `${DISTRICT}.txt`).diagnostics.map((d) => `${d.line} ${d.ruleId}`);
    expect(district).toEqual(expect.arrayContaining(['99 required-sections', '103 required-sections']));
  });

  it.each([
    ['GBK', 'gbk.txt', 'gb18030'],
    ['UTF-16', 'utf16.txt', null],
  ])('reads the seeds saved as %s with identical findings, positions and fingerprints', (_name, suffix, encoding) => {
    const out = checkJson([join(dir, `${STREET}.${suffix}`), join(dir, `${DISTRICT}.${suffix}`)], dir);
    for (const name of [STREET, DISTRICT]) {
      const want = docOf(utf8, `${name}.txt`);
      const got = docOf(out, `${name}.${suffix}`);
      if (encoding) expect(got.encoding).toBe(encoding);
      const strip = (d: Diagnostic) => ({ ...d, related: d.related.map((r) => ({ ...r, document: r.document?.replace(/^.*[\\/]/, '').replace(/\..*$/, '') })) });
      expect(got.diagnostics.map(strip)).toEqual(want.diagnostics.map(strip));
      expect(got.claims.length).toBe(want.claims.length);
    }
    expect(out.links.map((l) => [l.child.replace(/^.*[\\/]/, ''), l.parent.replace(/^.*[\\/]/, '')])).toEqual([[`${STREET}.${suffix}`, `${DISTRICT}.${suffix}`]]);
  });

  it('reads the district as a web page: same findings, each pointing into the HTML at the same words', () => {
    const html = readFileSync(join(dir, `${DISTRICT}.html`), 'utf8');
    const out = checkJson([join(dir, `${DISTRICT}.html`), `seeds/${STREET}.txt`], projectPath(''));
    const got = docOf(out, `${DISTRICT}.html`);
    const want = docOf(utf8, `${DISTRICT}.txt`);
    expect(got.format).toBe('html');
    expect(got.page).toMatchObject({
      title: '广州市白云区人民政府2020年法治政府建设年度报告',
      publisher: '广州市白云区人民政府',
      dateWritten: '2021-01-12',
      datePublished: expect.stringContaining('2021-01-13'),
      indexNumber: '11440111007502337T/2021-00021',
    });
    expect(got.diagnostics.map(essence)).toEqual(want.diagnostics.map(essence));
    const seed = seedText('district');
    const lines = new LineIndex(html);
    for (const [i, d] of got.diagnostics.entries()) {
      const w = want.diagnostics[i]!;
      // The words under the finding are the same words, found in the HTML file at the reported line and column.
      expect(html.slice(d.range.start, d.range.end)).toBe(seed.slice(w.range.start, w.range.end));
      expect(lines.position(d.range.start)).toEqual({ line: d.line, column: d.column });
    }
    // Nothing from the navigation, scripts, share bar or footer was read as the report.
    const claimsText = JSON.stringify(got.claims);
    expect(claimsText).not.toContain('12345 次');
    expect(claimsText).not.toContain('4401110001');
    // The street links to the page as to the text.
    expect(out.links).toHaveLength(1);
    expect(out.links[0]!.parent).toContain('.html');
    // Every figure of every comparison points into the file it was read from (the page or the text).
    const fileText = (path: string) => (path.endsWith('.html') ? html : seedText('street'));
    expect(out.comparisons.length).toBeGreaterThan(2);
    for (const c of out.comparisons) {
      for (const f of c.evidence.figures) {
        const text = fileText(f.document ?? c.document);
        // A zero claim's figure is named with its label (我街行政复议数量为0) and sits on the 0.
        const slice = text.slice(f.range.start, f.range.end);
        expect(slice.length).toBeGreaterThan(0);
        expect(f.text.endsWith(slice)).toBe(true);
      }
    }
  });

  it('reads the seeds as .docx files: the same findings at paragraph:character = line:column', () => {
    const out = checkJson([join(dir, `${STREET}.docx`), join(dir, `${DISTRICT}.docx`)], dir);
    for (const name of [STREET, DISTRICT]) {
      const want = docOf(utf8, `${name}.txt`);
      const got = docOf(out, `${name}.docx`);
      expect(got.format).toBe('docx');
      expect(got.diagnostics.map((d) => ({ ...essence(d), at: [d.line, d.column, d.endLine, d.endColumn], fp: d.fingerprint }))).toEqual(
        want.diagnostics.map((d) => ({ ...essence(d), at: [d.line, d.column, d.endLine, d.endColumn], fp: d.fingerprint })),
      );
    }
  });

  it('shows the .docx findings in stylish output by paragraph, with the paragraph under the carets', () => {
    const r = runCli(['check', join(dir, `${STREET}.docx`), '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(.docx, paragraph:character)');
    expect(r.stdout).toMatch(/\n {2}12:\d+ +error {2}/);
    expect(r.stdout).toContain('行政诉讼数量均为0');
  });
});
