import { describe, expect, it } from 'vitest';
import { checkReport, parseReport } from '../../src/index.js';

const values = (text: string) => parseReport(text).quantities.map((q) => [text.slice(q.range.start, q.range.end), String(q.value)]);

describe('thousands separators', () => {
  it('reads a space, no-break space or thin space between groups of three as one figure', () => {
    expect(values('受理1 904件。')).toEqual([['1 904件', '1904']]);
    expect(values('受理1\u00a0904件。')).toEqual([['1\u00a0904件', '1904']]);
    expect(values('投入12\u2009345\u2009678元。')).toEqual([['12\u2009345\u2009678元', '12345678']]);
    expect(values('受理1,904件。')).toEqual([['1,904件', '1904']]);
  });

  it('keeps figures apart when the groups are not of three or the separators differ', () => {
    expect(values('受理12 34件。').map(([, v]) => v)).not.toContain('1234');
    expect(values('受理1 904 5件。').map(([, v]) => v)).not.toContain('19045');
    expect(values('受理1,904 123件。').map(([, v]) => v)).not.toContain('1904123');
  });

  it('tells a separator from a blank before the unit or 万: 1 904 件, 2 904 万元, 150.25 万件', () => {
    expect(values('受理1 904 件。')).toEqual([['1 904 件', '1904']]);
    // the group of three is read first, then 万 after the blank: 2904万 = 29040000
    expect(values('投入2 904 万元。')).toEqual([['2 904 万元', '29040000']]);
    expect(values('办结150.25 万件。')).toEqual([['150.25 万件', '1502500']]);
    // a blank before a digit that makes no group of three stays a break between two figures
    expect(values('应诉案件1 5起。').map(([, v]) => v)).not.toContain('15');
  });

  it('gives no false partition finding when the done count has a blank before 万', () => {
    const text = '本月全省共受理群众诉求180.00万件,办结150.25 万件,正在办理中29.75万件。';
    const r = checkReport(text);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    // 150.25万 + 29.75万 = 180.00万 exactly
    expect(r.claims.filter((c) => c.kind === 'partition').map((c) => c.verdict)).toEqual(['holds']);
  });

  it('gives no false sum finding on 1 904 written with a no-break space (as an HTML page has it)', () => {
    const text = '今年共受理12345热线事项1\u00a0904件,其中咨询类71件、投诉类1\u00a0116件、求助类352件、举报类310件、建议类55件。';
    // A sentence is no known report kind: its document-kind note is not what this test is about.
    const r = checkReport(text, { rules: { 'document-kind': 'off' } });
    expect(r.diagnostics).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'breakdown').map((c) => c.verdict)).toEqual(['holds']);
  });
});
