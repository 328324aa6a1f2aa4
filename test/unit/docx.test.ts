import { Document, NoBreakHyphen, Packer, Paragraph, SoftHyphen, Tab, Table, TableCell, TableRow, TextRun } from 'docx';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxError, extractDocx, loadDocx } from '../../src/io/docx.js';
import { LineIndex } from '../../src/text/line-index.js';
import { inflateRawSync } from 'node:zlib';
import { zipBomb } from '../e2e/zip-bomb.js';
import { seedText } from '../helpers.js';

async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

function docxOf(children: (Paragraph | Table)[], title?: string): Promise<Uint8Array> {
  return pack(new Document({ ...(title === undefined ? {} : { title }), sections: [{ children }] }));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

/** A minimal hand-built .docx whose body is `body`. */
function handDocx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml), ...extra });
}

function docxError(bytes: Uint8Array): DocxError {
  try {
    extractDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError) return e;
    throw new Error(`threw something other than DocxError: ${String(e)}`);
  }
  throw new Error('did not throw');
}

describe('extractDocx on a document written by the docx package', () => {
  const seed = seedText('street');
  const lines = seed.split('\n');
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await docxOf(lines.map((line) => new Paragraph({ children: [new TextRun(line)] })));
  });

  it('reads one paragraph per seed line, exactly', () => {
    const { paragraphs, text, paragraphStarts, page } = extractDocx(bytes);
    expect(paragraphs).toEqual(lines);
    expect(text).toBe(lines.join('\n'));
    expect(paragraphStarts).toHaveLength(lines.length);
    for (let i = 0; i < lines.length; i++) expect(text.slice(paragraphStarts[i], paragraphStarts[i]! + lines[i]!.length)).toBe(lines[i]);
    expect(page).toBeNull();
  });

  it('locates a figure at the same line and column as in the seed text file', () => {
    const source = loadDocx('report.docx', bytes);
    expect(source.format).toBe('docx');
    expect(source.encoding).toBeNull();
    expect(source.sourceText).toBe(source.text);
    const at = source.text.indexOf('1904件');
    expect(at).toBeGreaterThan(0);
    const index = new LineIndex(seed);
    const expected = index.position(seed.indexOf('1904件'));
    expect(source.locate(at, 'start')).toEqual({ offset: at, ...expected });
    const end = at + '1904件'.length;
    expect(source.locate(end, 'end')).toEqual({ offset: end, ...index.position(end) });
  });
});

describe('runs, tabs, breaks, tables and the title', () => {
  it('joins runs and reads tabs, line breaks and hyphens', async () => {
    const bytes = await docxOf([
      new Paragraph({
        children: [
          new TextRun('受理'),
          new TextRun({ text: '1904', bold: true }),
          new TextRun({ children: ['件', new Tab(), '办结'] }),
          new TextRun({ text: '第二行', break: 1 }),
          new TextRun({ children: ['非', new NoBreakHyphen(), '断', new SoftHyphen(), '字'] }),
        ],
      }),
    ]);
    expect(extractDocx(bytes).paragraphs).toEqual(['受理1904件\t办结\n第二行非-断字']);
  });

  it('reads each table cell paragraph in body order, and keeps empty paragraphs', async () => {
    const table = new Table({
      rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('类别')] }), new TableCell({ children: [new Paragraph('件数')] })] })],
    });
    const bytes = await docxOf([new Paragraph('表前'), new Paragraph(''), table, new Paragraph({}), new Paragraph('表后')]);
    const { paragraphs, paragraphStarts } = extractDocx(bytes);
    expect(paragraphs).toEqual(['表前', '', '类别', '件数', '', '表后']);
    expect(paragraphStarts).toEqual([0, 3, 4, 7, 10, 11]);
  });

  it('reads the title from the core properties', async () => {
    const bytes = await docxOf([new Paragraph('正文')], '石门街道2020年法治政府建设年度报告');
    const source = loadDocx('r.docx', bytes);
    expect(source.page).toEqual({ title: '石门街道2020年法治政府建设年度报告' });
  });
});

describe('locate', () => {
  const source = loadDocx('x.docx', handDocx('<w:p><w:r><w:t>甲乙</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>丙</w:t></w:r></w:p>'));

  it('maps offsets to paragraph and character', () => {
    expect(source.text).toBe('甲乙\n\n丙');
    expect(source.locate(0, 'start')).toEqual({ offset: 0, line: 1, column: 1 });
    expect(source.locate(1, 'start')).toEqual({ offset: 1, line: 1, column: 2 });
    expect(source.locate(3, 'start')).toEqual({ offset: 3, line: 2, column: 1 });
    expect(source.locate(4, 'start')).toEqual({ offset: 4, line: 3, column: 1 });
    expect(source.locate(5, 'end')).toEqual({ offset: 5, line: 3, column: 2 });
  });

  it('keeps an end at a paragraph boundary in the paragraph before it', () => {
    expect(source.locate(2, 'end')).toEqual({ offset: 2, line: 1, column: 3 });
    expect(source.locate(3, 'end')).toEqual({ offset: 3, line: 1, column: 4 });
    expect(source.locate(4, 'end')).toEqual({ offset: 4, line: 2, column: 2 });
  });

  it('clamps offsets outside the text', () => {
    expect(source.locate(-3, 'start')).toEqual({ offset: 0, line: 1, column: 1 });
    expect(source.locate(99, 'end')).toEqual({ offset: 5, line: 3, column: 2 });
  });
});

describe('hand-built documents', () => {
  const p = (inner: string) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>${inner}</w:p>`;

  it('skips tracked deletions and keeps insertions', () => {
    const body = p(
      '<w:r><w:t>共</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>受理</w:delText><w:tab/></w:r></w:del>' +
        '<w:ins w:id="2" w:author="a"><w:r><w:t>办理</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">12 件</w:t></w:r>',
    );
    expect(extractDocx(handDocx(body)).paragraphs).toEqual(['共办理12 件']);
  });

  it('reads alternate content once, and the text box paragraphs after their paragraph', () => {
    const box = (t: string) => `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
    const body =
      p(
        '<w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>' +
          box('框内') +
          '</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>' +
          box('框内') +
          '</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r>',
      ) + p('<w:r><w:t>下一段</w:t></w:r>');
    expect(extractDocx(handDocx(body)).paragraphs).toEqual(['前后', '框内', '下一段']);
  });

  it('reads a fallback when there is no choice', () => {
    const body = p('<mc:AlternateContent><mc:Fallback><w:r><w:t>备</w:t></w:r></mc:Fallback></mc:AlternateContent>');
    expect(extractDocx(handDocx(body)).paragraphs).toEqual(['备']);
  });

  it('skips field codes but keeps field results', () => {
    const body = p(
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
    );
    expect(extractDocx(handDocx(body)).paragraphs).toEqual(['3']);
  });

  it('reads symbols, carriage returns and entities, and ignores white space between tags', () => {
    const body = `<w:p>\n  <w:r><w:sym w:font="Symbol" w:char="00B1"/><w:t>5&amp;6&lt;7</w:t><w:cr/><w:sym w:char="zz"/><w:t>&#x4E00;</w:t></w:r>\n</w:p>`;
    expect(extractDocx(handDocx(body)).paragraphs).toEqual(['±5&6<7\n一']);
  });

  it('keeps an empty document as one empty text', () => {
    const result = extractDocx(handDocx(''));
    expect(result).toEqual({ paragraphs: [], text: '', paragraphStarts: [], page: null, tables: [] });
    expect(loadDocx('e.docx', handDocx('')).locate(0, 'end')).toEqual({ offset: 0, line: 1, column: 1 });
  });

  it('reads dc:title only, with entities, and no title as null', () => {
    const core = (inner: string) =>
      strToU8(`<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="y">${inner}</cp:coreProperties>`);
    const titled = handDocx(p(''), { 'docProps/core.xml': core('<dc:title> 报告 &amp; 附件 </dc:title><dcterms:created>2021-01-01T00:00:00Z</dcterms:created>') });
    expect(extractDocx(titled).page).toEqual({ title: '报告 & 附件' });
    const untitled = handDocx(p(''), { 'docProps/core.xml': core('<dc:title>  </dc:title><dc:creator>某</dc:creator>') });
    expect(extractDocx(untitled).page).toBeNull();
  });
});

describe('errors', () => {
  let real: Uint8Array;
  beforeAll(async () => {
    real = await docxOf([new Paragraph('一、主要成效'), new Paragraph('今年共受理热线事项100件。')], '标题');
  });

  it('rejects random bytes as not a .docx', () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    const e = docxError(bytes);
    expect(e.code).toBe('not-docx');
    expect(e.message).toBe('not a .docx file (not a zip archive)');
  });

  it('rejects empty input as not a .docx', () => {
    expect(docxError(new Uint8Array(0)).code).toBe('not-docx');
  });

  it('reports a truncated .docx as damaged', () => {
    const e = docxError(real.subarray(0, real.length >> 1));
    expect(e.code).toBe('damaged');
    expect(e.message).toMatch(/^the \.docx file is truncated or damaged: /);
  });

  it('reports a zip with a corrupt entry as damaged', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p/></w:body></w:document>'.repeat(50)) });
    const local = 30 + 'word/document.xml'.length;
    for (let i = local; i < local + 20; i++) zip[i] = 0xff;
    expect(docxError(zip).code).toBe('damaged');
  });

  it('rejects a zip without word/document.xml as not a .docx', () => {
    const e = docxError(zipSync({ 'hello.txt': strToU8('hello') }));
    expect(e.code).toBe('not-docx');
    expect(e.message).toContain('word/document.xml');
  });

  it('refuses a document part that claims to decompress to more than 64 MB', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let central = -1;
    for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) central = i;
    expect(central).toBeGreaterThan(0);
    view.setUint32(central + 24, 100 * 1024 * 1024, true);
    const e = docxError(zip);
    expect(e.code).toBe('too-large');
  });

  it('refuses a small zip bomb before inflating it, saying which part and which limit', () => {
    const bomb = zipBomb(66);
    expect(bomb.length).toBeLessThan(100 * 1024);
    // The fixture really is a bomb: its one entry is a deflated MiB of zeros (non-final blocks
    // that refer only to themselves) repeated 66 times, then an empty final block, so it
    // inflates to 66 MiB. Checked piece by piece: inflating all of it takes most of a second.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let central = -1;
    for (let i = 0; i + 4 <= bomb.length; i++) if (view.getUint32(i, true) === 0x02014b50) central = i;
    const local = view.getUint32(central + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const entry = Buffer.from(bomb.subarray(start, start + view.getUint32(central + 20, true)));
    const unit = (entry.length - 2) / 66;
    expect(Number.isInteger(unit)).toBe(true);
    const one = inflateRawSync(Buffer.concat([entry.subarray(0, unit), Buffer.from([0x03, 0x00])]));
    expect(one.length).toBe(1024 * 1024);
    expect(one.every((b) => b === 0)).toBe(true);
    for (let i = 1; i < 66; i++) expect(entry.subarray(i * unit, (i + 1) * unit).equals(entry.subarray(0, unit))).toBe(true);
    expect([...entry.subarray(-2)]).toEqual([0x03, 0x00]);
    const t = performance.now();
    const e = docxError(bomb);
    expect(performance.now() - t).toBeLessThan(200);
    expect(e.code).toBe('too-large');
    expect(e.refusal).toEqual({ part: 'word/document.xml', size: 66 * 1024 * 1024, limit: 64 * 1024 * 1024, fileSize: bomb.length });
    expect(e.message).toBe(
      `the .docx file was refused: word/document.xml would decompress to 66.0 MB, over the 64.0 MB limit for its XML (the file itself is ${bomb.length} bytes)`,
    );
    expect(e.message).not.toContain('8 MB');
  });

  it('reports an end record claiming more entries than the zip can hold as damaged', () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const end = zip.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    view.setUint16(end + 8, 0xffff, true);
    view.setUint16(end + 10, 0xffff, true);
    expect(docxError(zip).code).toBe('damaged');
  });

  it('either extracts any prefix of a valid .docx or throws a DocxError', () => {
    expect(extractDocx(real).paragraphs).toEqual(['一、主要成效', '今年共受理热线事项100件。']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: real.length }), (n) => {
        try {
          extractDocx(real.subarray(0, n));
          return true;
        } catch (e) {
          return e instanceof DocxError;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('either extracts a corrupted .docx or throws a DocxError', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = real.slice();
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        try {
          extractDocx(bytes);
          return true;
        } catch (e) {
          return e instanceof DocxError;
        }
      }),
      { numRuns: 300 },
    );
  });
});
