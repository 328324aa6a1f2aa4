/**
 * A finding said as a person reads it in a report they file or annotate: the problem, what it
 * rests on, what to write instead, and the figures involved. Shared by the HTML and CSV reports
 * and by Word comments, so each says a finding in the same words. Browser-safe.
 */
import type { Diagnostic, Severity } from '../engine/diagnostic.js';
import type { Locale } from '../engine/messages.js';
import type { CheckedDocument } from './document.js';
import { placeOf, placeText } from './place.js';

/** A finding split into the parts a reader looks for. */
export interface FindingParts {
  /** 问题: the finding's message. */
  problem: string;
  /** 依据: the computation and what was expected, from the evidence ('' when the evidence says nothing). */
  basis: string;
  /** 建议: the fix a writer could accept, or null when the rule offers none. */
  suggestion: string | null;
  /** The related figures, each with where it is (`分子: 1742件 (11:58)`). */
  figures: string[];
  /** The regulations the finding rests on, as its message cites them (`《…规定》第二十五条第(二)项`). */
  regulations: string[];
}

/**
 * The regulations a message cites: a title in 《》, with its document number in brackets and the
 * article, item or paragraph after it. Rules cite the regulation they rest on in the message itself
 * (required parts, deadlines); a finding of arithmetic cites none.
 */
export function regulationsIn(message: string): string[] {
  const found = message.match(/《[^《》]+》(?:[((][^()()]{1,30}[))])?(?:第[一二三四五六七八九十百零〇\d]+条)?(?:第[((]?[一二三四五六七八九十\d]+[))]?[项款])?/g) ?? [];
  return [...new Set(found)];
}

const LABELS = {
  zh: { problem: '问题', basis: '依据', suggestion: '建议', figures: '相关数字', computed: '计算结果', mustHold: '应满足', shouldBe: '应为', shouldHave: '应有', on: '基数', note: '说明', replace: '替换为' },
  en: { problem: 'Problem', basis: 'Basis', suggestion: 'Suggestion', figures: 'Figures', computed: 'computed', mustHold: 'must hold', shouldBe: 'expected', shouldHave: 'expected', on: 'on', note: 'note', replace: 'replace with' },
} as const;

/** The labels of a finding's parts in a locale (问题, 依据, 建议 …). */
export function partLabels(locale: Locale): { problem: string; basis: string; suggestion: string; figures: string } {
  const l = LABELS[locale];
  return { problem: l.problem, basis: l.basis, suggestion: l.suggestion, figures: l.figures };
}

/** Severity words without the stylish output's padding. */
const SEVERITY: Record<Locale, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** A severity as a word in a locale (错误, 警告, 提示). */
export function severityWord(severity: Severity, locale: Locale): string {
  return SEVERITY[locale][severity];
}

/** The digit runs of `s`, to tell whether one text already states another's figures. */
const digitRuns = (s: string): string[] => s.match(/\d+(?:\.\d+)?/g) ?? [];

/**
 * What `expected` is said as: a relation (`行政诉讼数量 = 0`) must hold, a figure (`96.7%`,
 * `2021年`) is what the text should have said, and words (`原因`, a missing section) are what it
 * should have had. One fixed word would read wrong for two of the three.
 */
function expectedText(expected: string, locale: Locale): string {
  const l = LABELS[locale];
  if (/[=<>≤≥≠]/.test(expected)) return locale === 'zh' ? `${l.mustHold}${expected}` : `${l.mustHold}: ${expected}`;
  if (/\d/.test(expected)) return locale === 'zh' ? `${l.shouldBe}${expected}` : `${l.shouldBe} ${expected}`;
  return locale === 'zh' ? `${l.shouldHave}:${expected}` : `${l.shouldHave}: ${expected}`;
}

/**
 * 依据: the computation as the rule wrote it, then what was expected, then the rule's remark.
 * The computed value and the base are left out when the expression already shows them, so
 * `116/120 = 96.6667%` is not followed by `96.6667%` and `116批 / 120批` again. Last, the
 * regulations the message cites: 依据 in an audit opinion is first of all its legal basis.
 */
function basisText(d: Diagnostic, locale: Locale, regulations: readonly string[]): string {
  const l = LABELS[locale];
  const e = d.evidence;
  const sep = locale === 'zh' ? ',' : ', ';
  const computation: string[] = [];
  if (e.expression) computation.push(e.expression);
  if (e.computed && !(e.expression ?? '').includes(e.computed)) computation.push(locale === 'zh' ? `${l.computed}:${e.computed}` : `${l.computed}: ${e.computed}`);
  if (e.base) {
    const shown = computation.join(' ');
    const runs = digitRuns(e.base);
    if (runs.length === 0 || !runs.every((r) => shown.includes(r))) computation.push(locale === 'zh' ? `${l.on}:${e.base}` : `${l.on} ${e.base}`);
  }
  if (e.expected) computation.push(expectedText(e.expected, locale));
  const parts = computation.length > 0 ? [computation.join(sep)] : [];
  // Rules write their notes for developers, in English. A Chinese page for people leaves out a
  // note with English words in it (the JSON and SARIF outputs keep every note).
  if (e.note && (locale === 'en' || !/[A-Za-z]{2,}/.test(e.note))) parts.push(locale === 'zh' ? `${l.note}:${e.note}` : `${l.note}: ${e.note}`);
  if (regulations.length > 0) parts.push(regulations.join(locale === 'zh' ? '、' : ', '));
  return parts.join(locale === 'zh' ? ';' : '; ');
}

/** 建议: the rule's fix, with its replacement when the message does not already say it. */
function suggestionText(d: Diagnostic, locale: Locale): string | null {
  const s = d.suggestion;
  if (!s) return null;
  const r = s.replacement;
  if (r === undefined || s.message.includes(r)) return s.message;
  return locale === 'zh' ? `${s.message}(${LABELS.zh.replace}“${r}”)` : `${s.message} (${LABELS.en.replace} “${r}”)`;
}

/**
 * The figures a finding points at: its related places (already localised: `分子: 1742件`) with
 * where each is, or, when it has none, the figures its evidence names.
 */
function figureTexts(d: Diagnostic): string[] {
  if (d.related.length > 0) return d.related.map((r) => `${r.message} (${r.document ? `${r.document}:` : ''}${r.line}:${r.column})`);
  const seen = new Set<string>();
  for (const f of d.evidence.figures) seen.add(f.document ? `${f.text} (${f.document})` : f.text);
  return [...seen];
}

/** A finding's 问题, 依据, 建议 and related figures, in a locale. */
export function findingParts(d: Diagnostic, locale: Locale): FindingParts {
  const regulations = regulationsIn(d.message);
  return { problem: d.message, basis: basisText(d, locale, regulations), suggestion: suggestionText(d, locale), figures: figureTexts(d), regulations };
}

/**
 * A finding as the body of a Word comment: one line each for 问题, 依据 and 建议 (and the
 * figures), leaving out the parts the finding has not got, so a comment never shows an empty label.
 */
export function commentBody(d: Diagnostic, locale: Locale): string {
  const p = findingParts(d, locale);
  const l = partLabels(locale);
  const colon = locale === 'zh' ? ':' : ': ';
  const lines = [`${l.problem}${colon}${p.problem}`];
  if (p.basis) lines.push(`${l.basis}${colon}${p.basis}`);
  if (p.suggestion) lines.push(`${l.suggestion}${colon}${p.suggestion}`);
  if (p.figures.length > 0) lines.push(figuresLine(p.figures, locale));
  return lines.join('\n');
}

/** The related figures as one labelled line (`相关数字:分子: 116批 (30:267)、分母: 120批 (30:195)`). */
export function figuresLine(figures: readonly string[], locale: Locale): string {
  return `${partLabels(locale).figures}${locale === 'zh' ? ':' : ': '}${figures.join(locale === 'zh' ? '、' : '; ')}`;
}

/** Characters of the finding's line shown on each side of it in 原文. */
export const EXCERPT_CONTEXT = 60;

const isBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The text of a finding in its line: up to `context` characters before and after, cut with `…`. */
export interface Excerpt {
  /** The line's text before the finding, starting with `…` when cut. */
  before: string;
  /** Exactly the finding's text, `text.slice(range.start, range.end)`. */
  marked: string;
  /** The line's text after the finding, ending with `…` when cut. */
  after: string;
}

/**
 * 原文: the finding's text and its surroundings on its line. The marked part is the finding's
 * range exactly, even across a line break, so a reader sees precisely what is meant; the
 * surroundings stop at the line's ends and never split a surrogate pair.
 */
export function excerpt(text: string, start: number, end: number, context: number = EXCERPT_CONTEXT): Excerpt {
  const at = Math.max(0, Math.min(start, text.length));
  const to = Math.max(at, Math.min(end, text.length));
  let lineStart = at;
  while (lineStart > 0 && !isBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  let lineEnd = to;
  while (lineEnd < text.length && !isBreak(text.charCodeAt(lineEnd))) lineEnd++;
  let from = Math.max(lineStart, at - context);
  if (from > lineStart && isLowSurrogate(text.charCodeAt(from))) from--;
  let until = Math.min(lineEnd, to + context);
  if (until < lineEnd && isLowSurrogate(text.charCodeAt(until))) until++;
  return {
    before: (from > lineStart ? '…' : '') + text.slice(from, at),
    marked: text.slice(at, to),
    after: text.slice(to, until) + (until < lineEnd ? '…' : ''),
  };
}

/** One finding as a row of a filed report (HTML table, CSV line). */
export interface FindingRow extends FindingParts {
  /** 序号: 1-based within its document. */
  index: number;
  severity: Severity;
  ruleId: string;
  /** 位置, as the document's format counts (`30:282`, `第3段`, `第2页第5行`). */
  place: string;
  /** 原文. */
  excerpt: Excerpt;
  diagnostic: Diagnostic;
}

/** The rows of a document's findings, in the order they are reported. */
export function findingRows(doc: CheckedDocument, locale: Locale): FindingRow[] {
  return doc.diagnostics.map((d, i) => ({
    index: i + 1,
    severity: d.severity,
    ruleId: d.ruleId,
    place: placeText(placeOf(doc, { offset: d.range.start, line: d.line, column: d.column }), locale),
    excerpt: excerpt(doc.text, d.range.start, d.range.end),
    diagnostic: d,
    ...findingParts(d, locale),
  }));
}

const LEVELS: Record<Locale, Record<string, string>> = {
  zh: { district: '区', county: '县', street: '街道', town: '镇', city: '市', department: '部门' },
  en: { district: 'district', county: 'county', street: 'street', town: 'town', city: 'city', department: 'department' },
};

/** What a document was checked as, for a report's summary: `法治政府建设年度报告(街道)`, or that no kind was recognised. */
export function kindText(doc: Pick<CheckedDocument, 'kind'>, locale: Locale): string {
  const k = doc.kind;
  if (!k) return '';
  if (k.profile === null) return locale === 'zh' ? '未识别' : 'not recognised';
  const name = k.name ?? k.profile;
  const level = LEVELS[locale][k.level];
  if (!level) return name;
  return locale === 'zh' ? `${name}(${level})` : `${name} (${level})`;
}
