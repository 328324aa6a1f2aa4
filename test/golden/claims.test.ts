import { describe, expect, it } from 'vitest';
import { checkReport, positionOf, type Claim } from '../../src/index.js';
import { seedText } from '../helpers.js';

interface Expected {
  kind: Claim['kind'];
  /** The stated figure the claim judges, as written. */
  text: string;
  line: number;
  verdict: Claim['verdict'];
}

/**
 * Every claim the engine extracts from the street seed, in document order, with its verdict.
 * Each verdict is justified by the hand computation in the comment before it, done on the seed
 * text (lines as in `seeds/2020-baiyun-shimen-street.txt`).
 */
const STREET: Expected[] = [
  // L8 书籍600本(其中包括《民法典》200本、《宪法》400本): partial list (包括), 200+400 = 600 ≤ 600.
  { kind: 'breakdown', text: '600本', line: 8, verdict: 'holds' },
  // L11 受理12345热线事项1904件 … 其中咨询71+投诉1116+求助352+举报310+建议55+表扬0 = 1904 = total.
  // (The nearest earlier figure, 按时完成1742件, does not fit; 1904 does.)
  { kind: 'breakdown', text: '1904件', line: 11, verdict: 'holds' },
  // L11 归档件数1742件 ≤ 受理1904件.
  { kind: 'subset', text: '1742件', line: 11, verdict: 'holds' },
  // L11 按时完成1742件 ≤ 受理1904件.
  { kind: 'subset', text: '1742件', line: 11, verdict: 'holds' },
  // L11 完成和归档率达100%: the only base in reach is 受理1904 (an outcome count such as 按时完成1742
  // is never a base): 1742/1904 = 91.49%, not in [99.5, 100.5]. REAL INCONSISTENCY; since the
  // stated rate is higher, an unstated 应办结 could explain it, so it is reported as a warning.
  { kind: 'rate', text: '达100%', line: 11, verdict: 'fails' },
  // L12 主动公开政府信息279条,其中网站137(no unit written) + 微博微信142条 = 279.
  { kind: 'breakdown', text: '279条', line: 12, verdict: 'holds' },
  // L12 依申请公开3宗,其中华垦2份 + 八方物流1份 = 3.
  { kind: 'breakdown', text: '3宗', line: 12, verdict: 'holds' },
  // L12 行政复议数量…均为0: no 行政复议 count above zero anywhere in the report.
  { kind: 'zeroClaim', text: '0', line: 12, verdict: 'holds' },
  // L12 被依法纠错数…均为0: nothing counts 纠错 above zero.
  { kind: 'zeroClaim', text: '0', line: 12, verdict: 'holds' },
  // L12 行政诉讼数量均为0, but L36 有8件一审案件败诉 (and 1件/2件/1件 二审案件): litigation exists. REAL INCONSISTENCY.
  { kind: 'zeroClaim', text: '0', line: 12, verdict: 'fails' },
  // L18 10月餐厨垃圾分类率达26.46%: no counts given, cannot be verified.
  { kind: 'rate', text: '达26.46%', line: 18, verdict: 'unverifiable' },
  // L19 上报率达129.49%: a quota rate whose base is not given.
  { kind: 'rate', text: '达129.49%', line: 19, verdict: 'unverifiable' },
  // L19 办结率100% after 累计办结网格事件2万宗: the numerator is given, no base (上报 count) in reach.
  { kind: 'rate', text: '100%', line: 19, verdict: 'unverifiable' },
  // L19 安全事故零发生: no 安全事故 count anywhere.
  { kind: 'zeroClaim', text: '零', line: 19, verdict: 'holds' },
  // L19 纠纷化解率达98.76%: no counts given.
  { kind: 'rate', text: '达98.76%', line: 19, verdict: 'unverifiable' },
  // L24 行政执法“三项制度”(行政执法公示制度、执法全过程记录制度、重大执法决定法治审核制度): 3 in brackets, 三项.
  { kind: 'countedList', text: '三项制度', line: 24, verdict: 'holds' },
  // L25 参加《广东省安全生产移动执法系统业务培训》、《网络直播培训省执法系统操作》、《…推进会议》、
  // 《…安全知识培训会议》、收视收听…《民法典》专题报告、收视收听《…视频会议》等专题培训6次: 6 items, 6次.
  { kind: 'countedList', text: '6次', line: 25, verdict: 'holds' },
  // L25 《…城管执法业务培训》、《…新队员岗前培训》等专题培训2次: 2 items, 2次.
  { kind: 'countedList', text: '2次', line: 25, verdict: 'holds' },
  // L25 开展《社区矫正法》专题培训3次: one topic held three times, 1 ≤ 3.
  { kind: 'countedList', text: '3次', line: 25, verdict: 'holds' },
  // L25 举办《民法典》专题讲座2次: one topic held twice, 1 ≤ 2.
  { kind: 'countedList', text: '2次', line: 25, verdict: 'holds' },
  // L25 《…案例点评培训会议》、《第二期“白云讲坛”…》、《…百场报告会…》等专题培训3次: 3 items, 3次.
  { kind: 'countedList', text: '3次', line: 25, verdict: 'holds' },
  // L28 疫情防控和复工复产“两个领导小组”: 疫情防控, 复工复产 (和 joins two names) = 2.
  { kind: 'countedList', text: '两个领导小组', line: 28, verdict: 'holds' },
  // L28 经受了国内重点地区、境外重点国家、在穗涉非人员3个阶段重大考验: 3 names, 3个.
  { kind: 'countedList', text: '3个', line: 28, verdict: 'holds' },
  // L28 辖内无一例确诊病例: no 确诊病例 count anywhere.
  { kind: 'zeroClaim', text: '无一例', line: 28, verdict: 'holds' },
  // L28 无一例脱管失控情况发生: nothing counts it.
  { kind: 'zeroClaim', text: '无一例', line: 28, verdict: 'holds' },
  // L28 整改问题合同1424份,完成率达99%: the completed count is not given.
  { kind: 'rate', text: '达99%', line: 28, verdict: 'unverifiable' },
  // L30 已结案35批 ≤ 共接收上级交办案42批.
  { kind: 'subset', text: '35批', line: 30, verdict: 'holds' },
  // L30 办结率83.3%: 35/42 = 83.333…% ∈ [83.25, 83.35].
  { kind: 'rate', text: '83.3%', line: 30, verdict: 'holds' },
  // L30 本级接待来访群众共120批: 已结案116 + 在办4 = 120.
  { kind: 'partition', text: '120批', line: 30, verdict: 'holds' },
  // L30 办结率96.6%: 116/120 = 96.666…% rounds to 96.7%; 96.6 is the truncation. REAL (mild) INCONSISTENCY.
  { kind: 'rate', text: '96.6%', line: 30, verdict: 'fails' },
  // L32 积分入学33名 ≤ 受理积分申请118名.
  { kind: 'subset', text: '33名', line: 32, verdict: 'holds' },
  // L33 办结22506宗 restates L19 累计办结网格事件2万宗: 22506 ∈ [15000, 25000].
  { kind: 'restatement', text: '22506宗', line: 33, verdict: 'holds' },
  // L33 办结22506宗 ≤ 共上报网格事件22506宗.
  { kind: 'subset', text: '22506宗', line: 33, verdict: 'holds' },
  // L33 网格事件上报率129.49%: quota rate, base not given.
  { kind: 'rate', text: '129.49%', line: 33, verdict: 'unverifiable' },
  // L33 上报率129.49% restates L19 上报率达129.49%: equal.
  { kind: 'restatement', text: '129.49%', line: 33, verdict: 'holds' },
  // L33 办结率100%: 办结22506 / 上报22506 = 100%.
  { kind: 'rate', text: '100%', line: 33, verdict: 'holds' },
  // L33 办结率100% restates L19 办结率100%: equal.
  { kind: 'restatement', text: '100%', line: 33, verdict: 'holds' },
  // L53 (plan) 实现餐厨垃圾分类率30%以上: a target, nothing to compute it from.
  { kind: 'rate', text: '30%以上', line: 53, verdict: 'unverifiable' },
];

/** The district seed: every claim, justified by hand. */
const DISTRICT: Expected[] = [
  // L43 《建设用地规划许可证》和《不动产权证书》“二合一”: two titles, the first numeral of 二合一 is 2.
  { kind: 'countedList', text: '二合一', line: 43, verdict: 'holds' },
  // L71 实现区、镇(街)、村(居)三级: 3 levels, 三级.
  { kind: 'countedList', text: '三级', line: 71, verdict: 'holds' },
  // L75 疾病预防控制、医疗救治、卫生监督三大体系: 3 names, 三大.
  { kind: 'countedList', text: '三大', line: 75, verdict: 'holds' },
  // L83 全区24个镇街 restates L61 24个镇街基层政务公开事项: both 24.
  { kind: 'restatement', text: '24个', line: 83, verdict: 'holds' },
  // L85 制定…信息公开管理制度、重大执法决定法制审核办法,实现两个制度: the clause before names 2.
  { kind: 'countedList', text: '两个', line: 85, verdict: 'holds' },
  // L85 内设法制机构+公职岗位律师+外聘法律顾问“三位一体”: 3 parts, the first numeral of 三位一体.
  { kind: 'countedList', text: '三位一体', line: 85, verdict: 'holds' },
  // L93 律师事务所61家,同比增长15%: prior 53 gives 61/53 − 1 = 15.09%, which rounds to 15%.
  { kind: 'growth', text: '15%', line: 93, verdict: 'holds' },
  // L93 执业社会律师474人,同比增长15.6%: prior 410 gives 474/410 − 1 = 15.61%, which rounds to 15.6%.
  { kind: 'growth', text: '15.6%', line: 93, verdict: 'holds' },
];

function summarize(name: 'street' | 'district'): { claims: Expected[]; result: ReturnType<typeof checkReport> } {
  const result = checkReport(seedText(name));
  const claims = result.claims.map((c) => ({
    kind: c.kind,
    text: result.report.text.slice(c.range.start, c.range.end),
    line: positionOf(result.report, c.range.start).line,
    verdict: c.verdict,
  }));
  return { claims, result };
}

describe('claims of the street seed', () => {
  const { claims, result } = summarize('street');

  it('lists every checkable claim with its hand-checked verdict', () => {
    expect(claims).toEqual(STREET);
  });

  it('reports exactly the real inconsistencies, and nothing on the consistent claims', () => {
    // (The structure rules add report-date at L59: see structure.test.ts.)
    expect(result.diagnostics.filter((d) => d.ruleId !== 'report-date').map((d) => [d.ruleId, d.messageId, d.severity, d.line])).toEqual([
      ['rate-matches-counts', 'overstated', 'warning', 11],
      ['zero-claim-contradiction', 'contradicted', 'error', 12],
      ['rate-matches-counts', 'truncated', 'warning', 30],
    ]);
  });

  it('gives the evidence of each finding', () => {
    const [rate, zero, truncated] = result.diagnostics;
    expect(rate!.evidence.expression).toBe('1742/1904 = 91.4916%'); // 1742 × 100 / 1904 = 91.49159…
    expect(rate!.evidence.base).toBe('1742件 / 1904件');
    expect(zero!.evidence.figures.map((f) => f.text)).toEqual(['8件', '1件', '2件', '1件']);
    expect(truncated!.evidence.expression).toBe('116/120 = 96.6667%'); // 116 × 100 / 120 = 96.6666…
    expect(truncated!.suggestion?.replacement).toBe('96.7%');
  });

  it('says which base a rate was matched against', () => {
    const rate = result.claims.find((c) => c.kind === 'rate' && c.verdict === 'holds' && c.evidence.base?.startsWith('35批'));
    expect(rate?.evidence.base).toBe('35批 / 42批');
  });
});

describe('claims of the district seed', () => {
  const { claims, result } = summarize('district');

  it('lists every checkable claim with its hand-checked verdict', () => {
    expect(claims).toEqual(DISTRICT);
  });

  it('reports nothing on its figures: its claims are consistent', () => {
    // (Its structural findings, no causes and no first-responsible part, are in structure.test.ts.)
    expect(result.diagnostics.filter((d) => d.ruleId !== 'required-sections')).toEqual([]);
  });

  it('names the whole-number prior of each growth rate', () => {
    const growth = result.claims.filter((c) => c.kind === 'growth');
    expect(growth.map((c) => (c.kind === 'growth' ? c.priors : []))).toEqual([['53'], ['410']]);
  });
});
