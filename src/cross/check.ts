import type { Rule } from '../engine/rule.js';
import { checkDescriptor, checkReportWith, compareDiagnostics, findingSeverity, toDiagnostic, type CheckOptions, type CheckResult } from '../engine/check.js';
import type { Preset } from '../engine/preset.js';
import { resolveConfig, type ConfigInput } from '../engine/config.js';
import { formatMessage } from '../engine/messages.js';
import type { Report } from '../model/report.js';
import type { SourceTable } from '../model/table.js';
import { extractFacts } from './facts.js';
import { linkReports, type Link, type Unplaced } from './link.js';
import type { CrossComparison, CrossContext, CrossDoc, CrossReportDescriptor, CrossRule } from './rule.js';

/** One input of `checkReports`: an id (a path) and its text or parsed report. */
export interface ReportInput {
  id: string;
  text?: string;
  report?: Report;
  /** Tables the file gave as tables (`LoadedSource.tables`), read from their structure. */
  tables?: readonly SourceTable[];
}

/** What `checkReports` returns: each document's own check, the links and the comparisons. */
export interface CheckReportsResult {
  documents: Array<{ id: string; result: CheckResult }>;
  links: Link[];
  unplaced: Unplaced[];
  /** Every cross-document comparison made, with its verdict. */
  comparisons: CrossComparison[];
}

/** Options of `checkReports`: those of `checkReport`, explicit parents and extra cross rules. */
export interface CheckReportsOptions extends CheckOptions {
  /** Child id → parent id, overriding the links found from place names. */
  parents?: Record<string, string>;
  crossRules?: readonly CrossRule[];
  /** Called after each document's own check, with how many are done (for progress displays). */
  onChecked?: (done: number, total: number) => void;
}

/**
 * Checks many reports at once: each on its own (as `checkReport`), then street and town reports
 * against their district or county, linked by place names or by the caller's `parents`.
 * Cross-document findings land in the document they are about, with `related` locations in the
 * other report (`related[].document`).
 */
export function checkReportsWith(preset: Preset, inputs: readonly ReportInput[], config: ConfigInput = {}, options: CheckReportsOptions = {}): CheckReportsResult {
  const crossRules = [...(options.builtins === false ? [] : preset.crossRules), ...(options.crossRules ?? [])];
  const single = [...(options.builtins === false ? [] : preset.rules), ...(options.rules ?? [])];
  const resolved = resolveConfig<CrossRule | Rule>(config, [...crossRules, ...single]);
  const lexicon = options.lexicon ?? preset.lexicon;
  const kinds = [...(options.profiles ?? []), ...preset.profiles];
  const docs: CrossDoc[] = inputs.map((input, i) => {
    const result = checkReportWith(preset, input.report ?? input.text ?? '', config, { ...options, parse: { ...options.parse, source: input.id, ...(input.tables ? { tables: input.tables } : {}) } });
    options.onChecked?.(i + 1, inputs.length);
    const profile = kinds.find((p) => p.id === result.kind.profile) ?? null;
    return { id: input.id, report: result.report, facts: extractFacts(result.context, result.claims), result, profile };
  });
  const { links, unplaced } = linkReports(docs, options.parents);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const linked = links.map((link) => ({ link, child: byId.get(link.child)!, parent: byId.get(link.parent)! }));
  const families = new Map<string, { parent: CrossDoc; children: CrossDoc[] }>();
  for (const l of linked) {
    const f = families.get(l.parent.id) ?? { parent: l.parent, children: [] };
    f.children.push(l.child);
    families.set(l.parent.id, f);
  }
  const comparisons: CrossComparison[] = [];
  const reportOf = (id: string): Report | undefined => byId.get(id)?.report;
  // Fingerprint occurrences per document, as checkReport counts them per report.
  const occurrences = new Map<string, Map<string, number>>();
  const occurrencesOf = (id: string): Map<string, number> => {
    let m = occurrences.get(id);
    if (!m) occurrences.set(id, (m = new Map()));
    return m;
  };
  for (const entry of resolved.rules) {
    const rule = entry.rule as CrossRule;
    if (typeof rule.checkCross !== 'function') continue;
    const message = (messageId: string, data?: Record<string, string | number>): string => {
      const template = rule.meta.messages[messageId];
      if (!template) throw new Error(`rule ${rule.meta.id} has no message '${messageId}'`);
      return formatMessage(template[resolved.locale], data);
    };
    const ctx: CrossContext = {
      options: entry.options,
      locale: resolved.locale,
      lexicon,
      links: linked,
      families: [...families.values()],
      documents: docs,
      compare: (c) => comparisons.push({ ruleId: rule.meta.id, ...c }),
      message,
      report: (d: CrossReportDescriptor) => {
        const doc = byId.get(d.document);
        if (!doc) return;
        checkDescriptor(d, doc.report.text.length, rule.meta.id);
        const severity = findingSeverity(d.severity, entry.severity);
        doc.result.diagnostics.push(toDiagnostic(doc.report, rule.meta.id, d.messageId, severity, message(d.messageId, d.data), d, occurrencesOf(doc.id), reportOf));
      },
    };
    try {
      rule.checkCross(ctx);
    } catch (error) {
      const first = docs[0];
      if (first) {
        const why = error instanceof Error ? error.message : String(error);
        first.result.diagnostics.push(
          toDiagnostic(
            first.report,
            'internal-error',
            'crashed',
            'error',
            `rule ${rule.meta.id} crashed: ${why}`,
            { messageId: 'crashed', range: { start: 0, end: 0 }, evidence: { figures: [], note: why } },
            occurrencesOf(first.id),
          ),
        );
      }
    }
  }
  for (const d of docs) {
    d.result.diagnostics.sort(compareDiagnostics);
  }
  return { documents: docs.map((d) => ({ id: d.id, result: d.result })), links, unplaced, comparisons };
}
