/**
 * A Word report through the whole pipeline: read with loadDocx, checked with checkReport (its
 * Word tables passed as tables), every finding written back as a Word comment with annotateDocx,
 * and the commented file read again: each comment sits on exactly the finding's characters, the
 * text and every part but the four a comment touches are unchanged.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport, type Diagnostic } from '../../src/index.js';
import { annotateDocx } from '../../src/io/docx-annotate.js';
import { extractDocx, loadDocx } from '../../src/io/docx.js';

const TOUCHED = new Set(['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']);

/** A short 法治政府建设年度报告: a rate split across runs, a table whose total is off, no 存在的不足 part. */
async function report(): Promise<Uint8Array> {
  const cell = (t: string): TableCell => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '某区人民政府2023年法治政府建设年度报告', heading: HeadingLevel.TITLE }),
          new Paragraph('2023年,我区坚持以习近平法治思想为指导,深入推进依法行政,全面推进法治政府建设。现将有关情况报告如下:'),
          new Paragraph({ text: '一、2023年推进法治政府建设的主要举措和成效', heading: HeadingLevel.HEADING_1 }),
          // 116/120 = 96.67%: the stated 96.6% is truncated, and its "6%" is a bold run of its own.
          new Paragraph({
            children: [new TextRun('全年共受理行政复议案件120件,已办结116件,办结率为96.'), new TextRun({ text: '6%', bold: true }), new TextRun('。')],
          }),
          new Paragraph('全年收到群众来信来访情况如下表:'),
          new Table({
            rows: [
              new TableRow({ children: [cell('类别'), cell('数量(件)')] }),
              new TableRow({ children: [cell('来信'), cell('30')] }),
              new TableRow({ children: [cell('来访'), cell('25')] }),
              // 30 + 25 = 55, not 56.
              new TableRow({ children: [cell('合计'), cell('56')] }),
            ],
          }),
          new Paragraph({ text: '二、党政主要负责人履行推进法治建设第一责任人职责情况', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('区委、区政府主要负责人认真履行推进法治建设第一责任人职责。'),
          new Paragraph({ text: '三、2024年推进法治政府建设的主要安排', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('下一步,我区将继续深入推进法治政府建设。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function check(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  const source = loadDocx('报告.docx', bytes);
  const { diagnostics } = checkReport(source.text, {}, { parse: { tables: source.tables ?? [] } });
  return { text: source.text, diagnostics };
}

/** The comments of a comments part: id, author and text (paragraphs joined with \n). */
function readComments(xml: string): Array<{ id: string; author: string; text: string }> {
  const out: Array<{ id: string; author: string; text: string }> = [];
  let lines: string[] = [];
  let inT = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'w:comment') {
          out.push({ id: attribs['w:id']!, author: attribs['w:author']!, text: '' });
          lines = [];
        }
        if (name === 'w:p') lines.push('');
        if (name === 'w:t') inT = true;
      },
      ontext(data) {
        if (inT) lines[lines.length - 1] += data;
      },
      onclosetag(name) {
        if (name === 'w:t') inT = false;
        if (name === 'w:comment') out[out.length - 1]!.text = lines.join('\n');
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return out;
}

/**
 * The text a comment covers in the output, found by walking its XML: the comment's own
 * markers become runs of ⟦ and ⟧ and the document is read again.
 */
function anchored(files: Record<string, Uint8Array>, id: string): string {
  const xml = strFromU8(files['word/document.xml']!);
  const start = `<w:commentRangeStart w:id="${id}"/>`;
  const end = `<w:commentRangeEnd w:id="${id}"/>`;
  expect(xml.split(start)).toHaveLength(2);
  expect(xml.split(end)).toHaveLength(2);
  const marked = xml.replace(start, '<w:r><w:t>⟦</w:t></w:r>').replace(end, '<w:r><w:t>⟧</w:t></w:r>');
  const text = extractDocx(zipSync({ ...files, 'word/document.xml': strToU8(marked) })).text;
  return text.slice(text.indexOf('⟦') + 1, text.indexOf('⟧'));
}

/** What a finding's comment must cover: its characters, or for an empty range the paragraph holding it (or the nearest one with text). */
function expectedAnchor(paragraphs: readonly string[], d: Diagnostic): string {
  const text = paragraphs.join('\n');
  if (d.range.end > d.range.start) return text.slice(d.range.start, d.range.end);
  let at = 0;
  let p = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (at <= d.range.start) p = i;
    at += paragraphs[i]!.length + 1;
  }
  for (let i = p; i >= 0; i--) if (paragraphs[i] !== '') return paragraphs[i]!;
  for (let i = p + 1; i < paragraphs.length; i++) if (paragraphs[i] !== '') return paragraphs[i]!;
  throw new Error('no paragraph with text');
}

describe('a checked Word report written back with one comment per finding', () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let text: string;
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    input = await report();
    ({ text, diagnostics } = check(input));
    output = annotateDocx(
      input,
      diagnostics.map((d) => ({ range: d.range, text: d.message })),
    );
  });

  it('finds the split rate, the table total and the missing part', () => {
    const at = (d: Diagnostic): string => text.slice(d.range.start, d.range.end);
    expect(diagnostics.some((d) => d.ruleId === 'rate-matches-counts' && at(d) === '96.6%')).toBe(true);
    expect(diagnostics.some((d) => d.ruleId === 'table-total-matches' && at(d) === '56')).toBe(true);
    expect(diagnostics.some((d) => d.ruleId === 'required-sections' && at(d) === '二、党政主要负责人履行推进法治建设第一责任人职责情况')).toBe(true);
    // An empty range too (a missing signature at the end), anchored on a paragraph.
    expect(diagnostics.some((d) => d.range.start === d.range.end)).toBe(true);
  });

  it('anchors each comment on exactly the finding’s characters', () => {
    const files = unzipSync(output);
    const comments = readComments(strFromU8(files['word/comments.xml']!));
    expect(comments).toHaveLength(diagnostics.length);
    const { paragraphs } = extractDocx(input);
    // Findings and comments matched by message; findings of one message compared as a multiset.
    const byMessage = new Map<string, { want: string[]; got: string[] }>();
    for (const d of diagnostics) {
      const e = byMessage.get(d.message) ?? { want: [], got: [] };
      e.want.push(expectedAnchor(paragraphs, d));
      byMessage.set(d.message, e);
    }
    for (const c of comments) {
      const e = byMessage.get(c.text);
      expect(e, c.text).toBeDefined();
      e!.got.push(anchored(files, c.id));
    }
    for (const [message, { want, got }] of byMessage) expect([...got].sort(), message).toEqual([...want].sort());
  });

  it('covers the rate split across two runs of different formatting with one comment', () => {
    const files = unzipSync(output);
    const xml = strFromU8(files['word/document.xml']!);
    const rate = diagnostics.find((d) => d.ruleId === 'rate-matches-counts')!;
    const id = readComments(strFromU8(files['word/comments.xml']!)).find((c) => c.text === rate.message)!.id;
    const inside = xml.slice(xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`), xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`));
    // Two runs: "96." and the bold "6%".
    expect(inside.match(/<w:r>/g)).toHaveLength(2);
    expect(inside).toContain('<w:b/>');
    expect(anchored(files, id)).toBe('96.6%');
  });

  it('writes each finding’s message as a comment by jiaohe, ids unique, markers inside paragraphs and never inside runs', () => {
    const files = unzipSync(output);
    const comments = readComments(strFromU8(files['word/comments.xml']!));
    expect(comments.map((c) => c.author)).toEqual(diagnostics.map(() => 'jiaohe'));
    expect(comments.map((c) => c.text).sort()).toEqual(diagnostics.map((d) => d.message).sort());
    expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
    const stack: string[] = [];
    const seen = new Map<string, number>();
    const parser = new Parser(
      {
        onopentag(name, attribs) {
          if (name.startsWith('w:comment')) {
            expect(stack, name).toContain('w:p');
            if (name === 'w:commentReference') expect(stack[stack.length - 1]).toBe('w:r');
            else expect(stack, name).not.toContain('w:r');
            const key = `${name} ${attribs['w:id']}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
          }
          if (name === 'w:r') expect(stack).not.toContain('w:r');
          stack.push(name);
        },
        onclosetag() {
          stack.pop();
        },
      },
      { xmlMode: true },
    );
    parser.end(strFromU8(files['word/document.xml']!));
    for (const c of comments) {
      for (const m of ['w:commentRangeStart', 'w:commentRangeEnd', 'w:commentReference']) expect(seen.get(`${m} ${c.id}`), `${m} ${c.id}`).toBe(1);
    }
    expect(seen.size).toBe(comments.length * 3);
  });

  it('keeps the text and every other part, and checks the same when read again', () => {
    expect(extractDocx(output).text).toBe(extractDocx(input).text);
    const before = unzipSync(input);
    const after = unzipSync(output);
    for (const name of Object.keys(before)) if (!TOUCHED.has(name)) expect(after[name], name).toEqual(before[name]);
    expect(Object.keys(after).filter((n) => !TOUCHED.has(n))).toEqual(Object.keys(before).filter((n) => !TOUCHED.has(n)));
    const again = check(output);
    expect(again.text).toBe(text);
    expect(again.diagnostics.map((d) => [d.ruleId, d.range, d.message])).toEqual(diagnostics.map((d) => [d.ruleId, d.range, d.message]));
    const types = strFromU8(after['[Content_Types].xml']!);
    expect(types.match(/PartName="\/word\/comments\.xml"/g)).toHaveLength(1);
    const rels = strFromU8(after['word/_rels/document.xml.rels']!);
    expect(rels.match(/relationships\/comments"/g)).toHaveLength(1);
  });
});
