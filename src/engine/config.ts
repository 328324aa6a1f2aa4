import { z } from 'zod';
import { LevelSchema, type Level } from '../model/metadata.js';
import { SeveritySchema, type Severity } from './diagnostic.js';
import { formatMessage, type Locale, type MessageTemplate } from './messages.js';
import type { Rule, RuleMeta } from './rule.js';

/** A rule's setting: off, a severity, or a severity with options. */
export const RuleSettingSchema = z.union([
  z.literal('off'),
  SeveritySchema,
  z.tuple([z.union([z.literal('off'), SeveritySchema]), z.record(z.string(), z.unknown())]),
]);
/** A rule's setting. */
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

/** The configuration `checkReport` accepts. */
export const ConfigSchema = z
  .object({
    locale: z.enum(['zh', 'en']).optional(),
    /** The document profile to check against (by id), instead of detecting it. */
    profile: z.string().optional(),
    /** The administrative level, instead of detecting it. */
    level: LevelSchema.optional(),
    rules: z.record(z.string(), RuleSettingSchema).optional(),
  })
  .strict();
/** The configuration `checkReport` accepts. */
export type Config = z.infer<typeof ConfigSchema>;

/** Arrays and tuples given readonly too: a config written `as const` is as good as a mutable one. */
type AllowReadonly<T> = T extends readonly unknown[] ? { readonly [K in keyof T]: AllowReadonly<T[K]> } : T extends object ? { [K in keyof T]: AllowReadonly<T[K]> } : T;
/** What `checkReport`/`checkReports` take as configuration, so a misspelt severity or key is a type error. */
export type ConfigInput = AllowReadonly<z.input<typeof ConfigSchema>>;

/** A configuration that cannot be used, with the key that is wrong. */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** Dotted path of the bad key, e.g. `rules.sum-matches-total`. */
    readonly key: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A rule as it will run: severity and parsed options. */
export interface ResolvedRule<R extends { meta: RuleMeta } = Rule> {
  rule: R;
  severity: Severity;
  options: unknown;
}

/** The validated configuration: locale and the rules that run. */
export interface ResolvedConfig<R extends { meta: RuleMeta } = Rule> {
  locale: Locale;
  rules: Array<ResolvedRule<R>>;
  profile?: string;
  level?: Level;
}

/**
 * Keys that reach an object's prototype when a configuration is copied or looked up: never a
 * rule id or an option. zod drops `__proto__` from a record without a word, so the raw input is
 * searched for them before it is parsed.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden key (`__proto__`, `constructor`, `prototype`) anywhere in a JSON-like value, with its dotted path. */
export function findForbiddenKey(value: unknown): { key: string; path: string } | null {
  // Iterative, and each object once: a configuration may be deep, or (from code) cyclic.
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x]) : Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]]);
    for (const [k, child] of entries.reverse()) {
      const at = k.startsWith('[') ? `${path}${k}` : path ? `${path}.${k}` : k;
      if (!k.startsWith('[') && FORBIDDEN_KEYS.has(k)) return { key: k, path: at };
      stack.push({ value: child, path: at });
    }
  }
  return null;
}

/** Messages about a configuration, in both locales. */
const CONFIG_MESSAGES = {
  invalid: { zh: '配置项 {key} 无效:{why}', en: 'invalid configuration at {key}: {why}' },
  forbiddenKey: {
    zh: "配置项 {key} 无效:不允许使用键 '{name}'(__proto__、constructor、prototype 不能作为规则名或选项名)",
    en: "invalid configuration at {key}: the key '{name}' is not allowed (__proto__, constructor and prototype cannot name a rule or an option)",
  },
  unknownRule: { zh: "未知规则 '{id}'(位于 rules.{id})", en: "unknown rule '{id}' at rules.{id}" },
  noSuchOption: { zh: "选项 {key} 无效:规则 {id} 没有选项 '{option}'", en: "invalid option at {key}: rule {id} has no option '{option}'" },
  invalidOption: { zh: '选项 {key} 无效:{why}', en: 'invalid option at {key}: {why}' },
  unknownProfile: {
    zh: "配置项 profile 无效:没有名为 '{profile}' 的报告类型(已知:{known})",
    en: "unknown profile '{profile}' at profile (known: {known})",
  },
} satisfies Record<string, MessageTemplate>;

/** A configuration message in a locale. */
export function configMessage(locale: Locale, id: keyof typeof CONFIG_MESSAGES, data: Record<string, string>): string {
  return formatMessage(CONFIG_MESSAGES[id][locale], data);
}

/** The values a zod issue expected, from it or from the alternatives of a union. */
function expectedValues(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v));
  if (issue.code === 'invalid_union') return issue.errors.flatMap((alternative) => alternative.filter((i) => i.path.length === 0).flatMap(expectedValues));
  return [];
}

/**
 * A zod issue in words: zod's own English message, or Chinese for the issues a configuration,
 * baseline or profile file runs into (zod's messages are English only in this build).
 */
export function issueText(issue: z.core.$ZodIssue, locale: Locale): string {
  if (locale === 'en') {
    // zod says only "Invalid input" for a union: name what would have done.
    const values = issue.code === 'invalid_union' ? [...new Set(expectedValues(issue))] : [];
    return values.length > 0 ? `expected one of ${values.join(', ')}` : issue.message;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `类型不对,应为 ${issue.expected}`;
    case 'invalid_value':
    case 'invalid_union': {
      const values = [...new Set(expectedValues(issue))];
      if (values.length === 1) return `应为 ${values[0]}`;
      return values.length > 0 ? `应为 ${values.join('、')} 之一` : '值无效';
    }
    case 'unrecognized_keys':
      return `未知的键 ${issue.keys.map((k) => `"${k}"`).join('、')}`;
    case 'invalid_key':
      return '键无效';
    case 'too_small':
      return `过小或过短,应至少为 ${String(issue.minimum)}`;
    case 'too_big':
      return `过大或过长,应至多为 ${String(issue.maximum)}`;
    case 'invalid_format':
      return `格式不对(${issue.format})`;
    default:
      return '值无效';
  }
}

/** A zod issue's path as a dotted key with indices: `rules.sum-matches-total[1].reportShort`. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/**
 * Validates a configuration against the known rules; throws `ConfigError` naming the bad key, in
 * the configuration's locale (Chinese unless it asks for English).
 */
export function resolveConfig<R extends { meta: RuleMeta } = Rule>(config: unknown, rules: readonly R[]): ResolvedConfig<R> {
  const locale: Locale = (config as { locale?: unknown } | null | undefined)?.locale === 'en' ? 'en' : 'zh';
  const say = (id: keyof typeof CONFIG_MESSAGES, data: Record<string, string>): string => configMessage(locale, id, data);
  const forbidden = findForbiddenKey(config);
  if (forbidden) throw new ConfigError(say('forbiddenKey', { key: forbidden.path, name: forbidden.key }), forbidden.path);
  const parsed = ConfigSchema.safeParse(config ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issuePath(issue.path) || (issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys.join(', ') : '(root)');
    throw new ConfigError(say('invalid', { key, why: issueText(issue, locale) }), key);
  }
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const settings = parsed.data.rules ?? {};
  for (const id of Object.keys(settings)) {
    if (!byId.has(id)) throw new ConfigError(say('unknownRule', { id }), `rules.${id}`);
  }
  const resolved: Array<ResolvedRule<R>> = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    const level = setting === undefined ? rule.meta.defaultSeverity : Array.isArray(setting) ? setting[0] : setting;
    if (level === 'off') continue;
    const rawOptions = Array.isArray(setting) ? setting[1] : {};
    // An option the rule does not have is a typo, not something to ignore.
    const shape = (rule.meta.options as { shape?: Record<string, unknown> }).shape;
    if (shape && rawOptions && typeof rawOptions === 'object') {
      // Own keys only: `in` would find `toString` on every object.
      const unknown = Object.keys(rawOptions).find((k) => !Object.hasOwn(shape, k));
      if (unknown !== undefined) {
        const key = `rules.${rule.meta.id}[1].${unknown}`;
        throw new ConfigError(say('noSuchOption', { key, id: rule.meta.id, option: unknown }), key);
      }
    }
    const options = rule.meta.options.safeParse(rawOptions);
    if (!options.success) {
      const issue = options.error.issues[0]!;
      const sub = issuePath(issue.path);
      const key = `rules.${rule.meta.id}[1]${sub ? `.${sub}` : ''}`;
      throw new ConfigError(say('invalidOption', { key, why: issueText(issue, locale) }), key);
    }
    resolved.push({ rule, severity: level, options: options.data });
  }
  return {
    locale: parsed.data.locale ?? 'zh',
    rules: resolved,
    ...(parsed.data.profile ? { profile: parsed.data.profile } : {}),
    ...(parsed.data.level ? { level: parsed.data.level } : {}),
  };
}
