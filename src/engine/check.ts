import { z } from 'zod';
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../../rules/index.js';
import type { ReportContext } from '../claims/context.js';
import type { CrossRule } from '../cross/rule.js';
import { extractClaims } from '../claims/index.js';
import { builtinLexicon, type Lexicon } from '../claims/lexicon.js';
import { ClaimSchema, type Claim, type ClaimKind, type ClaimOf } from '../claims/schema.js';
import type { Report } from '../model/report.js';
import { parseReport, type ParseOptions } from '../parse/parse-report.js';
import { lineIndexOf, sectionPathAt, sentenceAt } from '../report-helpers.js';
import { LevelSchema } from '../model/metadata.js';
import { BUILTIN_PROFILES } from '../profiles/builtin.js';
import { detectProfile, type ActiveProfile } from '../profiles/detect.js';
import { locateItems, type FoundItem } from '../profiles/locate.js';
import type { Profile } from '../profiles/schema.js';
import { ConfigError, configMessage, resolveConfig, type ConfigInput, type ResolvedRule } from './config.js';
import { DiagnosticSchema, SeveritySchema, type Diagnostic, type Severity } from './diagnostic.js';
import { fingerprint } from './fingerprint.js';
import { formatMessage, type Locale } from './messages.js';
import type { ReportDescriptor, Rule, RuleContext } from './rule.js';

/** Timing and counts of a check. */
export const CheckStatsSchema = z.object({
  parseMs: z.number(),
  claimsMs: z.number(),
  totalMs: z.number(),
  claims: z.object({ holds: z.number(), fails: z.number(), unverifiable: z.number() }),
  diagnostics: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  rules: z.record(z.string(), z.object({ ms: z.number(), diagnostics: z.number() })),
});
/** Timing and counts of a check. */
export type CheckStats = z.infer<typeof CheckStatsSchema>;

/** What `checkReport` returns. */
/** Which document profile and level a report was checked as, and why. */
export const CheckedKindSchema = z.object({
  profile: z.string().nullable(),
  name: z.string().nullable(),
  variant: z.string().nullable(),
  level: LevelSchema,
  reason: z.string(),
});
/** Which document profile and level a report was checked as. */
export type CheckedKind = z.infer<typeof CheckedKindSchema>;

/** What `checkReport` returns: the kind it was checked as, findings, claims and stats. */
export const CheckResultSchema = z.object({
  kind: CheckedKindSchema,
  diagnostics: z.array(DiagnosticSchema),
  claims: z.array(ClaimSchema),
  stats: CheckStatsSchema,
});
/** What `checkReport` returns, plus the parsed report and the figure context claims were read with. */
export type CheckResult = z.infer<typeof CheckResultSchema> & { report: Report; context: ReportContext };

/** Options beyond the configuration: extra rules (plugins), the lexicon, profiles, parse options. */
export interface CheckOptions {
  /** Document profiles besides the built-in ones (a user's own report kinds). */
  profiles?: readonly Profile[];
  /** Cross-document rules besides the built-in ones: known to the configuration, run by `checkReports`. */
  crossRules?: readonly CrossRule[];
  /** Rules to run besides (or instead of, with `builtins: false`) the built-in ones. */
  rules?: readonly Rule[];
  builtins?: boolean;
  lexicon?: Lexicon;
  parse?: ParseOptions;
}

/** Characters of context before and after a finding that its fingerprint covers. */
const FINGERPRINT_BEFORE = 40;
const FINGERPRINT_AFTER = 20;

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The severity a finding gets: the rule's own lower one, never higher than configured. */
export function findingSeverity(wanted: Severity | undefined, configured: Severity): Severity {
  return wanted && RANK[wanted] < RANK[configured] ? wanted : configured;
}

/** Document order, then the more severe first, then by rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || RANK[b.severity] - RANK[a.severity] || a.ruleId.localeCompare(b.ruleId);
}

/** Internal-error findings come from this pseudo-rule. */
export const INTERNAL_RULE_ID = 'internal-error';

/** The built-in rules. */
export function builtinRules(): readonly Rule[] {
  return BUILTIN_RULES;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Checks a report: parses it (unless given a `Report`), extracts and judges its claims, runs
 * every enabled rule and returns located, typed findings with their evidence. Throws only
 * `ConfigError` for a bad configuration; a rule that crashes becomes an `internal-error` finding.
 */
export function checkReport(input: string | Report, config: ConfigInput = {}, options: CheckOptions = {}): CheckResult {
  const t0 = now();
  const rules = [...(options.builtins === false ? [] : BUILTIN_RULES), ...(options.rules ?? [])];
  // Cross-document rules share the configuration: their ids are valid here, and run in checkReports.
  const cross = [...(options.builtins === false ? [] : BUILTIN_CROSS_RULES), ...(options.crossRules ?? [])];
  const all = resolveConfig<Rule | CrossRule>(config, [...rules, ...cross]);
  const resolved = { ...all, rules: all.rules.filter((r): r is ResolvedRule => 'check' in r.rule) };
  const parseOptions = { ...options.parse, ...(resolved.level ? { level: resolved.level } : {}) };
  const report = typeof input === 'string' ? parseReport(input, parseOptions) : input;
  const profiles = [...(options.profiles ?? []), ...BUILTIN_PROFILES];
  if (resolved.profile && !profiles.some((p) => p.id === resolved.profile)) {
    const known = profiles.map((p) => p.id).join(', ');
    throw new ConfigError(configMessage(resolved.locale, 'unknownProfile', { profile: resolved.profile, known }), 'profile');
  }
  const active = detectProfile(report, profiles, { ...(resolved.profile ? { profile: resolved.profile } : {}), ...(resolved.level ? { level: resolved.level } : {}) });
  const items = active ? locateItems(report, active.profile) : new Map<string, FoundItem>();
  const t1 = now();
  const lexicon = options.lexicon ?? builtinLexicon;
  const { claims, context } = extractClaims(report, lexicon);
  const t2 = now();
  const diagnostics: Diagnostic[] = [];
  const ruleStats: CheckStats['rules'] = {};
  const occurrences = new Map<string, number>();
  for (const entry of resolved.rules) {
    const r0 = now();
    const before = diagnostics.length;
    runRule(entry, { report, claims, context, lexicon, profile: active, items }, resolved.locale, diagnostics, occurrences);
    ruleStats[entry.rule.meta.id] = { ms: now() - r0, diagnostics: diagnostics.length - before };
  }
  diagnostics.sort(compareDiagnostics);
  const count = (v: Claim['verdict']) => claims.filter((c) => c.verdict === v).length;
  const bySeverity = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  return {
    report,
    context,
    kind: {
      profile: active ? active.profile.id : null,
      name: active ? active.profile.name[resolved.locale] : null,
      variant: active?.variant?.id ?? null,
      level: active ? active.level : (resolved.level ?? report.metadata.level),
      reason: active ? active.reason : 'no profile matches the title or body',
    },
    diagnostics,
    claims,
    stats: {
      parseMs: t1 - t0,
      claimsMs: t2 - t1,
      totalMs: now() - t0,
      claims: { holds: count('holds'), fails: count('fails'), unverifiable: count('unverifiable') },
      diagnostics: { error: bySeverity('error'), warning: bySeverity('warning'), info: bySeverity('info') },
      rules: ruleStats,
    },
  };
}

interface Checked {
  report: Report;
  claims: readonly Claim[];
  context: RuleContext['context'];
  lexicon: Lexicon;
  profile: ActiveProfile | null;
  items: ReadonlyMap<string, FoundItem>;
}

function runRule(entry: ResolvedRule, checked: Checked, locale: Locale, out: Diagnostic[], occurrences: Map<string, number>): void {
  const { report, claims, context, lexicon, profile, items } = checked;
  const { rule, severity, options } = entry;
  const message = (messageId: string, data?: Record<string, string | number>): string => {
    const template = rule.meta.messages[messageId];
    if (!template) throw new Error(`rule ${rule.meta.id} has no message '${messageId}'`);
    return formatMessage(template[locale], data);
  };
  const ctx: RuleContext = {
    document: report,
    claims,
    context,
    lexicon,
    profile,
    items,
    options,
    locale,
    claimsOf: <K extends ClaimKind>(kind: K) => claims.filter((c): c is ClaimOf<K> => c.kind === kind),
    message,
    report: (d: ReportDescriptor) => {
      checkDescriptor(d, report.text.length, rule.meta.id);
      out.push(toDiagnostic(report, rule.meta.id, d.messageId, findingSeverity(d.severity, severity), message(d.messageId, d.data), d, occurrences));
    },
  };
  try {
    rule.check(ctx);
  } catch (error) {
    // A broken rule must not take the others down: it becomes one finding of its own.
    const why = error instanceof Error ? error.message : String(error);
    out.push(
      toDiagnostic(
        report,
        INTERNAL_RULE_ID,
        'crashed',
        'error',
        locale === 'zh' ? `规则 ${rule.meta.id} 运行出错:${why}` : `rule ${rule.meta.id} crashed: ${why}`,
        { messageId: 'crashed', range: { start: 0, end: 0 }, evidence: { figures: [], note: why } },
        occurrences,
      ),
    );
  }
}

/**
 * Refuses what no finding can be made of: a range outside the text, no evidence. A rule from a
 * user's file (plain JavaScript, no types) can pass anything; the throw ends that rule's run as
 * an `internal-error` finding instead of breaking the formatters later.
 */
export function checkDescriptor(d: ReportDescriptor, textLength: number, ruleId: string): void {
  const r = d?.range as { start?: unknown; end?: unknown } | undefined;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= textLength;
  if (!r || !ok(r.start) || !ok(r.end) || r.end < r.start) throw new Error(`rule ${ruleId} reported a range that is not within the text: ${JSON.stringify(d?.range)}`);
  if (!d.evidence || !Array.isArray(d.evidence.figures)) throw new Error(`rule ${ruleId} reported without evidence ({ figures: [...] })`);
  for (const rel of d.related ?? []) {
    if (!rel || typeof rel.message !== 'string' || !rel.range) throw new Error(`rule ${ruleId} reported a related location without a range and message`);
  }
}

/**
 * A located diagnostic from what a rule reported: positions, section path, related locations
 * (in another report when `reportOf` resolves their `document`) and the fingerprint.
 */
export function toDiagnostic(
  report: Report,
  ruleId: string,
  messageId: string,
  severity: Severity,
  message: string,
  d: ReportDescriptor,
  occurrences: Map<string, number>,
  reportOf: (document: string) => Report | undefined = () => undefined,
): Diagnostic {
  const index = lineIndexOf(report);
  const start = index.position(d.range.start);
  const end = index.position(d.range.end);
  const sections = sectionPathAt(report, d.range.start);
  const sectionPath = sections.map((s) => `${s.marker.text}${s.heading}`);
  // The words around the finding, within its sentence: enough to be stable and specific, and
  // bounded so that long sentences do not make fingerprints quadratic.
  const sentence = sentenceAt(report, d.range.start);
  const from = Math.max(sentence ? sentence.range.start : 0, d.range.start - FINGERPRINT_BEFORE);
  const to = Math.min(sentence ? sentence.range.end : report.text.length, d.range.end + FINGERPRINT_AFTER);
  const sentenceText = report.text.slice(from, Math.max(to, d.range.end));
  const key = `${ruleId}\u0000${messageId}\u0000${sentenceText}`;
  const occurrence = occurrences.get(key) ?? 0;
  occurrences.set(key, occurrence + 1);
  return {
    ruleId,
    messageId,
    severity: SeveritySchema.parse(severity),
    message,
    range: d.range,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    sectionPath,
    evidence: d.evidence,
    related: (d.related ?? []).map((r) => {
      const other = r.document ? reportOf(r.document) : undefined;
      const p = (other ? lineIndexOf(other) : index).position(r.range.start);
      return { range: r.range, line: p.line, column: p.column, message: r.message, ...(r.document ? { document: r.document } : {}) };
    }),
    ...(d.suggestion ? { suggestion: d.suggestion } : {}),
    fingerprint: fingerprint(ruleId, messageId, sectionPath, sentenceText, occurrence),
  };
}
