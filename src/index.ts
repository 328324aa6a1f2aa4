/**
 * jiaohe — checks Chinese government reports. This entry point is the browser-safe core:
 * it imports nothing from Node.
 */
export * from './model/index.js';
export { parseReport, type ParseOptions } from './parse/parse-report.js';
export { normalizeText } from './text/normalize.js';
export { LineIndex, lineColumn, type LineColumn } from './text/line-index.js';
export { parseChineseNumeral, type ChineseNumeral } from './parse/numbers/chinese-numeral.js';
export { flattenSections, lineIndexOf, positionOf, sectionPathAt, textOf } from './report-helpers.js';
export { extractClaims, type ExtractedClaims } from './claims/index.js';
export * from './claims/schema.js';
export { builtinLexicon, LexiconSchema, MetricSchema, RateDefSchema, type Lexicon, type Metric, type RateDef } from './claims/lexicon.js';
