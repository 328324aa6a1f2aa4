/**
 * jiaohe — checks Chinese government reports. This entry point is the browser-safe core:
 * it imports nothing from Node.
 */
export * from './model/index.js';
export { parseReport, type ParseOptions } from './parse/parse-report.js';
export { countDigitRuns, InputLimitError, MAX_DIGIT_RUNS } from './parse/limits.js';
export { tableAt, tableCellAt, tableRanges, tablesWithin, type CellHit } from './parse/tables/lookup.js';
export { normalizeText } from './text/normalize.js';
export { LineIndex, lineColumn, type LineColumn } from './text/line-index.js';
export { parseChineseNumeral, type ChineseNumeral } from './parse/numbers/chinese-numeral.js';
export { datesWithin, flattenSections, lineIndexOf, positionOf, sectionPathAt, textOf } from './report-helpers.js';
export { extractClaims, type ExtractedClaims } from './claims/index.js';
export * from './claims/schema.js';
export { builtinLexicon, extendLexicon, LexiconExtensionSchema, LexiconSchema, MetricSchema, RateDefSchema, type Lexicon, type LexiconExtension, type Metric, type RateDef } from './claims/lexicon.js';
export { checkReportWith, CheckResultSchema, CheckStatsSchema, CheckedKindSchema, type CheckedKind, INTERNAL_RULE_ID, type CheckOptions, type CheckResult, type CheckStats } from './engine/check.js';
export { BUILTIN_PRESET, builtinRules, checkReport, checkReports } from './builtin.js';
export { definePreset, type Preset } from './engine/preset.js';
export { ConfigSchema, ConfigError, RuleSettingSchema, resolveConfig, type Config, type RuleSetting } from './engine/config.js';
/** The configuration `checkReport`/`checkReports` accept, as written by a caller (zod's input type of `ConfigSchema`). */
export type { ConfigInput } from './engine/config.js';
export * from './engine/diagnostic.js';
export { defineRule, type Rule, type RuleContext, type RuleMeta, type ReportDescriptor, type RuleType } from './engine/rule.js';
export { formatMessage, type Locale, type MessageTemplate } from './engine/messages.js';
export { fingerprint } from './engine/fingerprint.js';
export * from '../rules/index.js';
export { figureInterval as figureIntervalOf, intervalStrings, meets, percentOf, showInterval, sumIntervals } from './arithmetic/interval.js';
export { relatedFigures, statedText } from './engine/rule-helpers.js';
export { BUILTIN_PROFILES } from './profiles/builtin.js';
export { detectProfile, type ActiveProfile } from './profiles/detect.js';
export { expectedPlace, isBareHeading, locateItems, type FoundItem } from './profiles/locate.js';
export {
  parseProfile,
  ProfileError,
  ProfileSchema,
  ProfileItemSchema,
  DeadlineSchema,
  ProfileFormatSchema,
  ProfileTableSchema,
  TableIdentitySchema,
  CrossYearIdentitySchema,
  YearTermSchema,
  type Profile,
  type ProfileItem,
  type Deadline,
  type ProfileFormat,
  type ProfileTable,
  type TableIdentity,
  type CrossYearIdentity,
  type YearTerm,
} from './profiles/schema.js';
export { matchesKindTable } from './claims/identity.js';
export { bareLabel, isCountCell, isMissingCell, rowsLabelled } from './claims/table-rows.js';
export { checkReportsWith, type CheckReportsOptions, type CheckReportsResult, type ReportInput } from './cross/check.js';
export { defineCrossRule, type CrossComparison, type CrossContext, type CrossDoc, type CrossRule } from './cross/rule.js';
export { extractFacts, type MetricFact } from './cross/facts.js';
export { comparable, countsWholeDistrict, largest, smallest, townCount } from './cross/fact-helpers.js';
export { cityOf, parentPlace, samePlace } from './cross/link.js';
export { linkReports, type Link, type Unplaced } from './cross/link.js';
export { textSource, mappedSource, locateRange, OffsetMap, PageMetadataSchema, SourceFormatSchema, type LoadedSource, type LocatedRange, type PageMetadata, type SourceFormat, type SourceLocation } from './io/source.js';
export { mapClaim, mapDiagnostic } from './io/map-findings.js';
export { summarize, type CheckedDocument, type Summary } from './report/document.js';
export { formatStylish, summaryLine } from './report/stylish.js';
export { formatJson, toJsonOutput } from './report/json.js';
export { CheckOutputSchema, ComparisonSchema, DocumentOutputSchema, LinkSchema, OUTPUT_VERSION, SummarySchema, UnplacedSchema, type CheckOutput } from './report/schema.js';
export { codeFrame } from './report/code-frame.js';
export { formatSarif, toSarifLog, type SarifOptions } from './report/sarif.js';
export { BUILTIN_FORMATTERS, BUILTIN_FORMAT_NAMES, defineFormatter, formatterOf, type FormatContext, type Formatter } from './report/formatters.js';
export { formatHtml, type HtmlOptions } from './report/html.js';
export { formatCsv } from './report/csv.js';
export { formatRdjson } from './report/rdjson.js';
export { commentBody, findingParts, type FindingParts } from './report/finding-text.js';
export { pageOf, placeOf, placeText, type Place } from './report/place.js';
