/**
 * RuleTester: ESLint-style cases for a rule, run inside vitest's `describe`/`it`. A valid case
 * must give no finding; an invalid one exactly the findings listed, compared as a readable diff.
 */
import { describe as vitestDescribe, expect, it as vitestIt } from 'vitest';
import { checkReport } from '../builtin.js';
import type { Config } from '../engine/config.js';
import { DiagnosticSchema, type Diagnostic, type Severity } from '../engine/diagnostic.js';
import { formatMessage, type Locale } from '../engine/messages.js';
import type { Rule } from '../engine/rule.js';
import type { Lexicon } from '../claims/lexicon.js';
import type { Profile } from '../profiles/schema.js';

/** A text the rule must accept. */
export interface ValidCase {
  text: string;
  /** Test name; defaults to the start of the text. */
  name?: string;
  /** The rule's options for this case. */
  options?: Record<string, unknown>;
  /** The rest of the configuration: locale, document profile, level. */
  config?: Pick<Config, 'locale' | 'profile' | 'level'>;
  /** Runs only this case (as `it.only`). */
  only?: boolean;
}

/** One finding an invalid case must produce. Only the fields given are compared. */
export interface ExpectedFinding {
  messageId: string;
  /** The message's placeholders; the finding's message must be the template filled with them. */
  data?: Record<string, string | number>;
  /** The exact flagged substring of the text. */
  text?: string;
  line?: number;
  column?: number;
  severity?: Severity;
}

/** A text the rule must flag, with the findings it must produce (in document order). */
export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

/** What a RuleTester needs besides the cases. */
export interface RuleTesterOptions {
  locale?: Locale;
  profiles?: readonly Profile[];
  lexicon?: Lexicon;
}

/** The test functions a RuleTester registers with; vitest's by default. */
export interface TestFunctions {
  describe: (name: string, body: () => void) => void;
  it: ((name: string, body: () => void) => void) & { only?: (name: string, body: () => void) => void };
}

/** Runs one rule alone on a text and returns its findings (no other rule runs). */
export function runRule(rule: Rule, text: string, options: { options?: Record<string, unknown>; config?: ValidCase['config'] } & RuleTesterOptions = {}): Diagnostic[] {
  const setting = options.options ? ([rule.meta.defaultSeverity, options.options] as const) : rule.meta.defaultSeverity;
  const config = { locale: options.locale ?? 'zh', ...options.config, rules: { [rule.meta.id]: setting } };
  const result = checkReport(text, config, {
    builtins: false,
    rules: [rule],
    ...(options.profiles ? { profiles: options.profiles } : {}),
    ...(options.lexicon ? { lexicon: options.lexicon } : {}),
  });
  return result.diagnostics;
}

const caseName = (c: ValidCase): string => c.name ?? (c.text.length > 48 ? `${c.text.slice(0, 48)}…` : c.text).replace(/\n/g, '⏎');

/** Checks that a rule's meta is whole: messages in both locales, a description, a docs URL. */
export function assertRuleMeta(rule: Rule): void {
  const { meta } = rule;
  expect(meta.id, 'rule id').toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  expect(meta.docs.description.zh, `${meta.id}: description in zh`).not.toBe('');
  expect(meta.docs.description.en, `${meta.id}: description in en`).not.toBe('');
  expect(Object.keys(meta.messages).length, `${meta.id}: messages`).toBeGreaterThan(0);
  for (const [id, template] of Object.entries(meta.messages)) {
    expect(template.zh, `${meta.id}: message ${id} in zh`).not.toBe('');
    expect(template.en, `${meta.id}: message ${id} in en`).not.toBe('');
  }
}

/**
 * Runs rule cases as tests: `new RuleTester().run(rule, { valid, invalid })` inside a test file.
 * Pass `testFunctions` to register with another runner.
 */
export class RuleTester {
  private readonly functions: TestFunctions;

  constructor(
    private readonly options: RuleTesterOptions = {},
    testFunctions?: TestFunctions,
  ) {
    this.functions = testFunctions ?? { describe: vitestDescribe, it: vitestIt };
  }

  /** Registers a test per case under `describe(rule id)`. */
  run(rule: Rule, cases: { valid?: ReadonlyArray<ValidCase | string>; invalid?: readonly InvalidCase[] }): void {
    const { describe, it } = this.functions;
    const register = (c: ValidCase, body: () => void): void => (c.only && it.only ? it.only(caseName(c), body) : it(caseName(c), body));
    describe(rule.meta.id, () => {
      it('has messages in both locales and a description', () => assertRuleMeta(rule));
      describe('valid', () => {
        for (const raw of cases.valid ?? []) {
          const c = typeof raw === 'string' ? { text: raw } : raw;
          register(c, () => {
            const found = this.findings(rule, c);
            expect(found.map((d) => describeFinding(c.text, d)), `${rule.meta.id} must not flag:\n${c.text}`).toEqual([]);
          });
        }
      });
      describe('invalid', () => {
        for (const c of cases.invalid ?? []) {
          register(c, () => {
            // An invalid case that expects nothing would pass on a rule that finds nothing.
            expect(c.errors.length, `${rule.meta.id}: an invalid case must list at least one expected finding`).toBeGreaterThan(0);
            for (const e of c.errors) {
              expect(Object.keys(rule.meta.messages), `${rule.meta.id} has no message '${e.messageId}'`).toContain(e.messageId);
            }
            const found = this.findings(rule, c);
            const locale = c.config?.locale ?? this.options.locale ?? 'zh';
            const actual = found.map((d, i) => project(c.text, d, c.errors[i] ?? c.errors[0] ?? { messageId: '' }));
            const expected = c.errors.map((e) => expectedShape(e, rule, locale));
            expect(actual, `${rule.meta.id} on:\n${c.text}`).toEqual(expected);
          });
        }
      });
    });
  }

  private findings(rule: Rule, c: ValidCase): Diagnostic[] {
    const found = runRule(rule, c.text, { ...this.options, ...(c.options ? { options: c.options } : {}), ...(c.config ? { config: c.config } : {}) });
    // Every finding must be one the formatters and other tools can take.
    for (const d of found) {
      const parsed = DiagnosticSchema.safeParse(d);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), `${rule.meta.id} made a malformed finding`).toEqual([]);
    }
    return found;
  }
}

/** A finding as a line a person can read in a diff. */
function describeFinding(text: string, d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.messageId} “${text.slice(d.range.start, d.range.end)}” ${d.message}`;
}

/** The fields of an actual finding that the expected one names, so the diff shows only those. */
function project(text: string, d: Diagnostic, like: ExpectedFinding): Record<string, unknown> {
  const out: Record<string, unknown> = { messageId: d.messageId };
  if (like.data !== undefined) out.message = d.message;
  if (like.text !== undefined) out.text = text.slice(d.range.start, d.range.end);
  if (like.line !== undefined) out.line = d.line;
  if (like.column !== undefined) out.column = d.column;
  if (like.severity !== undefined) out.severity = d.severity;
  return out;
}

function expectedShape(e: ExpectedFinding, rule: Rule, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = { messageId: e.messageId };
  if (e.data !== undefined) {
    const template = rule.meta.messages[e.messageId];
    out.message = template ? formatMessage(template[locale], e.data) : `(no message ${e.messageId})`;
  }
  if (e.text !== undefined) out.text = e.text;
  if (e.line !== undefined) out.line = e.line;
  if (e.column !== undefined) out.column = e.column;
  if (e.severity !== undefined) out.severity = e.severity;
  return out;
}
