import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import { datesWithin } from '../../src/report-helpers.js';

/** What ends the clause stating the period: 止 closes 自…至…止; otherwise the clause's own end. */
const PERIOD_END = '止,;。';

/**
 * The period the statistics cover (本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止)
 * is the reporting year. A kind names the words of that sentence (profile `statisticsPeriod`);
 * the first sentence holding one is read, and every year it names must be the reporting year.
 * Real reports copied from last year keep last year's period.
 */
export const statisticsYear = defineRule({
  meta: {
    id: 'statistics-year',
    type: 'problem',
    docs: {
      description: { zh: '统计期限的年份应为报告年度', en: 'The period the statistics cover is the reporting year' },
      url: 'rules/statistics-year/README.md',
    },
    messages: {
      otherYear: {
        zh: '{year}年度报告的统计期限写的是{found}年,应为{year}年',
        en: 'The report on {year} states its statistics period in {found}, not {year}',
      },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  check(ctx) {
    const words = ctx.profile?.profile.statisticsPeriod ?? [];
    const report = ctx.document;
    const year = report.metadata.reportingYear?.year;
    if (words.length === 0 || year === undefined) return;
    // The period runs from the period word to the end of its clause (止, or the next comma or stop):
    // a deadline or an earlier report named later in the sentence is no part of it.
    let from = -1;
    const sentence = report.sentences.find((s) => {
      const text = report.normalized.slice(s.range.start, s.range.end);
      for (const w of words) {
        const i = text.indexOf(w);
        if (i >= 0) {
          from = s.range.start + i + w.length;
          return true;
        }
      }
      return false;
    });
    if (!sentence) return;
    let to = from;
    const s = report.normalized;
    while (to < sentence.range.end && !PERIOD_END.includes(s[to]!)) to++;
    if (s[to] === '止') to++;
    const other = datesWithin(report, from, to).find((d) => d.year !== null && d.year !== year);
    if (!other) return;
    ctx.report({
      messageId: 'otherYear',
      data: { year: String(year), found: String(other.year) },
      range: other.range,
      evidence: {
        figures: [],
        note: `reporting year ${year} (${report.metadata.reportingYear?.source ?? 'unknown source'}); the statistics period names ${other.year}`,
      },
    });
  },
});
