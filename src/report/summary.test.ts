import { describe, expect, it } from 'vitest';
import { checkReport } from '../builtin.js';
import type { RuleSetting } from '../engine/config.js';
import type { CheckedDocument } from './document.js';
import { summarize } from './document.js';
import { toJsonOutput } from './json.js';
import { CheckOutputSchema } from './schema.js';
import { formatStylish, summaryLine } from './stylish.js';

/** A text no profile recognises and with no arithmetic to fault: one sentence of prose. */
const PROSE = '本单位认真做好各项工作,取得一定成效。';
/** A complete 法治政府建设年度报告 with nothing wrong in it. */
const REPORT = [
  '某某区人民政府2022年法治政府建设年度报告',
  '一、2022年推进法治政府建设的主要举措和成效',
  '全年审查重大行政决策事项18件。',
  '二、存在的不足和原因',
  '基层执法力量不足,原因是编制紧张。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '区政府主要负责同志带头学法4次。',
  '四、2023年度推进法治政府建设的主要安排',
  '2023年,区政府将持续深化法治政府建设。',
  '某某区人民政府',
  '2023年1月10日',
].join('\n');

function checked(path: string, text: string, rules: Record<string, RuleSetting> = {}): CheckedDocument {
  const r = checkReport(text, { rules });
  return { path, text, diagnostics: r.diagnostics, claims: r.claims, kind: r.kind };
}

describe('the summary says which documents were not checked for structure', () => {
  it('names a text of no recognised kind, even with its note turned off', () => {
    const prose = checked('notice.txt', PROSE, { 'document-kind': 'off' });
    expect(prose.diagnostics).toEqual([]);
    const s = summarize([checked('report.txt', REPORT), prose]);
    expect(s.structureUnchecked).toEqual(['notice.txt']);
    expect(summaryLine(s, 'zh')).toBe(
      '2 个文件,0 个问题(错误 0,警告 0,提示 0);核验通过 0 项,不符 0 项,无法核验 0 项;未识别报告类型、未做结构检查 1 个文件(notice.txt)',
    );
    expect(summaryLine(s, 'en')).toBe(
      '2 file(s), 0 problem(s) (0 errors, 0 warnings, 0 infos); claims: 0 verified, 0 failed, 0 unverifiable; structure not checked (kind not recognised): 1 file(s) (notice.txt)',
    );
  });

  it('adds nothing when every document was recognised', () => {
    const s = summarize([checked('report.txt', REPORT)]);
    expect(s.structureUnchecked).toEqual([]);
    expect(summaryLine(s, 'zh')).toBe('1 个文件,0 个问题(错误 0,警告 0,提示 0);核验通过 0 项,不符 0 项,无法核验 0 项');
  });

  it('lists at most five names, then says how many more', () => {
    const docs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => checked(`${n}.txt`, PROSE, { 'document-kind': 'off' }));
    const s = summarize(docs);
    expect(summaryLine(s, 'zh').endsWith(';未识别报告类型、未做结构检查 7 个文件(a.txt、b.txt、c.txt、d.txt、e.txt等)')).toBe(true);
    expect(summaryLine(s, 'en').endsWith('7 file(s) (a.txt, b.txt, c.txt, d.txt, e.txt and 2 more)')).toBe(true);
  });

  it('shows the note under the file and the unchecked file in the stylish summary', () => {
    const out = formatStylish([checked('notice.txt', PROSE)], { color: false, locale: 'zh' });
    const lines = out.split('\n');
    expect(lines[0]).toBe('notice.txt');
    expect(lines[1]).toBe('  1:1      提示  未识别为法治政府建设年度报告等已知报告类型,未做结构检查  document-kind');
    expect(lines[lines.length - 1]).toBe(
      '1 个文件,1 个问题(错误 0,警告 0,提示 1);核验通过 0 项,不符 0 项,无法核验 0 项;未识别报告类型、未做结构检查 1 个文件(notice.txt)',
    );
  });

  it('puts the list in the JSON summary, valid against the output schema', () => {
    const out = toJsonOutput([checked('report.txt', REPORT), checked('notice.txt', PROSE)], { toolVersion: '0.0.0' });
    expect(out.summary.structureUnchecked).toEqual(['notice.txt']);
    expect(out.documents.map((d) => d.kind)).toEqual(['fazhi-zhengfu-annual-report', null]);
    expect(CheckOutputSchema.safeParse(JSON.parse(JSON.stringify(out))).success).toBe(true);
  });
});
