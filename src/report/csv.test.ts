import { describe, expect, it } from 'vitest';
import { checkedSeeds } from '../../test/helpers.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { csvField, formatCsv } from './csv.js';
import { findingParts } from './finding-text.js';


/** Both seeds read, checked together and mapped as `jiaohe check` does. */
const seedDocs = checkedSeeds;

/**
 * An RFC 4180 reader written for the test, independent of the formatter: records end at CRLF
 * outside quotes, a quoted field may hold commas, quotes (doubled) and line breaks.
 */
function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      expect(field, 'a quote opens a field only at its start').toBe('');
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      expect(c, 'no bare line break outside quotes').not.toMatch(/[\r\n]/);
      field += c;
    }
  }
  expect(quoted).toBe(false);
  expect(record.length + field.length, 'the last record ends with CRLF').toBe(0);
  return records;
}

const zh = await seedDocs('zh');
const en = await seedDocs('en');
const zhCsv = formatCsv(zh, { locale: 'zh' });
const enCsv = formatCsv(en, { locale: 'en' });

describe('formatCsv on both seeds', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    for (const csv of [zhCsv, enCsv]) {
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.codePointAt(1)).not.toBe(0xfeff);
      expect(csv.endsWith('\r\n')).toBe(true);
      // Every line break between records is CRLF; a bare LF is only inside a quoted field.
      expect(csv.split('\r\n').length).toBe(parseCsv(csv.slice(1)).length + 1);
    }
    expect(Buffer.from(zhCsv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('has the header and one record of nine fields for every finding', () => {
    const records = parseCsv(zhCsv.slice(1));
    expect(records[0]).toEqual(['文件', '序号', '严重程度', '规则', '位置', '原文', '问题', '依据', '建议']);
    expect(parseCsv(enCsv.slice(1))[0]).toEqual(['File', 'No.', 'Severity', 'Rule', 'Location', 'Source text', 'Problem', 'Basis', 'Suggestion']);
    const findings = zh.flatMap((doc) => doc.diagnostics.map((d, i) => ({ doc, d, i })));
    expect(findings).toHaveLength(7);
    expect(records).toHaveLength(1 + findings.length);
    findings.forEach(({ doc, d, i }, k) => {
      const r = records[k + 1]!;
      const parts = findingParts(d, 'zh');
      expect(r).toHaveLength(9);
      expect(r.slice(0, 5)).toEqual([doc.path, String(i + 1), { error: '错误', warning: '警告', info: '提示' }[d.severity], d.ruleId, `${d.line}:${d.column}`]);
      // 原文: the finding itself in 【】, inside its own line.
      const marked = /【([^【】]*)】/.exec(r[5]!)![1];
      expect(marked).toBe(doc.text.slice(d.range.start, d.range.end));
      expect(doc.text.split('\n')[d.line - 1]).toContain(r[5]!.replace(/^…|…$/g, '').replace(/[【】]/g, ''));
      expect(r[6]).toBe(d.message);
      expect(r[7]!.startsWith(parts.basis)).toBe(true);
      for (const f of parts.figures) expect(r[7]).toContain(f);
      expect(r[8]).toBe(parts.suggestion ?? '');
    });
    expect(records[6]!.slice(5)).toEqual([
      '…违建拆除)、涉法涉诉(经济纠纷、合同纠纷)、股份分红、劳资纠纷、环境保护较集中,目前已结案116批,在办案件4批,办结率【96.6%】。',
      '办结率96.6%系截断所得:116/120 = 96.6667%,按四舍五入应为96.7%',
      `116/120 = 96.6667%,应为96.7%\n相关数字:分子: 116批 (30:267)、分母: 120批 (30:195)`,
      '改为96.7%',
    ]);
  });

  it('quotes the fields that hold commas, quotes or line breaks, and only those', () => {
    const lines = zhCsv.slice(1).split('\r\n');
    // The district's first finding has no comma in any field but its message.
    expect(lines[0]).toBe('文件,序号,严重程度,规则,位置,原文,问题,依据,建议');
    expect(lines[1]!.startsWith('seeds/2020-baiyun-district.txt,1,提示,cross-children-sum-within-parent,83:72,')).toBe(true);
    expect(lines[1]).toContain(',"本报告称有24个镇街,只给出了其中1个的报告",');
  });
});

describe('CSV fields', () => {
  it('doubles quotes and quotes fields with a comma, quote, CR or LF', () => {
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
  });

  it('defuses formulas: a field starting with = + - @ tab or CR gets an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('a=1')).toBe('a=1');
  });

  it('defuses a formula quoted from a checked file, in every column', () => {
    const text = '=cmd|calc!A1 的办结率96.6%\n';
    const d: Diagnostic = {
      ruleId: 'r',
      messageId: 'm',
      severity: 'warning',
      message: '-1 的问题',
      range: { start: 0, end: 12 },
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 13,
      sectionPath: [],
      evidence: { figures: [], expression: '=1+1' },
      related: [],
      suggestion: { message: '@改', replacement: '@改' },
      fingerprint: 'f',
    };
    const records = parseCsv(formatCsv([{ path: '+x.txt', text, diagnostics: [d], claims: [] }], { locale: 'zh' }).slice(1));
    expect(records[1]).toEqual(["'+x.txt", '1', '警告', 'r', '1:1', '【=cmd|calc!A1】 的办结率96.6%', "'-1 的问题", "'=1+1", "'@改"]);
  });

  it('has only the header when nothing was found', () => {
    expect(formatCsv([{ path: 'a.txt', text: '', diagnostics: [], claims: [] }], { locale: 'en' })).toBe('\uFEFFFile,No.,Severity,Rule,Location,Source text,Problem,Basis,Suggestion\r\n');
  });
});
