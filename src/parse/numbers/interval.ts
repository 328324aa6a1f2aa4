import { Decimal } from 'decimal.js';
import type { Interval, QualifierKind } from '../../model/quantity.js';

const TWO = new Decimal(2);
const ZERO = new Decimal(0);
const INF = new Decimal(Infinity);

/**
 * The closed interval a figure stands for, from its value, the place of its last written digit
 * (`step`), the place of its last non-zero digit (`significant`, asked only by the qualifiers
 * that use it) and its qualifier. See the
 * table in docs/model.md; counts never go below zero.
 */
export function intervalFor(
  value: Decimal,
  step: Decimal,
  significant: () => Decimal,
  kind: QualifierKind,
  nonNegative: boolean,
): Interval {
  const floor = nonNegative || !value.isNeg() ? ZERO : new Decimal(-Infinity);
  const clamp = (d: Decimal): Decimal => (nonNegative && d.lt(0) ? ZERO : d);
  switch (kind) {
    case 'exact': {
      const half = halfOf(step);
      return { lo: clamp(value.minus(half)), hi: value.plus(half) };
    }
    case 'approximate':
      return { lo: clamp(value.minus(significant())), hi: value.plus(significant()) };
    case 'nearly':
      return { lo: clamp(value.minus(significant())), hi: value };
    case 'under':
      return { lo: floor, hi: value };
    case 'over':
      return { lo: value, hi: INF };
    case 'orMore':
      return { lo: value, hi: value.plus(significant()) };
    case 'atLeast':
      return { lo: value, hi: INF };
    case 'atMost':
      return { lo: floor, hi: value };
  }
}

/** Half of each step, made once per step: steps are shared powers of ten, so identity keys. */
const halves = new WeakMap<Decimal, Decimal>();

function halfOf(step: Decimal): Decimal {
  let half = halves.get(step);
  if (!half) {
    half = step.div(TWO);
    halves.set(step, half);
  }
  return half;
}

/** The effective qualifier of several: the first that is not `exact` (达 is neutral). */
export function effectiveKind(kinds: readonly QualifierKind[]): QualifierKind {
  for (const k of kinds) if (k !== 'exact') return k;
  return 'exact';
}

/** `effectiveKind` of the qualifiers' kinds, with no array of kinds made. */
export function effectiveKindOf(qualifiers: readonly { kind: QualifierKind }[]): QualifierKind {
  for (const q of qualifiers) if (q.kind !== 'exact') return q.kind;
  return 'exact';
}
