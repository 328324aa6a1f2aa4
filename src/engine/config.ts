import { z } from 'zod';
import { LevelSchema, type Level } from '../model/metadata.js';
import { SeveritySchema, type Severity } from './diagnostic.js';
import type { Locale } from './messages.js';
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

/** A zod issue's path as a dotted key with indices: `rules.sum-matches-total[1].reportShort`. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Validates a configuration against the known rules; throws `ConfigError` naming the bad key. */
export function resolveConfig<R extends { meta: RuleMeta } = Rule>(config: unknown, rules: readonly R[]): ResolvedConfig<R> {
  const parsed = ConfigSchema.safeParse(config ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issuePath(issue.path) || (issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys.join(', ') : '(root)');
    throw new ConfigError(`invalid configuration at ${key}: ${issue.message}`, key);
  }
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const settings = parsed.data.rules ?? {};
  for (const id of Object.keys(settings)) {
    if (!byId.has(id)) throw new ConfigError(`unknown rule '${id}' at rules.${id}`, `rules.${id}`);
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
      const unknown = Object.keys(rawOptions).find((k) => !(k in shape));
      if (unknown !== undefined) {
        const key = `rules.${rule.meta.id}[1].${unknown}`;
        throw new ConfigError(`invalid option at ${key}: rule ${rule.meta.id} has no option '${unknown}'`, key);
      }
    }
    const options = rule.meta.options.safeParse(rawOptions);
    if (!options.success) {
      const issue = options.error.issues[0]!;
      const sub = issuePath(issue.path);
      const key = `rules.${rule.meta.id}[1]${sub ? `.${sub}` : ''}`;
      throw new ConfigError(`invalid option at ${key}: ${issue.message}`, key);
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
