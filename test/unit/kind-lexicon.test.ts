// A document kind's own words (profile `lexicon`) apply to reports checked as that kind and to no
// other: the 政府信息公开 kind's 予以公开 is a metric there, and just words in a 法治政府 report.
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/builtin.js';

const body = (title: string): string =>
  [
    title,
    '一、总体情况',
    '2023年,依申请公开方面,全年共予以公开12件。',
    '二、其他情况',
    '全年予以公开13件,依法答复。',
  ].join('\n');

describe('a kind’s own lexicon', () => {
  it('reads 予以公开 as the kind’s metric in a 政府信息公开工作年度报告', () => {
    const r = checkReport(body('某区司法局2023年政府信息公开工作年度报告'));
    expect(r.kind.profile).toBe('xxgk-annual-report');
    const restated = r.claims.filter((c) => c.kind === 'restatement');
    // 12 and 13 of one metric (its term and the action 公开) in two paragraphs: the restatement fails.
    expect(restated.map((c) => [c.kind === 'restatement' ? c.metric : '', c.verdict])).toEqual([['予以公开·公开', 'fails']]);
  });

  it('leaves the same words alone in a 法治政府建设年度报告', () => {
    const r = checkReport(body('某区司法局2023年法治政府建设年度报告'));
    expect(r.kind.profile).toBe('fazhi-zhengfu-annual-report');
    expect(r.claims.filter((c) => c.kind === 'restatement')).toEqual([]);
  });

  it('a caller’s lexicon replaces the kind’s words too', () => {
    const r = checkReport(body('某区司法局2023年政府信息公开工作年度报告'), {}, { lexicon: { metrics: [], actions: [], rates: [], totals: [] } });
    expect(r.claims.filter((c) => c.kind === 'restatement')).toEqual([]);
  });
});
