import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkReport, defineRule, type Rule } from '../index.js';
import { configKey } from './config-cache.js';

const TEXT = '一、主要成效\n今年共受理热线事项100件,其中咨询类30件、投诉类50件、求助类30件。\n';

describe('the per-process cache of resolved configurations', () => {
  it('keys configurations by structure, and refuses what is not plain data', () => {
    expect(configKey({ rules: { a: ['warning', { x: 1 }] } })).toBe(configKey({ rules: { a: ['warning', { x: 1 }] } }));
    expect(configKey({ locale: 'en' })).not.toBe(configKey({ locale: 'zh' }));
    expect(configKey({ a: undefined })).not.toBe(configKey({}));
    expect(configKey({ when: new Date(0) })).toBeNull();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(configKey(cyclic)).toBeNull();
    expect(configKey(JSON.parse('{"__proto__": {}}'))).toBeNull();
  });

  it('follows a configuration the caller changes between checks, and never freezes the caller’s objects', () => {
    const config = { rules: { 'sum-matches-total': ['error', { reportShort: true }] as ['error' | 'warning', { reportShort: boolean }] } };
    const a = checkReport(TEXT, config);
    config.rules['sum-matches-total'] = ['warning', { reportShort: true }];
    const b = checkReport(TEXT, config);
    expect(a.diagnostics.filter((d) => d.ruleId === 'sum-matches-total').map((d) => d.severity)).toEqual(['error']);
    expect(b.diagnostics.filter((d) => d.ruleId === 'sum-matches-total').map((d) => d.severity)).toEqual(['warning']);
    expect(Object.isFrozen(config.rules['sum-matches-total'][1])).toBe(false);
  });

  it('tells rule sets apart: the same configuration with other rules resolves again', () => {
    const seen: unknown[] = [];
    const make = (id: string): Rule =>
      defineRule({
        meta: { id, type: 'problem', docs: { description: { zh: 'x', en: 'x' }, url: '' }, messages: {}, options: z.object({ n: z.number().default(1) }), defaultSeverity: 'info' },
        check: (ctx) => void seen.push([id, ctx.options]),
      }) as unknown as Rule;
    checkReport(TEXT, {}, { builtins: false, rules: [make('one')] });
    checkReport(TEXT, {}, { builtins: false, rules: [make('two')] });
    expect(seen).toEqual([
      ['one', { n: 1 }],
      ['two', { n: 1 }],
    ]);
  });
});
