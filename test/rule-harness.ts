import { checkReport, type Diagnostic } from '../src/index.js';
import { BUILTIN_RULES } from '../rules/index.js';

/**
 * Runs one built-in rule alone on a text (every other rule off) and returns its findings.
 * `options` are the rule's options; `locale` defaults to zh.
 */
export function runRule(ruleId: string, text: string, options?: Record<string, unknown>, locale: 'zh' | 'en' = 'zh'): Diagnostic[] {
  const rules: Record<string, unknown> = {};
  for (const r of BUILTIN_RULES) rules[r.meta.id] = 'off';
  const rule = BUILTIN_RULES.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  rules[ruleId] = options ? [rule.meta.defaultSeverity, options] : rule.meta.defaultSeverity;
  return checkReport(text, { locale, rules }).diagnostics;
}

/** The flagged text of each finding. */
export function flagged(text: string, diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => text.slice(d.range.start, d.range.end));
}
