import { readFileSync } from 'node:fs';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../../rules/index.js';
import { checkReports } from '../../src/builtin.js';
import { defineCrossRule } from '../../src/cross/rule.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import type { Locale } from '../../src/engine/messages.js';
import type { CheckedDocument } from '../../src/report/document.js';
import { formatSarif, toSarifLog } from '../../src/report/sarif.js';
import { projectPath } from '../helpers.js';
import { sarifSchema, validateSarif } from '../sarif-schema.js';

const DISTRICT = 'seeds/2020-baiyun-district.txt';
const STREET = 'seeds/2020-baiyun-shimen-street.txt';
const RULES = [...BUILTIN_RULES, ...BUILTIN_CROSS_RULES];
const CWD = '/work/jiaohe';
const VERSION = '0.1.0';

const schema = sarifSchema;
const validate = validateSarif;

/** The schema's errors for a log, as readable lines (empty when valid). */
function schemaErrors(log: unknown): string[] {
  const clone: unknown = JSON.parse(JSON.stringify(log));
  return validate(clone) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** A cross rule for tests: one finding on each child, with a related location in its parent. */
const pointsAtParent = defineCrossRule({
  meta: {
    id: 'test-points-at-parent',
    type: 'suggestion',
    docs: { description: { zh: '测试用', en: 'For tests' }, url: 'rules/test-points-at-parent/README.md' },
    messages: { see: { zh: '见上级报告', en: 'See the parent report' } },
    options: z.object({}),
    defaultSeverity: 'info',
  },
  checkCross(ctx) {
    for (const { child, parent } of ctx.links) {
      const at = parent.report.text.indexOf('24个');
      ctx.report({
        document: child.id,
        messageId: 'see',
        message: ctx.message('see'),
        range: { start: 0, end: 2 },
        evidence: { figures: [] },
        related: [{ range: { start: at, end: at + 3 }, message: '24个', document: parent.id }],
      } as Parameters<typeof ctx.report>[0]);
    }
  },
});

const texts = new Map([DISTRICT, STREET].map((id) => [id, readFileSync(projectPath(id), 'utf8')]));

function checkedSeeds(extra: boolean = false): CheckedDocument[] {
  const result = checkReports(
    [...texts].map(([id, text]) => ({ id, text })),
    {},
    extra ? { crossRules: [pointsAtParent] } : {},
  );
  return result.documents.map(({ id, result: r }) => ({
    path: id,
    text: texts.get(id)!,
    diagnostics: r.diagnostics,
    claims: r.claims,
    kind: r.kind,
    format: 'text' as const,
    encoding: 'utf-8',
  }));
}

const docs = checkedSeeds();
const sarif = (d: readonly CheckedDocument[], locale: Locale = 'zh', rules: typeof RULES = RULES, cwd = CWD): Sarif.Log =>
  toSarifLog(d, { rules, locale, toolVersion: VERSION, cwd });
const log = sarif(docs);
const run = log.runs[0]!;
const rules = run.tool.driver.rules!;

function resultFor(ruleId: string, l: Sarif.Log = log): Sarif.Result {
  const r = l.runs[0]!.results!.find((x) => x.ruleId === ruleId);
  expect(r, ruleId).toBeDefined();
  return r!;
}

function artifactIndex(path: string, l: Sarif.Log = log): number {
  return l.runs[0]!.artifacts!.findIndex((a) => a.location!.uri === path);
}

describe('SARIF schema validity', () => {
  it('validates against the official schema (the vendored OASIS one)', () => {
    expect(schema.$id).toBe('https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json');
    expect(run.results!.length).toBeGreaterThan(0);
    expect(schemaErrors(log)).toEqual([]);
  });

  it('rejects broken logs, so the validator is really on', () => {
    const badLevel = structuredClone(log);
    (badLevel.runs[0]!.results![0]! as { level: string }).level = 'fatal';
    expect(schemaErrors(badLevel).length).toBeGreaterThan(0);
    const badLine = structuredClone(log);
    badLine.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    expect(schemaErrors(badLine).length).toBeGreaterThan(0);
    const badUri = structuredClone(log);
    badUri.runs[0]!.artifacts![0]!.location!.uri = '报告 2020.txt';
    expect(schemaErrors(badUri).join('\n')).toContain('uri-reference');
  });

  it('is deterministic pretty JSON of the log', () => {
    const text = formatSarif(docs, { rules: RULES, locale: 'zh', toolVersion: VERSION, cwd: CWD });
    expect(text).toBe(formatSarif(checkedSeeds(), { rules: RULES, locale: 'zh', toolVersion: VERSION, cwd: CWD }));
    expect(text).toContain('\n  "version": "2.1.0"');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(log)));
  });
});

describe('SARIF run and rules', () => {
  it('describes the tool, the base directory and the artifacts', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: 'jiaohe', version: VERSION, semanticVersion: VERSION, informationUri: 'https://www.npmjs.com/package/jiaohe', language: 'zh-CN' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/jiaohe/' } });
    expect(run.artifacts).toEqual([
      { location: { uri: DISTRICT, uriBaseId: 'SRCROOT' }, roles: ['analysisTarget'], mimeType: 'text/plain', encoding: 'utf-8' },
      { location: { uri: STREET, uriBaseId: 'SRCROOT' }, roles: ['analysisTarget'], mimeType: 'text/plain', encoding: 'utf-8' },
    ]);
  });

  it('describes every rule given, with docs, level, tags and message strings', () => {
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const [i, rule] of RULES.entries()) {
      const d = rules[i]!;
      expect(d.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(d.shortDescription!.text).toBe(rule.meta.docs.description.zh);
      expect(d.fullDescription!.text).toContain(rule.meta.docs.description.en);
      expect(d.helpUri).toBe(`https://unpkg.com/jiaohe@${VERSION}/${rule.meta.docs.url}`);
      expect(d.help!.text).toContain(d.helpUri!);
      expect(d.defaultConfiguration!.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.meta.defaultSeverity]);
      expect(d.properties!.tags).toEqual([rule.meta.type]);
      expect(Object.keys(d.messageStrings!)).toEqual(Object.keys(rule.meta.messages));
      for (const m of Object.values(d.messageStrings!)) expect(m.text.length).toBeGreaterThan(0);
    }
    expect(rules.find((r) => r.id === 'zero-claim-contradiction')!.name).toBe('ZeroClaimContradiction');
  });

  it('adds the internal-error pseudo-rule only when a finding uses it', () => {
    expect(rules.some((r) => r.id === 'internal-error')).toBe(false);
    const crash: Diagnostic = { ...docs[0]!.diagnostics[0]!, ruleId: 'internal-error', messageId: 'crashed', message: 'rule x crashed: boom', related: [] };
    const l = sarif([{ ...docs[0]!, diagnostics: [crash] }]);
    const r = l.runs[0]!.results![0]!;
    expect(l.runs[0]!.tool.driver.rules![r.ruleIndex!]!.id).toBe('internal-error');
    expect(r.message).toEqual({ text: 'rule x crashed: boom', id: 'crashed' });
    expect(schemaErrors(l)).toEqual([]);
  });

  it('gives English descriptions and messages for locale en', () => {
    const en = sarif(docs, 'en');
    expect(en.runs[0]!.tool.driver.language).toBe('en-US');
    for (const [i, rule] of RULES.entries()) {
      const d = en.runs[0]!.tool.driver.rules![i]!;
      expect(d.shortDescription!.text).toBe(rule.meta.docs.description.en);
      const [id, template] = Object.entries(rule.meta.messages)[0]!;
      expect(d.messageStrings![id]!.text).toBe(template.en.replace(/[{}]/g, (c) => c + c));
    }
    expect(schemaErrors(en)).toEqual([]);
  });
});

describe('SARIF results', () => {
  const all = docs.flatMap((d) => d.diagnostics.map((diag) => ({ doc: d, diag })));

  it('has one result per finding, in document order, with rule index, level and fingerprint', () => {
    expect(run.results).toHaveLength(all.length);
    const levels = new Set<string>();
    for (const [i, { doc, diag }] of all.entries()) {
      const r = run.results![i]!;
      expect(r.ruleId).toBe(diag.ruleId);
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[diag.severity]);
      levels.add(`${diag.severity}->${r.level}`);
      expect(r.message).toEqual({ text: diag.message, id: diag.messageId });
      expect(r.partialFingerprints).toEqual({ 'jiaohe/v1': diag.fingerprint });
      expect(r.properties).toMatchObject({ messageId: diag.messageId, sectionPath: diag.sectionPath, evidence: diag.evidence });
      expect(r.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: doc.path, uriBaseId: 'SRCROOT', index: artifactIndex(doc.path) });
      expect(r.baselineState).toBeUndefined();
      expect(r.suppressions).toBeUndefined();
    }
    expect([...levels].sort()).toEqual(['error->error', 'info->note', 'warning->warning']);
  });

  it('locates the street report’s 行政诉讼数量为0 contradiction exactly', () => {
    const street = docs.find((d) => d.path === STREET)!;
    const diag = street.diagnostics.find((d) => d.ruleId === 'zero-claim-contradiction')!;
    expect(diag.severity).toBe('error');
    const r = resultFor('zero-claim-contradiction');
    expect(r.level).toBe('error');
    const loc = r.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation!.index).toBe(artifactIndex(STREET));
    const region = loc.region!;
    expect(region).toMatchObject({ startLine: diag.line, startColumn: diag.column, endLine: diag.endLine, endColumn: diag.endColumn });
    expect(region.startLine).toBe(12);
    const text = street.text;
    expect(text.substr(region.charOffset!, region.charLength!)).toBe(region.snippet!.text);
    expect(region.snippet!.text).toBe('0');
    // The column counts UTF-16 code units from the line's start.
    const lineStart = text.split('\n').slice(0, region.startLine! - 1).join('\n').length + 1;
    expect(region.charOffset! - lineStart + 1).toBe(region.startColumn);
    expect(loc.contextRegion!.snippet!.text).toContain('行政诉讼数量均为0');
    expect(text.substr(loc.contextRegion!.charOffset!, loc.contextRegion!.charLength!)).toBe(loc.contextRegion!.snippet!.text);
    // Its related figures (8件 一审案件 …) are in the same file.
    expect(r.relatedLocations!.map((l) => l.id)).toEqual([1, 2, 3, 4]);
    for (const [i, rel] of r.relatedLocations!.entries()) {
      const src = diag.related[i]!;
      expect(rel.message!.text).toBe(src.message);
      expect(rel.physicalLocation!.artifactLocation!.index).toBe(artifactIndex(STREET));
      const rr = rel.physicalLocation!.region!;
      expect(rr).toMatchObject({ startLine: src.line, startColumn: src.column, endLine: src.line, charOffset: src.range.start });
      expect(rr.snippet!.text).toBe(text.slice(src.range.start, src.range.end));
      expect(src.message).toContain(rr.snippet!.text);
    }
    expect(r.relatedLocations![0]!.physicalLocation!.region!.snippet!.text).toBe('8件');
  });

  it('puts the district’s cross-document info finding in the district artifact', () => {
    const r = resultFor('cross-children-sum-within-parent');
    expect(r.level).toBe('note');
    const loc = r.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation!.index).toBe(artifactIndex(DISTRICT));
    expect(loc.region!.snippet!.text).toBe('24个');
    expect(texts.get(DISTRICT)!.substr(loc.region!.charOffset!, loc.region!.charLength!)).toBe('24个');
  });

  it('points related locations in another report at that report’s artifact and text', () => {
    const cross = checkedSeeds(true);
    const l = sarif(cross, 'zh', [...RULES, pointsAtParent]);
    expect(schemaErrors(l)).toEqual([]);
    const r = resultFor('test-points-at-parent', l);
    expect(r.locations![0]!.physicalLocation!.artifactLocation!.index).toBe(artifactIndex(STREET, l));
    const rel = r.relatedLocations![0]!;
    expect(rel.id).toBe(1);
    expect(rel.physicalLocation!.artifactLocation).toEqual({ uri: DISTRICT, uriBaseId: 'SRCROOT', index: artifactIndex(DISTRICT, l) });
    const rr = rel.physicalLocation!.region!;
    const district = texts.get(DISTRICT)!;
    expect(district.substr(rr.charOffset!, rr.charLength!)).toBe('24个');
    expect(rr.snippet!.text).toBe('24个');
    const diag = cross.find((d) => d.path === STREET)!.diagnostics.find((d) => d.ruleId === 'test-points-at-parent')!;
    expect(rr).toMatchObject({ startLine: diag.related[0]!.line, startColumn: diag.related[0]!.column, endLine: diag.related[0]!.line, endColumn: diag.related[0]!.column + 3 });
  });

  it('gives a .docx paragraph and character, and no character offsets', () => {
    const text = '法治政府建设年度报告\n本年度共办理案件8件,其中行政诉讼0件。\n';
    const start = text.indexOf('8件');
    const diag: Diagnostic = {
      ruleId: 'sum-matches-total',
      messageId: Object.keys(BUILTIN_RULES[0]!.meta.messages)[0]!,
      severity: 'warning',
      message: '示例',
      range: { start, end: start + 2 },
      line: 2,
      column: start - text.indexOf('\n'),
      endLine: 2,
      endColumn: start - text.indexOf('\n') + 2,
      sectionPath: [],
      evidence: { figures: [] },
      related: [{ range: { start: 0, end: 4 }, line: 1, column: 1, message: '标题' }],
      fingerprint: 'abc',
    };
    const doc: CheckedDocument = { path: 'reports/报告.docx', text, diagnostics: [diag], claims: [], format: 'docx', encoding: null };
    const l = sarif([doc]);
    expect(schemaErrors(l)).toEqual([]);
    expect(l.runs[0]!.artifacts![0]).toEqual({
      location: { uri: 'reports/%E6%8A%A5%E5%91%8A.docx', uriBaseId: 'SRCROOT' },
      roles: ['analysisTarget'],
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const r = l.runs[0]!.results![0]!;
    const loc = r.locations![0]!.physicalLocation!;
    expect(loc.region).toEqual({ startLine: 2, startColumn: diag.column, endLine: 2, endColumn: diag.endColumn, properties: { paragraph: 2, character: diag.column } });
    expect(loc.contextRegion).toBeUndefined();
    expect(r.relatedLocations![0]!.physicalLocation!.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 5, properties: { paragraph: 1, character: 1 } });
  });

  it('gives an empty range a zero-length region', () => {
    const street = docs.find((d) => d.path === STREET)!;
    const d = street.diagnostics[0]!;
    const empty: Diagnostic = { ...d, range: { start: d.range.start, end: d.range.start }, endLine: d.line, endColumn: d.column, related: [] };
    const l = sarif([{ ...street, diagnostics: [empty] }]);
    expect(schemaErrors(l)).toEqual([]);
    const region = l.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!;
    expect(region).toMatchObject({ startLine: d.line, startColumn: d.column, endLine: d.line, endColumn: d.column, charOffset: d.range.start, charLength: 0 });
    expect(region.snippet).toBeUndefined();
  });
});

describe('SARIF baselines and URIs', () => {
  it('emits baselined findings as suppressed, the rest as new', () => {
    const [district, street] = docs;
    const accepted = street!.diagnostics.filter((d) => d.severity === 'warning');
    const kept = street!.diagnostics.filter((d) => d.severity !== 'warning');
    const l = sarif([district!, { ...street!, diagnostics: kept, baselined: accepted }]);
    expect(schemaErrors(l)).toEqual([]);
    const results = l.runs[0]!.results!;
    expect(results).toHaveLength(district!.diagnostics.length + street!.diagnostics.length);
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => r.partialFingerprints!['jiaohe/v1'])).toEqual(accepted.map((d) => d.fingerprint));
    for (const r of suppressed) {
      expect(r.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'accepted in the baseline' }]);
      expect(r.baselineState).toBe('unchanged');
    }
    for (const r of results.filter((x) => !x.suppressions)) expect(r.baselineState).toBe('new');
  });

  it('percent-encodes Chinese file names into valid URI references', () => {
    const street = docs.find((d) => d.path === STREET)!;
    const named = [
      { ...street, path: '报告/石门街 2020年.txt' },
      { ...street, path: '/srv/其他/白云区.txt' },
    ];
    const l = sarif(named, 'zh', RULES, '/home/用户/工作');
    expect(schemaErrors(l)).toEqual([]);
    expect(l.runs[0]!.originalUriBaseIds!.SRCROOT!.uri).toBe('file:///home/%E7%94%A8%E6%88%B7/%E5%B7%A5%E4%BD%9C/');
    expect(l.runs[0]!.artifacts!.map((a) => a.location)).toEqual([
      { uri: '%E6%8A%A5%E5%91%8A/%E7%9F%B3%E9%97%A8%E8%A1%97%202020%E5%B9%B4.txt', uriBaseId: 'SRCROOT' },
      { uri: 'file:///srv/%E5%85%B6%E4%BB%96/%E7%99%BD%E4%BA%91%E5%8C%BA.txt' },
    ]);
    expect(decodeURIComponent(l.runs[0]!.artifacts![0]!.location!.uri!)).toBe('报告/石门街 2020年.txt');
    const abs = l.runs[0]!.results!.find((r) => r.locations![0]!.physicalLocation!.artifactLocation!.index === 1)!;
    expect(abs.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///srv/%E5%85%B6%E4%BB%96/%E7%99%BD%E4%BA%91%E5%8C%BA.txt', index: 1 });
  });

  it('without a base directory, keeps relative paths relative to an unstated SRCROOT', () => {
    const street = docs.find((d) => d.path === STREET)!;
    const l = toSarifLog([street, { ...street, path: '/srv/区.txt' }], { rules: RULES, locale: 'zh', toolVersion: VERSION });
    expect(l.runs[0]!.originalUriBaseIds).toBeUndefined();
    expect(l.runs[0]!.artifacts!.map((a) => a.location)).toEqual([{ uri: STREET, uriBaseId: 'SRCROOT' }, { uri: 'file:///srv/%E5%8C%BA.txt' }]);
    expect(schemaErrors(l)).toEqual([]);
  });

  it('makes absolute paths inside the base directory relative, Windows ones too', () => {
    const street = docs.find((d) => d.path === STREET)!;
    const posix = sarif([{ ...street, path: '/home/用户/工作/a/../报告.txt' }], 'zh', RULES, '/home/用户/工作/');
    expect(posix.runs[0]!.artifacts![0]!.location).toEqual({ uri: '%E6%8A%A5%E5%91%8A.txt', uriBaseId: 'SRCROOT' });
    const win = sarif([{ ...street, path: 'C:\\报告\\区.txt' }, { ...street, path: 'D:\\x.txt' }], 'zh', RULES, 'c:\\报告');
    expect(win.runs[0]!.originalUriBaseIds!.SRCROOT!.uri).toBe('file:///C:/%E6%8A%A5%E5%91%8A/');
    expect(win.runs[0]!.artifacts!.map((a) => a.location)).toEqual([{ uri: '%E5%8C%BA.txt', uriBaseId: 'SRCROOT' }, { uri: 'file:///D:/x.txt' }]);
    expect(schemaErrors(win)).toEqual([]);
  });
});
