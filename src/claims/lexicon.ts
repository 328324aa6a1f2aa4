import { z } from 'zod';
import metricsData from '../../rules/lexicon/metrics.json';
import ratesData from '../../rules/lexicon/rates.json';
import { UnitFamilySchema } from '../model/quantity.js';

/** A metric: a countable thing reports talk about, with the phrasings that name it. */
export const MetricSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  zh: z.string(),
  terms: z.array(z.string().min(1)).min(1),
  unitFamily: UnitFamilySchema,
  /** Whether counts of it add up across places (a street's cannot exceed its district's). */
  additive: z.boolean(),
});
/** A metric of the lexicon. */
export type Metric = z.infer<typeof MetricSchema>;

/** A named rate (办结率): whether it is bounded by 100% and the words that label its numerator. */
export const RateDefSchema = z.object({
  name: z.string().min(2),
  bounded: z.boolean(),
  numerator: z.array(z.string()),
});
/** A named rate. */
export type RateDef = z.infer<typeof RateDefSchema>;

/** The lexicon: metrics, action words, rates and words that label totals. */
export const LexiconSchema = z.object({
  metrics: z.array(MetricSchema),
  actions: z.array(z.string()),
  rates: z.array(RateDefSchema),
  totals: z.array(z.string()),
});
/** The lexicon. */
export type Lexicon = z.infer<typeof LexiconSchema>;

/** The built-in lexicon, validated once at load. */
export const builtinLexicon: Lexicon = LexiconSchema.parse({ ...metricsData, ...ratesData });

/** The metric named in `text`, by its longest matching term, or null. */
export function metricIn(lexicon: Lexicon, text: string): { metric: Metric; term: string; at: number } | null {
  let best: { metric: Metric; term: string; at: number } | null = null;
  for (const metric of lexicon.metrics) {
    for (const term of metric.terms) {
      const at = text.lastIndexOf(term);
      if (at < 0) continue;
      // The term nearest the end of the text wins; at a tie, the longer term.
      if (!best || at + term.length > best.at + best.term.length || (at + term.length === best.at + best.term.length && term.length > best.term.length)) {
        best = { metric, term, at };
      }
    }
  }
  return best;
}

/** The rate definition whose name ends `label`, longest name first. */
export function rateIn(lexicon: Lexicon, label: string): RateDef | null {
  let best: RateDef | null = null;
  for (const r of lexicon.rates) {
    if (label.endsWith(r.name) && (!best || r.name.length > best.name.length)) best = r;
  }
  return best;
}
