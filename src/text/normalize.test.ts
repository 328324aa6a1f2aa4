import { describe, expect, it } from 'vitest';
import { countDigitRuns } from '../parse/limits.js';
import { foldTables, foldUnit, normalizeText, normalizeView } from './normalize.js';

describe('normalizeText', () => {
  describe('keeps every offset: the view has the length of the input', () => {
    const samples = [
      '',
      '今年共受理１２３件，办结率９８．５％。',
      '（一）加强组织领导；\u3000\u00a0“法治”《条例》、',
      '\ufeff开头有BOM',
      'a\u{20000}b', // a CJK Extension B character (surrogate pair)
      'x\u{F0000}y', // a supplementary private-use character (surrogate pair)
      '行\r\n一\r二\n三',
    ];
    for (const text of samples) {
      it(`has length ${text.length} for ${JSON.stringify(text)}`, () => {
        expect(normalizeText(text)).toHaveLength(text.length);
      });
    }
  });

  describe('folds full-width ASCII forms to half-width', () => {
    it('folds the full-width punctuation ，：；（）％', () => {
      expect(normalizeText('，：；（）％')).toBe(',:;()%');
    });
    it('folds the full-width digits ０-９', () => {
      expect(normalizeText('０１２３４５６７８９')).toBe('0123456789');
    });
    it('folds full-width letters, ！？ and the full-width tilde', () => {
      expect(normalizeText('ＡＢｃ！？～．')).toBe('ABc!?~.');
    });
    it('folds inside running text and leaves Chinese characters alone', () => {
      expect(normalizeText('受理１２３件（占８５．５％）')).toBe('受理123件(占85.5%)');
    });
  });

  describe('keeps Chinese-only punctuation', () => {
    it('leaves 、。“”《》 unchanged', () => {
      expect(normalizeText('、。“”《》')).toBe('、。“”《》');
    });
    it('leaves plain ASCII unchanged', () => {
      const ascii = 'abc 123, (1) 5G 10+2 2021-01-12';
      expect(normalizeText(ascii)).toBe(ascii);
    });
  });

  describe('folds blanks and invisible characters to a plain space', () => {
    it('folds NBSP (U+00A0)', () => expect(normalizeText('a\u00a0b')).toBe('a b'));
    it('folds the ideographic space (U+3000)', () => expect(normalizeText('一\u3000二')).toBe('一 二'));
    it('folds the BOM (U+FEFF)', () => expect(normalizeText('\ufeff报告')).toBe(' 报告'));
    it('folds a private-use icon character (U+E000)', () => expect(normalizeText('\ue000打印')).toBe(' 打印'));
    it('folds a zero-width space (U+200B)', () => expect(normalizeText('a\u200bb')).toBe('a b'));
    it('folds both units of a supplementary private-use character', () => {
      expect(normalizeText('x\u{F0000}y')).toBe('x  y');
    });
    it('keeps a supplementary CJK character (surrogate pair) as it is', () => {
      expect(normalizeText('a\u{20000}b')).toBe('a\u{20000}b');
    });
    it('keeps line breaks', () => {
      expect(normalizeText('一\r\n二\r三\n四')).toBe('一\r\n二\r三\n四');
    });
  });
});

describe('foldUnit', () => {
  it('maps a full-width comma to an ASCII comma', () => {
    expect(foldUnit('，'.charCodeAt(0))).toBe(','.charCodeAt(0));
  });
  it('maps the ideographic space to a space', () => {
    expect(foldUnit(0x3000)).toBe(0x20);
  });
  it('leaves 。 unchanged', () => {
    expect(foldUnit('。'.charCodeAt(0))).toBe('。'.charCodeAt(0));
  });
});

describe('normalizeView', () => {
  const samples = [
    '',
    '今年共受理１２３件，办结率９８．５％。',
    '受理123件，其中12件办结；2023年1月',
    `${'办结，'.repeat(200)}１２${'x'.repeat(50)}34`,
    `${'字'.repeat(100)}—${'字'.repeat(100)}\u3000`,
    'x\u{F0000}y\udc00１',
  ];
  for (const text of samples) {
    it(`gives normalizeText's view and countDigitRuns' count for ${JSON.stringify(text.slice(0, 20))}`, () => {
      const view = normalizeView(text);
      expect(view.norm).toBe(expectedView(text));
      expect(view.digitRuns).toBe(countDigitRuns(text));
    });
  }
  it('returns the text itself when nothing folds', () => {
    const text = '受理123件。';
    expect(normalizeView(text).norm).toBe(text);
  });
});

/** The view unit by unit, as `foldUnit` defines it. */
function expectedView(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const lowAfterPrivate = c >= 0xdc00 && c <= 0xdfff && prev >= 0xdb80 && prev <= 0xdbff;
    out += String.fromCharCode(lowAfterPrivate ? 0x20 : c >= 0xdc00 && c <= 0xdfff ? c : foldUnit(c));
  }
  return out;
}

describe('the fold tables', () => {
  it('stop at exactly the units that fold, the digits and the low surrogates, each with its foldUnit', () => {
    const { folds, special } = foldTables();
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const f = foldUnit(c);
      const stops = f !== c || (c >= 0x30 && c <= 0x39) || (c >= 0xdc00 && c <= 0xdfff);
      const bit = ((special[c >>> 5]! >>> (c & 31)) & 1) === 1;
      if (bit !== stops || (stops && folds[c] !== f)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('give every unit its fold on the dense path too (a text that is mostly full-width)', () => {
    // Enough full-width letters first that the pass turns dense, then every unit but the surrogates.
    let text = 'Ａ'.repeat(300);
    let expected = 'A'.repeat(300);
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      text += String.fromCharCode(c);
      expected += String.fromCharCode(foldUnit(c));
    }
    expect(normalizeText(text) === expected).toBe(true);
  });
});
