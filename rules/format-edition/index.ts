import { z } from 'zod';
import { defineRule } from '../../src/engine/rule.js';
import type { Report } from '../../src/model/report.js';
import type { ProfileFormat } from '../../src/profiles/schema.js';

/**
 * The edition a report's tables name, with its earliest cue; null when none is named. Cues are
 * read in the tables only (their headers and labels): the prose may quote a clause or a column
 * name without using that edition's tables.
 */
function editionOf(report: Report, formats: readonly ProfileFormat[]): { format: ProfileFormat; cues: string[]; at: number; cue: string } | null {
  const s = report.normalized;
  let best: { format: ProfileFormat; cues: string[]; at: number; cue: string } | null = null;
  for (const format of formats) {
    const cues: string[] = [];
    let at = Infinity;
    let first = '';
    for (const cue of format.cues) {
      const i = firstInTables(report, s, cue);
      if (i >= 0) {
        cues.push(cue);
        if (i < at) {
          at = i;
          first = cue;
        }
      }
    }
    if (cues.length >= format.minCues && (!best || cues.length > best.cues.length)) best = { format, cues, at, cue: first };
  }
  return best;
}

/** Where `cue` first stands inside one of the report's tables, or -1. */
function firstInTables(report: Report, s: string, cue: string): number {
  for (const t of report.tables) {
    // Within the table's own text only: a search from its start could run to the end of the report.
    const i = s.slice(t.range.start, t.range.end).indexOf(cue);
    if (i >= 0) return t.range.start + i;
  }
  return -1;
}

/** Whether an edition is for the reporting year `year`. */
function covers(format: ProfileFormat, year: number): boolean {
  return (format.fromYear === undefined || year >= format.fromYear) && (format.untilYear === undefined || year <= format.untilYear);
}

/**
 * A report uses the edition of its kind's format that is in force for its reporting year: a
 * 政府信息公开工作年度报告 for 2021 or later in the 2019 trial format (本年新制作数量, 对外公开总数量 …)
 * is reported. The edition is told by words only its tables print, read in its tables; without a reporting year or
 * with no edition named, nothing is said.
 */
export const formatEdition = defineRule({
  meta: {
    id: 'format-edition',
    type: 'problem',
    docs: {
      description: { zh: '报告应使用其年度适用的格式版本', en: 'A report uses the edition of its mandated format in force for its year' },
      url: 'rules/format-edition/README.md',
    },
    messages: {
      outdated: {
        zh: '{year}年度报告使用了{edition}(依据:{cues}),该格式适用于{span};应使用{current}',
        en: 'The report for {year} uses {edition} (by: {cues}), which is for {span}; it should use {current}',
      },
    },
    options: z.object({}),
    defaultSeverity: 'error',
  },
  check(ctx) {
    const formats = ctx.profile?.profile.formats ?? [];
    const year = ctx.document.metadata.reportingYear?.year;
    if (formats.length === 0 || year === undefined) return;
    const found = editionOf(ctx.document, formats);
    if (!found || covers(found.format, year)) return;
    const en = ctx.locale === 'en';
    const current = formats.find((f) => covers(f, year));
    const { fromYear: from, untilYear: until } = found.format;
    const span = en
      ? from !== undefined && until !== undefined
        ? `${from}–${until}`
        : from !== undefined
          ? `${from} and later`
          : `${until} and earlier`
      : from !== undefined && until !== undefined
        ? `${from}—${until}年度`
        : from !== undefined
          ? `${from}年度及以后`
          : `${until}年度及以前`;
    ctx.report({
      messageId: 'outdated',
      data: {
        year: String(year),
        edition: `${en ? found.format.name.en : found.format.name.zh}${found.format.source ? `(${found.format.source})` : ''}`,
        cues: found.cues.join(en ? ', ' : '、'),
        span,
        current: current ? `${en ? current.name.en : current.name.zh}${current.source ? `(${current.source})` : ''}` : en ? 'the edition in force' : '现行格式',
      },
      range: { start: found.at, end: found.at + found.cue.length },
      evidence: {
        figures: [],
        note: `reporting year ${year}; words of ${found.format.id}: ${found.cues.join(', ')}`,
      },
    });
  },
});
