/**
 * Counted lists in the shapes real reports use, on made-up sentences. Each expectation is the
 * hand count of the items written in the sentence against the count written with them.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims, parseReport, type ClaimOf } from '../../index.js';
import { Mark, marksOf } from '../../parse/marks.js';
import { inBits } from '../../text/chars.js';
import { RUN_BITS } from './index.js';

type ListClaim = ClaimOf<'countedList'>;

/** The counted-list claims of a text, each with its count and items as written. */
function lists(text: string): Array<{ count: string; verdict: ListClaim['verdict']; items: string[]; open: boolean; claim: ListClaim }> {
  const { claims } = extractClaims(parseReport(text));
  return claims
    .filter((c): c is ListClaim => c.kind === 'countedList')
    .map((c) => ({ count: text.slice(c.range.start, c.range.end), verdict: c.verdict, items: c.items.map((i) => i.text), open: c.open, claim: c }));
}

/** The one counted list of a text. */
function one(text: string): ReturnType<typeof lists>[number] {
  const found = lists(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
}

describe('names right before a count of kinds (A、B、C三大体系)', () => {
  it('holds when the names are as many as the count, without the verb that opens the clause', () => {
    const c = one('全面推进矛盾调解、法律援助、社区矫正三大体系建设。');
    expect(c.count).toBe('三大');
    expect(c.verdict).toBe('holds');
    // 全面推进 is the verb of the clause, not part of the first name.
    expect(c.items).toEqual(['矛盾调解', '法律援助', '社区矫正']);
  });

  it('fails with one name more than the count', () => {
    const c = one('全面推进矛盾调解、法律援助、社区矫正、人民调解三大体系建设。');
    expect(c.verdict).toBe('fails');
    expect(c.items).toHaveLength(4);
    expect(c.claim.evidence.computed).toBe('4 items listed');
    expect(c.claim.evidence.expected).toBe('三大');
  });

  it('fails with fewer names than a count of kinds and no 等, when the verb shows where the list starts', () => {
    const c = one('全面推进矛盾调解、法律援助三大体系建设。');
    expect(c.verdict).toBe('fails');
    expect(c.items).toEqual(['矛盾调解', '法律援助']);
  });

  it('reads Arabic counts and 级 as well (成立执法、审批、监管3个专班; 县、乡、村三级)', () => {
    expect(one('成立执法、审批、监管3个工作专班。')).toMatchObject({ count: '3个', verdict: 'holds', items: ['执法', '审批', '监管'] });
    // One character after the verb is a name: 县.
    expect(one('实现县、乡、村三级服务网络全覆盖。')).toMatchObject({ count: '三级', verdict: 'holds', items: ['县', '乡', '村'] });
  });

  it('splits two names joined by 和 for a count of kinds', () => {
    expect(one('推动农村公路和城镇供水两个民生项目落地。')).toMatchObject({ count: '两个', verdict: 'holds', items: ['农村公路', '城镇供水'] });
  });

  it('reads A和B alone as the list when the 、 before it joins bigger things', () => {
    const c = one('围绕营商环境持续优化、农村公路和城镇供水两个民生项目有序推进开展督查。');
    // split: 3 names; tail (after the last 、): 农村公路, 城镇供水 = 2 = 两个.
    expect(c.verdict).toBe('holds');
    expect(c.items).toEqual(['农村公路', '城镇供水']);
    expect(c.claim.evidence.note).toContain('only the words after the last 、');
  });

  it('never fails a list whose only separator is 和', () => {
    // 公路和供水 against 三个: one reading gives 2, the other 1; neither is certain enough.
    expect(lists('推动农村公路和城镇供水三个民生项目落地。')).toEqual([]);
  });

  it('reads a quoted count after the names (A和B“两个专班”)', () => {
    expect(one('防汛抗旱和森林防火“两个指挥部”统筹调度。')).toMatchObject({ count: '两个指挥部', verdict: 'holds', items: ['防汛抗旱', '森林防火'] });
  });

  it('lets an open list (等) name fewer items than its count, never more', () => {
    expect(one('开展送法进校园、进社区、进企业等五大普法行动。')).toMatchObject({ count: '五大', verdict: 'holds', open: true });
    expect(one('开展送法进校园、进社区、进企业、进农村等三大普法行动。')).toMatchObject({ count: '三大', verdict: 'fails', open: true });
  });

  it('leaves alone what is not a list of the counted things', () => {
    // 二十大 names a congress; a count after its noun counts the noun (信息312条); slogans hold counts of their own.
    expect(lists('深入学习宪法、党章、党的二十大精神。')).toEqual([]);
    expect(lists('累计发布政策解读、工作动态、通知公告信息312条。')).toEqual([]);
    expect(lists('牢固树立“四个意识”、坚定“四个自信”、坚决做到“两个维护”。')).toEqual([]);
    // A、B的三项措施 counts measures of A and B.
    expect(lists('加强矛盾调解、法律援助的三项措施。')).toEqual([]);
    // Segments that start with verbs are actions; without 等 they are not read as a list.
    expect(lists('深化改革、优化服务、完善甲制度、乙制度三项制度。')).toEqual([]);
    // Approximate counts do not count a list.
    expect(lists('组织矛盾调解、法律援助、社区矫正等近300名骨干参训。')).toEqual([]);
  });
});

describe('a set phrase with its list in brackets (“三项制度”(A、B、C))', () => {
  it('holds when the bracket lists as many items as the phrase counts', () => {
    const c = one('全面落实“三项机制”(首问负责机制、限时办结机制、责任追究机制)。');
    expect(c).toMatchObject({ count: '三项机制', verdict: 'holds', items: ['首问负责机制', '限时办结机制', '责任追究机制'] });
  });

  it('fails with more or fewer items than the phrase counts', () => {
    expect(one('全面落实“三项机制”(首问负责机制、限时办结机制、责任追究机制、容错纠错机制)。').verdict).toBe('fails');
    expect(one('全面落实“三项机制”(首问负责机制、限时办结机制)。').verdict).toBe('fails');
  });

  it('sums a compound phrase (三室一厅 = 3 + 1) and never fails one', () => {
    expect(one('建成“三室一厅”(调解室、阅览室、档案室、服务大厅)。')).toMatchObject({ count: '三室一厅', verdict: 'holds' });
    expect(one('建成“三室一厅”(调解室、阅览室、服务大厅)。').verdict).toBe('unverifiable');
  });

  it('reads 含 before the items as a partial list, and a list of figures as a breakdown (not read)', () => {
    // The count is the whole phrase before the bracket.
    expect(one('辖区12个社区(含东风社区、红旗社区)均建成服务站。')).toMatchObject({ count: '12个社区', verdict: 'holds', open: true });
    expect(lists('全区24个镇街(其中街道16个、镇8个)。')).toEqual([]);
  });

  it('reads traditional characters of mirror pages', () => {
    expect(one('落實“三項制度”(公示制度、記錄制度、審核制度)。')).toMatchObject({ count: '三項制度', verdict: 'holds', items: ['公示制度', '記錄制度', '審核制度'] });
  });
});

describe('ranks and their ranked items (前三的街道为A、B、C)', () => {
  it('holds when as many items are ranked as the rank says', () => {
    const c = one('受理量位居前三的街道为东湖街、西湖街、南湖街;其余街道均在10件以下。');
    expect(c).toMatchObject({ count: '前三', verdict: 'holds', items: ['东湖街', '西湖街', '南湖街'] });
  });

  it('fails with fewer ranked items in a list that visibly ends', () => {
    expect(one('受理量位居前三的街道为东湖街、西湖街;受理量最少的为北湖街。').verdict).toBe('fails');
  });

  it('does not fail entries cut at ; when two of them run together at a comma', () => {
    // 住建局99件,公安局77件 is one piece between semicolons but two entries: 2 pieces, 3 entries.
    expect(one('办件量位于前三的部门:住建局99件,公安局77件;城管局68件。其他部门较少。').verdict).toBe('unverifiable');
    expect(one('办件量位于前三的部门:住建局99件;公安局77件。其他部门较少。').verdict).toBe('fails');
  });

  it('does not fail more ranked items than the rank: a tie may explain it', () => {
    expect(one('受理量位居前三的街道为东湖街、西湖街、南湖街、北湖街。其余街道较少。').verdict).toBe('unverifiable');
  });

  it('reads entries cut at ; (前5位的是:A类905件;B类611件…)', () => {
    const c = one('来件量前5位的是:城建类905件;交通类611件;环保类402件;教育类233件;医疗类120件。');
    expect(c).toMatchObject({ count: '前5位', verdict: 'holds' });
    // Each entry is named by the words before its figure.
    expect(c.items).toEqual(['城建类', '交通类', '环保类', '教育类', '医疗类']);
  });

  it('reads one entry per line after a colon', () => {
    const text = '来件量前三位的分别是:\n城建类905件,主要涉及物业和停车。\n交通类611件,主要涉及公交线路。\n环保类402件,主要涉及噪音。\n二、下月工作安排';
    const c = one(text);
    expect(c).toMatchObject({ count: '前三位', verdict: 'holds', items: ['城建类', '交通类', '环保类'] });
  });

  it('reads subjects that took every place (A、B包揽前两名)', () => {
    expect(one('东湖街、西湖街在全市考评中包揽前两名。')).toMatchObject({ count: '前两名', verdict: 'holds', items: ['东湖街', '西湖街'] });
  });

  it('takes no span of time for a rank (前三季度)', () => {
    const found = lists('前三季度共受理投诉、举报、咨询三类诉求。');
    expect(found.map((c) => c.count)).toEqual(['三类']);
  });
});

describe('sessions and the topics held in them', () => {
  it('holds one title held several times (《A》专题讲座4次): sessions ≥ topics', () => {
    expect(one('司法所开展《人民调解法》专题讲座4次。')).toMatchObject({ count: '4次', verdict: 'holds', items: ['《人民调解法》'] });
  });

  it('fails more titled trainings than sessions, and leaves laws alone (topics, several to a session)', () => {
    expect(one('组织开展《执法文书制作培训》、《执法记录仪使用培训》、《案卷评查业务培训》专题培训2次。').verdict).toBe('fails');
    expect(one('开展《甲法》、《乙条例》、《丙法》等法律宣传活动2场。').verdict).toBe('unverifiable');
  });

  it('reads meetings before their sessions, but never fails them (meetings may be held jointly)', () => {
    expect(one('召开党委会议、主任办公会议、专题会议等9次。')).toMatchObject({ count: '9次', verdict: 'holds', open: true });
    expect(one('召开党委会议、主任办公会议、专题会议、联席会议3次。').verdict).toBe('unverifiable');
    // Plain topics (not events) before a count of sessions are not read.
    expect(lists('开展宪法、民法典宣传3次。')).toEqual([]);
  });

  it('takes 各 as one session for each item', () => {
    expect(lists('开展《人民调解法》、《行政复议法》专题讲座各2次。')).toEqual([]);
  });
});

describe('a count with its list after a colon (五个类型的占比是:A…;B…)', () => {
  it('holds entries cut at ; as many as the count', () => {
    const c = one('三个类型的占比是:投诉类50件,占50%;咨询类30件,占30%;求助类20件,占20%。');
    expect(c).toMatchObject({ count: '三个', verdict: 'holds' });
    expect(c.items).toEqual(['投诉类', '咨询类', '求助类']);
  });

  it('holds names after 分别是, and fails more names in a list that visibly ends', () => {
    expect(one('4个示范社区分别是:东风社区、红旗社区、朝阳社区、向阳社区。另有2个社区在创建中。')).toMatchObject({ count: '4个', verdict: 'holds' });
    expect(one('4个示范社区分别是:东风社区、红旗社区、朝阳社区、向阳社区、光明社区。另有2个社区在创建中。').verdict).toBe('fails');
  });

  it('does not fail fewer entries: a list after a colon may go on in the next sentences', () => {
    expect(one('4个示范社区分别是:东风社区、红旗社区、朝阳社区。另有2个社区在创建中。').verdict).toBe('unverifiable');
  });

  it('reads entries in the count’s own unit as the parts of a total, not a counted list', () => {
    expect(lists('全年主动公开信息56条:政策文件20条,工作动态36条。')).toEqual([]);
  });
});

describe('a count whose list ends the clause before (制定A制度、B制度,实现两个制度全覆盖)', () => {
  it('holds when the names end like the count’s noun and are as many', () => {
    expect(one('制定公示管理制度、法制审核制度,实现两个制度全覆盖。')).toMatchObject({ count: '两个', verdict: 'holds', items: ['公示管理制度', '法制审核制度'] });
  });

  it('makes no claim when they disagree: the count may be of something else', () => {
    expect(lists('制定公示管理制度、法制审核制度、记录管理制度,实现两个制度全覆盖。')).toEqual([]);
  });
});

describe('positions and evidence', () => {
  it('points the claim at the count and each item at its own text, in the caller’s offsets', () => {
    const text = '  全面落实“三项机制”(首问负责机制、限时办结机制、责任追究机制)。';
    const c = one(text);
    for (const item of c.claim.items) expect(text.slice(item.range.start, item.range.end)).toBe(item.text);
    expect(c.claim.figures[0]).toMatchObject({ role: 'count', text: '三项机制', value: '3', interval: { lo: '3', hi: '3' } });
    expect(c.claim.evidence.note).toContain('a count of kinds');
  });

  it('gives the interval of a compound phrase as its sum', () => {
    const c = one('建成“三室一厅”(调解室、阅览室、档案室、服务大厅)。');
    // 三 + 一 = 4, four rooms listed.
    expect(c.claim.figures[0]!.interval).toEqual({ lo: '4', hi: '4' });
    expect(c.claim.evidence.computed).toBe('4 items listed');
  });
});

describe('where the reader looks', () => {
  it('every unit a count can be written with is one the parser marks as a figure unit, so visiting marks misses no run', () => {
    const unmarked: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (inBits(RUN_BITS, c) && (marksOf(c) & Mark.Figure) === 0) unmarked.push(String.fromCharCode(c));
    expect(unmarked).toEqual([]);
    // And the set is what the reader needs: Arabic digits and the count numerals.
    expect(inBits(RUN_BITS, '7'.charCodeAt(0)) && inBits(RUN_BITS, '两'.charCodeAt(0)) && inBits(RUN_BITS, '百'.charCodeAt(0))).toBe(true);
  });

  it('reads the same lists in a report built without the parser (its marks read anew)', () => {
    const text = '我们制定了执法、审批、监管三大体系。';
    const parsed = parseReport(text);
    const copy = JSON.parse(JSON.stringify(parsed));
    const a = extractClaims(parsed).claims.filter((c) => c.kind === 'countedList');
    const b = extractClaims(copy).claims.filter((c) => c.kind === 'countedList');
    expect(a.length).toBe(1);
    expect(b.map((c) => c.range)).toEqual(a.map((c) => c.range));
  });
});
