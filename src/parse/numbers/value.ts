import Decimal from 'decimal.js';
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

/** Value, step and interval of a numeral with a magnitude exponent and qualifier. */
export function figureValue(
  tok: NumeralDigits,
  exponent: number,
  kind: Quantity['qualifierKind'],
): { value: Decimal; step: Decimal; interval: Quantity['interval'] } {
  const scale = TEN.pow(exponent);
  const value = new Decimal(tok.digits).times(scale);
  const intPart = tok.hasFraction ? tok.digits.slice(0, tok.digits.indexOf('.')) : tok.digits;
  const frac = tok.hasFraction ? tok.digits.slice(tok.digits.indexOf('.') + 1) : '';
  let step: Decimal;
  let significant: Decimal;
  if (frac) {
    step = TEN.pow(-frac.length).times(scale);
    const lastNonZero = lastNonZeroIndex(frac);
    significant = lastNonZero >= 0 ? TEN.pow(-(lastNonZero + 1)).times(scale) : TEN.pow(trailingZeros(intPart)).times(scale);
  } else {
    // Every place is shown, in Arabic digits or Chinese numerals alike (二十件 is exactly 20);
    // trailing zeros only matter to qualifiers such as 约 and 余 (significant).
    const zeros = trailingZeros(intPart);
    step = scale;
    significant = TEN.pow(zeros).times(scale);
  }
  if (value.isZero()) significant = step;
  const interval = intervalFor(value, step, significant, kind, !value.isNeg());
  return { value, step, interval };
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

