import { Decimal } from 'decimal.js';
import { z } from 'zod';

/**
 * An exact decimal. Accepts a `Decimal`, a decimal string or a finite number (for convenience
 * in hand-built models) and always yields a `Decimal`; JSON output carries it as a string.
 */
export const DecimalSchema = z
  .union([
    z.custom<Decimal>((v) => Decimal.isDecimal(v), { message: 'expected a Decimal' }),
    z.string().refine((s) => {
      try {
        return !new Decimal(s).isNaN();
      } catch {
        return false;
      }
    }, 'expected a decimal string'),
    z.number(),
  ])
  .transform((v) => (Decimal.isDecimal(v) ? (v as Decimal) : new Decimal(v)));

export { Decimal };
