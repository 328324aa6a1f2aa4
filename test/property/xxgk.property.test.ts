// Properties of table 三 of a 政府信息公开工作年度报告 read from an HTML page: a randomly filled,
// balanced table gives no failing claim; moving any one cell breaks exactly the identities that
// hold it (its row's 总计, the (七)总计 of its column when it is a result row, and 一 + 二 =
// (七)总计 + 四 in its column when it is one of those four rows); a blank cell never fails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/builtin.js';
import { checkReports } from '../../src/builtin.js';
import { extractHtml } from '../../src/io/html.js';
import type { Claim } from '../../src/claims/schema.js';
import { parseReport } from '../../src/parse/parse-report.js';

/** The 21 result rows of the 2021 format: (group cell, row label), the group cell spanning its rows. */
const RESULTS: Array<[string | null, string]> = [
  [null, '(一)予以公开'],
  [null, '(二)部分公开(区分处理的,只计这一情形,不计其他情形)'],
  ...['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map(
    (l, i): [string | null, string] => [i === 0 ? '(三)不予公开' : null, l],
  ),
  ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((l, i): [string | null, string] => [i === 0 ? '(四)无法提供' : null, l]),
  ...['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((l, i): [string | null, string] => [
    i === 0 ? '(五)不予处理' : null,
    l,
  ]),
  ...['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map(
    (l, i): [string | null, string] => [i === 0 ? '(六)其他处理' : null, l],
  ),
];
const SPANS: Record<string, number> = { '(三)不予公开': 8, '(四)无法提供': 3, '(五)不予处理': 5, '(六)其他处理': 3 };

/** The values of the 25 data rows (一, 二, 21 results, (七)总计, 四), six applicant columns each. */
interface Filled {
  rows: number[][];
}

/** Rows in table order: 0 一, 1 二, 2–22 the results, 23 (七)总计, 24 四. */
const ONE = 0;
const TWO = 1;
const SEVEN = 23;
const FOUR = 24;

const balanced: fc.Arbitrary<Filled> = fc
  .record({
    results: fc.array(fc.array(fc.nat(30), { minLength: 6, maxLength: 6 }), { minLength: 21, maxLength: 21 }),
    pending: fc.array(fc.nat(30), { minLength: 6, maxLength: 6 }),
    carried: fc.array(fc.nat(30), { minLength: 6, maxLength: 6 }),
  })
  .map(({ results, pending, carried }) => {
    const seven = [0, 1, 2, 3, 4, 5].map((c) => results.reduce((s, r) => s + r[c]!, 0));
    // 一 + 二 = (七) + 四, with 二 no more than what the year handled and carried on.
    const two = carried.map((v, c) => Math.min(v, seven[c]! + pending[c]!));
    const one = seven.map((v, c) => v + pending[c]! - two[c]!);
    return { rows: [one, two, ...results, seven, pending] };
  });

/** The table as a page writes it, with `cell(r, c)` overriding what a cell shows (c = 6: 总计). */
function page(filled: Filled, cell: (r: number, c: number, shown: string) => string = (_r, _c, s) => s, year = 2023): string {
  const tds = (r: number): string => {
    const values = [...filled.rows[r]!, filled.rows[r]!.reduce((a, b) => a + b, 0)];
    return values.map((v, c) => `<td>${cell(r, c, String(v))}</td>`).join('');
  };
  const rows: string[] = [
    `<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>${tds(ONE)}</tr>`,
    `<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>${tds(TWO)}</tr>`,
  ];
  RESULTS.forEach(([group, label], i) => {
    const lead = i === 0 ? `<td rowspan="${RESULTS.length + 1}">三、本年度办理结果</td>` : '';
    const r = i + 2;
    if (label.startsWith('(')) rows.push(`<tr>${lead}<td colspan="2">${label}</td>${tds(r)}</tr>`);
    else if (group) rows.push(`<tr>${lead}<td rowspan="${SPANS[group]}">${group}</td><td>${label}</td>${tds(r)}</tr>`);
    else rows.push(`<tr>${lead}<td>${label}</td>${tds(r)}</tr>`);
  });
  rows.push(`<tr><td colspan="2">(七)总计</td>${tds(SEVEN)}</tr>`);
  rows.push(`<tr><td colspan="3">四、结转下年度继续办理</td>${tds(FOUR)}</tr>`);
  return `<html><body><h1>某区司法局${year}年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p><table>
<tr><td rowspan="3" colspan="3">(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${rows.join('\n')}
</table></body></html>`;
}

/** The table claims of a page, each named by what it checks: `row r`, `seven c`, `balance c`. */
function judged(html: string): Array<{ name: string; claim: Claim }> {
  const p = extractHtml(html);
  const result = checkReport(parseReport(p.text, { tables: p.tables }));
  const table = result.report.tables[0]!;
  const place = new Map<number, [number, number]>();
  table.rows.forEach((row, r) => row.cells.forEach((c, j) => place.set(c.range.start, [r, j])));
  const out: Array<{ name: string; claim: Claim }> = [];
  for (const claim of result.claims) {
    const at = place.get(claim.range.start);
    if (!at) continue;
    if (claim.kind === 'tableTotal') out.push({ name: claim.direction === 'row' ? `row ${at[0]}` : `seven ${at[1]}`, claim });
    if (claim.kind === 'tableIdentity') out.push({ name: `balance ${at[1]}`, claim });
  }
  return out;
}

describe('table 三 of a 政府信息公开工作年度报告, read from a page', () => {
  it('balanced: every row total, every (七)总计 and every column’s balance holds', () => {
    fc.assert(
      fc.property(balanced, (filled) => {
        const claims = judged(page(filled));
        // 25 row totals, 7 (七)总计 columns, 7 balances.
        expect(claims).toHaveLength(39);
        expect(claims.filter((c) => c.claim.verdict !== 'holds').map((c) => c.name)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('one cell moved: exactly the identities that hold that cell fail', () => {
    fc.assert(
      fc.property(balanced, fc.nat(24), fc.nat(6), fc.integer({ min: 1, max: 9 }), (filled, r, c, delta) => {
        const claims = judged(page(filled, (rr, cc, shown) => (rr === r && cc === c ? String(Number(shown) + delta) : shown)));
        const expected = [`row ${r}`];
        if (r >= 2 && r <= SEVEN) expected.push(`seven ${c}`);
        if (r === ONE || r === TWO || r === SEVEN || r === FOUR) expected.push(`balance ${c}`);
        const failed = claims.filter((x) => x.claim.verdict === 'fails').map((x) => x.name);
        expect(failed.sort()).toEqual(expected.sort());
      }),
      { numRuns: 40 },
    );
  });

  it('a blank cell never fails: the identities that hold it are unassessable (or hold at 0), the rest hold', () => {
    fc.assert(
      fc.property(balanced, fc.nat(24), fc.nat(6), (filled, r, c) => {
        const claims = judged(page(filled, (rr, cc, shown) => (rr === r && cc === c ? '&nbsp;' : shown)));
        expect(claims.filter((x) => x.claim.verdict === 'fails').map((x) => x.name)).toEqual([]);
        const holding = [`row ${r}`, ...(r >= 2 && r <= SEVEN ? [`seven ${c}`] : []), ...(r === ONE || r === TWO || r === SEVEN || r === FOUR ? [`balance ${c}`] : [])];
        // A blank total is not a figure, so its claim is not made; a blank member leaves its claim unassessed.
        for (const x of claims) if (!holding.includes(x.name)) expect(x.claim.verdict, x.name).toBe('holds');
      }),
      { numRuns: 25 },
    );
  });

  it('two years of one body: silent when this year’s 二 is last year’s 四; one cell off breaks that column alone', () => {
    const pair = balanced.chain((last) =>
      fc.record({
        last: fc.constant(last),
        results: fc.array(fc.array(fc.nat(30), { minLength: 6, maxLength: 6 }), { minLength: 21, maxLength: 21 }),
        pending: fc.array(fc.nat(30), { minLength: 6, maxLength: 6 }),
      }).map(({ last, results, pending }) => {
        const carried = last.rows[FOUR]!;
        const seven = [0, 1, 2, 3, 4, 5].map((c) => results.reduce((s, r) => s + r[c]!, 0));
        // This year takes over what last year carried forward; 一 makes up the balance (never below 0).
        const after = pending.map((v, c) => Math.max(v, carried[c]! - seven[c]!));
        const one = seven.map((v, c) => v + after[c]! - carried[c]!);
        return { last, now: { rows: [one, [...carried], ...results, seven, after] } as Filled };
      }),
    );
    const judge = (last: Filled, now: Filled, cell?: (r: number, c: number, shown: string) => string) => {
      const inputs = [page(last, undefined, 2022), page(now, cell, 2023)].map((html, i) => {
        const p = extractHtml(html);
        return { id: `${2022 + i}.html`, text: p.text, tables: p.tables };
      });
      return checkReports(inputs).comparisons.filter((x) => x.ruleId === 'cross-year-carryover');
    };
    fc.assert(
      fc.property(pair, fc.nat(5), fc.integer({ min: 1, max: 9 }), ({ last, now }, c, delta) => {
        const fine = judge(last, now);
        expect(fine.map((x) => x.verdict)).toEqual(Array(7).fill('holds'));
        const off = judge(last, now, (rr, cc, shown) => (rr === TWO && cc === c ? String(Number(shown) + delta) : shown));
        // The page shows the row's 总计 from the unmoved values: only the moved cell's column is off.
        expect(off.filter((x) => x.verdict === 'fails').map((x) => x.what)).toEqual([`carried-over “${['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'][c]}”列`]);
      }),
      { numRuns: 15 },
    );
  });
});
