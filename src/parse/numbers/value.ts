import { Decimal } from 'decimal.js';
import type { Quantity } from '../../model/quantity.js';
import { intervalFor } from './interval.js';

/** The integer and fraction digits of a numeral as read, without magnitude. */
export interface NumeralDigits {
  form: 'arabic' | 'chinese';
  /** Decimal string of the integer and fraction as written. */
  digits: string;
  hasFraction: boolean;
}

/** Ten, for powers of ten. */
export const TEN = new Decimal(10);

/** Powers of ten by exponent, made once: figures use a handful (万, 亿, one to four decimals). */
const powers = new Map<number, Decimal>();

/** 10^exponent, shared. */
export function powerOfTen(exponent: number): Decimal {
  let p = powers.get(exponent);
  if (!p) {
    p = TEN.pow(exponent);
    powers.set(exponent, p);
  }
  return p;
}

/** Value and step of a numeral with a magnitude exponent, and the place its qualifier (约, 余) reads. */
export interface FigureNumber {
  value: Decimal;
  step: Decimal;
  /** The place of the last significant digit, worked out only when a qualifier asks for it. */
  significant: () => Decimal;
}

/** Value and step of a numeral with a magnitude exponent. */
export function figureNumber(tok: NumeralDigits, exponent: number): FigureNumber {
  const digits = tok.hasFraction ? new Decimal(tok.digits) : wholeDecimal(tok.digits);
  const value = exponent === 0 ? digits : digits.times(powerOfTen(exponent));
  const point = tok.hasFraction ? tok.digits.indexOf('.') : -1;
  const intPart = point >= 0 ? tok.digits.slice(0, point) : tok.digits;
  const frac = point >= 0 ? tok.digits.slice(point + 1) : '';
  // Every place is shown, in Arabic digits or Chinese numerals alike (二十件 is exactly 20);
  // trailing zeros only matter to qualifiers such as 约 and 余 (significant), so that place is
  // worked out only for them.
  const step = powerOfTen(exponent - frac.length);
  const significant = (): Decimal => {
    if (value.isZero()) return step;
    if (!frac) return powerOfTen(exponent + trailingZeros(intPart));
    const lastNonZero = lastNonZeroIndex(frac);
    return lastNonZero >= 0 ? powerOfTen(exponent - (lastNonZero + 1)) : powerOfTen(exponent + trailingZeros(intPart));
  };
  return { value, step, significant };
}

/**
 * A whole number written in digits as a Decimal. Most figures are short whole counts; decimal.js
 * makes one from a small integer without parsing a string (its fast path below 1e7), and the
 * integer is accumulated exactly here (seven digits at most), so no rounding can enter.
 */
function wholeDecimal(digits: string): Decimal {
  if (digits.length > 7) return new Decimal(digits);
  let n = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return new Decimal(digits);
    n = n * 10 + d;
  }
  return digits.length === 0 ? new Decimal(digits) : new Decimal(n);
}

/** The interval a numeral's value and step stand for under a qualifier. */
export function numberInterval(n: FigureNumber, kind: Quantity['qualifierKind']): Quantity['interval'] {
  return intervalFor(n.value, n.step, n.significant, kind, !n.value.isNeg());
}

/** Value, step and interval of a numeral with a magnitude exponent and qualifier. */
export function figureValue(
  tok: NumeralDigits,
  exponent: number,
  kind: Quantity['qualifierKind'],
): { value: Decimal; step: Decimal; interval: Quantity['interval'] } {
  const n = figureNumber(tok, exponent);
  return { value: n.value, step: n.step, interval: numberInterval(n, kind) };
}

function trailingZeros(intPart: string): number {
  if (/^0*$/.test(intPart)) return 0;
  let n = 0;
  for (let i = intPart.length - 1; i >= 0 && intPart[i] === '0'; i--) n++;
  return n;
}

function lastNonZeroIndex(frac: string): number {
  for (let i = frac.length - 1; i >= 0; i--) if (frac[i] !== '0') return i;
  return -1;
}

