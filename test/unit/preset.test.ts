// The engine is handed its rules, kinds and lexicon (a Preset) and imports none itself.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILTIN_PRESET, checkReport, checkReports, defineRule, definePreset, parseProfile } from '../../src/index.js';
import { projectPath } from '../helpers.js';

const loud = defineRule({
  meta: {
    id: 'says-hello',
    type: 'suggestion',
    docs: { description: { zh: '打招呼', en: 'Says hello' }, url: 'x' },
    messages: { hello: { zh: '你好', en: 'hello' } },
    options: z.object({}),
    defaultSeverity: 'info',
  },
  check(ctx) {
    ctx.report({ messageId: 'hello', range: { start: 0, end: 0 }, evidence: { figures: [] } });
  },
});

const kind = parseProfile({
  id: 'meeting-minutes',
  name: { zh: '会议纪要', en: 'minutes' },
  recognize: { title: ['会议纪要'], body: ['会议纪要', '议定事项'], minScore: 2 },
  items: [{ id: 'decisions', name: { zh: '议定事项', en: 'decisions' }, required: true, headings: ['议定事项'] }],
});

describe('presets', () => {
  it('a preset of one rule and one kind: only that rule runs, and reports are recognised by that kind only', () => {
    const preset = definePreset({ id: 'minutes', rules: [loud], crossRules: [], profiles: [kind], lexicon: BUILTIN_PRESET.lexicon });
    const r = checkReport('某局会议纪要\n一、议定事项\n同意。', {}, { preset });
    expect(r.kind.profile).toBe('meeting-minutes');
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['says-hello']);
    // A 法治政府 report is of no kind this preset knows.
    expect(checkReport('某区2023年法治政府建设年度报告\n一、主要举措和成效\n正文。', {}, { preset }).kind.profile).toBeNull();
    expect(checkReports([{ id: 'a', text: '某局会议纪要\n一、议定事项\n同意。' }], {}, { preset }).documents[0]!.result.diagnostics.map((d) => d.ruleId)).toEqual(['says-hello']);
  });

  it('the built-in preset is the default', () => {
    const text = '某区2023年法治政府建设年度报告\n一、主要举措和成效\n正文。';
    expect(checkReport(text).diagnostics).toEqual(checkReport(text, {}, { preset: BUILTIN_PRESET }).diagnostics);
    expect(BUILTIN_PRESET.profiles.map((p) => p.id)).toEqual(['fazhi-zhengfu-annual-report', 'xxgk-annual-report']);
  });

  it('the engine imports no rule, and no rule imports another', () => {
    const dirs = ['src/engine', 'src/cross'];
    for (const dir of dirs) {
      for (const f of readdirSync(projectPath(dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
        expect(readFileSync(projectPath(`${dir}/${f}`), 'utf8'), `${dir}/${f}`).not.toMatch(/from '\.\.\/\.\.\/rules\//);
      }
    }
    for (const d of readdirSync(projectPath('rules'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
      let src = '';
      try {
        src = readFileSync(projectPath(`rules/${d.name}/index.ts`), 'utf8');
      } catch {
        continue;
      }
      expect(src, `rules/${d.name}`).not.toMatch(/from '\.\.\/[a-z-]+\/index\.js'/);
    }
  });
});
