/**
 * The RuleTester itself: cases that should pass do, and a rule that misses a finding or reports
 * an unexpected one fails its case with a diff that names the finding.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRule, type Rule } from '../../src/index.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { RuleTester, runRule, type TestFunctions } from '../../src/testing/index.js';

/** A small rule for the tests: flags every 截至目前 (a report on a whole year should not say it). */
const soFar = defineRule({
  meta: {
    id: 'no-so-far',
    type: 'suggestion',
    docs: { description: { zh: '全年报告不写“截至目前”', en: 'A report on a whole year does not say 截至目前' }, url: 'x' },
    messages: { soFar: { zh: '出现“{phrase}”', en: 'says {phrase}' } },
    options: z.object({ phrase: z.string().default('截至目前') }),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    const phrase = ctx.options.phrase;
    for (let i = ctx.document.text.indexOf(phrase); i >= 0; i = ctx.document.text.indexOf(phrase, i + 1)) {
      ctx.report({ messageId: 'soFar', data: { phrase }, range: { start: i, end: i + phrase.length }, evidence: { figures: [] } });
    }
  },
});

/**
 * Collects what a RuleTester registers, runs it, and records each test's outcome: the message
 * and, as a test runner shows them in its diff, the actual and expected values.
 */
function collect(register: (tester: RuleTester) => void): Array<{ name: string; error: string | null; diff: string }> {
  const tests: Array<{ name: string; body: () => void }> = [];
  const path: string[] = [];
  const fns: TestFunctions = {
    describe: (name, body) => {
      path.push(name);
      body();
      path.pop();
    },
    it: (name, body) => tests.push({ name: [...path, name].join(' > '), body }),
  };
  register(new RuleTester({}, fns));
  return tests.map((t) => {
    try {
      t.body();
      return { name: t.name, error: null, diff: '' };
    } catch (error) {
      const e = error as { message: string; actual?: unknown; expected?: unknown };
      return { name: t.name, error: e.message, diff: `actual: ${JSON.stringify(e.actual)}\nexpected: ${JSON.stringify(e.expected)}` };
    }
  });
}

describe('RuleTester', () => {
  // The tester registers its cases with vitest like any test file would.
  new RuleTester().run(soFar as Rule, {
    valid: ['2022年,全区共办理行政复议案件12件。', { text: '截止2022年底,共办理12件。', name: 'a different phrase' }],
    invalid: [
      { text: '一、情况\n截至目前,共办理12件。', errors: [{ messageId: 'soFar', data: { phrase: '截至目前' }, text: '截至目前', line: 2, column: 1 }] },
      { text: '目前为止共办理12件。', options: { phrase: '目前为止' }, errors: [{ messageId: 'soFar', text: '目前为止' }] },
      { text: '截至目前办理12件,截至目前办结10件。', errors: [{ messageId: 'soFar', column: 1 }, { messageId: 'soFar', column: 11 }] },
    ],
  });

  it('fails a valid case the rule flags, naming the finding', () => {
    const [meta, valid] = collect((t) => t.run(soFar as Rule, { valid: ['截至目前共12件。'] }));
    expect(meta!.error).toBeNull();
    expect(valid!.name).toBe('no-so-far > valid > 截至目前共12件。');
    expect(valid!.error).toContain('no-so-far must not flag');
    expect(valid!.error).toContain('1:1 soFar “截至目前” 出现“截至目前”');
  });

  it('fails an invalid case with a missed finding or the wrong place, showing expected and actual', () => {
    const results = collect((t) =>
      t.run(soFar as Rule, {
        invalid: [
          { text: '共12件。', errors: [{ messageId: 'soFar' }] },
          { text: '截至目前共12件。', errors: [{ messageId: 'soFar', text: '目前' }] },
          { text: '截至目前共12件。', errors: [{ messageId: 'soFar', data: { phrase: '截至今日' } }] },
          { text: '截至目前共12件。', errors: [{ messageId: 'noSuchMessage' }] },
        ],
      }),
    );
    const [, missed, wrongText, wrongData, unknownId] = results;
    expect(missed!.error).toContain('no-so-far on:\n共12件。');
    expect(missed!.diff).toBe('actual: []\nexpected: [{"messageId":"soFar"}]');
    expect(wrongText!.diff).toBe('actual: [{"messageId":"soFar","text":"截至目前"}]\nexpected: [{"messageId":"soFar","text":"目前"}]');
    expect(wrongData!.diff).toBe('actual: [{"messageId":"soFar","message":"出现“截至目前”"}]\nexpected: [{"messageId":"soFar","message":"出现“截至今日”"}]');
    expect(unknownId!.error).toContain("no-so-far has no message 'noSuchMessage'");
  });

  it('fails the meta check of a rule without English messages', () => {
    const broken = { ...soFar, meta: { ...soFar.meta, messages: { soFar: { zh: '出现', en: '' } } } } as unknown as Rule;
    const [meta] = collect((t) => t.run(broken, { valid: [] }));
    expect(meta!.error).toContain('message soFar in en');
  });

  it('runs a built-in rule alone: no other rule reports', () => {
    const rate = BUILTIN_RULES.find((r) => r.meta.id === 'rate-matches-counts')!;
    const found = runRule(rate as Rule, '一、情况\n截至目前我街共接收上级交办案42批,已结案35批,办结率81.3%。');
    expect(found.map((d) => [d.ruleId, d.messageId])).toEqual([['rate-matches-counts', 'mismatch']]);
  });
});

describe('RuleTester guards', () => {
  it('rejects an invalid case that lists no expected finding', () => {
    const [, invalid] = collect((t) => t.run(soFar as Rule, { valid: [], invalid: [{ text: '共12件。', errors: [] }] }));
    expect(invalid!.error).toContain('an invalid case must list at least one expected finding');
  });

  it('turns a malformed report from a rule (no evidence) into an internal-error finding, so cases fail', () => {
    const sloppy = defineRule({
      ...soFar,
      check(ctx) {
        ctx.report({ messageId: 'soFar', data: { phrase: 'x' }, range: { start: 0, end: 1 } } as never);
      },
    });
    const found = runRule(sloppy as Rule, '共12件。');
    expect(found.map((d) => [d.ruleId, d.messageId])).toEqual([['internal-error', 'crashed']]);
    expect(found[0]!.message).toContain('reported without evidence');
  });
});
