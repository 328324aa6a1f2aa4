/**
 * jiaohe — checks Chinese government reports. This entry point is the browser-safe core:
 * it imports nothing from Node.
 */
export * from './model/index.js';
export { parseReport, type ParseOptions } from './parse/parse-report.js';
export { countDigitRuns, InputLimitError, MAX_DIGIT_RUNS } from './parse/limits.js';
export { tableAt, tableCellAt, tableRanges, type CellHit } from './parse/tables/lookup.js';
export { normalizeText } from './text/normalize.js';
export { LineIndex, lineColumn, type LineColumn } from './text/line-index.js';
export { parseChineseNumeral, type ChineseNumeral } from './parse/numbers/chinese-numeral.js';
export { flattenSections, lineIndexOf, positionOf, sectionPathAt, textOf } from './report-helpers.js';
export { extractClaims, type ExtractedClaims } from './claims/index.js';
export * from './claims/schema.js';
export { builtinLexicon, extendLexicon, LexiconExtensionSchema, LexiconSchema, MetricSchema, RateDefSchema, type Lexicon, type LexiconExtension, type Metric, type RateDef } from './claims/lexicon.js';
export { checkReport, builtinRules, CheckResultSchema, CheckStatsSchema, CheckedKindSchema, type CheckedKind, INTERNAL_RULE_ID, type CheckOptions, type CheckResult, type CheckStats } from './engine/check.js';
export { ConfigSchema, ConfigError, RuleSettingSchema, resolveConfig, type Config, type RuleSetting } from './engine/config.js';
/** The configuration `checkReport`/`checkReports` accept, as written by a caller (zod's input type of `ConfigSchema`). */
export type { ConfigInput } from './engine/config.js';
export * from './engine/diagnostic.js';
export { defineRule, type Rule, type RuleContext, type RuleMeta, type ReportDescriptor, type RuleType } from './engine/rule.js';
export { formatMessage, type Locale, type MessageTemplate } from './engine/messages.js';
export { fingerprint } from './engine/fingerprint.js';
export * from '../rules/index.js';
export { figureInterval as figureIntervalOf, meets, percentOf, sumIntervals } from './arithmetic/interval.js';
export { BUILTIN_PROFILES } from './profiles/builtin.js';
export { detectProfile, type ActiveProfile } from './profiles/detect.js';
export { locateItems, type FoundItem } from './profiles/locate.js';
export { parseProfile, ProfileError, ProfileSchema, ProfileItemSchema, DeadlineSchema, type Profile, type ProfileItem, type Deadline } from './profiles/schema.js';
export { checkReports, type CheckReportsOptions, type CheckReportsResult, type ReportInput } from './cross/check.js';
export { defineCrossRule, type CrossComparison, type CrossContext, type CrossDoc, type CrossRule } from './cross/rule.js';
export { extractFacts, type MetricFact } from './cross/facts.js';
export { linkReports, type Link, type Unplaced } from './cross/link.js';
export { textSource, mappedSource, locateRange, OffsetMap, PageMetadataSchema, SourceFormatSchema, type LoadedSource, type LocatedRange, type PageMetadata, type SourceFormat, type SourceLocation } from './io/source.js';
export { mapClaim, mapDiagnostic } from './io/map-findings.js';
export { summarize, type CheckedDocument, type Summary } from './report/document.js';
export { formatStylish, summaryLine } from './report/stylish.js';
export { formatJson, toJsonOutput } from './report/json.js';
export { CheckOutputSchema, ComparisonSchema, DocumentOutputSchema, LinkSchema, OUTPUT_VERSION, SummarySchema, UnplacedSchema, type CheckOutput } from './report/schema.js';
export { codeFrame } from './report/code-frame.js';
export { formatSarif, toSarifLog, type SarifOptions } from './report/sarif.js';
