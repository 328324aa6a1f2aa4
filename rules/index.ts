import type { CrossRule } from '../src/cross/rule.js';
import type { Rule } from '../src/engine/rule.js';
import { crossChildWithinParent } from './cross-child-within-parent/index.js';
import { crossChildrenSumWithinParent } from './cross-children-sum-within-parent/index.js';
import { crossParentMatches } from './cross-parent-matches/index.js';
import { crossSharedFactsAgree } from './cross-shared-facts-agree/index.js';
import { crossYearMatches } from './cross-year-matches/index.js';
import { documentKind } from './document-kind/index.js';
import { enumerationSequence } from './enumeration-sequence/index.js';
import { headingNumbering } from './heading-numbering/index.js';
import { planYear } from './plan-year/index.js';
import { reportDate } from './report-date/index.js';
import { requiredSections } from './required-sections/index.js';
import { signatureBlock } from './signature-block/index.js';
import { growthRateFeasible } from './growth-rate-feasible/index.js';
import { listCountMatches } from './list-count-matches/index.js';
import { partitionMatchesTotal } from './partition-matches-total/index.js';
import { percentVsPoints } from './percent-vs-points/index.js';
import { rateMatchesCounts } from './rate-matches-counts/index.js';
import { rateWithinBounds } from './rate-within-bounds/index.js';
import { restatementConsistent } from './restatement-consistent/index.js';
import { sumMatchesTotal } from './sum-matches-total/index.js';
import { tableShareMatches } from './table-share-matches/index.js';
import { tableTotalMatches } from './table-total-matches/index.js';
import { tableIdentityHolds } from './table-identity-holds/index.js';
import { formatEdition } from './format-edition/index.js';
import { statisticsYear } from './statistics-year/index.js';
import { tableRestatementMatches } from './table-restatement-matches/index.js';
import { crossYearCarryover } from './cross-year-carryover/index.js';
import { zeroClaimContradiction } from './zero-claim-contradiction/index.js';

export {
  crossChildWithinParent,
  crossChildrenSumWithinParent,
  crossParentMatches,
  crossSharedFactsAgree,
  crossYearCarryover,
  crossYearMatches,
  documentKind,
  enumerationSequence,
  headingNumbering,
  planYear,
  reportDate,
  requiredSections,
  signatureBlock,
  growthRateFeasible,
  listCountMatches,
  partitionMatchesTotal,
  percentVsPoints,
  rateMatchesCounts,
  rateWithinBounds,
  restatementConsistent,
  sumMatchesTotal,
  tableShareMatches,
  tableTotalMatches,
  tableIdentityHolds,
  formatEdition,
  statisticsYear,
  tableRestatementMatches,
  zeroClaimContradiction,
};

/**
 * Every built-in rule, in the order they run. Each rule is typed by its own option schema; the
 * list holds them as plain `Rule`s, which `check` functions cannot express (their option
 * parameter is contravariant), hence the cast.
 */
export const BUILTIN_RULES: readonly Rule[] = [
  sumMatchesTotal,
  partitionMatchesTotal,
  rateMatchesCounts,
  rateWithinBounds,
  listCountMatches,
  restatementConsistent,
  zeroClaimContradiction,
  growthRateFeasible,
  percentVsPoints,
  documentKind,
  requiredSections,
  headingNumbering,
  enumerationSequence,
  reportDate,
  planYear,
  signatureBlock,
  tableTotalMatches,
  tableShareMatches,
  tableIdentityHolds,
  formatEdition,
  statisticsYear,
  tableRestatementMatches,
] as unknown as readonly Rule[];

/** Every built-in cross-document rule, run by `checkReports`. */
export const BUILTIN_CROSS_RULES: readonly CrossRule[] = [
  crossYearMatches,
  crossParentMatches,
  crossChildWithinParent,
  crossChildrenSumWithinParent,
  crossSharedFactsAgree,
  crossYearCarryover,
] as unknown as readonly CrossRule[];
