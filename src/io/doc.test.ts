import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFailure, projectPath } from '../../test/helpers.js';
import { checkReport } from '../index.js';
import { loadDoc } from './doc.js';
import { formatOfPath, loadSourceBytes } from './load.js';
import { locateRange } from './source.js';

/** The fixture: a Word 97 file LibreOffice wrote (see test/fixtures/doc/README.md). */
const REPORT = new Uint8Array(readFileSync(projectPath('test/fixtures/doc/report.doc')));

const TEXT = [
  '某街道2020年法治政府建设年度报告',
  '一、行政复议工作',
  '全年受理行政复议申请120件,办结116件,办结率96.6%。',
  '项目\t件数\t',
  '受理\t120\t',
  '办结\t116\t',
  '二、存在问题',
  '“放管服”改革——仍需深化。',
].join('\n');

const u32 = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset).getUint32(at, true);
const setI32 = (b: Uint8Array, at: number, v: number): void => new DataView(b.buffer, b.byteOffset).setInt32(at, v, true);

/** The offset of the `WordDocument` stream's FIB in the fixture: a 512-byte sector starting with Word's magic 0xA5EC. */
function fibOffset(bytes: Uint8Array): number {
  for (let at = 512; at + 512 <= bytes.length; at += 512) if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) return at;
  throw new Error('no FIB in the fixture');
}

/**
 * An OLE compound file (version 3, 512-byte sectors) holding the given streams, each stored in
 * ordinary sectors (padded to the 4096 bytes below which a stream would go in the mini stream).
 */
function oleFile(streams: Record<string, string>): Uint8Array {
  const names = Object.keys(streams);
  const sectorsOf = 8; // 4096 bytes each
  const sectors = 2 + names.length * sectorsOf;
  const bytes = new Uint8Array(512 * (sectors + 1));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setInt32(0x2c, 1, true); // one FAT sector …
  view.setInt32(0x30, 1, true); // … the directory in sector 1
  view.setInt32(0x38, 4096, true);
  view.setInt32(0x3c, -2, true); // no mini FAT
  view.setInt32(0x44, -2, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setInt32(0x4c + i * 4, i === 0 ? 0 : -1, true);
  const sector = (n: number): number => 512 * (n + 1);
  const fat = (n: number, v: number): void => view.setInt32(sector(0) + n * 4, v, true);
  for (let n = 0; n < 128; n++) fat(n, -1);
  fat(0, -3);
  fat(1, -2);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number): void => {
    const at = sector(1) + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(at + k * 2, name.charCodeAt(k), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = type;
    bytes[at + 67] = 1;
    view.setInt32(at + 68, -1, true);
    view.setInt32(at + 72, right, true);
    view.setInt32(at + 76, child, true);
    view.setInt32(at + 116, start, true);
    view.setInt32(at + 120, size, true);
  };
  entry(0, 'Root Entry', 5, names.length > 0 ? 1 : -1, -1, -2, 0);
  names.forEach((name, i) => {
    const first = 2 + i * sectorsOf;
    for (let k = 0; k < sectorsOf; k++) fat(first + k, k + 1 < sectorsOf ? first + k + 1 : -2);
    bytes.set(new TextEncoder().encode(streams[name]!).subarray(0, 4096), sector(first));
    entry(1 + i, name, 2, -1, i + 1 < names.length ? 2 + i : -1, first, 4096);
  });
  for (let i = 1 + names.length; i < 4; i++) {
    view.setInt32(sector(1) + i * 128 + 68, -1, true);
    view.setInt32(sector(1) + i * 128 + 72, -1, true);
    view.setInt32(sector(1) + i * 128 + 76, -1, true);
  }
  return bytes;
}

describe('loadDoc', () => {
  it('reads the text of a Word 97 file, one line per paragraph, characters as written', async () => {
    const source = await loadDoc('report.doc', REPORT);
    expect(source.format).toBe('doc');
    expect(source.encoding).toBeNull();
    expect(source.page).toBeNull();
    expect(source.text).toBe(TEXT);
    expect(source.sourceText).toBe(source.text);
  });

  it('places text by paragraph and character, an end at a paragraph boundary in the paragraph before', async () => {
    const source = await loadDoc('report.doc', REPORT);
    const rate = source.text.indexOf('96.6%');
    expect(locateRange(source, { start: rate, end: rate + 5 })).toMatchObject({ line: 3, column: 26, endLine: 3, endColumn: 31 });
    const heading = source.text.indexOf('二、存在问题');
    expect(source.locate(heading, 'start')).toEqual({ offset: heading, line: 7, column: 1 });
    expect(source.locate(heading, 'end').line).toBe(6);
    // The end of paragraph 6 (办结\t116\t, 7 characters): after its last character.
    expect(source.locate(heading - 1, 'end')).toEqual({ offset: heading - 1, line: 6, column: 8 });
  });

  it('is read by its bytes under any name, and .doc and .wps name it', async () => {
    expect((await loadSourceBytes('报告.txt', REPORT, 'text')).format).toBe('doc');
    expect((await loadSourceBytes('-', REPORT)).text).toBe(TEXT);
    expect(formatOfPath('报告.DOC')).toBe('doc');
    expect(formatOfPath('报告.wps')).toBe('doc');
  });

  it('checks as a report: the wrong rate is found in paragraph 3', async () => {
    const source = await loadDoc('report.doc', REPORT);
    const rate = checkReport(source.text).diagnostics.find((d) => d.ruleId === 'rate-matches-counts');
    expect(rate).toBeDefined();
    expect(locateRange(source, rate!.range).line).toBe(3);
  });

  it('refuses an OLE file that is not a Word document, saying what it is', async () => {
    const workbook = oleFile({ Workbook: 'not a Word document'.repeat(50) });
    const e = await decodeFailure(loadSourceBytes('表格.doc', workbook, 'doc'));
    expect(e.code).toBe('not-word');
    expect(e.message).toMatch(/Excel workbook/);
    const slides = await decodeFailure(loadDoc('slides.doc', oleFile({ 'PowerPoint Document': 'x' })));
    expect([slides.code, slides.message]).toEqual(['not-word', 'not a Word file: it is a PowerPoint presentation']);
  });

  it('refuses garbage: no OLE header, or an OLE header over junk', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect((await decodeFailure(loadDoc('junk.doc', junk))).code).toBe('not-word');
    const overJunk = junk.slice();
    overJunk.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await decodeFailure(loadDoc('junk.doc', overJunk))).code).toBe('damaged-doc');
    expect((await decodeFailure(loadDoc('cut.doc', REPORT.subarray(0, 1500)))).code).toBe('damaged-doc');
    expect((await decodeFailure(loadDoc('short.doc', REPORT.subarray(0, 100)))).code).toBe('damaged-doc');
    expect((await decodeFailure(loadDoc('short.doc', new TextEncoder().encode('a short text named .doc')))).code).toBe('not-word');
  });

  it('refuses a file whose sector chain loops (word-extractor would follow it forever)', async () => {
    const looped = REPORT.slice();
    const fat = 512 * (u32(looped, 0x4c) + 1);
    const dir = u32(looped, 0x30);
    // The directory's sector points to the FAT's own sector, which points back to the directory.
    setI32(looped, fat + dir * 4, u32(looped, 0x4c));
    setI32(looped, fat + u32(looped, 0x4c) * 4, dir);
    const e = await decodeFailure(loadDoc('loop.doc', looped));
    expect([e.code, e.message]).toEqual(['damaged-doc', 'the Word file is damaged: its sector table has a sector chain that loops']);
  });

  it('refuses an encrypted Word file and a Word 95 file rather than read garbage', async () => {
    const fib = fibOffset(REPORT);
    const encrypted = REPORT.slice();
    encrypted[fib + 11]! |= 0x01; // fEncrypted
    expect((await decodeFailure(loadDoc('locked.doc', encrypted))).code).toBe('encrypted');
    const word95 = REPORT.slice();
    word95[fib + 2] = 0x65; // nFib 101: Word 6
    word95[fib + 3] = 0x00;
    expect((await decodeFailure(loadDoc('old.doc', word95))).code).toBe('old-word');
  });
});
