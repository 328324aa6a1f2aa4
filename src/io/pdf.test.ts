import { describe, expect, it } from 'vitest';
import { decodeFailure } from '../../test/helpers.js';
import { buildPdf, paragraphLines, type PdfTextLine } from '../../test/pdf-builder.js';
import { checkReport } from '../index.js';
import { placeOf } from '../report/place.js';
import { loadSourceBytes } from './load.js';
import { loadPdf, pageLines, wrappedLines } from './pdf.js';
import { locateRange } from './source.js';

/** Lines of body text 12 characters (144 pt) wide from x = 72, 12-point type, 21 pt apart. */
const BODY = { x: 72, width: 12 };

describe('loadPdf', () => {
  it('reads two pages line by line, with where each page starts and the title', async () => {
    const bytes = buildPdf(
      [
        { lines: [{ x: 150, y: 780, text: '某街道2020年法治政府建设年度报告', size: 16 }, { x: 72, y: 740, text: '一、主要工作' }] },
        { lines: [{ x: 72, y: 780, text: '二、存在问题' }, { x: 96, y: 760, text: '人员不足。' }] },
      ],
      { title: '某街道2020年法治政府建设年度报告' },
    );
    const source = await loadPdf('report.pdf', bytes);
    expect(source.format).toBe('pdf');
    expect(source.encoding).toBeNull();
    expect(source.sourceText).toBe('某街道2020年法治政府建设年度报告\n一、主要工作\n二、存在问题\n人员不足。');
    expect(source.pageStarts).toEqual([0, source.sourceText.indexOf('二、存在问题')]);
    expect(source.page).toEqual({ title: '某街道2020年法治政府建设年度报告' });
    // Positions are lines and columns of the extracted text (an indent is not text in a PDF).
    const at = source.text.indexOf('不足');
    expect(source.locate(at, 'start')).toEqual({ offset: source.sourceText.indexOf('不足'), line: 4, column: 3 });
  });

  it('leaves out a title a printer driver made from the file name, and has none without an info dictionary', async () => {
    const page = [{ lines: [{ x: 72, y: 700, text: '正文' }] }];
    expect((await loadPdf('a.pdf', buildPdf(page, { title: 'Microsoft Word - 年度报告.docx' }))).page).toEqual({ title: '年度报告' });
    expect((await loadPdf('a.pdf', buildPdf(page))).page).toBeNull();
  });

  it('joins a figure a line wrap splits (12 / 0件) in the checked text, and maps it back to both lines', async () => {
    const lines = paragraphLines('全年受理复议申请120件,办结116件。', { ...BODY, y: 700 });
    expect(lines.map((l) => l.text)).toEqual(['全年受理复议申请12', '0件,办结116件。']);
    const source = await loadPdf('a.pdf', buildPdf([{ lines }]));
    expect(source.sourceText).toBe('全年受理复议申请12\n0件,办结116件。');
    expect(source.text).toBe('全年受理复议申请120件,办结116件。');
    const start = source.text.indexOf('120');
    const located = locateRange(source, { start, end: start + 3 });
    expect([located.line, located.column, located.endLine, located.endColumn]).toEqual([1, 9, 2, 2]);
    expect(source.sourceText.slice(located.range.start, located.range.end)).toBe('12\n0');
  });

  it('keeps a paragraph end: a short line, an indented next line, a numbered item, another page', async () => {
    const first = paragraphLines('全年受理复议申请一百二十件。', { ...BODY, y: 700 }); // two lines, the second short
    const second = paragraphLines('办结一百一十六件,其余正在办理之中。', { ...BODY, y: 658 }); // indented first line
    const numbered: PdfTextLine[] = [
      { x: 72, y: 595, text: '复议申请共计一百二十件整' }, // a full line …
      { x: 72, y: 574, text: '(一)加强组织领导。' }, // … then an item set flush left
    ];
    const source = await loadPdf('a.pdf', buildPdf([{ lines: [...first, ...second, ...numbered] }, { lines: [{ x: 72, y: 780, text: '办结。' }] }]));
    expect(source.text).toBe(['全年受理复议申请一百二十件。', '办结一百一十六件,其余正在办理之中。', '复议申请共计一百二十件整', '(一)加强组织领导。', '办结。'].join('\n'));
  });

  it('inserts no spaces into Chinese text or figures set with letter-spacing, and keeps those between words', async () => {
    const source = await loadPdf(
      'a.pdf',
      buildPdf([
        {
          lines: [
            { x: 72, y: 700, text: '受理复议申请120件,办结率96.6%。', spacing: 300 },
            { x: 72, y: 679, text: '通过ISO 9001认证' },
          ],
        },
      ]),
    );
    expect(source.sourceText).toBe('受理复议申请120件,办结率96.6%。\n通过ISO 9001认证');
  });

  it('refuses a PDF of page images only (a scan): no-text-layer', async () => {
    const e = await decodeFailure(loadPdf('scan.pdf', buildPdf([{ image: true }, { image: true }])));
    expect(e.code).toBe('no-text-layer');
    expect(e.message).toMatch(/no text layer/);
  });

  it('a PDF with neither text nor images has no report text', async () => {
    expect((await decodeFailure(loadPdf('blank.pdf', buildPdf([{ lines: [] }])))).code).toBe('no-text');
  });

  it('refuses garbage after %PDF- as a damaged PDF, and a PDF that needs a password as encrypted', async () => {
    const garbage = new TextEncoder().encode('%PDF-1.7\n这不是 PDF,只是以 %PDF- 开头的一些文字。\n'.repeat(20));
    const damaged = await decodeFailure(loadSourceBytes('bad.pdf', garbage, 'pdf'));
    expect(damaged.code).toBe('damaged-pdf');
    expect(damaged.message).toMatch(/damaged/);
    // Cut short: the cross-reference table and trailer are gone.
    const whole = buildPdf([{ lines: [{ x: 72, y: 700, text: '正文' }] }]);
    expect((await decodeFailure(loadPdf('cut.pdf', whole.subarray(0, 200)))).code).toBe('damaged-pdf');
    const locked = buildPdf([{ lines: [{ x: 72, y: 700, text: '正文' }] }], { encrypted: true });
    expect((await decodeFailure(loadPdf('locked.pdf', locked))).code).toBe('encrypted');
  });

  it('is recognised by its bytes whatever the name says, and by its extension', async () => {
    const bytes = buildPdf([{ lines: [{ x: 72, y: 700, text: '正文' }] }]);
    expect((await loadSourceBytes('报告.txt', bytes, 'text')).format).toBe('pdf');
    expect((await loadSourceBytes('-', bytes)).format).toBe('pdf');
    // The caller's bytes are not taken over (pdf.js may detach the buffer it is given).
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(String.fromCharCode(...bytes.subarray(0, 5))).toBe('%PDF-');
  });
});

describe('pageLines and wrappedLines', () => {
  const item = (str: string, x: number, y: number, hasEOL = false, size = 12) => ({ str, transform: [size, 0, 0, size, x, y], width: str.length * size, height: size, hasEOL });

  it('starts a line at hasEOL or where the baseline moves, and tabs apart the columns of a table', () => {
    const lines = pageLines([item('受理', 72, 700), item('120', 200, 700), item('件', 236, 700, true), item('办结', 72, 700), item('116', 72, 680)]);
    expect(lines.map((l) => l.text)).toEqual(['受理\t120件', '办结', '116']);
  });

  it('undoes letter-spacing within an item, not between items (a table of single digits)', () => {
    const lines = pageLines([item('受 理 1 2 0 件', 72, 700, true), item('1', 72, 680), item(' ', 84, 680), item('2', 92, 680)]);
    expect(lines.map((l) => l.text)).toEqual(['受理120件', '1 2']);
  });

  it('joins only a full line followed by a flush-left line of the same size just below', () => {
    const line = (text: string, left: number, right: number, y: number, size = 12) => ({ text, left, right, y, size });
    const lines = [line('a', 72, 216, 700), line('b', 72, 216, 679), line('c', 72, 150, 658), line('d', 96, 216, 637), line('e', 72, 216, 616, 16), line('f', 72, 100, 500)];
    // a→b→c is one paragraph (c its short last line); d is indented; e is larger type; f far below.
    expect(wrappedLines(lines)).toEqual([true, true, false, false, false, false]);
    // Paragraphs set apart by space rather than indented: a full line, then 30 pt down where lines are 21 apart.
    const spaced = [line('a', 72, 216, 700), line('b', 72, 216, 679), line('c', 72, 216, 658), line('d', 72, 216, 628), line('e', 72, 150, 607)];
    expect(wrappedLines(spaced)).toEqual([true, true, false, true, false]);
  });
});

describe('a report in a PDF, checked', () => {
  it('finds the wrong rate on page 2 and places it there, on its line', async () => {
    const page1: PdfTextLine[] = [
      { x: 100, y: 780, text: '某街道2020年法治政府建设年度报告', size: 16 },
      { x: 72, y: 740, text: '一、主要工作' },
      ...paragraphLines('全年办理各类事项,运行平稳。', { ...BODY, y: 715 }),
    ];
    const page2: PdfTextLine[] = [{ x: 72, y: 780, text: '二、行政复议工作' }, ...paragraphLines('全年受理复议申请120件,办结116件,办结率96.6%。', { ...BODY, y: 755 })];
    expect(page2.map((l) => l.text)).toEqual(['二、行政复议工作', '全年受理复议申请12', '0件,办结116件,办结', '率96.6%。']);
    const source = await loadPdf('report.pdf', buildPdf([{ lines: page1 }, { lines: page2 }]));

    const result = checkReport(source.text);
    const rate = result.diagnostics.find((d) => d.ruleId === 'rate-matches-counts');
    expect(rate, JSON.stringify(result.diagnostics.map((d) => d.ruleId))).toBeDefined();
    // The counts the rule read: 116 of 120, the 120 whole although the page breaks it.
    expect(rate!.message).toContain('116/120');

    const at = locateRange(source, rate!.range);
    expect(source.sourceText.slice(at.range.start, at.range.end)).toBe(source.text.slice(rate!.range.start, rate!.range.end));
    const place = placeOf({ format: source.format, pageStarts: source.pageStarts, text: source.sourceText }, { offset: at.range.start, line: at.line, column: at.column });
    expect(place).toEqual({ kind: 'page', page: 2, line: 4, column: expect.any(Number) });
  });
});
