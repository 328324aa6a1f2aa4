import { z } from 'zod';
import type { ReportContext } from '../claims/context.js';
import type { CrossRule } from '../cross/rule.js';
import { extractClaims } from '../claims/index.js';
import { mergeLexicon, type Lexicon } from '../claims/lexicon.js';
import { ClaimSchema, type Claim, type ClaimKind, type ClaimOf } from '../claims/schema.js';
import type { Report } from '../model/report.js';
import { parseReport, type ParseOptions } from '../parse/parse-report.js';
import { lineIndexOf, sectionPathAt, sentenceAt } from '../report-helpers.js';
import { LevelSchema, type Level } from '../model/metadata.js';
import { detectProfile, type ActiveProfile } from '../profiles/detect.js';
import { locateItems, type FoundItem } from '../profiles/locate.js';
import type { Profile } from '../profiles/schema.js';
import { resolveCached } from './config-cache.js';
import { ConfigError, configMessage, resolveConfig, type ConfigInput, type ResolvedConfig, type ResolvedRule } from './config.js';
import { DiagnosticSchema, SeveritySchema, type Diagnostic, type Severity } from './diagnostic.js';
import { fingerprint } from './fingerprint.js';
import { checkResult } from './result.js';
import { formatMessage, type Locale } from './messages.js';
import type { Preset } from './preset.js';
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
/**
 * What `checkReport` returns: `kind`, `diagnostics`, `claims` and `stats` as plain data, and the parsed `report` and the
 * figure `context` as non-enumerable getters (not in JSON) holding them weakly, parsed again from the text if collected.
 */
export type CheckResult = z.infer<typeof CheckResultSchema> & { readonly report: Report; readonly context: ReportContext };

/** Options beyond the configuration: the preset, extra rules (plugins), the lexicon, profiles, parse options. */
export interface CheckOptions {
  /** The rules, document kinds and lexicon to check with (`checkReport` uses the built-in preset when none is given). */
  preset?: Preset;
  /** Document profiles besides the preset's (a user's own report kinds). */
  profiles?: readonly Profile[];
  /** Cross-document rules besides the preset's: known to the configuration, run by `checkReports`. */
  crossRules?: readonly CrossRule[];
  /** Rules to run besides (or instead of, with `builtins: false`) the preset's. */
  rules?: readonly Rule[];
  /** `false`: run none of the preset's rules, only `rules` (its kinds and lexicon still apply). */
  builtins?: boolean;
  /** The lexicon instead of the preset's. */
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

/** A severity checked to be one of the three (a plain-JavaScript caller can pass anything), without zod in the hot path. */
function knownSeverity(severity: Severity): Severity {
  if (!Object.hasOwn(RANK, severity)) SeveritySchema.parse(severity);
  return severity;
}

/** Internal-error findings come from this pseudo-rule. */
export const INTERNAL_RULE_ID = 'internal-error';

/** The preset's lexicon with the words of the kind a report is checked as (made once per kind and lexicon). */
function kindLexicon(base: Lexicon, profile: Profile | null): Lexicon {
  if (!profile?.lexicon) return base;
  let byBase = kindLexicons.get(profile);
  if (!byBase) kindLexicons.set(profile, (byBase = new WeakMap()));
  let merged = byBase.get(base);
  if (!merged) byBase.set(base, (merged = mergeLexicon(base, profile.lexicon)));
  return merged;
}
const kindLexicons = new WeakMap<Profile, WeakMap<Lexicon, Lexicon>>();

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** A configuration resolved for `checkReport`: the single-report rules that run, and the rest. */
interface Prepared {
  resolved: ResolvedConfig<Rule>;
  locale: Locale;
  profile: string | undefined;
  level: Level | undefined;
}

const preparedOf = new WeakMap<ResolvedConfig<Rule | CrossRule>, Prepared>();

/** The rules a check knows: its own and (sharing the configuration, run by `checkReports`) the cross-document ones. */
function knownRules(preset: Preset, options: CheckOptions): ReadonlyArray<Rule | CrossRule> {
  if (options.builtins !== false && !options.rules?.length && !options.crossRules?.length) return presetRules(preset);
  const own = options.builtins === false ? [] : preset.rules;
  const cross = options.builtins === false ? [] : preset.crossRules;
  return [...own, ...(options.rules ?? []), ...cross, ...(options.crossRules ?? [])];
}

/** A preset's rules and cross rules in one list, made once per preset (the configuration cache is keyed by it). */
function presetRules(preset: Preset): ReadonlyArray<Rule | CrossRule> {
  let all = presetKnown.get(preset);
  if (!all) presetKnown.set(preset, (all = [...preset.rules, ...preset.crossRules]));
  return all;
}
const presetKnown = new WeakMap<Preset, ReadonlyArray<Rule | CrossRule>>();

/** The configuration resolved against the known rules, validated once per configuration and rule set. */
function prepare(preset: Preset, config: ConfigInput, options: CheckOptions): Prepared {
  const known = knownRules(preset, options);
  const all = resolveCached<Rule | CrossRule>(config, known, (c) => resolveConfig<Rule | CrossRule>(c, known));
  let prepared = preparedOf.get(all);
  if (!prepared) {
    const resolved = { ...all, rules: all.rules.filter((r): r is ResolvedRule => 'check' in r.rule) };
    prepared = { resolved, locale: resolved.locale, profile: resolved.profile, level: resolved.level };
    preparedOf.set(all, prepared);
  }
  return prepared;
}

/**
 * Checks a report with `preset`'s rules, kinds and lexicon: parses it (unless given a `Report`),
 * extracts and judges its claims, runs every enabled rule and returns located, typed findings
 * with their evidence. The engine is handed what it checks with and imports no rule itself
 * (`checkReport` in src/builtin.ts hands it the built-in preset). Throws only
 * `ConfigError` for a bad configuration; a rule that crashes becomes an `internal-error` finding.
 * The result holds the parsed report weakly (see `CheckResult`).
 */
export function checkReportWith(preset: Preset, input: string | Report, config: ConfigInput = {}, options: CheckOptions = {}): CheckResult {
  const t0 = now();
  const { resolved, locale, profile, level } = prepare(preset, config, options);
  const parseOptions: ParseOptions = level ? { ...options.parse, level } : { ...options.parse };
  const report = typeof input === 'string' ? parseReport(input, parseOptions) : input;
  const profiles = options.profiles?.length ? [...options.profiles, ...preset.profiles] : preset.profiles;
  if (profile && !profiles.some((p) => p.id === profile)) {
    const known = profiles.map((p) => p.id).join(', ');
    throw new ConfigError(configMessage(locale, 'unknownProfile', { profile, known }), 'profile');
  }
  const override = { ...(profile ? { profile } : {}), ...(level ? { level } : {}) };
  // The caller's own kinds come first: one that recognises the report is the caller's intent,
  // even where a built-in kind of the same documents scores more cues.
  const own = !profile && options.profiles?.length ? detectProfile(report, options.profiles, override) : null;
  const active = own ?? detectProfile(report, profiles, override);
  const items = active ? locateItems(report, active.profile) : new Map<string, FoundItem>();
  const t1 = now();
  const lexicon = options.lexicon ?? kindLexicon(preset.lexicon, active?.profile ?? null);
  const { claims, context } = extractClaims(report, lexicon, active?.profile ?? null);
  const t2 = now();
  const diagnostics: Diagnostic[] = [];
  const ruleStats: CheckStats['rules'] = {};
  const checked: Checked = { report, claims, byKind: null, context, lexicon, profile: active, items, locale, out: diagnostics, occurrences: new Map() };
  // One clock reading per rule: each rule's end is the next one's start.
  let r0 = t2;
  for (const entry of resolved.rules) {
    const before = diagnostics.length;
    runRule(entry, checked);
    const r1 = now();
    ruleStats[entry.rule.meta.id] = { ms: r1 - r0, diagnostics: diagnostics.length - before };
    r0 = r1;
  }
  diagnostics.sort(compareDiagnostics);
  const verdicts = { holds: 0, fails: 0, unverifiable: 0 };
  for (const c of claims) verdicts[c.verdict]++;
  const severities = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) severities[d.severity]++;
  const kind: CheckedKind = {
    profile: active ? active.profile.id : null,
    name: active ? active.profile.name[locale] : null,
    variant: active?.variant?.id ?? null,
    level: active ? active.level : (level ?? report.metadata.level),
    reason: active ? active.reason : 'no profile matches the title or body',
  };
  const stats: CheckStats = { parseMs: t1 - t0, claimsMs: t2 - t1, totalMs: now() - t0, claims: verdicts, diagnostics: severities, rules: ruleStats };
  const recipe = typeof input === 'string' ? { text: input, given: null, parse: parseOptions, lexicon } : { text: null, given: input, parse: parseOptions, lexicon };
  return checkResult(kind, diagnostics, claims, stats, report, context, recipe);
}

/** What every rule of one check reads, and where its findings go. */
interface Checked {
  report: Report;
  claims: readonly Claim[];
  /** Claims grouped by kind, made at the first `claimsOf`. */
  byKind: Map<ClaimKind, Claim[]> | null;
  context: RuleContext['context'];
  lexicon: Lexicon;
  profile: ActiveProfile | null;
  items: ReadonlyMap<string, FoundItem>;
  locale: Locale;
  out: Diagnostic[];
  occurrences: Map<string, number>;
}

/** The claims of one kind, in document order: grouped once per check, a fresh array per call. */
function claimsOfKind<K extends ClaimKind>(checked: Checked, kind: K): Array<ClaimOf<K>> {
  let byKind = checked.byKind;
  if (!byKind) {
    byKind = new Map();
    for (const c of checked.claims) {
      const list = byKind.get(c.kind);
      if (list) list.push(c);
      else byKind.set(c.kind, [c]);
    }
    checked.byKind = byKind;
  }
  // A copy: a rule may sort or filter what it is given in place.
  return (byKind.get(kind)?.slice() ?? []) as Array<ClaimOf<K>>;
}

function runRule(entry: ResolvedRule, checked: Checked): void {
  const { report, claims, context, lexicon, profile, items, locale, out, occurrences } = checked;
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
    claimsOf: <K extends ClaimKind>(kind: K) => claimsOfKind(checked, kind),
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
    severity: knownSeverity(severity),
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
