import type { z } from 'zod';
import type { CheckResult } from '../engine/check.js';
import type { Evidence } from '../engine/diagnostic.js';
import type { Locale } from '../engine/messages.js';
import type { RuleMeta, ReportDescriptor } from '../engine/rule.js';
import type { Lexicon } from '../claims/lexicon.js';
import type { Range } from '../model/range.js';
import type { Report } from '../model/report.js';
import type { Profile } from '../profiles/schema.js';
import type { MetricFact } from './facts.js';
import type { Link } from './link.js';

/** One report in a cross-document check. */
export interface CrossDoc {
  id: string;
  report: Report;
  facts: MetricFact[];
  result: CheckResult;
  /** The document kind the report was checked as, or null. */
  profile: Profile | null;
}

/** A comparison between two reports (or a parent and all its children), with its verdict. */
export interface CrossComparison {
  ruleId: string;
  /** The report the comparison is about (the child, or the parent for sums). */
  document: string;
  /** The other report(s). */
  others: string[];
  what: string;
  verdict: 'holds' | 'fails' | 'unverifiable';
  evidence: Evidence;
  range: Range;
}

/** What a cross-document rule passes to `ctx.report`: the document the finding belongs to. */
export interface CrossReportDescriptor extends ReportDescriptor {
  document: string;
}

/** What a cross-document rule's `check` receives. */
export interface CrossContext<Options = unknown> {
  options: Options;
  locale: Locale;
  lexicon: Lexicon;
  /** Every link: a child report with its parent. */
  links: ReadonlyArray<{ link: Link; child: CrossDoc; parent: CrossDoc }>;
  /** Every parent with all its linked children. */
  families: ReadonlyArray<{ parent: CrossDoc; children: CrossDoc[] }>;
  /** Every report checked together, in the order given (same-body pairs of years are found here). */
  documents: ReadonlyArray<CrossDoc>;
  /** Records a comparison, whatever its verdict. */
  compare(comparison: Omit<CrossComparison, 'ruleId'>): void;
  /** Records a finding on one document; `related` entries may name another document. */
  report(descriptor: CrossReportDescriptor): void;
  message(messageId: string, data?: Record<string, string | number>): string;
}

/** A rule that compares reports with each other. */
export interface CrossRule<Options extends z.ZodType = z.ZodType> {
  meta: RuleMeta<Options>;
  checkCross(ctx: CrossContext<z.output<Options>>): void;
}

/** Declares a cross-document rule. */
export function defineCrossRule<Options extends z.ZodType>(rule: CrossRule<Options>): CrossRule<Options> {
  return rule;
}
