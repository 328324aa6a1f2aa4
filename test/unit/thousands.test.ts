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

  it('gives no false sum finding on 1 904 written with a no-break space (as an HTML page has it)', () => {
    const text = '今年共受理12345热线事项1\u00a0904件,其中咨询类71件、投诉类1\u00a0116件、求助类352件、举报类310件、建议类55件。';
    const r = checkReport(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'breakdown').map((c) => c.verdict)).toEqual(['holds']);
  });
});
