import fc from 'fast-check';
import { strToU8, strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { annotateDocx, type DocxNote } from './docx-annotate.js';
import { DocxError, extractDocx } from './docx.js';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

const TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gov.cn/" TargetMode="External"/></Relationships>';
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

/** A hand-built .docx whose body is `body`, with the parts a real one has (and a stored picture-like part). */
function handDocx(body: string, extra: Record<string, string> = {}, rels = DOC_RELS, types = TYPES): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const files: Zippable = {
    '[Content_Types].xml': strToU8(types),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(xml),
    'word/_rels/document.xml.rels': strToU8(rels),
    'word/styles.xml': strToU8(STYLES),
    'word/media/image1.bin': [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]), { level: 0 }],
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}

const p = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;
const r = (text: string, props = ''): string => `<w:r>${props}<w:t>${text}</w:t></w:r>`;

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
function partText(bytes: Uint8Array, name: string): string {
  const data = parts(bytes)[name];
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

/** A note on the first occurrence of `what` (after `from`) in the extracted text. */
function noteOn(text: string, what: string, body = `on ${what}`, from = 0): DocxNote {
  const start = text.indexOf(what, from);
  if (start < 0) throw new Error(`${what} is not in the text`);
  return { range: { start, end: start + what.length }, text: body };
}

/**
 * A strict well-formedness check (htmlparser2 is lenient): every tag closes in order, attribute
 * values are quoted, text holds no `<`, no `]]>` and only known entities.
 */
function expectWellFormed(xml: string): void {
  const body = xml.replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  let i = 0;
  let roots = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    const bad = text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, '');
    if (bad.includes('&') || bad.includes(']]>')) throw new Error(`bad text near ${i}: ${text.slice(0, 40)}`);
    if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root at ${i}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    const [, close, name, , selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${lt}`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    i = tag.lastIndex;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

/**
 * Where the comment markers sit: each marker's parent element and whether a `w:p` encloses it;
 * each `w:r`'s parent; each `w:t`'s parent.
 */
function structure(xml: string): { markers: Array<{ name: string; id: string; parent: string; inParagraph: boolean }>; runInRun: boolean; textOutsideRun: boolean } {
  const stack: string[] = [];
  const markers: Array<{ name: string; id: string; parent: string; inParagraph: boolean }> = [];
  let runInRun = false;
  let textOutsideRun = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1] ?? '';
        if (name.startsWith('w:comment')) markers.push({ name, id: attribs['w:id'] ?? '', parent, inParagraph: stack.includes('w:p') });
        // A run may hold a paragraph (a text box) holding runs; a run directly in a run is wrong.
        const holder = [...stack].reverse().find((n) => n === 'w:r' || n === 'w:p');
        if (name === 'w:r' && holder === 'w:r') runInRun = true;
        if (name === 'w:t' && parent !== 'w:r') textOutsideRun = true;
        stack.push(name);
      },
      onclosetag() {
        stack.pop();
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return { markers, runInRun, textOutsideRun };
}

/** The ids of the comments in a comments part, with their authors and their text (paragraphs joined with \n). */
function comments(xml: string): Map<string, { author: string; initials: string; date: string | undefined; text: string; refFirst: boolean }> {
  const out = new Map<string, { author: string; initials: string; date: string | undefined; text: string; refFirst: boolean }>();
  let current: { author: string; initials: string; date: string | undefined; text: string; refFirst: boolean } | null = null;
  let paragraphs: string[] = [];
  let inT = false;
  let sawRun = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'w:comment') {
          current = { author: attribs['w:author']!, initials: attribs['w:initials']!, date: attribs['w:date'], text: '', refFirst: false };
          paragraphs = [];
          sawRun = false;
          out.set(attribs['w:id']!, current);
        }
        if (name === 'w:p') paragraphs.push('');
        if (name === 'w:annotationRef' && current && !sawRun && paragraphs.length === 1) current.refFirst = true;
        if (name === 'w:t') inT = true;
        if (name === 'w:tab') paragraphs[paragraphs.length - 1] += '\t';
      },
      ontext(data) {
        if (inT) paragraphs[paragraphs.length - 1] += data;
      },
      onclosetag(name) {
        if (name === 'w:t') inT = false;
        if (name === 'w:r') sawRun = true;
        if (name === 'w:comment' && current) current.text = paragraphs.join('\n');
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return out;
}

/**
 * The text each comment is anchored on, read back from the output: the comment's markers are
 * replaced by runs of ⟦ and ⟧ and the document is extracted again, so what lies between them is
 * the text Word shows highlighted.
 */
function anchoredText(bytes: Uint8Array, id: string): string {
  const files = parts(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  const starts = xml.split(`<w:commentRangeStart w:id="${id}"/>`).length - 1;
  const ends = xml.split(`<w:commentRangeEnd w:id="${id}"/>`).length - 1;
  expect([starts, ends]).toEqual([1, 1]);
  const marked = xml
    .replace(`<w:commentRangeStart w:id="${id}"/>`, '<w:r><w:t>⟦</w:t></w:r>')
    .replace(`<w:commentRangeEnd w:id="${id}"/>`, '<w:r><w:t>⟧</w:t></w:r>');
  const text = extractDocx(zipSync({ ...files, 'word/document.xml': strToU8(marked) })).text;
  const a = text.indexOf('⟦');
  const b = text.indexOf('⟧');
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeGreaterThan(a);
  return text.slice(a + 1, b);
}

/** Checks what every output must be: well-formed, markers in paragraphs and never in runs, one of each per id, the text unchanged. */
function expectSound(input: Uint8Array, output: Uint8Array): void {
  const xml = partText(output, 'word/document.xml');
  expectWellFormed(xml);
  expectWellFormed(partText(output, 'word/comments.xml'));
  const s = structure(xml);
  expect(s.runInRun).toBe(false);
  expect(s.textOutsideRun).toBe(false);
  for (const m of s.markers) {
    expect(m.inParagraph).toBe(true);
    if (m.name === 'w:commentReference') expect(m.parent).toBe('w:r');
    else expect(m.parent).not.toBe('w:r');
  }
  const count = new Map<string, number>();
  for (const m of s.markers) count.set(`${m.name} ${m.id}`, (count.get(`${m.name} ${m.id}`) ?? 0) + 1);
  for (const n of count.values()) expect(n).toBe(1);
  const ids = [...comments(partText(output, 'word/comments.xml')).keys()];
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) {
    for (const name of ['w:commentRangeStart', 'w:commentRangeEnd', 'w:commentReference']) expect(count.get(`${name} ${id}`)).toBe(1);
  }
  expect(extractDocx(output).text).toBe(extractDocx(input).text);
  expect(extractDocx(output).paragraphs).toEqual(extractDocx(input).paragraphs);
}

describe('annotateDocx anchors each comment on exactly its characters', () => {
  it('splits a run inside its text, copying the run properties to each half', () => {
    const input = handDocx(p(r('受理120件办结116件', '<w:rPr><w:b/></w:rPr>')));
    const { text } = extractDocx(input);
    const out = annotateDocx(input, [noteOn(text, '120件', '受理数有误')]);
    expectSound(input, out);
    const xml = partText(out, 'word/document.xml');
    // Worked out by hand: the run cut before 1 and after 件, each part keeping <w:b/>.
    expect(xml).toContain(
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">受理</w:t></w:r>' +
        '<w:commentRangeStart w:id="0"/>' +
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">120件</w:t></w:r>' +
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' +
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">办结116件</w:t></w:r></w:p>',
    );
    expect(anchoredText(out, '0')).toBe('120件');
  });

  it('refuses a file whose text is not the text its notes were read in (changed since it was checked)', () => {
    const input = handDocx(p(r('受理120件办结116件')));
    const { text } = extractDocx(input);
    const note = noteOn(text, '120件');
    // The same text: placed as without the option.
    expect(annotateDocx(input, [note], { expectedText: text })).toEqual(annotateDocx(input, [note]));
    let error: unknown;
    try {
      annotateDocx(input, [note], { expectedText: '受理121件办结116件' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocxError);
    expect((error as DocxError).code).toBe('changed');
  });

  it('puts the markers beside a run when the range starts at its first character and ends at its last', () => {
    const input = handDocx(p(r('受理'), r('120件'), r('办结')));
    const out = annotateDocx(input, [noteOn(extractDocx(input).text, '120件')]);
    expectSound(input, out);
    expect(partText(out, 'word/document.xml')).toContain(
      '<w:r><w:t>受理</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>120件</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>办结</w:t></w:r>',
    );
  });

  it('gives a figure split across runs of different formatting one comment covering both', () => {
    const input = handDocx(p(r('受理120件,办结116件,办结率为96.'), r('6%', '<w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr>'), r('。')));
    const { text } = extractDocx(input);
    const out = annotateDocx(input, [noteOn(text, '96.6%', '办结率应为96.7%')]);
    expectSound(input, out);
    const xml = partText(out, 'word/document.xml');
    expect(xml.match(/<w:commentRangeStart /g)).toHaveLength(1);
    expect(xml).toContain(
      '<w:t xml:space="preserve">受理120件,办结116件,办结率为</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">96.</w:t></w:r>' +
        '<w:r><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr><w:t>6%</w:t></w:r><w:commentRangeEnd w:id="0"/>',
    );
    expect(anchoredText(out, '0')).toBe('96.6%');
  });

  it('counts an entity in w:t as the one character it stands for', () => {
    const input = handDocx(p(r('A&amp;B&lt;C&#x4E2D;D&#20013;E')));
    const { text } = extractDocx(input);
    expect(text).toBe('A&B<C中D中E');
    const out = annotateDocx(input, [noteOn(text, 'B<C中D')]);
    expectSound(input, out);
    expect(partText(out, 'word/document.xml')).toContain(
      '<w:t xml:space="preserve">A&amp;</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">B&lt;C&#x4E2D;D</w:t></w:r>' +
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">&#20013;E</w:t></w:r>',
    );
    expect(anchoredText(out, '0')).toBe('B<C中D');
  });

  it('never cuts an entity: a range ending inside one it stands for two characters of covers it all', () => {
    const input = handDocx(p(r('前&#x1F600;后')));
    const { text } = extractDocx(input);
    expect(text).toBe('前😀后');
    // The range ends between the two halves of the surrogate pair.
    const out = annotateDocx(input, [{ range: { start: 0, end: 2 }, text: 'x' }]);
    expectSound(input, out);
    expect(anchoredText(out, '0')).toBe('前😀');
  });

  it('places markers inside a hyperlink', () => {
    const link = `<w:hyperlink r:id="rId3">${r('中国政府网公告', '<w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>')}</w:hyperlink>`;
    const input = handDocx(p(r('详见'), link, r('。')));
    const { text } = extractDocx(input);
    const out = annotateDocx(input, [noteOn(text, '政府网')]);
    expectSound(input, out);
    const s = structure(partText(out, 'word/document.xml'));
    expect(s.markers.filter((m) => m.name !== 'w:commentReference').map((m) => m.parent)).toEqual(['w:hyperlink', 'w:hyperlink']);
    expect(anchoredText(out, '0')).toBe('政府网');
  });

  it('places markers inside a table cell, a tracked insertion, a smart tag and a content control', () => {
    const cell = (t: string): string => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${p(r(t))}</w:tc>`;
    const table = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>${cell('项目')}${cell('数量')}</w:tr><w:tr>${cell('受理')}${cell('120件')}</w:tr></w:tbl>`;
    const ins = p(r('新增'), `<w:ins w:id="90" w:author="a" w:date="2024-01-01T00:00:00Z">${r('插入的文字')}</w:ins>`);
    const smart = p(`<w:smartTag w:uri="urn:x" w:element="place">${r('白云区')}</w:smartTag>`, r('政府'));
    const sdt = p(`<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${r('控件文字')}</w:sdtContent></w:sdt>`);
    const input = handDocx(p(r('表1')) + table + ins + smart + sdt);
    const { text } = extractDocx(input);
    const notes = [noteOn(text, '20件'), noteOn(text, '入的'), noteOn(text, '云区政'), noteOn(text, '件文')];
    const out = annotateDocx(input, notes);
    expectSound(input, out);
    // Ids follow document order, which is the notes' order here.
    expect(['0', '1', '2', '3'].map((id) => anchoredText(out, id))).toEqual(['20件', '入的', '云区政', '件文']);
    const starts = structure(partText(out, 'word/document.xml')).markers.filter((m) => m.name === 'w:commentRangeStart');
    expect(starts.map((m) => m.parent)).toEqual(['w:p', 'w:ins', 'w:smartTag', 'w:sdtContent']);
  });

  it('splits a run between a tab and its text, and counts tabs, breaks and symbols as one character', () => {
    const run = '<w:r><w:rPr><w:i/></w:rPr><w:t>项目</w:t><w:tab/><w:t>数量</w:t><w:br/><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>完</w:t></w:r>';
    const input = handDocx(p(run));
    const { text } = extractDocx(input);
    expect(text).toBe('项目\t数量\n\uF0FC完');
    const out = annotateDocx(input, [
      // 0 项 1 目 2 tab 3 数 4 量 5 br 6 sym 7 完
      { range: { start: 2, end: 5 }, text: 'tab to 量' },
      { range: { start: 5, end: 6 }, text: 'br' },
      { range: { start: 6, end: 7 }, text: 'sym' },
    ]);
    expectSound(input, out);
    expect(anchoredText(out, '0')).toBe('\t数量');
    expect(anchoredText(out, '1')).toBe('\n');
    expect(anchoredText(out, '2')).toBe('\uF0FC');
    // The first cut is between </w:t> and <w:tab/>, the second after </w:t>: no empty w:t is left.
    expect(partText(out, 'word/document.xml')).not.toMatch(/<w:t[^>]*><\/w:t>/);
    expect(partText(out, 'word/document.xml')).toContain('<w:t>项目</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:rPr><w:i/></w:rPr><w:tab/>');
  });

  it('anchors an empty range on its whole paragraph, or the nearest paragraph with text', () => {
    const input = handDocx(p() + p(r('第一段'), r('正文')) + p() + p(r('第二段')) + '<w:p/>');
    const { text, paragraphStarts } = extractDocx(input);
    expect(text).toBe('\n第一段正文\n\n第二段\n');
    const out = annotateDocx(input, [
      { range: { start: paragraphStarts[1]! + 2, end: paragraphStarts[1]! + 2 }, text: 'in 1' },
      { range: { start: paragraphStarts[2]!, end: paragraphStarts[2]! }, text: 'empty 2 → 1' },
      { range: { start: 0, end: 0 }, text: 'empty 0 → next' },
      { range: { start: paragraphStarts[4]!, end: paragraphStarts[4]! }, text: 'empty last → 3' },
      // Only a paragraph separator: no run text covered.
      { range: { start: paragraphStarts[2]! - 1, end: paragraphStarts[2]! }, text: 'separator' },
    ]);
    expectSound(input, out);
    const got = comments(partText(out, 'word/comments.xml'));
    const byText = new Map([...got].map(([id, c]) => [c.text, anchoredText(out, id)]));
    expect(Object.fromEntries(byText)).toEqual({
      'in 1': '第一段正文',
      'empty 2 → 1': '第一段正文',
      'empty 0 → next': '第一段正文',
      'empty last → 3': '第二段',
      separator: '第一段正文',
    });
  });

  it('places overlapping and nested notes, properly nested where they nest', () => {
    const input = handDocx(p(r('一二三四五六七八九十')));
    const out = annotateDocx(input, [
      { range: { start: 2, end: 6 }, text: 'inner' },
      { range: { start: 0, end: 8 }, text: 'outer' },
      { range: { start: 5, end: 9 }, text: 'overlap' },
      { range: { start: 2, end: 6 }, text: 'inner twin' },
    ]);
    expectSound(input, out);
    const got = comments(partText(out, 'word/comments.xml'));
    // Sorted by start, longer first, then given order: outer 0, inner 1, inner twin 2, overlap 3.
    expect([...got].map(([id, c]) => [id, c.text])).toEqual([
      ['0', 'outer'],
      ['1', 'inner'],
      ['2', 'inner twin'],
      ['3', 'overlap'],
    ]);
    expect(['0', '1', '2', '3'].map((id) => anchoredText(out, id))).toEqual(['一二三四五六七八', '三四五六', '三四五六', '六七八九']);
    const order = structure(partText(out, 'word/document.xml'))
      .markers.filter((m) => m.name !== 'w:commentReference')
      .map((m) => `${m.name === 'w:commentRangeStart' ? 'S' : 'E'}${m.id}`);
    expect(order).toEqual(['S0', 'S1', 'S2', 'S3', 'E2', 'E1', 'E0', 'E3']);
  });

  it('places a note spanning paragraphs from the first to the last character', () => {
    const input = handDocx(p(r('第一段文字')) + p(r('第二段文字')));
    const { text } = extractDocx(input);
    const out = annotateDocx(input, [{ range: { start: 2, end: text.indexOf('第二段') + 3 }, text: 'x' }]);
    expectSound(input, out);
    expect(anchoredText(out, '0')).toBe('段文字\n第二段');
  });

  it('anchors in a text box, and around the run that holds it', () => {
    const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    const box = (t: string): string => `<w:txbxContent>${p(r(t))}</w:txbxContent>`;
    const drawing =
      `<w:r><mc:AlternateContent ${MC}><mc:Choice Requires="wps"><w:drawing>${box('框内文字')}</w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict>${box('框内文字')}</w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const input = handDocx(p(r('框前'), drawing, r('框后')) + p(r('下一段')));
    const { text } = extractDocx(input);
    // The text box's paragraph follows the paragraph it sits in.
    expect(text).toBe('框前框后\n框内文字\n下一段');
    const out = annotateDocx(input, [noteOn(text, '前框'), noteOn(text, '内文'), noteOn(text, '框后\n框内')]);
    expectSound(input, out);
    expect(anchoredText(out, '0')).toBe('前框');
    expect(anchoredText(out, '2')).toBe('内文');
    // From after the text box into it: XML order is the other way round, so only the first part is kept.
    expect(anchoredText(out, '1')).toBe('框后');
  });

  it('reads text in a math zone as one unit, marked beside it', () => {
    const math = '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>a+b</m:t></m:r></m:oMath>';
    const input = handDocx(p(r('公式'), math, r('成立')));
    const { text } = extractDocx(input);
    expect(text).toBe('公式a+b成立');
    const out = annotateDocx(input, [noteOn(text, '+')]);
    expectSound(input, out);
    expect(anchoredText(out, '0')).toBe('a+b');
  });
});

describe('annotateDocx writes the comments into the package', () => {
  it('adds comments.xml, its relationship under a fresh id and its content type override', () => {
    const input = handDocx(p(r('受理120件')) + p(r('办结116件')));
    const { text } = extractDocx(input);
    const out = annotateDocx(input, [noteOn(text, '120件', '第一行\n第二行 <&> "引号"\t制表'), noteOn(text, '116件', '办结')], {
      author: '校核 & Co',
      initials: 'JH',
      date: '2024-03-01T09:30:00.123Z',
    });
    expectSound(input, out);
    const xml = partText(out, 'word/comments.xml');
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain(`<w:comments xmlns:w="${W_NS}">`);
    expect(xml).toContain('&lt;&amp;&gt; &quot;引号&quot;');
    const got = comments(xml);
    expect([...got.keys()]).toEqual(['0', '1']);
    expect(got.get('0')).toEqual({ author: '校核 & Co', initials: 'JH', date: '2024-03-01T09:30:00Z', text: '第一行\n第二行 <&> "引号"\t制表', refFirst: true });
    expect(got.get('1')!.text).toBe('办结');
    // Two paragraphs in the first comment, the annotation mark leading the first.
    expect(xml).toMatch(/<w:comment w:id="0"[^>]*><w:p><w:r><w:annotationRef\/><\/w:r><w:r><w:t xml:space="preserve">第一行<\/w:t><\/w:r><\/w:p><w:p><w:r>/);
    const rels = partText(out, 'word/_rels/document.xml.rels');
    expect(rels).toContain(`<Relationship Id="rId4" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`);
    expectWellFormed(rels);
    const types = partText(out, '[Content_Types].xml');
    expect(types).toContain(`<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`);
    expectWellFormed(types);
  });

  it('drops what XML cannot hold from a comment (controls, a lone surrogate) and keeps the rest, emoji included', () => {
    const input = handDocx(p(r('正文')));
    const out = annotateDocx(input, [{ range: { start: 0, end: 2 }, text: 'a\u0001b\ud800c😀d\r\ne' }]);
    expectWellFormed(partText(out, 'word/comments.xml'));
    expect(comments(partText(out, 'word/comments.xml')).get('0')!.text).toBe('abc😀d\ne');
  });

  it('writes no date by default, author jiaohe and initials JH', () => {
    const input = handDocx(p(r('正文')));
    const out = annotateDocx(input, [{ range: { start: 0, end: 2 }, text: 'n' }]);
    expect(comments(partText(out, 'word/comments.xml')).get('0')).toEqual({ author: 'jiaohe', initials: 'JH', date: undefined, text: 'n', refFirst: true });
    expect(partText(out, 'word/comments.xml')).not.toContain('w:date');
  });

  it('uses the CommentReference style when the document defines it', () => {
    const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}"><w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/></w:style></w:styles>`;
    const input = handDocx(p(r('正文')), { 'word/styles.xml': styles });
    const out = annotateDocx(input, [{ range: { start: 0, end: 2 }, text: 'n' }]);
    expect(partText(out, 'word/document.xml')).toContain('<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>');
    expect(partText(out, 'word/comments.xml')).toContain('<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>');
  });

  it('appends to an existing comments part, with ids above its largest, and adds no second relationship or override', () => {
    const existing =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">` +
      '<w:comment w:id="0" w:author="张三" w:initials="ZS"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>旧批注</w:t></w:r></w:p></w:comment>' +
      '<w:comment w:id="7" w:author="李四" w:initials="LS"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>另一条</w:t></w:r></w:p></w:comment></w:comments>';
    const rels = DOC_RELS.replace('</Relationships>', `<Relationship Id="rId2" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`);
    const types = TYPES.replace('</Types>', `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`);
    const body =
      p('<w:commentRangeStart w:id="0"/>', r('已有批注的文字'), '<w:commentRangeEnd w:id="0"/>', '<w:r><w:commentReference w:id="0"/></w:r>') +
      p('<w:commentRangeStart w:id="7"/>', r('第二处'), '<w:commentRangeEnd w:id="7"/>', '<w:r><w:commentReference w:id="7"/></w:r>');
    const input = handDocx(body, { 'word/comments.xml': existing }, rels, types);
    const { text } = extractDocx(input);
    const out = annotateDocx(input, [noteOn(text, '文字', '新的'), noteOn(text, '二处', '又一条')]);
    expectSound(input, out);
    const got = comments(partText(out, 'word/comments.xml'));
    expect([...got].map(([id, c]) => [id, c.author, c.text])).toEqual([
      ['0', '张三', '旧批注'],
      ['7', '李四', '另一条'],
      ['8', 'jiaohe', '新的'],
      ['9', 'jiaohe', '又一条'],
    ]);
    expect(anchoredText(out, '8')).toBe('文字');
    expect(anchoredText(out, '0')).toBe('已有批注的文字');
    // The relationships and the content types were right already: left as they were.
    const before = parts(input);
    const after = parts(out);
    expect(after['word/_rels/document.xml.rels']).toEqual(before['word/_rels/document.xml.rels']);
    expect(after['[Content_Types].xml']).toEqual(before['[Content_Types].xml']);
    expect(Object.keys(after)).toEqual(Object.keys(before));
  });

  it('leaves the input untouched and every other part byte for byte as it was, in the same order', () => {
    const input = handDocx(p(r('受理120件')), { 'docProps/core.xml': '<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>报告</dc:title></cp:coreProperties>' });
    const copy = input.slice();
    const out = annotateDocx(input, [{ range: { start: 2, end: 6 }, text: 'n' }]);
    expect(input).toEqual(copy);
    const before = parts(input);
    const after = parts(out);
    const changed = new Set(['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']);
    expect(Object.keys(after)).toEqual([...Object.keys(before), 'word/comments.xml']);
    for (const name of Object.keys(before)) {
      if (!changed.has(name)) expect(after[name], name).toEqual(before[name]);
    }
    // The stored part stays stored: its bytes appear as they are in the output zip.
    const needle = [0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5];
    const found = out.findIndex((_, i) => needle.every((b, k) => out[i + k] === b));
    expect(found).toBeGreaterThan(0);
  });

  it('creates the document relationships part when there is none', () => {
    const input = handDocx(p(r('正文')));
    const files = parts(input);
    delete files['word/_rels/document.xml.rels'];
    const bare = zipSync(files);
    const out = annotateDocx(bare, [{ range: { start: 0, end: 1 }, text: 'n' }]);
    const rels = partText(out, 'word/_rels/document.xml.rels');
    expectWellFormed(rels);
    expect(rels).toContain(`Type="${COMMENTS_REL}" Target="comments.xml"`);
  });

  it('writes document.xml back in its own encoding (UTF-16, UTF-8 with a byte order mark)', () => {
    const input = handDocx(p(r('受理120件')));
    const files = parts(input);
    const xml = strFromU8(files['word/document.xml']!);
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(xml)]);
    for (const [data, head] of [
      [utf16, [0xff, 0xfe]],
      [bom, [0xef, 0xbb, 0xbf]],
    ] as const) {
      const doc = zipSync({ ...files, 'word/document.xml': data });
      const out = annotateDocx(doc, [{ range: { start: 2, end: 6 }, text: 'n' }]);
      const written = parts(out)['word/document.xml']!;
      expect([...written.subarray(0, head.length)]).toEqual([...head]);
      expect(extractDocx(out).text).toBe('受理120件');
      expect(anchoredText(zipSync({ ...parts(out), 'word/document.xml': strToU8(new TextDecoder(head.length === 2 ? 'utf-16le' : 'utf-8').decode(written)) }), '0')).toBe('120件');
    }
  });

  it('writes the comments part a relationship names but the zip lacks, with no second relationship', () => {
    const rels = DOC_RELS.replace('</Relationships>', `<Relationship Id="rId7" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`);
    const input = handDocx(p(r('正文')), {}, rels);
    const out = annotateDocx(input, [{ range: { start: 0, end: 2 }, text: 'n' }]);
    expectSound(input, out);
    expect(partText(out, 'word/_rels/document.xml.rels')).toBe(rels);
    expect(partText(out, '[Content_Types].xml').match(/\/word\/comments\.xml/g)).toHaveLength(1);
  });

  it('names the comments in Strict Open XML when the document is Strict', () => {
    const STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const files = parts(handDocx(p(r('正文'))));
    const strict = zipSync({ ...files, 'word/document.xml': strToU8(strFromU8(files['word/document.xml']!).replace(W_NS, STRICT)) });
    const out = annotateDocx(strict, [{ range: { start: 0, end: 2 }, text: 'n' }]);
    expect(partText(out, 'word/comments.xml')).toContain(`<w:comments xmlns:w="${STRICT}">`);
    expect(partText(out, 'word/_rels/document.xml.rels')).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/comments"');
  });

  it('returns a copy, not a view, of the input for no notes', () => {
    const input = handDocx(p(r('正文')));
    const out = annotateDocx(input, []);
    out[10] = out[10]! ^ 0xff;
    expect(input[10]).not.toBe(out[10]);
  });

  it('returns the same package for no notes', () => {
    const input = handDocx(p(r('正文')));
    expect(annotateDocx(input, [])).toEqual(input);
  });

  it('refuses what is not a .docx with a DocxError, and a damaged one', () => {
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof DocxError) return e.code;
        throw e;
      }
      return 'none';
    };
    expect(code(() => annotateDocx(strToU8('受理120件'), []))).toBe('not-docx');
    expect(code(() => annotateDocx(zipSync({ 'a.txt': strToU8('x') }), []))).toBe('not-docx');
    const good = handDocx(p(r('正文')));
    expect(code(() => annotateDocx(good.subarray(0, good.length - 30), [{ range: { start: 0, end: 1 }, text: 'n' }]))).toBe('damaged');
  });

  it('rejects a date that is not ISO', () => {
    expect(() => annotateDocx(handDocx(p(r('正文'))), [{ range: { start: 0, end: 1 }, text: 'n' }], { date: '2024年3月1日' })).toThrow(RangeError);
  });
});

describe('annotateDocx on generated documents', () => {
  // Text pieces as XML: characters that need escaping, written in the different ways XML allows.
  const chars = fc.constantFrom('受', '理', '件', '1', '2', '.', '%', ' ', '&', '<', '>', '"', 'a');
  const escapes: Record<string, string[]> = { '&': ['&amp;', '&#38;', '&#x26;'], '<': ['&lt;', '&#60;'], '>': ['>', '&gt;'], '"': ['"', '&quot;'], 中: ['中', '&#x4E2D;'] };
  const textXml = fc
    .array(fc.tuple(fc.oneof(chars, fc.constant('中')), fc.nat(2)), { minLength: 1, maxLength: 6 })
    .map((cs) => cs.map(([c, k]) => (escapes[c] ? escapes[c]![k % escapes[c]!.length]! : c)).join(''));
  const props = fc.constantFrom('', '<w:rPr><w:b/></w:rPr>', '<w:rPr><w:i/><w:color w:val="FF0000"/></w:rPr>', '<w:rPr/>');
  const runChild = fc.oneof(
    { weight: 5, arbitrary: textXml.map((t) => `<w:t>${t}</w:t>`) },
    { weight: 1, arbitrary: textXml.map((t) => `<w:t xml:space="preserve">${t}</w:t>`) },
    { weight: 1, arbitrary: fc.constantFrom('<w:tab/>', '<w:br/>', '<w:sym w:font="Symbol" w:char="F0B7"/>', '<w:noBreakHyphen/>', '<w:lastRenderedPageBreak/>') },
  );
  const run = fc.tuple(props, fc.array(runChild, { minLength: 1, maxLength: 3 })).map(([pr, cs]) => `<w:r>${pr}${cs.join('')}</w:r>`);
  const runs = fc.array(run, { minLength: 1, maxLength: 2 }).map((rs) => rs.join(''));
  const content = fc.oneof(
    { weight: 6, arbitrary: run },
    { weight: 1, arbitrary: runs.map((rs) => `<w:hyperlink r:id="rId3">${rs}</w:hyperlink>`) },
    { weight: 1, arbitrary: runs.map((rs) => `<w:ins w:id="900" w:author="x">${rs}</w:ins>`) },
    { weight: 1, arbitrary: textXml.map((t) => `<w:del w:id="901" w:author="x"><w:r><w:delText>${t}</w:delText></w:r></w:del>`) },
    { weight: 1, arbitrary: runs.map((rs) => `<w:fldSimple w:instr=" PAGE ">${rs}</w:fldSimple>`) },
    { weight: 1, arbitrary: runs.map((rs) => `<w:smartTag w:uri="urn:x" w:element="place">${rs}</w:smartTag>`) },
    { weight: 1, arbitrary: runs.map((rs) => `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${rs}</w:sdtContent></w:sdt>`) },
    { weight: 1, arbitrary: fc.constantFrom('<w:bookmarkStart w:id="800" w:name="b"/><w:bookmarkEnd w:id="800"/>', '<w:proofErr w:type="spellStart"/>') },
  );
  const paragraph = fc
    .tuple(fc.boolean(), fc.array(content, { maxLength: 4 }))
    .map(([pPr, cs]) => `<w:p>${pPr ? '<w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr>' : ''}${cs.join('')}</w:p>`);
  const table = fc
    .array(fc.array(paragraph, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })
    .map((cells) => `<w:tbl><w:tblPr/><w:tr>${cells.map((c) => `<w:tc>${c.join('')}</w:tc>`).join('')}</w:tr></w:tbl>`);
  const body = fc.array(fc.oneof({ weight: 4, arbitrary: paragraph }, { weight: 1, arbitrary: table }), { minLength: 1, maxLength: 5 }).map((b) => b.join(''));

  it('anchors every note on its characters (less the paragraph breaks at its edges), the file sound and its text unchanged', () => {
    fc.assert(
      fc.property(body, fc.array(fc.tuple(fc.nat(1000), fc.nat(1000)), { minLength: 1, maxLength: 4 }), (xml, raw) => {
        const input = handDocx(xml);
        const { text, paragraphs, paragraphStarts } = extractDocx(input);
        fc.pre(text.replace(/\n/g, '') !== '' || paragraphs.some((q) => q !== ''));
        const notes = raw.map(([a, b], i) => ({ range: { start: a % (text.length + 1), end: b % (text.length + 1) }, text: `note ${i}` }));
        const out = annotateDocx(input, notes);
        expectSound(input, out);
        // Offsets that are paragraph breaks, not characters of any paragraph.
        const breaks = new Set(paragraphStarts.slice(1).map((s) => s - 1));
        const got = comments(partText(out, 'word/comments.xml'));
        for (const [id, c] of got) {
          const note = notes[Number(c.text.slice(5))]!;
          const start = Math.min(note.range.start, note.range.end);
          let a = start;
          let b = Math.max(note.range.start, note.range.end);
          while (a < b && breaks.has(a)) a++;
          while (b > a && breaks.has(b - 1)) b--;
          let want: string;
          if (a < b) {
            want = text.slice(a, b);
          } else {
            // No character covered: the paragraph holding the range's start (or the nearest with text).
            let q = paragraphStarts.length - 1;
            while (paragraphStarts[q]! > start) q--;
            let k = q;
            while (k >= 0 && paragraphs[k] === '') k--;
            if (k < 0) for (k = q + 1; paragraphs[k] === ''; k++);
            want = paragraphs[k]!;
          }
          expect(anchoredText(out, id)).toBe(want);
        }
      }),
      { numRuns: 150, seed: 20240301 },
    );
  });
});
