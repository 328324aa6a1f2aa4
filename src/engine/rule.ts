import type { z } from 'zod';
import type { Claim, ClaimKind, ClaimOf } from '../claims/schema.js';
import type { ReportContext } from '../claims/context.js';
import type { Lexicon } from '../claims/lexicon.js';
import type { Range } from '../model/range.js';
import type { ActiveProfile } from '../profiles/detect.js';
import type { FoundItem } from '../profiles/locate.js';
import type { Report } from '../model/report.js';
import type { Evidence, Severity } from './diagnostic.js';
import type { Locale, MessageTemplate } from './messages.js';

/** What kind of finding a rule makes. */
export type RuleType = 'problem' | 'suggestion' | 'layout';

/** A rule's description: identity, docs, messages, options and default severity. */
export interface RuleMeta<Options extends z.ZodType = z.ZodType> {
  /** Public id, e.g. `sum-matches-total`. */
  id: string;
  type: RuleType;
  docs: {
    description: MessageTemplate;
    /** Where the rule's README lives. */
    url: string;
  };
  /** Message templates by message id. */
  messages: Record<string, MessageTemplate>;
  /** Zod schema of the options, with defaults; `z.object({})` when there are none. */
  options: Options;
  defaultSeverity: Severity;
}

/** What a rule passes to `ctx.report`. */
export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** The stated figure or text the finding is about. */
  range: Range;
  evidence: Evidence;
  /** Other places that matter, each with a short message (already localised). */
  related?: Array<{ range: Range; message: string; document?: string }>;
  suggestion?: { message: string; replacement?: string };
  /**
   * A lower severity for this finding than the rule's configured one (a truncated rate is
   * milder than a wrong one). It can lower, never raise, what the user configured.
   */
  severity?: Severity;
}

/** What a rule's `check` receives. */
export interface RuleContext<Options = unknown> {
  /** The parsed report. */
  document: Report;
  /** Every claim extracted from the report, with verdicts. */
  claims: readonly Claim[];
  /** Figure labels, clause groups and the lexicon the claims were read with. */
  context: ReportContext;
  lexicon: Lexicon;
  options: Options;
  locale: Locale;
  /** The document profile the report is checked against, or null when no profile fits. */
  profile: ActiveProfile | null;
  /** Where each content item of the profile was found (empty without a profile). */
  items: ReadonlyMap<string, FoundItem>;
  /** Claims of one kind. */
  claimsOf<K extends ClaimKind>(kind: K): Array<ClaimOf<K>>;
  /** Records a finding. */
  report(descriptor: ReportDescriptor): void;
  /** Formats one of this rule's messages in the current locale. */
  message(messageId: string, data?: Record<string, string | number>): string;
}

/** A rule: its meta and the check it runs. */
export interface Rule<Options extends z.ZodType = z.ZodType> {
  meta: RuleMeta<Options>;
  check(ctx: RuleContext<z.output<Options>>): void;
}

/** Declares a rule; the identity function that gives `check` its option types. */
export function defineRule<Options extends z.ZodType>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
