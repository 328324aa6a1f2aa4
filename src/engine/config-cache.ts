import type { RuleMeta } from './rule.js';
import { FORBIDDEN_KEYS, type ResolvedConfig } from './config.js';

/** Deepest configuration that is cached; deeper (or cyclic) ones are resolved on every call. */
const MAX_DEPTH = 16;
/** Distinct configurations remembered per process; past this the cache starts again. */
const MAX_ENTRIES = 64;

/**
 * A configuration's structure as a string: two configurations with equal keys resolve alike. Null
 * for anything but plain JSON-like data (class instances, functions, cycles, `__proto__` keys),
 * which is then resolved afresh each time as before.
 */
export function configKey(value: unknown, depth = 0): string | null {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'u';
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return null;
  }
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const k = configKey(value[i], depth + 1);
      if (k === null) return null;
      out += k + ',';
    }
    return out + ']';
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  let out = '{';
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return null;
    const k = configKey((value as Record<string, unknown>)[key], depth + 1);
    if (k === null) return null;
    out += JSON.stringify(key) + ':' + k + ',';
  }
  return out + '}';
}

/** A copy of plain JSON-like data (as `configKey` accepts), so nothing cached is the caller's. */
function plainCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Array.from(value, plainCopy);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plainCopy((value as Record<string, unknown>)[key]);
  return out;
}

/** Freezes plain objects and arrays all the way down: cached options are shared by every check. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}

interface Entry<R extends { meta: RuleMeta }> {
  rules: readonly R[];
  resolved: ResolvedConfig<R>;
}

const cache = new Map<string, Array<Entry<{ meta: RuleMeta }>>>();

function sameRules(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `resolve(config)` against a rule list, remembered per process by the
 * configuration's structure and the rules' identity: a check of many reports with one
 * configuration (or none) validates it once. Failures are not remembered (they throw each time).
 * The options in a remembered result are frozen, since every later check shares them.
 */
export function resolveCached<R extends { meta: RuleMeta }>(config: unknown, rules: readonly R[], resolve: (config: unknown) => ResolvedConfig<R>): ResolvedConfig<R> {
  const key = configKey(config);
  if (key === null) return resolve(config);
  const entries = cache.get(key);
  if (entries) {
    for (const e of entries) if (sameRules(e.rules, rules)) return e.resolved as unknown as ResolvedConfig<R>;
  }
  // Resolved from a copy: the options may hold parts of the configuration, and they are frozen.
  const resolved = resolve(plainCopy(config));
  for (const r of resolved.rules) deepFreeze(r.options);
  if (cache.size >= MAX_ENTRIES && !entries) cache.clear();
  const list = cache.get(key) ?? [];
  if (list.length >= MAX_ENTRIES) list.length = 0;
  list.push({ rules: rules.slice(), resolved } as unknown as Entry<{ meta: RuleMeta }>);
  cache.set(key, list);
  return resolved;
}
