import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkReport,
  CheckResultSchema,
  ConfigError,
  defineRule,
  DiagnosticSchema,
  parseReport,
  type Rule,
} from '../../src/index.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { seedText } from '../helpers.js';

const HOTLINE = '一、主要成效\n今年共受理热线事项100件,其中咨询类30件、投诉类50件、求助类30件,办结率达100%。\n';

describe('configuration', () => {
  it('rejects an unknown rule id, naming the key', () => {
    expect(() => checkReport('x', { rules: { 'no-such-rule': 'error' } })).toThrow(ConfigError);
    try {
      checkReport('x', { rules: { 'no-such-rule': 'error' } });
    } catch (e) {
      expect((e as ConfigError).key).toBe('rules.no-such-rule');
      expect((e as ConfigError).message).toContain('no-such-rule');
    }
  });

  it('rejects a bad option, naming the option', () => {
    try {
      checkReport('x', { rules: { 'sum-matches-total': ['error', { reportShort: 'yes' }] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).key).toBe('rules.sum-matches-total[1].reportShort');
    }
  });

  it('rejects a bad severity, an unknown top-level key and a bad locale', () => {
    // @ts-expect-error a JavaScript caller's mistake, which the types already refuse
    expect(() => checkReport('x', { rules: { 'sum-matches-total': 'fatal' } })).toThrow(/rules\.sum-matches-total/);
    // @ts-expect-error a JavaScript caller's mistake, which the types already refuse
    expect(() => checkReport('x', { colour: true })).toThrow(/colour/);
    // @ts-expect-error a JavaScript caller's mistake, which the types already refuse
    expect(() => checkReport('x', { locale: 'fr' })).toThrow(/locale/);
  });

  it('turns a rule off and changes its severity', () => {
    const off = checkReport(HOTLINE, { rules: { 'sum-matches-total': 'off' } });
    expect(off.diagnostics.filter((d) => d.ruleId === 'sum-matches-total')).toEqual([]);
    const info = checkReport(HOTLINE, { rules: { 'sum-matches-total': 'info' } });
    // 30+50+30 = 110 > 100: the parts exceed the total.
    expect(info.diagnostics.find((d) => d.ruleId === 'sum-matches-total')?.severity).toBe('info');
  });
});

describe('diagnostics', () => {
  const result = checkReport(HOTLINE);
  const sum = result.diagnostics.find((d) => d.ruleId === 'sum-matches-total')!;

  it('points at the stated total with line and column', () => {
    expect(HOTLINE.slice(sum.range.start, sum.range.end)).toBe('100件');
    // Line 2 starts at offset 7; 今年共受理热线事项 is 9 characters, so 100件 starts at column 10.
    expect([sum.line, sum.column, sum.endLine, sum.endColumn]).toEqual([2, 10, 2, 14]);
    expect(sum.sectionPath).toEqual(['一、主要成效']);
  });

  it('carries the computation and the parts as related locations', () => {
    expect(sum.evidence.expression).toBe('30+50+30 = 110');
    expect(sum.related.map((r) => r.message)).toEqual(['分项: 30件', '分项: 50件', '分项: 30件']);
    expect(sum.message).toBe('分项之和110大于总数100件:30+50+30 = 110');
  });

  it('validates against the exported schemas', () => {
    for (const d of result.diagnostics) expect(DiagnosticSchema.safeParse(d).success).toBe(true);
    const { report: _report, ...rest } = result;
    expect(CheckResultSchema.safeParse(rest).success).toBe(true);
  });

  it('speaks English when asked', () => {
    const en = checkReport(HOTLINE, { locale: 'en' }).diagnostics.find((d) => d.ruleId === 'sum-matches-total')!;
    expect(en.message).toBe('The parts add up to 110, more than the total 100件: 30+50+30 = 110');
  });

  it('accepts an already parsed report', () => {
    expect(checkReport(parseReport(HOTLINE)).diagnostics).toEqual(result.diagnostics);
  });
});

describe('fingerprints', () => {
  const base = seedText('street');
  const prints = (text: string) => checkReport(text).diagnostics.map((d) => d.fingerprint);

  it('stay the same when unrelated text is edited or moved', () => {
    const before = prints(base);
    const edited = base.replace('深入贯彻党的十九大', '深入学习贯彻党的十九大').replace('(四)提高行政决策', '\n(四)提高行政决策');
    expect(prints(edited)).toEqual(before);
  });

  it('change when the sentence of the finding changes', () => {
    const before = prints(base);
    const edited = base.replace('在办案件4批,办结率96.6%', '在办案件4批,本级办结率96.6%');
    const after = prints(edited);
    // Findings in order: L11 rate, L12 zero claim, L30 truncated rate, L59 date. Only L30 changes.
    expect(after).toHaveLength(4);
    expect([after[0], after[1], after[3]]).toEqual([before[0], before[1], before[3]]);
    expect(after[2]).not.toBe(before[2]);
  });

  it('are unique within a report', () => {
    const fp = prints(base);
    expect(new Set(fp).size).toBe(fp.length);
  });
});

describe('rules that crash', () => {
  const crashing = defineRule({
    meta: {
      id: 'always-crashes',
      type: 'problem',
      docs: { description: { zh: '测试', en: 'test' }, url: '' },
      messages: {},
      options: z.object({}),
      defaultSeverity: 'error',
    },
    check() {
      throw new Error('boom');
    },
  }) as unknown as Rule;

  it('become one internal-error finding while the other rules still run', () => {
    const result = checkReport(HOTLINE, {}, { rules: [crashing] });
    const internal = result.diagnostics.filter((d) => d.ruleId === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0]!.message).toContain('always-crashes');
    expect(internal[0]!.evidence.note).toBe('boom');
    expect(result.diagnostics.some((d) => d.ruleId === 'sum-matches-total')).toBe(true);
  });

  it('can be configured like built-in rules', () => {
    const result = checkReport(HOTLINE, { rules: { 'always-crashes': 'off' } }, { rules: [crashing] });
    expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
  });
});

describe('severity from a rule', () => {
  const lowering = (wanted: 'error' | 'info') =>
    defineRule({
      meta: {
        id: 'lowering',
        type: 'problem',
        docs: { description: { zh: '测试', en: 'test' }, url: '' },
        messages: { m: { zh: '消息', en: 'message' } },
        options: z.object({}),
        defaultSeverity: 'warning',
      },
      check(ctx) {
        ctx.report({ messageId: 'm', range: { start: 0, end: 1 }, evidence: { figures: [] }, severity: wanted });
      },
    }) as unknown as Rule;

  it('can lower but never raise the configured severity', () => {
    const opts = { builtins: false };
    expect(checkReport('一', {}, { ...opts, rules: [lowering('info')] }).diagnostics[0]!.severity).toBe('info');
    expect(checkReport('一', {}, { ...opts, rules: [lowering('error')] }).diagnostics[0]!.severity).toBe('warning');
  });
});

describe('stats', () => {
  it('count claims by verdict and time every rule', () => {
    const { stats, claims } = checkReport(seedText('street'));
    expect(stats.claims.holds + stats.claims.fails + stats.claims.unverifiable).toBe(claims.length);
    expect(Object.keys(stats.rules)).toHaveLength(BUILTIN_RULES.length);
    // zero claim (error); 完成和归档率 overstated, 96.6% truncated, part-year date (warnings).
    expect(stats.diagnostics).toEqual({ error: 1, warning: 3, info: 0 });
  });
});
