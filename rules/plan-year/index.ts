import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { datesWithin } from '../../src/report-helpers.js';

/** The plan section speaks of the next year and the measures section of the reporting year. */
export const planYear = defineRule({
  meta: {
    id: 'plan-year',
    type: 'problem',
    docs: {
      description: { zh: '工作安排应针对下一年度,举措和成效应针对报告年度', en: 'The plan is for the next year and the measures for the reporting year' },
      url: 'rules/plan-year/README.md',
    },
    messages: {
      planYear: { zh: '{year}年度报告的工作安排写的是{found}年,应为{expected}年', en: 'The plan of the report on {year} speaks of {found}, not {expected}' },
      measuresYear: { zh: '{year}年度报告的举措和成效写的是{found}年,应为{year}年', en: 'The measures of the report on {year} speak of {found}, not {year}' },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    const report = ctx.document;
    const year = report.metadata.reportingYear?.year;
    if (year === undefined || !ctx.profile) return;
    for (const item of ctx.profile.profile.items) {
      if (!item.year) continue;
      const found = ctx.items.get(item.id);
      // Only a section the item opens: a 下一步 paragraph inside the problems part does not make
      // the problems' heading speak of the plan's year.
      if (!found?.section || found.via !== 'heading') continue;
      const expected = item.year === 'next' ? year + 1 : year;
      const s = found.section;
      // The heading's own year decides; without one, a year that opens the section's first
      // paragraph (2021年,我区将…). Years further in (力争到2025年, 比2021年增加) are targets and
      // comparisons, not the year the section speaks of.
      const inHeading = datesWithin(report, s.headingRange.start, s.headingRange.end).filter((d) => d.year !== null);
      let years = inHeading;
      if (years.length === 0) {
        const firstPara = report.paragraphs.find((p) => p.range.start >= s.headingRange.end && p.range.start < s.range.end && p.role === 'body');
        // Only a bare year opening the paragraph and followed by a comma (2021年,我区将…), not
        // 2021年12月,区委印发… nor 2025年是“十四五”收官之年.
        years = firstPara
          ? datesWithin(report, firstPara.range.start, firstPara.range.end).filter((d) => d.year !== null && d.kind === 'year' && d.range.start === firstPara.range.start && report.normalized[d.range.end] === ',')
          : [];
      }
      const wrong = years.find((d) => d.year !== expected);
      if (!wrong) continue;
      ctx.report({
        messageId: item.year === 'next' ? 'planYear' : 'measuresYear',
        data: { year, found: wrong.year!, expected },
        range: wrong.range,
        evidence: { figures: [], expected: `${expected}年`, computed: `${wrong.year}年` },
      });
    }
  },
});
