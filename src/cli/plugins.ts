/**
 * Rules from a user's own file (`--plugin path/to/rule.js`), imported only when named. A plugin
 * module exports a rule, a cross-document rule, an array of them, or `{ rules: [...] }`, as its
 * default export or as `rules`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CrossRule } from '../cross/rule.js';
import type { Rule } from '../engine/rule.js';
import { CliError } from './messages.js';

/** The rules a run loaded from plugin files. */
export interface PluginRules {
  rules: Rule[];
  crossRules: CrossRule[];
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\/[a-z][a-z0-9]*(-[a-z0-9]+)*)?$/;

/** Why a value is not a rule, or null when it is one. */
function notARule(value: unknown): string | null {
  const r = value as Partial<Rule & CrossRule> | null;
  if (!r || typeof r !== 'object' || !r.meta || typeof r.meta !== 'object') return 'it exports no rule (export default a rule with meta and check, an array of rules, or { rules })';
  const m = r.meta;
  if (typeof m.id !== 'string' || !ID.test(m.id)) return `rule id '${String(m.id)}' is not a lower-case-with-dashes id`;
  if (typeof r.check !== 'function' && typeof r.checkCross !== 'function') return `rule ${m.id} has no check function`;
  if (!m.messages || typeof m.messages !== 'object' || Object.keys(m.messages).length === 0) return `rule ${m.id} has no messages`;
  for (const [id, t] of Object.entries(m.messages)) {
    if (typeof t?.zh !== 'string' || typeof t?.en !== 'string') return `rule ${m.id}: message ${id} needs zh and en`;
  }
  if (typeof m.docs?.description?.zh !== 'string' || typeof m.docs?.description?.en !== 'string') return `rule ${m.id} needs docs.description in zh and en`;
  if (!m.options || typeof (m.options as { safeParse?: unknown }).safeParse !== 'function') return `rule ${m.id} needs an options schema (z.object({}) when it has none)`;
  if (!['error', 'warning', 'info'].includes(m.defaultSeverity as string)) return `rule ${m.id} needs a defaultSeverity of error, warning or info`;
  return null;
}

/** The rules a plugin module exports, in any of the accepted shapes. */
function rulesOf(mod: Record<string, unknown>): unknown[] {
  const exported = mod.default ?? mod.rules ?? mod;
  // A CommonJS module imported from ESM arrives as { default: module.exports }.
  const unwrapped = exported && typeof exported === 'object' && 'rules' in exported && !('meta' in exported) ? (exported as { rules: unknown }).rules : exported;
  return Array.isArray(unwrapped) ? unwrapped : [unwrapped];
}

/** Imports plugin files and checks their rules; any problem is a `CliError` naming the file. */
export async function loadPlugins(paths: readonly string[], builtinIds: ReadonlySet<string>): Promise<PluginRules> {
  const out: PluginRules = { rules: [], crossRules: [] };
  const seen = new Set(builtinIds);
  for (const path of [...new Map(paths.map((p) => [resolve(p), p])).values()]) {
    if (!existsSync(path)) throw new CliError('badPlugin', { path, why: 'no such file' });
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
    } catch (error) {
      // Node's own words: a package the file imports that cannot be found from where it is, a syntax error…
      throw new CliError('badPlugin', { path, why: ((error as Error).message ?? String(error)).split('\n')[0]! });
    }
    const found = rulesOf(mod);
    if (found.length === 0) throw new CliError('badPlugin', { path, why: 'it exports no rule (export default a rule, an array of rules, or { rules })' });
    for (const rule of found) {
      const why = notARule(rule);
      if (why) throw new CliError('badPlugin', { path, why });
      const r = rule as Rule & CrossRule;
      if (seen.has(r.meta.id)) throw new CliError('badPlugin', { path, why: `rule id '${r.meta.id}' is already taken` });
      seen.add(r.meta.id);
      if (typeof r.checkCross === 'function') out.crossRules.push(r);
      else out.rules.push(r);
    }
  }
  return out;
}
