import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from './chinese-numeral.js';

/** Expected parse of a well-formed numeral, worked out by hand. */
function expectNumeral(run: string, integer: number, fraction = '', digitByDigit = false): void {
  expect(parseChineseNumeral(run)).toEqual({ integer, fraction, digitByDigit });
}

describe('parseChineseNumeral', () => {
  describe('numerals with place units', () => {
    it('reads 十 alone as 10', () => expectNumeral('十', 10));
    it('reads 十二 as 12 (leading 一 of 一十 omitted)', () => expectNumeral('十二', 12));
    it('reads 二十 as 20', () => expectNumeral('二十', 20));
    it('reads 九十五 as 95', () => expectNumeral('九十五', 95));
    it('reads 两千 as 2000 (两 is 2)', () => expectNumeral('两千', 2000));
    it('reads 一百零五 as 105 (零 fills the empty tens)', () => expectNumeral('一百零五', 105));
    it('reads 一千零五十 as 1050', () => expectNumeral('一千零五十', 1050));
    it('reads 一万二千 as 12000', () => expectNumeral('一万二千', 12000));
    it('reads 两万三千四百五十六 as 23456', () => expectNumeral('两万三千四百五十六', 23456));
    it('reads 一万零五百 as 10500', () => expectNumeral('一万零五百', 10500));
    it('reads 三百万 as 3000000', () => expectNumeral('三百万', 3_000_000));
    it('reads 一亿二千万 as 120000000', () => expectNumeral('一亿二千万', 120_000_000));
    it('reads 二十亿 as 2000000000', () => expectNumeral('二十亿', 2_000_000_000));
    it('reads 一万亿 as 10^12 (万亿 is one trillion)', () => expectNumeral('一万亿', 1_000_000_000_000));
    it('reads the formal forms 壹佰贰拾 as 120', () => expectNumeral('壹佰贰拾', 120));
  });

  describe('elliptic numerals (trailing digit one place below the last unit)', () => {
    it('reads 一万二 as 12000', () => expectNumeral('一万二', 12000));
    it('reads 三千五 as 3500', () => expectNumeral('三千五', 3500));
    it('reads 一百二 as 120', () => expectNumeral('一百二', 120));
  });

  describe('digit-by-digit numerals', () => {
    it('reads 二〇二〇 digit by digit as 2020', () => expectNumeral('二〇二〇', 2020, '', true));
    it('reads 二零二一 (零 for 〇) digit by digit as 2021', () => expectNumeral('二零二一', 2021, '', true));
    it('reads a single digit 五 as 5, not digit by digit', () => expectNumeral('五', 5, '', false));
  });

  describe('fractions after 点', () => {
    it('reads 三点五 as integer 3, fraction "5"', () => expectNumeral('三点五', 3, '5'));
    it('keeps fraction digits as written: 十二点零五 → 12 and "05"', () => expectNumeral('十二点零五', 12, '05'));
    it('rejects 三点 with no fraction digit', () => expect(parseChineseNumeral('三点')).toBeNull());
    it('rejects a unit after 点: 三点十', () => expect(parseChineseNumeral('三点十')).toBeNull());
  });

  describe('traditional forms from mirror pages', () => {
    it('reads 兩 as 2, like 两', () => expectNumeral('兩', 2));
    it('reads 兩萬 as 20000 (萬 is 万)', () => expectNumeral('兩萬', 20_000));
    it('reads 十二萬三千 as 123000', () => expectNumeral('十二萬三千', 123_000));
    it('reads 三億 as 300000000 (億 is 亿)', () => expectNumeral('三億', 300_000_000));
    it('reads 一萬億 as 10^12, like 一万亿', () => expectNumeral('一萬億', 1_000_000_000_000));
    it('reads 三點五 as 3 and "5" (點 is 点)', () => expectNumeral('三點五', 3, '5'));
    it('reads the formal 貳佰陸拾叄 as 263', () => expectNumeral('貳佰陸拾叄', 263));
    it('rejects 萬 alone, like 万', () => expect(parseChineseNumeral('萬')).toBeNull());
    it('rejects 萬万 (one magnitude twice)', () => expect(parseChineseNumeral('一萬万')).toBeNull());
  });

  describe('runs that are not numerals', () => {
    it('rejects the empty string', () => expect(parseChineseNumeral('')).toBeNull());
    it('rejects 十十', () => expect(parseChineseNumeral('十十')).toBeNull());
    it('rejects 万万', () => expect(parseChineseNumeral('万万')).toBeNull());
    it('rejects 万 alone', () => expect(parseChineseNumeral('万')).toBeNull());
    it('rejects 亿 alone', () => expect(parseChineseNumeral('亿')).toBeNull());
    it('rejects 百百', () => expect(parseChineseNumeral('百百')).toBeNull());
    it('rejects units in rising order: 十百', () => expect(parseChineseNumeral('十百')).toBeNull());
    it('rejects two digits before a unit: 二三百', () => expect(parseChineseNumeral('二三百')).toBeNull());
    it('rejects a non-numeral character', () => expect(parseChineseNumeral('三个')).toBeNull());
  });
});
