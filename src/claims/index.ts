import type { Report } from '../model/report.js';
import { extractBreakdowns } from './breakdown.js';
import { ClaimList } from './builder.js';
import { amountsBySegment, buildContext, type ReportContext } from './context.js';
import { extractCountedLists } from './counted-list.js';
import { extractFamilyBreakdowns } from './family.js';
import { extractGrowth } from './growth.js';
import { builtinLexicon, type Lexicon } from './lexicon.js';
import { extractPartitions, extractRatePartitions } from './partition.js';
import { extractPointsChanges } from './points.js';
import { extractRates } from './rate.js';
import { extractRestatements } from './restatement.js';
import { extractRuns } from './runs.js';
import type { Claim } from './schema.js';
import { extractSubsets } from './subset.js';
import { extractTableClaims } from './table.js';
import { extractTableIdentities } from './identity.js';
import { extractTableRestatements } from './table-restatement.js';
import type { Profile } from '../profiles/schema.js';
import { extractZeroClaims } from './zero-claim.js';

/** Claims of a report with the context they were read from. */
export interface ExtractedClaims {
  claims: Claim[];
  context: ReportContext;
}

/**
 * Extracts and judges every checkable claim of a report: breakdowns, partitions, subsets,
 * rates, counted lists, restatements, zero claims, growth rates and rate changes, table totals and
 * shares, and the table identities the document kind (`profile`) declares. Claims come
 * back in document order, numbered from 0.
 */
export function extractClaims(report: Report, lexicon: Lexicon = builtinLexicon, profile: Profile | null = null): ExtractedClaims {
  const context = buildContext(report, lexicon);
  const list = new ClaimList();
  const partitionUsed = new Set<number>();
  extractBreakdowns(context, list);
  // The amount figures of each clause group, read by partitions and subsets.
  const groups = amountsBySegment(context);
  extractPartitions(context, list, partitionUsed, groups);
  extractSubsets(context, list, partitionUsed, groups);
  const rates = extractRates(context, list);
  extractFamilyBreakdowns(context, list, rates.families);
  extractRatePartitions(context, list, rates.judged);
  extractRuns(context, list);
  extractCountedLists(context, list);
  extractRestatements(context, list);
  extractZeroClaims(context, list);
  extractGrowth(context, list);
  extractPointsChanges(context, list);
  extractTableClaims(context, list);
  extractTableIdentities(context, list, profile);
  extractTableRestatements(context, list, profile);
  // The claims were made for this call alone: renumber them in place instead of copying each.
  // Kinds compared by code unit: they are ASCII names that order alike either way (so the order is
  // unchanged), and `localeCompare` goes through the collator for every tie.
  const claims = list.claims.slice().sort((a, b) => a.range.start - b.range.start || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  for (let id = 0; id < claims.length; id++) claims[id]!.id = id;
  return { claims, context };
}
