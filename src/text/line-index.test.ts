import { describe, expect, it } from 'vitest';
import { LineIndex, lineColumn } from './line-index.js';

describe('LineIndex', () => {
  describe('LF line breaks', () => {
    const index = new LineIndex('第一行\n第二行\n第三');
    it('counts three lines', () => expect(index.lineCount).toBe(3));
    it('records where each line starts', () => expect(index.lineStarts).toEqual([0, 4, 8]));
    it('puts offset 0 at line 1, column 1', () => expect(index.position(0)).toEqual({ line: 1, column: 1 }));
    it('puts the LF itself at the end of its line', () => expect(index.position(3)).toEqual({ line: 1, column: 4 }));
    it('puts the character after the LF at column 1 of the next line', () => {
      expect(index.position(4)).toEqual({ line: 2, column: 1 });
    });
    it('counts columns within a line', () => expect(index.position(9)).toEqual({ line: 3, column: 2 }));
    it('puts the end of the text just past the last character', () => {
      expect(index.position(10)).toEqual({ line: 3, column: 3 });
    });
  });

  describe('CRLF line breaks', () => {
    const text = '第一行\r\n第二行\r\n第三';
    const index = new LineIndex(text);
    it('counts the same lines as the LF twin', () => {
      expect(index.lineCount).toBe(new LineIndex('第一行\n第二行\n第三').lineCount);
      expect(index.lineCount).toBe(3);
    });
    it('records where each line starts', () => expect(index.lineStarts).toEqual([0, 5, 10]));
    it('keeps the CR and the LF on the line they end', () => {
      expect(index.position(3)).toEqual({ line: 1, column: 4 });
      expect(index.position(4)).toEqual({ line: 1, column: 5 });
    });
    it('puts the character after CRLF at column 1 of the next line', () => {
      expect(index.position(5)).toEqual({ line: 2, column: 1 });
      expect(index.position(11)).toEqual({ line: 3, column: 2 });
    });
  });

  describe('lone CR line breaks', () => {
    const index = new LineIndex('ab\rcd\ref');
    it('treats a lone CR as a line break', () => expect(index.lineCount).toBe(3));
    it('puts the character after the CR at column 1 of the next line', () => {
      expect(index.position(3)).toEqual({ line: 2, column: 1 });
      expect(index.position(7)).toEqual({ line: 3, column: 2 });
    });
  });

  describe('mixed breaks', () => {
    const index = new LineIndex('a\nb\r\nc\rd');
    it('counts one line per break', () => expect(index.lineCount).toBe(4));
    it('finds the last line', () => expect(index.position(7)).toEqual({ line: 4, column: 1 }));
  });

  describe('columns count UTF-16 code units', () => {
    it('counts a surrogate pair as two columns', () => {
      const text = '甲\u{20000}乙'; // 甲 at 0, the pair at 1–2, 乙 at 3
      const index = new LineIndex(text);
      expect(index.position(3)).toEqual({ line: 1, column: 4 });
    });
    it('counts a surrogate pair as two columns on a later line', () => {
      const text = '一\n\u{1F600}x';
      expect(new LineIndex(text).position(4)).toEqual({ line: 2, column: 3 });
    });
  });

  describe('edge cases', () => {
    it('has one line for the empty string', () => {
      const index = new LineIndex('');
      expect(index.lineCount).toBe(1);
      expect(index.position(0)).toEqual({ line: 1, column: 1 });
    });
    it('starts a new (empty) line after a trailing break', () => {
      const index = new LineIndex('ab\n');
      expect(index.lineCount).toBe(2);
      expect(index.position(3)).toEqual({ line: 2, column: 1 });
    });
    it('clamps offsets outside the text', () => {
      const index = new LineIndex('ab\ncd');
      expect(index.position(-5)).toEqual({ line: 1, column: 1 });
      expect(index.position(99)).toEqual({ line: 2, column: 3 });
    });
  });

  describe('offset(line, column)', () => {
    it('is the inverse of position on LF text', () => {
      const text = '第一行\n第二行\n第三';
      const index = new LineIndex(text);
      for (let off = 0; off <= text.length; off++) {
        const { line, column } = index.position(off);
        expect(index.offset(line, column)).toBe(off);
      }
    });
    it('is the inverse of position on CRLF text', () => {
      const text = 'ab\r\ncd\r\n';
      const index = new LineIndex(text);
      expect(index.offset(2, 1)).toBe(4);
      expect(index.offset(3, 1)).toBe(8);
    });
  });
});

describe('lineColumn', () => {
  it('gives the 1-based line and column of an offset', () => {
    expect(lineColumn('一\r\n二三', 4)).toEqual({ line: 2, column: 2 });
  });
  it('agrees with LineIndex', () => {
    const text = '甲\r乙\n\u{20000}丙';
    const index = new LineIndex(text);
    for (let off = 0; off <= text.length; off++) expect(lineColumn(text, off)).toEqual(index.position(off));
  });
});
