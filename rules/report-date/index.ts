import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import type { CalendarDate } from '../../src/model/date.js';
import type { Deadline } from '../../src/profiles/schema.js';

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A deadline for a given year in the reader's language: 2021年3月1日前 / by 1 March 2021. */
function deadlineText(d: Deadline, year: number, locale: 'zh' | 'en'): string {
  if (locale === 'zh') return `${year}年${d.month}月${d.day}日前`;
  return `${d.inclusive ? 'by' : 'before'} ${d.day} ${MONTHS[d.month - 1]} ${year}`;
}

/** Whether a written date exists in the calendar. */
export function isRealDate(d: { year: number; month: number; day: number }): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysIn(d.year, d.month);
}

/** Compares two dates: negative, zero or positive. */
function compare(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function late(d: CalendarDate, deadline: Deadline, year: number): boolean {
  const c = compare(d, { year: year + 1, month: deadline.month, day: deadline.day });
  return deadline.inclusive ? c > 0 : c >= 0;
}

/** The date written is real, standard in form, in time, and after the year it reports on. */
export const reportDate = defineRule({
  meta: {
    id: 'report-date',
    type: 'problem',
    docs: {
      description: { zh: '成文日期应真实、格式规范,并在规定期限内', en: 'The date written is a real date in the standard form, within the deadline' },
      url: 'rules/report-date/README.md',
    },
    messages: {
      invalid: { zh: '成文日期“{date}”不是真实存在的日期', en: 'The date written, {date}, does not exist' },
      format: { zh: '成文日期“{date}”格式不规范,应写作“{expected}”(年份写全,月、日不编虚位)', en: 'The date written, {date}, should read {expected} (full year, no zero padding)' },
      partialYear: { zh: '{year}年度报告的成文日期为{date},仍在报告年度内,只涵盖部分年度', en: 'The report on {year} is dated {date}, inside that year, so it covers only part of it' },
      partialYearSoFar: {
        zh: '{year}年度报告的成文日期为{date},正文写“截至目前”,所报数据并非全年数据',
        en: 'The report on {year} is dated {date} and says 截至目前 (so far): its figures are not for the whole year',
      },
      late: { zh: '成文日期{date}晚于报送期限({deadline})', en: 'Dated {date}, after the deadline ({deadline})' },
      latePublished: { zh: '发布日期{date}晚于公开期限({deadline})', en: 'Published {date}, after the deadline ({deadline})' },
      beforeYear: { zh: '成文日期{date}早于所报告的{year}年度', en: 'Dated {date}, before the year {year} it reports on' },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  check(ctx) {
    const report = ctx.document;
    const m = report.metadata;
    const year = m.reportingYear?.year;
    const written = m.dateWritten;
    const zh = ctx.locale === 'zh';
    if (written) {
      const date = written.text;
      const evidence = { figures: [], note: `from the ${written.source}` };
      if (!isRealDate(written)) {
        ctx.report({ messageId: 'invalid', data: { date }, range: written.range, evidence });
        return;
      }
      // The standard form (GB/T 9704 7.3.5.4): 2021年1月12日. Page metadata uses ISO dates, which is the page's form, not the document's.
      const expected = `${written.year}年${written.month}月${written.day}日`;
      // GB/T 9704-2012 7.3.5.4: Arabic numerals, full year, no zero padding (not 二〇二三年, 2023年01月).
      if (written.source === 'signature' && report.normalized.slice(written.range.start, written.range.end) !== expected && /年/.test(date)) {
        ctx.report({ messageId: 'format', data: { date, expected }, range: written.range, evidence: { figures: [], expected }, severity: 'info' });
      }
      if (year !== undefined) {
        if (written.year < year) {
          ctx.report({ messageId: 'beforeYear', data: { date, year }, range: written.range, evidence, severity: 'warning' });
        } else if (written.year === year) {
          const soFar = report.normalized.includes('截至目前');
          ctx.report({
            messageId: soFar ? 'partialYearSoFar' : 'partialYear',
            data: { date, year },
            range: written.range,
            evidence: { figures: [], expected: zh ? `${year + 1}年` : `in ${year + 1}`, note: soFar ? 'the body says 截至目前' : 'dated inside the reporting year' },
            severity: soFar ? 'warning' : 'info',
          });
        }
        const deadline = ctx.profile?.deadlines.report;
        if (deadline && late(written, deadline, year)) {
          ctx.report({
            messageId: 'late',
            data: { date, deadline: deadlineText(deadline, year + 1, ctx.locale) },
            range: written.range,
            evidence: { figures: [], expected: deadline.text[ctx.locale] },
            severity: 'warning',
          });
        }
      }
    }
    const published = m.datePublished;
    const publishDeadline = ctx.profile?.deadlines.publish;
    if (published && publishDeadline && year !== undefined && isRealDate(published) && late(published, publishDeadline, year)) {
      ctx.report({
        messageId: 'latePublished',
        data: { date: published.text, deadline: deadlineText(publishDeadline, year + 1, ctx.locale) },
        range: published.range,
        evidence: { figures: [], expected: publishDeadline.text[ctx.locale] },
        severity: 'warning',
      });
    }
  },
});
