import type { Decimal } from 'decimal.js';
import type { Interval, Qualifier, Quantity, QualifierKind, UnitFamily } from '../../model/quantity.js';
import type { Range } from '../../model/range.js';
import { figureNumber, numberInterval, type FigureNumber, type NumeralDigits } from './value.js';

/** What the scanner knows about a figure before any decimal is made. */
export interface QuantityFields {
  index: number;
  range: Range;
  numberRange: Range;
  numeral: Quantity['numeral'];
  magnitude: string | null;
  unit: string | null;
  unitFamily: UnitFamily;
  qualifiers: Qualifier[];
  qualifierKind: QualifierKind;
  paragraph: number;
}

/**
 * A scanned figure whose value, step and interval are made on first use. A report holds many
 * more figures than its claims use (about 150 against 33 on a street report), and making a
 * Decimal and an interval for each was an eighth of the check's time. The object still reads as
 * a plain `Quantity`: the three fields are getters, and `toJSON` writes them out.
 */
export class LazyQuantity implements Quantity {
  index: number;
  range: Range;
  numberRange: Range;
  numeral: Quantity['numeral'];
  magnitude: string | null;
  unit: string | null;
  unitFamily: UnitFamily;
  qualifiers: Qualifier[];
  qualifierKind: QualifierKind;
  to: Quantity['to'] = null;
  paragraph: number;
  sentence = 0;
  #digits: NumeralDigits;
  #exponent: number;
  #figure: FigureNumber | null = null;
  /** Made apart from the value: an exact whole count is judged by its value alone (see `figureInterval`). */
  #own: Interval | null = null;

  constructor(fields: QuantityFields, digits: NumeralDigits, exponent: number) {
    this.index = fields.index;
    this.range = fields.range;
    this.numberRange = fields.numberRange;
    this.numeral = fields.numeral;
    this.magnitude = fields.magnitude;
    this.unit = fields.unit;
    this.unitFamily = fields.unitFamily;
    this.qualifiers = fields.qualifiers;
    this.qualifierKind = fields.qualifierKind;
    this.paragraph = fields.paragraph;
    this.#digits = digits;
    this.#exponent = exponent;
  }

  /** How many figures have made their decimals since load: lets a test and the benchmark see the laziness. */
  static made = 0;

  #made(): FigureNumber {
    if (this.#figure) return this.#figure;
    LazyQuantity.made++;
    this.#figure = figureNumber(this.#digits, this.#exponent);
    return this.#figure;
  }

  /** Exact value in base units. */
  get value(): Decimal {
    return this.#made().value;
  }

  /** Place value of the last digit shown. */
  get step(): Decimal {
    return this.#made().step;
  }

  /** The values the figure stands for; a range figure spans both ends. */
  get interval(): Interval {
    const own = (this.#own ??= numberInterval(this.#made(), this.qualifierKind));
    return this.to ? (this.#span ??= { lo: own.lo, hi: this.to.interval.hi }) : own;
  }

  #span: Interval | null = null;

  /** The figure's interval as `figureInterval` makes it, made once by `make`. */
  hull(make: (q: Quantity) => Interval): Interval {
    return (this.#hull ??= make(this));
  }
  #hull: Interval | null = null;

  /** The figure as a plain object, so JSON output carries every field. */
  toJSON(): Quantity {
    return {
      index: this.index,
      range: this.range,
      numberRange: this.numberRange,
      value: this.value,
      numeral: this.numeral,
      magnitude: this.magnitude,
      unit: this.unit,
      unitFamily: this.unitFamily,
      qualifiers: this.qualifiers,
      qualifierKind: this.qualifierKind,
      step: this.step,
      interval: this.interval,
      to: this.to,
      paragraph: this.paragraph,
      sentence: this.sentence,
    };
  }
}
