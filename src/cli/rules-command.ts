/** `jiaohe rules`: every rule with its description, kind and default severity. */
import { textWidth } from '../report/text-width.js';
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../../rules/index.js';
import type { Locale } from '../engine/messages.js';
import type { PluginRules } from './plugins.js';
import { SEVERITY_WORDS } from '../report/stylish.js';

/** One line of the rule list. */
export interface RuleListing {
  id: string;
  scope: 'document' | 'cross-document';
  type: string;
  defaultSeverity: string;
  description: string;
  url: string;
}

/** The rules as listed by `jiaohe rules`: the built-in ones, then those of any plugins. */
export function listRules(locale: Locale, plugins: PluginRules = { rules: [], crossRules: [] }): RuleListing[] {
  const one = [...BUILTIN_RULES, ...plugins.rules].map((r) => ({ meta: r.meta, scope: 'document' as const }));
  const cross = [...BUILTIN_CROSS_RULES, ...plugins.crossRules].map((r) => ({ meta: r.meta, scope: 'cross-document' as const }));
  return [...one, ...cross].map(({ meta, scope }) => ({
    id: meta.id,
    scope,
    type: meta.type,
    defaultSeverity: meta.defaultSeverity,
    description: meta.docs.description[locale],
    url: meta.docs.url,
  }));
}

/** The rule list as a table (text) or JSON. */
export function formatRules(locale: Locale, format: string, plugins?: PluginRules): string {
  const rules = listRules(locale, plugins);
  if (format === 'json') return `${JSON.stringify(rules, null, 2)}\n`;
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const head = locale === 'zh' ? ['规则', '默认级别', '说明'] : ['rule', 'default', 'description'];
  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - textWidth(s)));
  const lines = [`${pad(head[0]!, idWidth)}  ${pad(head[1]!, 8)}  ${head[2]}`];
  let scope = '';
  for (const r of rules) {
    if (r.scope !== scope) {
      scope = r.scope;
      lines.push('', scope === 'document' ? (locale === 'zh' ? '单篇报告' : 'one report') : locale === 'zh' ? '跨报告' : 'across reports');
    }
    // The words the stylish output uses (错误/警告/提示 in Chinese); JSON keeps the ids.
    const severity = SEVERITY_WORDS[locale][r.defaultSeverity as 'error' | 'warning' | 'info']?.trim() ?? r.defaultSeverity;
    lines.push(`${pad(r.id, idWidth)}  ${pad(severity, 8)}  ${r.description}`);
  }
  return `${lines.join('\n')}\n`;
}
