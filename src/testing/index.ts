/**
 * jiaohe/testing — for rule authors: a RuleTester that runs cases inside vitest, fast-check
 * arbitraries for figures, claims and whole reports, and mutation operators that break one
 * thing in a generated report and say which finding must follow. Kept out of the main bundle;
 * needs `vitest` and `fast-check` (peer dependencies).
 */
export { RuleTester, runRule, assertRuleMeta, type ExpectedFinding, type InvalidCase, type RuleTesterOptions, type TestFunctions, type ValidCase } from './rule-tester.js';
export { anyFigure, arabicFigure, chineseFigure, percentFigure, reportLikeText, toChinese, type WrittenFigure } from './figures.js';
export {
  claimArbitrary,
  headingMarker,
  headingsArbitrary,
  reportArbitrary,
  writtenRate,
  type GeneratedReport,
  type HeadingLevel,
  type PartId,
  type PlantedClaim,
  type PlantedEnumeration,
  type PlantedFigure,
  type PlantedHeading,
  type ReportOptions,
} from './report.js';
export * from './mutations.js';
export * from './family.js';
