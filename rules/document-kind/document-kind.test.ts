import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport, parseProfile } from '../../src/index.js';
import { claimArbitrary, reportArbitrary } from '../../src/testing/report.js';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'document-kind';

/** A hotline bulletin: a title and figures, nothing of a 法治政府建设 report. */
const BULLETIN = `某某市12345政务服务便民热线2023年5月运行情况
本月热线共受理群众诉求2877件,其中有效诉求2808件,办结2790件。
一、诉求分类
咨询类1024件,投诉类1318件,求助类466件。`;

describe('document-kind', () => {
  it('puts one info note on the title of a text no profile recognises', () => {
    const diags = runRule(RULE, BULLETIN);
    expect(flagged(BULLETIN, diags)).toEqual(['某某市12345政务服务便民热线2023年5月运行情况']);
    expect(diags[0]!.messageId).toBe('unrecognized');
    expect(diags[0]!.severity).toBe('info');
    expect(diags[0]!.message).toBe('未识别为法治政府建设年度报告等已知报告类型,未做结构检查');
    expect(runRule(RULE, BULLETIN, undefined, 'en')[0]!.message).toBe(
      'Not recognised as an annual report on building law-based government or another known report kind: its structure was not checked',
    );
  });

  it('puts it on the first sentence of an untitled text', () => {
    const text = '本月共受理群众诉求2877件,同比增长12.5%。其中咨询类1024件。\n办结率97.0%。';
    expect(flagged(text, runRule(RULE, text))).toEqual(['本月共受理群众诉求2877件,同比增长12.5%。']);
  });

  it('says nothing about the seeds, both 法治政府建设年度报告', () => {
    expect(runRule(RULE, seedText('street'))).toEqual([]);
    expect(runRule(RULE, seedText('district'))).toEqual([]);
  });

  it('says nothing when a user profile recognises the text', () => {
    const hotline = parseProfile({
      id: 'hotline-bulletin',
      name: { zh: '热线运行情况通报', en: 'hotline bulletin' },
      recognize: { title: ['热线'], body: ['诉求'], minScore: 2 },
      items: [{ id: 'categories', name: { zh: '诉求分类', en: 'categories' }, required: true, headings: ['诉求分类'] }],
    });
    const withProfile = checkReport(BULLETIN, {}, { profiles: [hotline] });
    expect(withProfile.kind.profile).toBe('hotline-bulletin');
    expect(withProfile.diagnostics.filter((d) => d.ruleId === RULE)).toEqual([]);
    // Without it, all rules running: exactly one note from this rule, and the kind is null.
    const without = checkReport(BULLETIN);
    expect(without.kind.profile).toBeNull();
    expect(without.diagnostics.filter((d) => d.ruleId === RULE).map((d) => d.severity)).toEqual(['info']);
  });
});

describe('document-kind properties', () => {
  const params = { numRuns: 100, seed: 201928 };

  it('is silent on every generated 法治政府建设年度报告', () => {
    fc.assert(
      fc.property(reportArbitrary(), (r) => {
        expect(runRule(RULE, r.text), r.text).toEqual([]);
      }),
      params,
    );
  });

  it('gives exactly one info note, at the start, on a generated passage of no known kind', () => {
    // A heading and one claim sentence: figures, but no title and no 法治政府建设 cue.
    fc.assert(
      fc.property(claimArbitrary('breakdown'), ({ text }) => {
        const notes = checkReport(text).diagnostics.filter((d) => d.ruleId === RULE);
        expect(notes.map((d) => [d.severity, d.line]), text).toEqual([['info', 1]]);
      }),
      params,
    );
  });
});
