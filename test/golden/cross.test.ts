import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReports, parseReport, type CheckReportsResult } from '../../src/index.js';
import { projectPath, seedText } from '../helpers.js';

const street = seedText('street');
const district = seedText('district');

function cross(result: CheckReportsResult) {
  return result.documents.flatMap(({ id, result: r }) =>
    r.diagnostics.filter((d) => d.ruleId.startsWith('cross-')).map((d) => ({ id, ruleId: d.ruleId, messageId: d.messageId, severity: d.severity, text: r.report.text.slice(d.range.start, d.range.end) })),
  );
}

describe('the seed pair', () => {
  const result = checkReports([
    { id: 'street', text: street },
    { id: 'district', text: district },
  ]);

  it('links 石门街 to 白云区 by the district its issuer names', () => {
    expect(result.links).toEqual([
      { child: 'street', parent: 'district', reason: '中共广州市白云区石门街工作委员会 names 白云区, the district of district', explicit: false },
    ]);
    expect(result.unplaced).toEqual([]);
  });

  it('makes exactly these comparisons, each justified by hand', () => {
    expect(result.comparisons.map((c) => [c.ruleId, c.document, c.what, c.verdict])).toEqual([
      // Both report on 2020 (street: 现将我街2020年度…; district: …2020年法治政府建设年度报告).
      ['cross-year-matches', 'street', 'reporting year', 'holds'],
      // The street's issuers name 白云区 (广州市白云区人民政府石门街道办事处), the district's place.
      ['cross-parent-matches', 'street', 'district', 'holds'],
      // 承办区人大代表建议3件 (L35) ≤ 办理各级人大代表建议204件 (district L29).
      ['cross-child-within-parent', 'street', '人大代表建议: 3件 ≤ 204件', 'holds'],
      // 区政协会议提案10件 (L35) ≤ 政协提案156件 (district L29).
      ['cross-child-within-parent', 'street', '政协提案: 10件 ≤ 156件', 'holds'],
      // 我街行政复议数量…均为0 (L12) ≤ 全年共收到行政复议申请555件 (district L89).
      ['cross-child-within-parent', 'street', '行政复议案件: 我街行政复议数量为0 ≤ 555件', 'holds'],
      // With one street given, each sum is that street's figure: 3 ≤ 204, 10 ≤ 156, 0 ≤ 555.
      ['cross-children-sum-within-parent', 'district', '人大代表建议: Σ ≤ 204件', 'holds'],
      ['cross-children-sum-within-parent', 'district', '政协提案: Σ ≤ 156件', 'holds'],
      ['cross-children-sum-within-parent', 'district', '行政复议案件: Σ ≤ 555件', 'holds'],
      // Street L26 建设“令行禁止、有呼必应”综合指挥调度平台; district L45 and L65 name it the same way.
      ['cross-shared-facts-agree', 'street', '“令行禁止、有呼必应”综合指挥调度平台', 'holds'],
    ]);
  });

  it('reports only that the district names 24 镇街 and one street report is given', () => {
    expect(cross(result)).toEqual([
      { id: 'district', ruleId: 'cross-children-sum-within-parent', messageId: 'incomplete', severity: 'info', text: '24个' },
    ]);
  });
});

describe('mutated pairs give exactly the expected finding', () => {
  const check = (s: string, d: string, parents?: Record<string, string>) =>
    checkReports(
      [
        { id: 'street', text: s },
        { id: 'district', text: d },
      ],
      {},
      parents ? { parents } : {},
    );
  const withoutIncomplete = (r: CheckReportsResult) => cross(r).filter((x) => x.messageId !== 'incomplete');

  it('a street figure raised above the district’s', () => {
    // 300件 of 人大代表建议 in the street, 204件 in the whole district: impossible.
    const r = check(street.replace('承办区人大代表建议3件', '承办区人大代表建议300件'), district);
    expect(withoutIncomplete(r)).toEqual([
      { id: 'street', ruleId: 'cross-child-within-parent', messageId: 'exceeds', severity: 'error', text: '300件' },
      { id: 'district', ruleId: 'cross-children-sum-within-parent', messageId: 'exceeds', severity: 'error', text: '204件' },
    ]);
    const d = r.documents[0]!.result.diagnostics.find((x) => x.ruleId === 'cross-child-within-parent')!;
    expect(d.related).toEqual([expect.objectContaining({ document: 'district', message: '人大代表建议: 204件' })]);
  });

  it('the year changed', () => {
    const r = check(street.replace('现将我街2020年度', '现将我街2021年度'), district);
    expect(withoutIncomplete(r)).toEqual([{ id: 'street', ruleId: 'cross-year-matches', messageId: 'mismatch', severity: 'error', text: '2021' }]);
  });

  it('the street moved to another district', () => {
    const moved = street.replaceAll('白云区', '天河区');
    // Without a parent given it cannot be placed: no report of 天河区 is among the inputs.
    const alone = check(moved, district);
    expect(alone.links).toEqual([]);
    expect(alone.unplaced).toEqual([{ id: 'street', reason: 'no report of 天河区 among the reports' }]);
    expect(withoutIncomplete(alone)).toEqual([]);
    // Given 白云区 as its parent, its issuer does not belong there.
    const given = check(moved, district, { street: 'district' });
    expect(withoutIncomplete(given)).toEqual([{ id: 'street', ruleId: 'cross-parent-matches', messageId: 'mismatch', severity: 'error', text: '天河区' }]);
  });
});

describe('25 streets against one district', () => {
  it('links and checks them in under 160 ms (or 80 bare regex scans of the same texts, on a loaded machine)', () => {
    const districtReport = parseReport(district);
    const texts = Array.from({ length: 25 }, (_, i) => street.replaceAll('石门街', `${'东西南北中上下左右前后新老大小金银铜铁江河湖海山林'[i]}门街`));
    const streets = texts.map((text, i) => ({ id: `street-${i}`, report: parseReport(text) }));
    const inputs = [{ id: 'district', report: districtReport }, ...streets];
    for (let i = 0; i < 3; i++) checkReports(inputs); // warm up
    // One pass of a bare figure regex over every text: what the machine can do right now.
    const FIGURE = /(约|近|超|逾)?(\d[\d,]*(?:\.\d+)?)(万|亿)?(件|宗|户|人次|%|元|平方米|处|场次)?/g;
    const scan = (): number => {
      const t0 = performance.now();
      let n = 0;
      for (const text of [district, ...texts]) {
        FIGURE.lastIndex = 0;
        while (FIGURE.exec(text)) n++;
      }
      if (n === 0) throw new Error('no figures scanned');
      return performance.now() - t0;
    };
    const times: number[] = [];
    const scans: number[] = [];
    for (let i = 0; i < 7; i++) {
      scans.push(scan());
      const t0 = performance.now();
      const r = checkReports(inputs);
      times.push(performance.now() - t0);
      expect(r.links).toHaveLength(25);
    }
    // The best of seven runs: other test files share the two cores while this one runs. Alone it
    // takes about 75 ms, some 40 bare scans. Under the load of the full suite (and of other work on
    // a shared machine) it reached 128 and 186 ms; the scans, interleaved with it, slow down with it,
    // so the bound follows them when they say the machine is loaded.
    expect(Math.min(...times)).toBeLessThan(Math.max(160, 80 * Math.min(...scans)));
  });
});

/**
 * Consistent families of reports in real forms (番禺 with a town, a county with towns, places
 * such as 沙市区, 新市区, 安乡县 and the county-level city 台山市): every street and town is
 * placed, and no cross-document rule warns or errs. Each was written to be consistent; the
 * tricky wording they carry (a town's own 镇人大代表建议, a district's sub-categories and last
 * year's figures, a street quoting district-wide totals, an upgraded platform version) must not
 * be taken for a contradiction.
 */
describe('consistent families', () => {
  const families: Record<string, number> = { A: 3, B: 3, D: 2, E: 4 };
  it.each(Object.entries(families))('family %s: all %i children linked, no cross warning or error', (name, children) => {
    const dir = projectPath(`test/fixtures/families/${name}`);
    const inputs = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ id: f, text: readFileSync(`${dir}/${f}`, 'utf8') }));
    const r = checkReports(inputs);
    expect(r.unplaced).toEqual([]);
    expect(r.links).toHaveLength(children);
    expect(cross(r).filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
