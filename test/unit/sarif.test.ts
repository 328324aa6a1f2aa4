import { readFileSync } from 'node:fs';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../../rules/index.js';
import { checkReports } from '../../src/builtin.js';
import { defineCrossRule } from '../../src/cross/rule.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import type { Locale } from '../../src/engine/messages.js';
import type { CheckedDocument } from '../../src/report/document.js';
import { replacementInFile } from '../../src/report/place.js';
import { formatSarif, githubLineHashes, toSarifLog } from '../../src/report/sarif.js';
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

/** A small report with one finding (8件, on line 2) that has a replacement and a related location (the title). */
const TEXT = '法治政府建设年度报告\n本年度共办理案件8件,其中行政诉讼0件。\n';
function extracted(path: string, extra: Partial<CheckedDocument> = {}, text: string = TEXT, at: string = '8件'): CheckedDocument {
  const start = text.indexOf(at);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(0, start).split('\n').length;
  const diag: Diagnostic = {
    ruleId: 'sum-matches-total',
    messageId: Object.keys(BUILTIN_RULES[0]!.meta.messages)[0]!,
    severity: 'warning',
    message: '示例',
    range: { start, end: start + at.length },
    line,
    column: start - lineStart + 1,
    endLine: line,
    endColumn: start - lineStart + 1 + at.length,
    sectionPath: [],
    evidence: { figures: [] },
    related: [{ range: { start: 0, end: 4 }, line: 1, column: 1, message: '标题' }],
    suggestion: { message: '改为9件', replacement: '9件' },
    fingerprint: 'abc',
  };
  return { path, text, diagnostics: [diag], claims: [], format: 'text', encoding: 'utf-8', ...extra };
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
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/jiaohe/' } });
    expect(run.invocations![0]!.workingDirectory).toEqual({ uri: 'file:///work/jiaohe/' });
    expect(run.artifacts).toEqual([
      { location: { uri: DISTRICT, uriBaseId: '%SRCROOT%' }, roles: ['analysisTarget'], mimeType: 'text/plain', encoding: 'utf-8' },
      { location: { uri: STREET, uriBaseId: '%SRCROOT%' }, roles: ['analysisTarget'], mimeType: 'text/plain', encoding: 'utf-8' },
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
      expect(r.message.id).toBe(diag.messageId);
      if (diag.related.length === 0) expect(r.message.text).toBe(diag.message);
      else expect(r.message.text!.startsWith(diag.message)).toBe(true);
      expect(r.partialFingerprints).toEqual({ 'jiaohe/v1': diag.fingerprint, primaryLocationLineHash: githubLineHashes(doc.text).hashes[diag.line - 1] });
      expect(r.properties).toMatchObject({ messageId: diag.messageId, sectionPath: diag.sectionPath, evidence: diag.evidence });
      expect(r.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: doc.path, uriBaseId: '%SRCROOT%', index: artifactIndex(doc.path) });
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
    expect(rel.physicalLocation!.artifactLocation).toEqual({ uri: DISTRICT, uriBaseId: '%SRCROOT%', index: artifactIndex(DISTRICT, l) });
    const rr = rel.physicalLocation!.region!;
    const district = texts.get(DISTRICT)!;
    expect(district.substr(rr.charOffset!, rr.charLength!)).toBe('24个');
    expect(rr.snippet!.text).toBe('24个');
    const diag = cross.find((d) => d.path === STREET)!.diagnostics.find((d) => d.ruleId === 'test-points-at-parent')!;
    expect(rr).toMatchObject({ startLine: diag.related[0]!.line, startColumn: diag.related[0]!.column, endLine: diag.related[0]!.line, endColumn: diag.related[0]!.column + 3 });
  });

  it('gives a .docx a logical location (第2段) and no region, as it has no lines', () => {
    const doc = extracted('reports/报告.docx', { format: 'docx', encoding: null });
    const diag = doc.diagnostics[0]!;
    const l = sarif([doc]);
    expect(schemaErrors(l)).toEqual([]);
    expect(l.runs[0]!.artifacts![0]).toEqual({
      location: { uri: 'reports/%E6%8A%A5%E5%91%8A.docx', uriBaseId: '%SRCROOT%' },
      roles: ['analysisTarget'],
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const r = l.runs[0]!.results![0]!;
    expect(r.locations![0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'reports/%E6%8A%A5%E5%91%8A.docx', uriBaseId: '%SRCROOT%', index: 0 } },
      logicalLocations: [{ name: '第2段', kind: 'paragraph', properties: { paragraph: 2, column: diag.column } }],
    });
    const related = r.relatedLocations![0]!;
    expect(related.physicalLocation!.region).toBeUndefined();
    expect(related.logicalLocations).toEqual([{ name: '第1段', kind: 'paragraph', properties: { paragraph: 1, column: 1 } }]);
    // A replacement is not offered: the edit would be to the extracted text, not to the file.
    expect(r.fixes).toBeUndefined();
    expect(r.partialFingerprints!.primaryLocationLineHash).toBe(githubLineHashes(doc.text).hashes[1]);
    const en = sarif([doc], 'en').runs[0]!.results![0]!;
    expect(en.locations![0]!.logicalLocations![0]!.name).toBe('paragraph 2');
  });

  it('gives a PDF a page-and-line logical location and no region', () => {
    // Page 2 starts at the second line: the finding is on its first line.
    const doc = extracted('报告.pdf', { format: 'text', encoding: null, pageStarts: [0, TEXT.indexOf('\n') + 1] });
    const l = sarif([doc]);
    expect(schemaErrors(l)).toEqual([]);
    expect(l.runs[0]!.artifacts![0]!.mimeType).toBe('application/pdf');
    const r = l.runs[0]!.results![0]!;
    expect(r.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: '%E6%8A%A5%E5%91%8A.pdf', uriBaseId: '%SRCROOT%', index: 0 } });
    expect(r.locations![0]!.logicalLocations).toEqual([{ name: '第2页第1行', kind: 'page', properties: { page: 2, line: 1, column: doc.diagnostics[0]!.column } }]);
    expect(r.relatedLocations![0]!.logicalLocations![0]!.name).toBe('第1页第1行');
    expect(r.fixes).toBeUndefined();
    expect(sarif([doc], 'en').runs[0]!.results![0]!.locations![0]!.logicalLocations![0]!.name).toBe('page 2, line 1');
  });

  it('gives any other file whose text was extracted (an old .doc) no region either', () => {
    // Written as a plain string: the format list grows with the readers.
    const doc = extracted('旧.doc', { format: 'doc' as string as CheckedDocument['format'], encoding: null });
    const l = sarif([doc]);
    expect(schemaErrors(l)).toEqual([]);
    expect(l.runs[0]!.artifacts![0]!.mimeType).toBe('application/msword');
    const r = l.runs[0]!.results![0]!;
    expect(r.locations![0]!.physicalLocation!.region).toBeUndefined();
    expect(r.locations![0]!.logicalLocations).toHaveLength(1);
    expect(r.fixes).toBeUndefined();
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
    expect(l.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toBe('file:///home/%E7%94%A8%E6%88%B7/%E5%B7%A5%E4%BD%9C/');
    expect(l.runs[0]!.artifacts!.map((a) => a.location)).toEqual([
      { uri: '%E6%8A%A5%E5%91%8A/%E7%9F%B3%E9%97%A8%E8%A1%97%202020%E5%B9%B4.txt', uriBaseId: '%SRCROOT%' },
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
    expect(l.runs[0]!.artifacts!.map((a) => a.location)).toEqual([{ uri: STREET, uriBaseId: '%SRCROOT%' }, { uri: 'file:///srv/%E5%8C%BA.txt' }]);
    expect(schemaErrors(l)).toEqual([]);
  });

  it('makes absolute paths inside the base directory relative, Windows ones too', () => {
    const street = docs.find((d) => d.path === STREET)!;
    const posix = sarif([{ ...street, path: '/home/用户/工作/a/../报告.txt' }], 'zh', RULES, '/home/用户/工作/');
    expect(posix.runs[0]!.artifacts![0]!.location).toEqual({ uri: '%E6%8A%A5%E5%91%8A.txt', uriBaseId: '%SRCROOT%' });
    const win = sarif([{ ...street, path: 'C:\\报告\\区.txt' }, { ...street, path: 'D:\\x.txt' }], 'zh', RULES, 'c:\\报告');
    expect(win.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toBe('file:///C:/%E6%8A%A5%E5%91%8A/');
    expect(win.runs[0]!.artifacts!.map((a) => a.location)).toEqual([{ uri: '%E5%8C%BA.txt', uriBaseId: '%SRCROOT%' }, { uri: 'file:///D:/x.txt' }]);
    expect(schemaErrors(win)).toEqual([]);
  });
});

/** GitHub's algorithm as codeql-action writes it (a rolling hash over a 100-character window), in BigInt: the reference the fast version must equal. */
function referenceLineHashes(text: string): string[] {
  const BLOCK = 100;
  const MOD = 37n;
  let firstMod = 1n;
  for (let i = 0; i < BLOCK; i++) firstMod = BigInt.asIntN(64, firstMod * MOD);
  const window: number[] = Array(BLOCK).fill(0);
  const lineNumbers: number[] = Array(BLOCK).fill(-1);
  const out: string[] = [];
  const counts: Record<string, number> = {};
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;
  const outputHash = (): void => {
    const value = BigInt.asUintN(64, hash).toString(16);
    counts[value] = (counts[value] ?? 0) + 1;
    out[lineNumbers[index]! - 1] = `${value}:${counts[value]}`;
    lineNumbers[index] = -1;
  };
  const updateHash = (current: number): void => {
    const begin = window[index]!;
    window[index] = current;
    hash = BigInt.asIntN(64, MOD * hash + BigInt(current) - firstMod * BigInt(begin));
    index = (index + 1) % BLOCK;
  };
  const processCharacter = (c: number): void => {
    if (c === 32 || c === 9 || (prevCR && c === 10)) {
      prevCR = false;
      return;
    }
    if (c === 13) {
      c = 10;
      prevCR = true;
    } else prevCR = false;
    if (lineNumbers[index] !== -1) outputHash();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (c === 10) lineStart = true;
    updateHash(c);
  };
  for (let i = 0; i < text.length; i++) processCharacter(text.charCodeAt(i));
  processCharacter(65535);
  for (let i = 0; i < BLOCK; i++) {
    if (lineNumbers[index] !== -1) outputHash();
    updateHash(0);
  }
  return out;
}

describe('SARIF primaryLocationLineHash (GitHub code scanning)', () => {
  it('gives the hashes of codeql-action’s own test cases', () => {
    expect(githubLineHashes('').hashes).toEqual(['c129715d7a2bc9a3:1']);
    const expected = ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1'];
    expect(githubLineHashes(' a\nb\n  \t\tc\n d').hashes).toEqual(expected);
    // CRLF and lone CR are line feeds to GitHub; spaces and tabs do not count.
    expect(githubLineHashes(' a\r\nb\r\n  \t\tc\r\n d').hashes).toEqual(expected);
    expect(githubLineHashes(' a\rb\r  \t\tc\r d').hashes).toEqual(expected);
    expect(githubLineHashes('a\nb\nc\nd').hashes).toEqual(expected);
    expect(githubLineHashes(' a\r\nb\r\n  \t\tc\r d').starts).toEqual([0, 4, 7, 13]);
  });

  it('counts identical lines apart (:1, :2) and equals the rolling-hash reference on any text', () => {
    // A line's hash covers the 100 characters from its start on, so lines are the same to it when
    // those are: in a repeated block, each line but the last few.
    const same = githubLineHashes('第1项\n'.repeat(60)).hashes;
    const hash = same[0]!.replace(/:1$/, '');
    expect(same.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((n) => `${hash}:${n}`));
    expect(same[59]).not.toContain(hash);
    expect(githubLineHashes('x\ny\nx\ny\nz').hashes).toEqual(referenceLineHashes('x\ny\nx\ny\nz'));
    for (const doc of docs) expect(githubLineHashes(doc.text).hashes).toEqual(referenceLineHashes(doc.text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '中', ' ', '\t', '\n', '\r', '\r\n', '𠀋', '\uffff', 'x'), { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        expect(githubLineHashes(text).hashes).toEqual(referenceLineHashes(text));
      }),
      { numRuns: 200 },
    );
  });

  it('hashes the finding’s own line, counted from its offset', () => {
    for (const r of run.results!) {
      const doc = docs.find((d) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === d.path)!;
      const line = r.locations![0]!.physicalLocation!.region!.startLine!;
      expect(r.partialFingerprints!.primaryLocationLineHash).toMatch(/^[0-9a-f]{1,16}:[1-9]\d*$/);
      expect(r.partialFingerprints!.primaryLocationLineHash).toBe(referenceLineHashes(doc.text)[line - 1]);
    }
    // Stable when the file’s lines move: the same line text elsewhere hashes the same.
    const moved = extracted('a.txt', {}, `前言\n\n${TEXT}`);
    const before = sarif([extracted('a.txt')]).runs[0]!.results![0]!.partialFingerprints!.primaryLocationLineHash;
    expect(sarif([moved]).runs[0]!.results![0]!.partialFingerprints!.primaryLocationLineHash).toBe(before);
  });
});

describe('SARIF fixes (suggested replacements)', () => {
  it('turns a suggestion with a replacement into fixes[0] over the finding’s region', () => {
    const rate = run.results!.filter((r) => r.ruleId === 'rate-matches-counts');
    expect(rate.length).toBeGreaterThan(0);
    for (const r of rate) {
      const doc = docs.find((d) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === d.path)!;
      const diag = doc.diagnostics.find((d) => d.fingerprint === r.partialFingerprints!['jiaohe/v1'])!;
      expect(diag.suggestion?.replacement).toBeDefined();
      const region = r.locations![0]!.physicalLocation!.region!;
      const { snippet: _snippet, ...bare } = region;
      expect(r.fixes).toEqual([
        {
          description: { text: diag.suggestion!.message },
          artifactChanges: [
            {
              artifactLocation: r.locations![0]!.physicalLocation!.artifactLocation,
              replacements: [{ deletedRegion: bare, insertedContent: { text: diag.suggestion!.replacement } }],
            },
          ],
        },
      ]);
      // Applying it rewrites exactly the stated figure.
      const deleted = r.fixes![0]!.artifactChanges[0]!.replacements[0]!.deletedRegion;
      expect(doc.text.substr(deleted.charOffset!, deleted.charLength!)).toBe(region.snippet!.text);
      expect(deleted).toMatchObject({ startLine: diag.line, startColumn: diag.column, endLine: diag.endLine, endColumn: diag.endColumn });
    }
    for (const r of run.results!.filter((x) => x.properties!.replacement === undefined)) expect(r.fixes).toBeUndefined();
  });

  it('offers a fix in a web page only over plain text, escaped as markup', () => {
    const html = '<p>本年度共办理案件8件</p>';
    const page = extracted('a.html', { format: 'html' }, html);
    const l = sarif([page]);
    expect(schemaErrors(l)).toEqual([]);
    expect(l.runs[0]!.results![0]!.fixes![0]!.artifactChanges[0]!.replacements[0]!.insertedContent).toEqual({ text: '9件' });
    expect(replacementInFile(page, page.diagnostics[0]!.range, 'a<b&c')).toBe('a&lt;b&amp;c');
    // A range crossing a tag or an entity is not the file's text to replace.
    const across = extracted('a.html', { format: 'html' }, '<td>8</td><td>件</td>', '8</td><td>件');
    expect(sarif([across]).runs[0]!.results![0]!.fixes).toBeUndefined();
    expect(replacementInFile({ format: 'html', text: '8&nbsp;件' }, { start: 0, end: 8 }, '9件')).toBeUndefined();
    expect(replacementInFile({ format: 'docx', text: TEXT }, { start: 0, end: 2 }, 'x')).toBeUndefined();
    expect(replacementInFile({ format: 'text', text: TEXT }, { start: 0, end: TEXT.length + 1 }, 'x')).toBeUndefined();
  });
});

describe('SARIF related locations linked from the message', () => {
  it('names each related location as an embedded link to its id', () => {
    const r = resultFor('zero-claim-contradiction');
    const diag = docs.flatMap((d) => d.diagnostics).find((d) => d.ruleId === 'zero-claim-contradiction')!;
    const links = [...r.message.text!.matchAll(/\[([^\]]+)\]\((\d+)\)/g)];
    expect(links.map((m) => Number(m[2]))).toEqual(r.relatedLocations!.map((x) => x.id));
    expect(links.map((m) => m[1])).toEqual(r.relatedLocations!.map((x) => x.message!.text));
    expect(r.message.text).toBe(`${diag.message}。相关位置:${diag.related.map((x, i) => `[${x.message}](${i + 1})`).join('、')}。`);
    const en = sarif(docs, 'en').runs[0]!.results!.find((x) => x.ruleId === 'zero-claim-contradiction')!;
    expect(en.message.text).toMatch(/\. Related locations: \[[^\]]+\]\(1\), .*\(4\)\.$/);
    // Results without related locations keep their message as it was.
    for (const x of run.results!.filter((y) => !y.relatedLocations)) expect(x.message.text).not.toContain('](');
  });

  it('escapes brackets in a label and link-like text in the message itself', () => {
    const doc = extracted('a.txt');
    const d = doc.diagnostics[0]!;
    const odd: Diagnostic = { ...d, message: '见[附表](2)。', related: [{ ...d.related[0]!, message: '表[1]' }] };
    const r = sarif([{ ...doc, diagnostics: [odd] }]).runs[0]!.results![0]!;
    expect(r.message.text).toBe('见\\[附表](2)。相关位置:[表\\[1\\]](1)。');
  });
});

describe('SARIF paths and working directory', () => {
  it('states the working directory as the %SRCROOT% base, and artifact URIs relative to it', () => {
    expect(run.invocations).toEqual([{ executionSuccessful: true, workingDirectory: { uri: 'file:///work/jiaohe/' } }]);
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(run.invocations![0]!.workingDirectory!.uri);
    for (const a of run.artifacts!) {
      expect(a.location!.uriBaseId).toBe('%SRCROOT%');
      expect(a.location!.uri).not.toMatch(/^\/|\\|^file:/);
    }
    const win = sarif([extracted('C:\\报告\\子目录\\区.txt')], 'zh', RULES, 'C:\\报告');
    expect(win.runs[0]!.artifacts![0]!.location).toEqual({ uri: '%E5%AD%90%E7%9B%AE%E5%BD%95/%E5%8C%BA.txt', uriBaseId: '%SRCROOT%' });
    expect(win.runs[0]!.invocations![0]!.workingDirectory).toEqual({ uri: 'file:///C:/%E6%8A%A5%E5%91%8A/' });
    const failed = toSarifLog([], { rules: RULES, locale: 'zh', toolVersion: VERSION, cwd: CWD, notifications: [{ message: 'x', path: 'a b.txt' }] });
    expect(failed.runs[0]!.invocations![0]).toMatchObject({ executionSuccessful: false, workingDirectory: { uri: 'file:///work/jiaohe/' } });
    expect(failed.runs[0]!.invocations![0]!.toolExecutionNotifications![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'a%20b.txt', uriBaseId: '%SRCROOT%' });
    expect(schemaErrors(failed)).toEqual([]);
    expect(toSarifLog([], { rules: RULES, locale: 'zh', toolVersion: VERSION }).runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
  });
});
