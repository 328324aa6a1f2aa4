import type * as Sarif from 'sarif';
import { match } from 'ts-pattern';
import type { Diagnostic, Severity } from '../engine/diagnostic.js';
import type { Locale, MessageTemplate } from '../engine/messages.js';
import type { RuleMeta } from '../engine/rule.js';
import type { Range } from '../model/range.js';
import { LineIndex } from '../text/line-index.js';
import type { CheckedDocument } from './document.js';
import { placeOf, placeText } from './place.js';
import { FORMAT_FACTS } from '../io/formats/facts.js';
import { lastAtOrBefore } from '../text/search.js';
import { isPaged, isTextFile, replacementInFile } from './place.js';

/** Options of `toSarifLog` and `formatSarif`: the rules to describe, the locale, the version and the base directory. */
export interface SarifOptions {
  rules: ReadonlyArray<{ meta: Pick<RuleMeta, 'id' | 'type' | 'docs' | 'defaultSeverity' | 'messages'> }>;
  locale: Locale;
  toolVersion: string;
  /**
   * Artifact URIs are relative to this directory, the `%SRCROOT%` base, which is also the
   * invocation's working directory. Without it (this module touches no Node global), relative
   * paths stay relative to an unstated `%SRCROOT%`.
   */
  cwd?: string;
  /** Inputs that could not be read: the run did not succeed, and each is a notification. */
  notifications?: ReadonlyArray<{ message: string; path?: string }>;
}

/** The SARIF 2.1.0 report as pretty-printed JSON text (deterministic: no timestamps). */
export function formatSarif(docs: readonly CheckedDocument[], options: SarifOptions): string {
  return JSON.stringify(toSarifLog(docs, options), null, 2);
}

/** The SARIF 2.1.0 log: one run, every rule described, every finding (baselined ones suppressed) a result. */
export function toSarifLog(docs: readonly CheckedDocument[], options: SarifOptions): Sarif.Log {
  const { locale, toolVersion } = options;
  const cwd = options.cwd;
  const language = locale === 'zh' ? 'zh-CN' : 'en-US';

  // Rules: every one given (first wins on a repeated id), then any id a finding uses that is not among them.
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const { meta } of options.rules) {
    if (ruleIndex.has(meta.id)) continue;
    ruleIndex.set(meta.id, rules.length);
    rules.push(describeRule(meta, locale, toolVersion));
  }
  const allFindings = docs.flatMap((d) => [...d.diagnostics, ...(d.baselined ?? [])]);
  for (const d of allFindings) {
    if (ruleIndex.has(d.ruleId)) continue;
    ruleIndex.set(d.ruleId, rules.length);
    rules.push(d.ruleId === INTERNAL_ERROR.id ? describeRule(INTERNAL_ERROR, locale, toolVersion) : { id: d.ruleId, name: pascalCase(d.ruleId) });
  }

  // Artifacts: the documents, then any other document a related location names.
  const artifacts: Sarif.Artifact[] = [];
  const targets = new Map<string, Target>();
  const addArtifact = (path: string, doc: CheckedDocument | undefined): void => {
    if (targets.has(path)) return;
    const location = artifactLocation(path, cwd);
    const index = artifacts.length;
    const artifact: Sarif.Artifact = { location };
    if (doc) {
      artifact.roles = ['analysisTarget'];
      artifact.mimeType = mimeTypeOf(doc);
      if (doc.encoding) artifact.encoding = doc.encoding;
    }
    artifacts.push(artifact);
    targets.set(path, { location: { ...location, index }, doc, lines: undefined, lineHashes: undefined });
  };
  for (const doc of docs) addArtifact(doc.path, doc);
  for (const d of allFindings) for (const r of d.related) if (r.document !== undefined) addArtifact(r.document, undefined);

  const baselineUsed = docs.some((d) => d.baselined !== undefined);
  const results: Sarif.Result[] = [];
  for (const doc of docs) {
    const own = targets.get(doc.path)!;
    const toResult = (d: Diagnostic, baselined: boolean): Sarif.Result => {
      const index = ruleIndex.get(d.ruleId)!;
      const hasMessage = rules[index]?.messageStrings?.[d.messageId] !== undefined;
      const text = escapeBraces(withRelatedLinks(d, locale));
      const location = locationOf(own, d.range, d.line, d.column, { line: d.endLine, column: d.endColumn }, true, locale);
      const result: Sarif.Result = {
        ruleId: d.ruleId,
        ruleIndex: index,
        level: levelOf(d.severity),
        message: hasMessage ? { text, id: d.messageId } : { text },
        locations: [location],
      };
      if (d.related.length > 0) {
        result.relatedLocations = d.related.map((r, i) => {
          const target = r.document === undefined ? own : targets.get(r.document)!;
          return { id: i + 1, ...locationOf(target, r.range, r.line, r.column, undefined, false, locale), message: { text: escapeBraces(r.message) } };
        });
      }
      const inserted = d.suggestion?.replacement === undefined ? undefined : replacementInFile(doc, d.range, d.suggestion.replacement);
      const region = location.physicalLocation?.region;
      if (inserted !== undefined && region?.startLine !== undefined) {
        // The snippet and context describe the finding, not the edit: the deleted region is the bare range.
        const { snippet: _snippet, ...deletedRegion } = region;
        result.fixes = [
          {
            description: { text: escapeBraces(d.suggestion!.message) },
            artifactChanges: [{ artifactLocation: own.location, replacements: [{ deletedRegion, insertedContent: { text: inserted } }] }],
          },
        ];
      }
      result.partialFingerprints = { 'jiaohe/v1': d.fingerprint, primaryLocationLineHash: lineHashOf(own, d) };
      if (baselined) {
        result.suppressions = [{ kind: 'external', status: 'accepted', justification: 'accepted in the baseline' }];
        result.baselineState = 'unchanged';
      } else if (baselineUsed) {
        result.baselineState = 'new';
      }
      const properties: Sarif.PropertyBag = { messageId: d.messageId, sectionPath: d.sectionPath, evidence: d.evidence };
      if (d.suggestion) {
        properties.suggestion = d.suggestion.message;
        if (d.suggestion.replacement !== undefined) properties.replacement = d.suggestion.replacement;
      }
      result.properties = properties;
      return result;
    };
    for (const d of doc.diagnostics) results.push(toResult(d, false));
    for (const d of doc.baselined ?? []) results.push(toResult(d, true));
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'jiaohe',
        version: toolVersion,
        semanticVersion: toolVersion,
        informationUri: 'https://www.npmjs.com/package/jiaohe',
        language,
        rules,
      },
    },
    invocations: [invocation(options.notifications ?? [], cwd)],
    language,
    ...(cwd === undefined ? {} : { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } } }),
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
  };
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}

/** The base id GitHub code scanning, CodeQL and most SARIF viewers use for the checkout root. */
const SRCROOT = '%SRCROOT%';
/** Code units of context shown on each side of a finding, within its lines. */
const CONTEXT = 60;

/** The engine's pseudo-rule for rules that crashed. */
const INTERNAL_ERROR: Pick<RuleMeta, 'id' | 'type' | 'docs' | 'defaultSeverity' | 'messages'> = {
  id: 'internal-error',
  type: 'problem',
  docs: { description: { zh: '规则运行出错', en: 'A rule crashed while checking' }, url: '' },
  messages: { crashed: { zh: '规则 {rule} 运行出错:{error}', en: 'rule {rule} crashed: {error}' } },
  defaultSeverity: 'error',
};

/** A document results point into: its artifact location and, when checked, its text. */
interface Target {
  location: Sarif.ArtifactLocation;
  doc: CheckedDocument | undefined;
  lines: LineIndex | undefined;
  /** Built the first time a result needs one (see `githubLineHashes`). */
  lineHashes: LineHashes | undefined;
}

/**
 * The invocation: its working directory (the base of relative artifact URIs), and unsuccessful
 * when an input could not be read, with one notification per input.
 */
function invocation(notifications: ReadonlyArray<{ message: string; path?: string }>, cwd: string | undefined): Sarif.Invocation {
  const workingDirectory = cwd === undefined ? {} : { workingDirectory: { uri: directoryUri(cwd) } };
  if (notifications.length === 0) return { executionSuccessful: true, ...workingDirectory };
  return {
    executionSuccessful: false,
    ...workingDirectory,
    toolExecutionNotifications: notifications.map((n) => ({
      level: 'error',
      message: { text: n.message },
      ...(n.path && !n.path.startsWith('<') ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.path, cwd) } }] } : {}),
    })),
  };
}

function levelOf(severity: Severity): Sarif.Result.level {
  return match(severity)
    .with('error', () => 'error' as const)
    .with('warning', () => 'warning' as const)
    .with('info', () => 'note' as const)
    .exhaustive();
}


/** A lookup rather than an exhaustive match, so a format added later still gets a type. */
function mimeTypeOf(doc: CheckedDocument): string {
  // Only a PDF is paged, whatever format name it is read under.
  if (isPaged(doc)) return FORMAT_FACTS.pdf.mime;
  return FORMAT_FACTS[doc.format ?? 'text']?.mime ?? 'application/octet-stream';
}



function describeRule(meta: Pick<RuleMeta, 'id' | 'type' | 'docs' | 'defaultSeverity' | 'messages'>, locale: Locale, version: string): Sarif.ReportingDescriptor {
  const other: Locale = locale === 'zh' ? 'en' : 'zh';
  const description = pick(meta.docs.description, locale) || meta.id;
  const otherDescription = pick(meta.docs.description, other);
  const helpUri = helpUriOf(meta.docs.url, version);
  const messageStrings: Record<string, Sarif.MultiformatMessageString> = {};
  for (const [id, template] of Object.entries(meta.messages)) {
    const text = pick(template, locale);
    if (text) messageStrings[id] = { text: escapeBraces(text) };
  }
  const descriptor: Sarif.ReportingDescriptor = {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: escapeBraces(description) },
    fullDescription: { text: escapeBraces(otherDescription && otherDescription !== description ? `${description} (${otherDescription})` : description) },
  };
  if (helpUri) {
    descriptor.helpUri = helpUri;
    const [stop, docs, colon] = locale === 'zh' ? ['。', '说明文档', ':'] : ['. ', 'Documentation', ': '];
    descriptor.help = { text: escapeBraces(`${description}${stop}${docs}${colon}${helpUri}`), markdown: escapeBraces(`${description}${stop}[${docs}](${helpUri})`) };
  } else {
    descriptor.help = { text: escapeBraces(description) };
  }
  descriptor.defaultConfiguration = { level: levelOf(meta.defaultSeverity) };
  if (Object.keys(messageStrings).length > 0) descriptor.messageStrings = messageStrings;
  descriptor.properties = { tags: [meta.type] };
  return descriptor;
}

/** The template in the locale, else in the other one (never empty when either has text). */
function pick(template: MessageTemplate, locale: Locale): string {
  return template[locale] || template[locale === 'zh' ? 'en' : 'zh'] || '';
}

function helpUriOf(url: string, version: string): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url)) return url;
  return `https://unpkg.com/jiaohe@${encodeURIComponent(version)}/${url.replace(/^\.?\//, '').split('/').map(encodeURIComponent).join('/')}`;
}

/** `zero-claim-contradiction` → `ZeroClaimContradiction`. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** SARIF messages write literal braces doubled (§3.11.5), as `{0}` would be a placeholder. */
function escapeBraces(text: string): string {
  return text.replace(/[{}]/g, (c) => c + c);
}

/**
 * Where a range sits. `line`/`column` are the caller's (already the file's); the end comes from
 * `end` when given, else from the target's text. Text and HTML files get line/column regions,
 * character offsets and a snippet. A Word file or a PDF has no lines a viewer could open at (its
 * text was extracted), so it gets no region at all, only a logical location (第3段, 第2页第5行)
 * that a person can find: offsets into the extracted text are not offsets into the file either.
 */
function locationOf(
  target: Target,
  range: Range,
  line: number,
  column: number,
  end: { line: number; column: number } | undefined,
  withContext: boolean,
  locale: Locale,
): Sarif.Location {
  const doc = target.doc;
  const artifactLocation = target.location;
  if (!doc) return { physicalLocation: { artifactLocation, region: { startLine: line, startColumn: column } } };
  if (!isTextFile(doc)) {
    const place = placeOf(doc, { offset: range.start, line, column });
    const { kind, ...where } = place;
    return { physicalLocation: { artifactLocation }, logicalLocations: [{ name: placeText(place, locale), kind, properties: where }] };
  }
  const lines = (target.lines ??= new LineIndex(doc.text));
  const inText = range.end <= doc.text.length;
  let stop = end ?? (range.end > range.start && inText ? lines.position(range.end) : { line, column });
  // An end before the start (an inconsistent position) collapses to an empty region.
  if (stop.line < line || (stop.line === line && stop.column < column)) stop = { line, column };
  const lineColumns = { startLine: line, startColumn: column, endLine: stop.line, endColumn: stop.column };
  if (!inText) return { physicalLocation: { artifactLocation, region: lineColumns } };
  const region: Sarif.Region = { ...lineColumns, charOffset: range.start, charLength: range.end - range.start };
  if (range.end > range.start) region.snippet = { text: doc.text.slice(range.start, range.end) };
  const physical: Sarif.PhysicalLocation = { artifactLocation, region };
  if (withContext) {
    const context = contextRegion(doc.text, lines, range);
    if (context) physical.contextRegion = context;
  }
  return { physicalLocation: physical };
}


/**
 * The message with a sentence naming the related locations as SARIF embedded links
 * (`[分子: 1742件](1)`, §3.11.6), which viewers such as GitHub's turn into links to them.
 */
function withRelatedLinks(d: Diagnostic, locale: Locale): string {
  // Link-like text of the message itself must not be read as a link.
  const message = d.message.replace(/\[(?=[^\]]*\]\()/g, '\\[');
  if (d.related.length === 0) return message;
  const links = d.related.map((r, i) => `[${r.message.replace(/[\\[\]]/g, '\\$&')}](${i + 1})`);
  if (locale === 'zh') return `${message}${/[\u3002\uff01\uff1f!?]$/.test(message) ? '' : '。'}相关位置:${links.join('、')}。`;
  return `${message}${/[.!?]$/.test(message) ? '' : '.'} Related locations: ${links.join(', ')}.`;
}

/** Lines of a text hashed as GitHub does: each line's start offset, and its hash with occurrence count. */
interface LineHashes {
  starts: number[];
  hashes: string[];
}

/**
 * GitHub's `primaryLocationLineHash` of a finding's line (codeql-action's `fingerprints.ts`,
 * which computes it for uploads that lack one). Its line is counted from the finding's offset,
 * with GitHub's line breaks (LF, CRLF, lone CR), not from `line`, which also breaks at U+2028.
 * For a .docx or PDF it hashes the extracted text (one line per paragraph): GitHub cannot read
 * lines from such a file, and the hash still follows the finding's text as it moves.
 */
function lineHashOf(target: Target, d: Diagnostic): string {
  const hashes = (target.lineHashes ??= githubLineHashes(target.doc!.text));
  let line = d.line - 1;
  if (d.range.start <= target.doc!.text.length) line = lastAtOrBefore(hashes.starts, d.range.start);
  return hashes.hashes[Math.max(0, Math.min(line, hashes.hashes.length - 1))]!;
}

/** Characters hashed from each line's start on, across following lines (GitHub's `BLOCK_SIZE`). */
const HASH_BLOCK = 100;
const TWO_32 = 4294967296;

/**
 * GitHub's line hashes, exactly: spaces and tabs dropped, CRLF and CR read as LF, then for each
 * line the polynomial hash (base 37, modulo 2^64) of the 100 characters from its first one on,
 * an end-of-file character 65535 and zeros after the text, in lowercase hex; `:N` counts
 * earlier lines with the same hash, so identical lines stay apart. Equals GitHub's when `text`
 * is the file's content as GitHub reads it, as UTF-8: not for a GBK or UTF-16 file, and not for
 * the first lines (their 100 characters) of a file that starts with a byte-order mark, which
 * GitHub hashes and the decoded text lacks. Computed in two 32-bit halves, as BigInt
 * arithmetic is many times slower.
 */
export function githubLineHashes(text: string): LineHashes {
  // The text without spaces and tabs, then 65535, then the zeros hashed after the end.
  const units = new Uint16Array(text.length + 1 + HASH_BLOCK);
  let length = 0;
  const firsts: number[] = [];
  const starts: number[] = [0];
  let lineStart = true;
  let prevCR = false;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 0xffff;
    if (c === 0x20 || c === 0x09 || (prevCR && c === 0x0a)) {
      prevCR = false;
      continue;
    }
    prevCR = c === 0x0d;
    if (lineStart) {
      lineStart = false;
      firsts.push(length);
    }
    if (c === 0x0d || c === 0x0a) {
      lineStart = true;
      starts.push(c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1);
      c = 0x0a;
    }
    units[length++] = c;
  }
  const counts = new Map<string, number>();
  const hashes = firsts.map((first) => {
    let hi = 0;
    let lo = 0;
    for (let k = first; k < first + HASH_BLOCK; k++) {
      // Below 2^38, so exact in a double; `>>> 0` takes it modulo 2^32.
      const l = lo * 37 + units[k]!;
      const low = l >>> 0;
      hi = (hi * 37 + (l - low) / TWO_32) >>> 0;
      lo = low;
    }
    const hex = hi === 0 ? lo.toString(16) : hi.toString(16) + lo.toString(16).padStart(8, '0');
    const n = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, n);
    return `${hex}:${n}`;
  });
  return { starts: starts.slice(0, hashes.length), hashes };
}

/** Up to `CONTEXT` code units on each side of the range, within its own lines; undefined when there is none. */
function contextRegion(text: string, lines: LineIndex, range: Range): Sarif.Region | undefined {
  const first = lines.position(range.start).line;
  const last = lines.position(range.end).line;
  const lineStart = lines.lineStarts[first - 1]!;
  let lineEnd = lines.lineStarts[last] ?? text.length;
  while (lineEnd > range.end && /[\r\n\u2028\u2029]/.test(text[lineEnd - 1]!)) lineEnd--;
  const from = Math.max(lineStart, range.start - CONTEXT);
  const to = Math.max(range.end, Math.min(lineEnd, range.end + CONTEXT));
  if (from === range.start && to === range.end) return undefined;
  const a = lines.position(from);
  const b = lines.position(to);
  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, charOffset: from, charLength: to - from, snippet: { text: text.slice(from, to) } };
}

// Paths → URIs, without Node's `path` or `url` so the formatter also runs in a browser.

interface SplitPath {
  /** `/`, `C:/` or `//` (UNC). */
  root: string;
  segments: string[];
}

const DRIVE = /^[A-Za-z]:[\\/]/;

function isWindowsPath(p: string): boolean {
  return DRIVE.test(p) || p.startsWith('\\\\');
}

/** Splits an absolute path (POSIX, drive letter or UNC), resolving `.` and `..`. */
function splitAbsolute(p: string): SplitPath {
  const windows = isWindowsPath(p);
  const s = windows ? p.replace(/\\/g, '/') : p;
  let root = '/';
  let rest = s.slice(1);
  if (DRIVE.test(s)) {
    root = `${s[0]!.toUpperCase()}:/`;
    rest = s.slice(3);
  } else if (s.startsWith('//')) {
    root = '//';
    rest = s.slice(2);
  }
  const segments: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  return { root, segments };
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || isWindowsPath(p);
}

function resolvePath(cwd: string, p: string): SplitPath {
  if (isAbsolutePath(p)) return splitAbsolute(p);
  const sep = isWindowsPath(cwd) ? '\\' : '/';
  return splitAbsolute(`${cwd}${sep}${p}`);
}

function fileUri({ root, segments }: SplitPath, directory: boolean): string {
  const path = segments.map(encodeURIComponent).join('/');
  const tail = directory && segments.length > 0 ? '/' : '';
  if (root === '//') return `file://${path}${tail}`;
  if (root === '/') return `file:///${path}${tail}`;
  return `file:///${root}${path}${tail}`;
}

function directoryUri(cwd: string): string {
  return fileUri(splitAbsolute(isAbsolutePath(cwd) ? cwd : `/${cwd}`), true);
}

/** A URI that is already one (`https://…`), with anything not allowed in a URI percent-encoded. */
function encodeLoose(uri: string): string {
  return uri.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}

/** The document's location: relative to `SRCROOT` inside the base directory, else an absolute `file://` URI. */
function artifactLocation(path: string, cwd: string | undefined): Sarif.ArtifactLocation {
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(path) && !DRIVE.test(path)) return { uri: encodeLoose(path) };
  if (cwd === undefined) {
    if (isAbsolutePath(path)) return { uri: fileUri(splitAbsolute(path), false) };
    const segments = path.split('/').filter((s) => s !== '' && s !== '.');
    return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  const base = splitAbsolute(isAbsolutePath(cwd) ? cwd : `/${cwd}`);
  const abs = resolvePath(cwd, path);
  const inside = abs.root === base.root && base.segments.length < abs.segments.length && base.segments.every((s, i) => s === abs.segments[i]);
  if (inside) return { uri: abs.segments.slice(base.segments.length).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: fileUri(abs, false) };
}
