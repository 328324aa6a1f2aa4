import type { Diagnostic, Rule } from '../src/index.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { runRule as runOne } from '../src/testing/index.js';

/**
 * Runs one built-in rule alone on a text (no other rule runs) and returns its findings.
 * `options` are the rule's options; `locale` defaults to zh.
 */
export function runRule(ruleId: string, text: string, options?: Record<string, unknown>, locale: 'zh' | 'en' = 'zh'): Diagnostic[] {
  const rule = BUILTIN_RULES.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return runOne(rule as Rule, text, { locale, ...(options ? { options } : {}) });
}

/** The flagged text of each finding. */
export function flagged(text: string, diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => text.slice(d.range.start, d.range.end));
}
