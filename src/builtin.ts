/**
 * The built-in preset and the entry points that use it by default. The engine (src/engine,
 * src/cross) is handed its rules, document kinds and lexicon; this is the one module of the core
 * that imports the built-in rules (rules/), so the engine never does and a rule never imports
 * what runs it.
 */
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../rules/index.js';
import { builtinLexicon } from './claims/lexicon.js';
import { checkReportWith, type CheckOptions, type CheckResult } from './engine/check.js';
import type { ConfigInput } from './engine/config.js';
import { definePreset, type Preset } from './engine/preset.js';
import type { Rule } from './engine/rule.js';
import { checkReportsWith, type CheckReportsOptions, type CheckReportsResult, type ReportInput } from './cross/check.js';
import type { Report } from './model/report.js';
import { BUILTIN_PROFILES } from './profiles/builtin.js';

/** The built-in rules, cross-document rules, document kinds (法治政府建设年度报告, 政府信息公开工作年度报告) and lexicon. */
export const BUILTIN_PRESET: Preset = definePreset({
  id: 'builtin',
  rules: BUILTIN_RULES,
  crossRules: BUILTIN_CROSS_RULES,
  profiles: BUILTIN_PROFILES,
  lexicon: builtinLexicon,
});

/** The built-in rules. */
export function builtinRules(): readonly Rule[] {
  return BUILTIN_RULES;
}

/**
 * Checks a report: parses it (unless given a `Report`), extracts and judges its claims, runs
 * every enabled rule of the preset (`options.preset`, the built-in one by default) and returns
 * located, typed findings with their evidence. Throws only `ConfigError` for a bad configuration;
 * a rule that crashes becomes an `internal-error` finding. The result holds the parsed report
 * weakly (see `CheckResult`).
 */
export function checkReport(input: string | Report, config: ConfigInput = {}, options: CheckOptions = {}): CheckResult {
  return checkReportWith(options.preset ?? BUILTIN_PRESET, input, config, options);
}

/**
 * Checks many reports at once: each on its own (as `checkReport`), then street and town reports
 * against their district or county, and one body's consecutive years against each other, with the
 * preset's cross-document rules (`options.preset`, the built-in one by default).
 */
export function checkReports(inputs: readonly ReportInput[], config: ConfigInput = {}, options: CheckReportsOptions = {}): CheckReportsResult {
  return checkReportsWith(options.preset ?? BUILTIN_PRESET, inputs, config, options);
}
