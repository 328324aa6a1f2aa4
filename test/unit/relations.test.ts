/**
 * Relations read from the whole text (issue 11): which total a rate, a share or a list of parts
 * hangs under. Every passage is made up in the shapes real bulletins take; every expected value
 * is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { checkReport, extractClaims, parseReport } from '../../src/index.js';
import type { Claim } from '../../src/claims/schema.js';
import { ARITHMETIC_ONLY } from '../helpers.js';

/** Findings of the arithmetic rules (structure rules need whole reports). */
function findings(text: string) {
  return checkReport(text, {
    rules: ARITHMETIC_ONLY,
  }).diagnostics.map((d) => ({ rule: d.ruleId, id: d.messageId, severity: d.severity, at: text.slice(d.range.start, d.range.end) }));
}

function claims(text: string): Claim[] {
  return extractClaims(parseReport(text)).claims;
}

function rateAt(text: string, written: string) {
  const at = text.indexOf(written);
  const c = claims(text).find((x) => x.kind === 'rate' && x.range.start === at);
  if (!c || c.kind !== 'rate') throw new Error(`no rate claim at ${written}`);
  return c;
}

describe('sibling shares', () => {
  // The total is a paragraph before the list; each category's share is over it, never over the
  // category before it.
  const family = [
    '一、基本情况',
    '本月共受理群众诉求3200件,其中自行处理2500件,派单700件。',
    '二、热点问题',
    '关于供暖问题的来电240件,占比7.5%;涉及物业服务的来电96件,占比3%;反映噪音扰民等来电64件,占比2%。',
  ].join('\n');

  it('judges each share against the one total the list hangs under', () => {
    // 240/3200 = 7.5%, 96/3200 = 3%, 64/3200 = 2%; against the neighbour 96/240 would be 40%.
    expect(findings(family)).toEqual([]);
    for (const [share, base] of [['7.5%', '3200件'], ['3%', '3200件'], ['2%', '3200件']] as const) {
      const c = rateAt(family, share);
      expect(c.verdict).toBe('holds');
      expect(c.figures.find((f) => f.role === 'base')?.text).toBe(base);
    }
  });

  it('reports a member that fits only by truncation, as truncation', () => {
    // 245/3200 = 7.65625%: rounds to 7.7, truncates to 7.6.
    const text = family.replace('240件,占比7.5%', '245件,占比7.6%');
    expect(findings(text)).toEqual([{ rule: 'rate-matches-counts', id: 'truncated', severity: 'warning', at: '7.6%' }]);
  });

  it('reports a member that fits no reading against the family base', () => {
    // 96/3200 = 3%, 64/3200 = 2% fix the base; 240/3200 = 7.5%, not 9.5%.
    const text = family.replace('占比7.5%', '占比9.5%');
    const f = findings(text);
    expect(f).toEqual([{ rule: 'rate-matches-counts', id: 'mismatch', severity: 'error', at: '9.5%' }]);
    expect(rateAt(text, '9.5%').evidence.expression).toBe('240/3200 = 7.5%');
  });

  it('reads a family whose members stand in paragraphs of their own', () => {
    // 有效诉求2000件 is the base: 1500/2000 = 75%, 420/2000 = 21%, 80/2000 = 4%.
    const text = [
      '本月受理诉求共计2600件,其中有效诉求2000件。',
      '咨询类共1500件,占比75.00%,主要涉及政策咨询。',
      '求助类共420件,占比21.00%,主要涉及物业。',
      '投诉类共80件,占比4.00%,主要涉及噪音。',
    ].join('\n');
    expect(findings(text)).toEqual([]);
    expect(rateAt(text, '21.00%').figures.find((f) => f.role === 'base')?.text).toBe('2000件');
    // The three categories are the 有效 total's parts: 1500+420+80 = 2000, and the shares make 100%.
    const b = claims(text).find((c) => c.kind === 'breakdown' && text.slice(c.range.start, c.range.end) === '2000件');
    expect(b?.verdict).toBe('holds');
  });

  it('says once that shares fit only the sum of the listed categories', () => {
    // Stated total 1000; categories 300+150+50 = 500. 300/1000 = 30%, but the text says 60% =
    // 300/500: the shares were computed over an unstated base. The list names 其他 and falls short.
    const text = '全年受理诉求1000件。其中,咨询类300件,占60%;求助类150件,占30%;其他类50件,占10%。';
    const f = findings(text);
    expect(f.filter((x) => x.id === 'ambiguous').map((x) => [x.at, x.severity])).toEqual([
      ['60%', 'info'],
      ['30%', 'info'],
      ['10%', 'info'],
    ]);
    // 300+150+50 = 500 ≠ 1000 and the list names its 其他 category: an error, not a partial list.
    expect(f.filter((x) => x.rule === 'sum-matches-total')).toEqual([{ rule: 'sum-matches-total', id: 'short', severity: 'warning', at: '1000件' }]);
  });

  it('starts a new family where the shares would pass 100%', () => {
    // Two lists over one base 500: by type (60+40 = 100%) and the top two topics (30+20 = 50%).
    const text =
      '共收到来信500件。按类型:投诉类300件,占总量的60%;咨询类200件,占总量的40%。按类别:规划类150件,占总量的30%;社保类100件,占总量的20%。';
    expect(findings(text)).toEqual([]);
  });
});

describe('rates over the right total', () => {
  it('takes the dispatched count for a completion rate, not the intake', () => {
    // 受理2900 = 自行处理2300 + 派单600; 按时结案596/600 = 99.33% → 99%.
    const text = '本月共受理诉求2900件,自行处理2300件,派单600件,按时结案596件,超时办理4件,按时结案率99%。';
    expect(findings(text)).toEqual([]);
    expect(rateAt(text, '99%').figures.find((f) => f.role === 'base')?.text).toBe('600件');
  });

  it('never takes a count narrowed by 按时 as the numerator of a plain 结案率', () => {
    // 结案率100% is (596+4)/600; the text states no closed count of its own, so it is not judged.
    const text = '本月派单600件,按时结案596件,超时办理4件,结案率100%。';
    expect(rateAt(text, '100%').verdict).toBe('unverifiable');
    expect(findings(text)).toEqual([]);
  });

  it('takes the valid count for 办结率 when the intake is larger', () => {
    // 3800/3900 = 97.44%; over 4500 it would be 84.44%.
    const text = '共计受理4500件,其中有效诉求3900件。截至月底,累计办结3800件,办理中100件,总体办结率97.44%。';
    expect(findings(text)).toEqual([]);
  });

  it('still reports a plain mismatch over the dispatched count', () => {
    // 590/594 = 99.33%, written 99.6%: no base gives 99.6 and truncation gives 99.3.
    const text = '本月共受理诉求2400件,自行处理1806件,派单594件,按时结案590件,超时办理4件,按时结案率99.6%。';
    expect(findings(text)).toEqual([{ rule: 'rate-matches-counts', id: 'mismatch', severity: 'error', at: '99.6%' }]);
  });

  it('judges an unknown rate only when truncation explains it', () => {
    // 接通18700/19500 = 95.8974%: rounds to 95.90, truncates to 95.89.
    expect(findings('共呼入来电19500个,接通18700个,接通率95.89%。')).toEqual([
      { rule: 'rate-matches-counts', id: 'truncated', severity: 'warning', at: '95.89%' },
    ]);
    // 18700/19500 = 95.90% as written: holds.
    expect(findings('共呼入来电19500个,接通18700个,接通率95.90%。')).toEqual([]);
    // A plain mismatch on an unknown rate: its base is a guess, so nothing is said.
    expect(findings('共呼入来电19500个,接通18700个,接通率91.20%。')).toEqual([]);
  });
});

describe('named bases', () => {
  it('fails a share whose named base fails when no count in the text fits', () => {
    // 5/12 = 41.67% → 42, written 50%; 5/13 = 38%: no count fits 50%.
    const text = '今年收到复议申请13件,立案受理12件。维持原行政行为5件,占受理案件总数的50%;撤销3件。';
    expect(findings(text)).toEqual([{ rule: 'rate-matches-counts', id: 'mismatch', severity: 'error', at: '50%' }]);
    // The evidence names the base the text names.
    expect(rateAt(text, '50%').evidence.expression).toBe('5/12 = 41.6667%');
  });

  it('calls a share ambiguous when only a base the text does not name fits', () => {
    // Over 受理 12: 5/12 = 42% ≠ 38%. Over the 13 申请 the text also states: 5/13 = 38.46% → 38%.
    const text = '今年收到复议申请13件,立案受理12件。维持原行政行为5件,占受理案件总数的38%。';
    expect(findings(text)).toEqual([{ rule: 'rate-matches-counts', id: 'ambiguous', severity: 'info', at: '38%' }]);
    const c = rateAt(text, '38%');
    expect(c.ambiguous).toBe(true);
    expect(c.figures.find((f) => f.role === 'base that fits')?.text).toBe('13件');
  });

  it('leaves a share of a body the text gives no figure for', () => {
    // 占全市的: the city's total is not in the text.
    expect(findings('区法院受理行政诉讼案件2000件。全年办理法律援助案件900件,占全市的12.5%。')).toEqual([]);
  });
});

describe('parts of a total', () => {
  it('sums done and pending after 其中', () => {
    // 7+2 = 9 ≠ 10.
    expect(findings('今年共受理案件10件,其中已办结7件、在办2件。')).toEqual([
      { rule: 'partition-matches-total', id: 'mismatch', severity: 'error', at: '10件' },
    ]);
    expect(findings('今年共受理案件10件,其中已办结8件、在办2件。')).toEqual([]);
  });

  it('takes the base of a completion rate as the total of its done and pending counts', () => {
    // 有效5000; 4900 done + 101 pending = 5001 ≠ 5000, while 4900/5000 = 98% holds.
    const text = '共受理诉求5600件,其中有效诉求5000件。截至月底,累计办结4900件,办理中101件,办结率98%。';
    const f = findings(text);
    expect(f).toEqual([{ rule: 'partition-matches-total', id: 'mismatch', severity: 'error', at: '4900件,办理中101件' }]);
  });

  it('reads a run of parallel figures that names its 其他 category', () => {
    // 300+420 = 720: the run after the total makes it.
    expect(claims('现保留的服务事项720项,许可事项300项,公共服务等其他事项420项。').find((c) => c.kind === 'breakdown')?.verdict).toBe('holds');
    // 300+410 = 710 ≠ 720, and the run names 其他: complete, so short.
    expect(findings('现保留的服务事项720项,许可事项300项,公共服务等其他事项410项。')).toEqual([
      { rule: 'sum-matches-total', id: 'short', severity: 'warning', at: '720项' },
    ]);
  });

  it('says when a part is labelled with the opposite of its total', () => {
    // 有效信件400 = 250+100+49+1, but one part is 无效.
    const text = '共收到来信450件,其中有效信件400件,无效信件50件。从类型看:投诉类250件,占总量的62.5%;咨询类100件,占总量的25%;建议类49件,占总量的12.25%;无效类1件,占总量的0.25%。';
    const f = findings(text);
    expect(f).toEqual([{ rule: 'sum-matches-total', id: 'conflict', severity: 'warning', at: '1件' }]);
  });

  it('adds bare shares to 100% when the list names its 其他 category', () => {
    expect(claims('从类型看,咨询类占60.5%,投诉类占30.2%,求助类占9.2%,其他类0.1%。').find((c) => c.kind === 'breakdown')?.verdict).toBe('holds');
    // 60.5+30.2+9.2+0.2 = 100.1: outside the rounding of four shares at 0.05 each? 100.1 - 4×0.05 = 99.9 ≤ 100: holds.
    expect(claims('从类型看,咨询类占60.5%,投诉类占30.2%,求助类占9.2%,其他类0.2%。').find((c) => c.kind === 'breakdown')?.verdict).toBe('holds');
    // 60.5+30.2+9.2+1.2 = 101.1; even at the bottom of rounding 100.9 > 100.
    expect(findings('从类型看,咨询类占60.5%,投诉类占30.2%,求助类占9.2%,其他类1.2%。')).toEqual([
      { rule: 'sum-matches-total', id: 'exceeds', severity: 'error', at: '60.5%' },
    ]);
  });
});

describe('restatements across scopes', () => {
  it('does not compare the same metric in sibling sections', () => {
    const text = [
      '一、基本情况',
      '(一)市民热线',
      '本月共受理诉求600件,诉求涉及全区12个镇街。',
      '(二)市长信箱',
      '本月共受理来信30件,诉求涉及镇街4个。',
    ].join('\n');
    expect(findings(text).filter((f) => f.rule === 'restatement-consistent')).toEqual([]);
  });
});

describe('traditional characters', () => {
  it('reads a traditional-script page like its simplified original', () => {
    // 總量 → 总量, 辦結 → 办结: 120/400 = 30%, 390/400 = 97.5%.
    const text = '共受理來信400件,其中投訴類120件,占總量的30%;咨詢類280件,占總量的70%。已辦結390件,辦結率97.5%。';
    expect(findings(text)).toEqual([]);
    expect(rateAt(text, '97.5%').verdict).toBe('holds');
  });
});
